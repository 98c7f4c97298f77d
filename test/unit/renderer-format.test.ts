import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickCashAmounts } from '../../renderer/src/format/cash';
import {
  dayAndMoment,
  epochToStoreWall,
  formatDateTime,
  formatIsoDateTime,
  formatTime,
  storeDay,
  storeDayBefore,
  storeWallToEpoch,
} from '../../renderer/src/format/date';
import { currencyDigits, currencySymbol, formatMoney, formatQty, formatRate, minorToDecimal } from '../../renderer/src/format/money';
import { parseDecimal } from '../../renderer/src/format/parse-amount';

describe('money display', () => {
  it('formats minor units with the currency and the UI locale', () => {
    expect(formatMoney(3042, 'CNY', 'zh-CN')).toBe('¥30.42');
    expect(formatMoney(3042, 'CNY', 'en')).toBe('¥30.42');
    expect(formatMoney(-5, 'CNY', 'zh-CN')).toBe('-¥0.05');
    expect(formatMoney(1234567, 'USD', 'en')).toBe('$12,345.67');
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500');
  });

  it('labels an amount field with the sign the amounts are written with', () => {
    expect(currencySymbol('CNY', 'zh-CN')).toBe('¥');
    expect(currencySymbol('CNY', 'en')).toBe('¥');
    expect(currencySymbol('USD', 'en')).toBe('$');
  });

  it('knows the minor digits of a currency', () => {
    expect(currencyDigits('CNY')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
  });

  it('turns integers into exact decimal strings and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.constantFrom(0, 2, 3), (minor, digits) => {
        expect(parseDecimal(minorToDecimal(minor, digits), digits)).toBe(minor);
      }),
    );
  });

  it('formats quantities and rates', () => {
    expect(formatQty(1000, 'en')).toBe('1');
    expect(formatQty(1500, 'en')).toBe('1.5');
    expect(formatQty(250, 'zh-CN')).toBe('0.25');
    expect(formatRate(1300, 'en')).toBe('13%');
    expect(formatRate(1050, 'en')).toBe('10.5%');
  });
});

describe('parsing what the cashier keys', () => {
  it('accepts plain decimals up to the allowed digits', () => {
    expect(parseDecimal('12.5', 2)).toBe(1250);
    expect(parseDecimal('100', 2)).toBe(10000);
    expect(parseDecimal('.5', 2)).toBe(50);
    expect(parseDecimal('7.', 2)).toBe(700);
  });

  it('refuses anything else', () => {
    for (const text of ['', '.', 'abc', '1.234', '-1', '1e3', '1,5', '1.2.3']) expect(parseDecimal(text, 2), text).toBeNull();
    expect(parseDecimal('9'.repeat(20), 2)).toBeNull();
  });
});

describe('cash screen suggestions', () => {
  it('offers exact, then the next 10, 50 and 100 above the amount due', () => {
    expect(quickCashAmounts(3242, 2)).toEqual([3242, 4000, 5000, 10000]);
    expect(quickCashAmounts(5000, 2)).toEqual([5000, 6000, 10000]);
    expect(quickCashAmounts(680, 2)).toEqual([680, 1000, 5000, 10000]);
  });

  it('never offers more than one receipt may take (99,999,999.99)', () => {
    // ¥99,999,999.00 due: the next 10, 50 and 100 are all ¥100,000,000.00, which main refuses.
    expect(quickCashAmounts(9_999_999_900, 2)).toEqual([9_999_999_900]);
    // ¥99,999,950.00 due: ¥99,999,960.00 is still under the limit; ¥100,000,000.00 is not.
    expect(quickCashAmounts(9_999_995_000, 2)).toEqual([9_999_995_000, 9_999_996_000]);
    expect(quickCashAmounts(9_999_999_999, 2)).toEqual([9_999_999_999]);
  });

  it('writes an ISO build date as the UI writes moments, not as 2026-11-30T02:41:32.898Z', () => {
    const iso = '2026-11-30T02:41:32.898Z';
    expect(formatIsoDateTime(iso, 'zh-CN', 'Asia/Shanghai')).toBe(formatDateTime(Date.parse(iso), 'zh-CN', 'Asia/Shanghai'));
    expect(formatIsoDateTime(iso, 'zh-CN', 'Asia/Shanghai')).toBe('2026年11月30日 10:41');
    expect(formatIsoDateTime('not built', 'zh-CN', 'Asia/Shanghai')).toBe('not built');
  });

  it("says a document's day once: its time alone on its business day, the full moment on another", () => {
    const at = Date.UTC(2026, 10, 30, 6, 5); // 14:05 in Shanghai
    const time = formatTime(at, 'zh-CN', 'Asia/Shanghai');
    expect(dayAndMoment('2026-11-30', at, 'zh-CN', 'Asia/Shanghai')).toEqual({ day: '2026-11-30', date: null, time });
    expect(dayAndMoment('2026-11-29', at, 'zh-CN', 'Asia/Shanghai')).toEqual({ day: '2026-11-29', date: '2026年11月30日', time });
    expect(time).toBe('14:05');
  });
});

describe("moments on the store's clock, whatever the machine's", () => {
  // The sweep's Z: closed at 08:13:06 UTC in a Shanghai store; the paper says 16:13:06.
  const closedAt = Date.UTC(2026, 11, 1, 8, 13, 6);

  it("writes a moment in the store's zone, not the machine's (the tests run on UTC)", () => {
    expect(formatDateTime(closedAt, 'zh-CN', 'Asia/Shanghai')).toBe('2026年12月1日 16:13');
    expect(formatDateTime(closedAt, 'en', 'Asia/Shanghai')).toBe('Dec 1, 2026, 4:13 PM');
    expect(formatTime(closedAt, 'zh-CN', 'Asia/Shanghai')).toBe('16:13');
    expect(formatTime(closedAt, 'zh-CN', 'UTC')).toBe('08:13');
  });

  it("dates a moment after the store's midnight on the store's day, not the machine's", () => {
    const lateUtc = Date.UTC(2026, 11, 1, 17, 30); // 01:30 on 2 December in Shanghai
    expect(storeDay(lateUtc, 'Asia/Shanghai')).toBe('2026-12-02');
    expect(storeDay(lateUtc, 'UTC')).toBe('2026-12-01');
    expect(dayAndMoment('2026-12-01', lateUtc, 'zh-CN', 'Asia/Shanghai').date).toBe('2026年12月2日');
    expect(storeDayBefore(lateUtc, 'Asia/Shanghai', 6)).toBe('2026-11-26');
    expect(storeDayBefore(Date.UTC(2026, 2, 1, 12), 'UTC', 1)).toBe('2026-02-28');
  });

  it("reads a date-and-time field's value on the store's clock and writes it back the same", () => {
    expect(storeWallToEpoch('2026-12-01T16:13', 'Asia/Shanghai')).toBe(Date.UTC(2026, 11, 1, 8, 13));
    expect(storeWallToEpoch('2026-12-01', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 30, 16, 0));
    expect(storeWallToEpoch('2026-12-01T16:13', 'UTC')).toBe(Date.UTC(2026, 11, 1, 16, 13));
    expect(storeWallToEpoch('yesterday', 'UTC')).toBeNull();
    // Either side of a clock change: Berlin went to summer time at 02:00 on 29 March 2026.
    expect(storeWallToEpoch('2026-03-29T01:30', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 0, 30));
    expect(storeWallToEpoch('2026-03-29T03:30', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.constantFrom('Asia/Shanghai', 'Asia/Kolkata', 'America/New_York', 'UTC'),
        (at, zone) => {
          const minute = Math.floor(at / 60_000) * 60_000;
          const wall = epochToStoreWall(minute, zone);
          const back = storeWallToEpoch(wall, zone);
          // The hour a clock change repeats names two instants; both write as the same wall time.
          expect(back !== null && epochToStoreWall(back, zone)).toBe(wall);
        },
      ),
    );
  });
});
