// The month and year summary (report.summary) on a real ledger: a day whose drawer was closed
// without a count has no over/short, so it is named and left out of the sum, never added as 0.
import { afterEach, describe, expect, it } from 'vitest';
import { openShop, shanghai, type Shop } from '../support/day-close-shop';
import { FIXTURE_FLOAT } from '../support/register-fixture';

let shops: Shop[] = [];
afterEach(() => {
  for (const s of shops) s.reg.cleanup();
  shops = [];
});

describe('report.summary over/short', () => {
  it('sums the counted days only and says which were not counted; none counted: unknown', async () => {
    const s = await openShop(shanghai('2026-10-05', '10:00'));
    shops.push(s);
    // Day 1: counted ¥5.00 short (¥10.00 taken, ¥5.00 more in the drawer).
    await s.cashSale([1_000]);
    await s.closeShift([...FIXTURE_FLOAT, { denominationMinor: 500, count: 1 }]);
    await s.as('supervisor');
    expect((await s.z()).overShortMinor).toBe(-500);
    // Day 2: the drawer is never counted; the Z force-closes its shift.
    s.clock.now = shanghai('2026-10-06', '10:00');
    await s.as('cashier');
    const shiftId = await s.openShift();
    await s.cashSale([700]);
    await s.as('supervisor');
    await s.z({ forceClose: [{ shiftId, reason: '收银员已下班' }] });

    expect(await s.reg.must('report.summary', { from: '2026-10-05', to: '2026-10-06' })).toMatchObject({
      days: 2,
      overShortMinor: -500,
      overShortUncountedDays: 1,
    });
    expect(await s.reg.must('report.summary', { from: '2026-10-06', to: '2026-10-06' })).toMatchObject({
      days: 1,
      overShortMinor: null,
      overShortUncountedDays: 1,
    });
    expect(await s.reg.must('report.summary', { from: '2026-10-05', to: '2026-10-05' })).toMatchObject({ overShortMinor: -500, overShortUncountedDays: 0 });
  });
});
