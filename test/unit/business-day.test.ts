import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDayOf, businessDayOfNewDocument, businessDayRule, localHourOf, minutesOf, nextDay } from '../../main/business-day/business-day';

describe('the business day', () => {
  const shanghai = (startsAt: string) => businessDayRule({ timeZone: 'Asia/Shanghai', businessDayStartsAt: startsAt });

  it('is the local date in the store zone with a midnight rollover', () => {
    // 2026-03-09 16:30 UTC = 2026-03-10 00:30 in Shanghai.
    expect(businessDayOf(Date.UTC(2026, 2, 9, 16, 30), shanghai('00:00'))).toBe('2026-03-10');
    expect(businessDayOf(Date.UTC(2026, 2, 9, 15, 59), shanghai('00:00'))).toBe('2026-03-09');
    expect(businessDayOf(Date.UTC(2026, 2, 9, 16, 30), businessDayRule({ timeZone: 'Europe/Berlin', businessDayStartsAt: '00:00' }))).toBe('2026-03-09');
  });

  it('keeps sales after midnight in the evening they belong to until the rollover', () => {
    // 03:59 and 04:00 local on the 10th.
    expect(businessDayOf(Date.UTC(2026, 2, 9, 19, 59), shanghai('04:00'))).toBe('2026-03-09');
    expect(businessDayOf(Date.UTC(2026, 2, 9, 20, 0), shanghai('04:00'))).toBe('2026-03-10');
  });

  it('reads HH:MM as minutes after midnight', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('04:30')).toBe(270);
    expect(minutesOf('23:59')).toBe(1439);
  });

  it('never goes backwards as time moves forward, and moves by at most one day per day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
        fc.integer({ min: 0, max: 86_400_000 }),
        fc.integer({ min: 0, max: 1439 }),
        (at, step, minutes) => {
          const rule = { timeZone: 'Asia/Shanghai', startsAtMinutes: minutes };
          const a = businessDayOf(at, rule);
          const b = businessDayOf(at + step, rule);
          expect(b >= a).toBe(true);
          expect(Date.parse(b) - Date.parse(a)).toBeLessThanOrEqual(86_400_000);
        },
      ),
    );
  });
});

describe('the business day of a new document', () => {
  const rule = { timeZone: 'Asia/Shanghai', startsAtMinutes: 0 };
  const at = (local: string) => Date.parse(`${local}+08:00`);

  it('is the day its moment falls in while that day is open', () => {
    expect(businessDayOfNewDocument(at('2026-03-10T21:00:00'), rule, null)).toBe('2026-03-10');
    expect(businessDayOfNewDocument(at('2026-03-10T21:00:00'), rule, '2026-03-09')).toBe('2026-03-10');
  });

  it('moves on to the day after the last Z once its own day is closed, instead of refusing', () => {
    expect(businessDayOfNewDocument(at('2026-03-10T21:30:00'), rule, '2026-03-10')).toBe('2026-03-11');
    // Two days closed ahead (a Z taken for an empty day): still the day after the last one.
    expect(businessDayOfNewDocument(at('2026-03-10T21:30:00'), rule, '2026-03-11')).toBe('2026-03-12');
    expect(businessDayOfNewDocument(at('2026-03-12T08:00:00'), rule, '2026-03-11')).toBe('2026-03-12');
  });

  it('never goes back to a closed day, whatever the moment and the last closed day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: -3, max: 3 }),
        (t, minutes, offset) => {
          const r = { timeZone: 'Asia/Shanghai', startsAtMinutes: minutes };
          const calendar = businessDayOf(t, r);
          let closed = calendar;
          for (let i = 0; i < Math.abs(offset); i++)
            closed = offset > 0 ? nextDay(closed) : new Date(Date.parse(closed) - 86_400_000).toISOString().slice(0, 10);
          const day = businessDayOfNewDocument(t, r, closed);
          expect(day > closed).toBe(true);
          expect(day === calendar || day === nextDay(closed)).toBe(true);
        },
      ),
    );
  });

  it('never goes back behind the latest day already booked, as a clock set back at a restart would', () => {
    // A sale booked 03-10; the clock now says 03-09: the next one joins 03-10, not the day before.
    expect(businessDayOfNewDocument(at('2026-03-09T10:00:00'), rule, null, '2026-03-10')).toBe('2026-03-10');
    expect(businessDayOfNewDocument(at('2026-03-09T10:00:00'), rule, '2026-03-08', '2026-03-10')).toBe('2026-03-10');
    // Once 03-10 is closed, the day after it, whatever the clock says.
    expect(businessDayOfNewDocument(at('2026-03-09T10:00:00'), rule, '2026-03-10', '2026-03-10')).toBe('2026-03-11');
    // A clock that is right moves on as before.
    expect(businessDayOfNewDocument(at('2026-03-12T10:00:00'), rule, null, '2026-03-10')).toBe('2026-03-12');
  });

  it('is never earlier than the latest booked day nor on or before the last closed one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
        fc.integer({ min: -5, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (t, latestOffset, closedBehind) => {
          const calendar = businessDayOf(t, rule);
          const shift = (day: string, n: number) => new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);
          const latest = shift(calendar, latestOffset);
          const closed = closedBehind === 0 ? null : shift(latest, -closedBehind);
          const day = businessDayOfNewDocument(t, rule, closed, latest);
          expect(day >= latest).toBe(true);
          expect(day >= calendar).toBe(true);
          expect(day === (calendar > latest ? calendar : latest)).toBe(true);
        },
      ),
    );
  });

  it('steps a day by the calendar, across months, years and leap days', () => {
    expect(nextDay('2026-01-31')).toBe('2026-02-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2027-02-28')).toBe('2027-03-01');
  });
});

describe('the local hour of a moment', () => {
  it('matches Intl in whole, half and three-quarter hour zones, across DST changes', () => {
    const reference = (t: number, tz: string) =>
      Number(new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(new Date(t)));
    fc.assert(
      fc.property(
        fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
        fc.constantFrom('Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kathmandu', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'UTC'),
        (t, tz) => {
          expect(localHourOf(t, tz)).toBe(reference(t, tz));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
