// The app's date fields read year-month-day whatever the browser's language: what they take, and
// what they refuse and why (renderer/src/format/date-input.ts, shown by components/DateField.tsx).
import { describe, expect, it } from 'vitest';
import { dateText, readDate, readTime } from '../../renderer/src/format/date-input';

describe('a typed day', () => {
  it('is read as YYYY-MM-DD, with -, /, . or 年月日 between, full-width digits too', () => {
    for (const text of ['2026-11-30', ' 2026/11/30 ', '2026.11.30', '2026年11月30日', '２０２６－１１－３０', '20261130'])
      expect(readDate(text), text).toEqual({ ok: true, value: '2026-11-30' });
    expect(readDate('2026-3-5')).toEqual({ ok: true, value: '2026-03-05' });
    expect(readDate('2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
  });

  it('refuses what is no date, and says whether it is the form or the day', () => {
    expect(readDate('')).toEqual({ ok: false, problem: 'empty' });
    expect(readDate('   ')).toEqual({ ok: false, problem: 'empty' });
    // An English browser's own order is not guessed at: 11/30/2026 could be read two ways.
    for (const text of ['11/30/2026', '30.11.2026', 'yesterday', '2026-11', '2026-11-30 09:30', '2026-11-30x'])
      expect(readDate(text), text).toEqual({ ok: false, problem: 'format' });
    for (const text of ['2026-02-30', '2027-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-11-00', '0202-11-30'])
      expect(readDate(text), text).toEqual({ ok: false, problem: 'impossibleDate' });
  });
});

describe('a typed moment', () => {
  it('is a day and an optional time, YYYY-MM-DDTHH:MM; a day alone is its start', () => {
    expect(readDate('2026-11-30 09:30', true)).toEqual({ ok: true, value: '2026-11-30T09:30' });
    expect(readDate('2026-11-30T9:05', true)).toEqual({ ok: true, value: '2026-11-30T09:05' });
    expect(readDate('2026年11月30日 9时5分', true)).toEqual({ ok: true, value: '2026-11-30T09:05' });
    expect(readDate('2026-11-30', true)).toEqual({ ok: true, value: '2026-11-30T00:00' });
    expect(dateText('2026-11-30T09:05')).toBe('2026-11-30 09:05');
  });

  it('refuses a time that is none', () => {
    expect(readDate('2026-11-30 24:00', true)).toEqual({ ok: false, problem: 'impossibleTime' });
    expect(readDate('2026-11-30 10:60', true)).toEqual({ ok: false, problem: 'impossibleTime' });
    expect(readDate('2026-02-30 10:00', true)).toEqual({ ok: false, problem: 'impossibleDate' });
    expect(readDate('2026-11-30 10', true)).toEqual({ ok: false, problem: 'format' });
    expect(readDate('10:00', true)).toEqual({ ok: false, problem: 'format' });
  });
});

describe('a typed time of day', () => {
  it('is HH:MM on the 24-hour clock', () => {
    expect(readTime('04:00')).toEqual({ ok: true, value: '04:00' });
    expect(readTime(' 9:5 ')).toEqual({ ok: true, value: '09:05' });
    expect(readTime('２３：５９')).toEqual({ ok: true, value: '23:59' });
    expect(readTime('9时30分')).toEqual({ ok: true, value: '09:30' });
  });

  it('refuses what is no time, and an hour or minute that does not exist', () => {
    expect(readTime('')).toEqual({ ok: false, problem: 'empty' });
    for (const text of ['9', '9:30 AM', '0930', 'noon', '9:30:00']) expect(readTime(text), text).toEqual({ ok: false, problem: 'format' });
    for (const text of ['24:00', '12:60', '99:99']) expect(readTime(text), text).toEqual({ ok: false, problem: 'impossibleTime' });
  });
});
