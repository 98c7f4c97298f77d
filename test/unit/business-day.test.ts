import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDayOf, businessDayRule, minutesOf } from '../../main/business-day/business-day';

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
