// The sales report by the hour and its default range, from Zs taken through the router on a real
// ledger: each hour's takings, refunds, voids and discounts are the Z's and add up to its net; a
// Z closed before the Z kept them (its hour rows removed, as an older ledger holds it) leaves them
// unknown, never 0; and the week shown first ends at the latest closed business day when the
// business days have run ahead of the calendar.
import { afterEach, describe, expect, it } from 'vitest';
import { key, openShop, shanghai, type Shop } from '../support/day-close-shop';
import { SUPERVISOR_PIN } from '../support/register-fixture';

let shops: Shop[] = [];
afterEach(() => {
  for (const s of shops) s.reg.cleanup();
  shops = [];
});

async function closeDay(s: Shop) {
  await s.as('cashier');
  await s.closeShift();
  await s.as('supervisor');
  return s.z();
}

/** As a ledger from before the Z kept the hour's takings holds a Z: no hour_* rollups. */
function withoutHourFigures(s: Shop, zNo: number): void {
  const db = s.reg.db;
  db.exec('DROP TRIGGER day_rollups_no_delete');
  db.prepare("DELETE FROM day_rollups WHERE dimension LIKE 'hour\\_%' ESCAPE '\\' AND z_id = (SELECT id FROM z_reports WHERE z_no = ?)").run(zNo);
  db.exec("CREATE TRIGGER day_rollups_no_delete BEFORE DELETE ON day_rollups BEGIN SELECT RAISE(ABORT, 'rollups are immutable'); END;");
}

describe('report.sales by the hour', () => {
  it("shows each hour's takings, refunds, voids and discounts as the Z kept them; a Z without them leaves them unknown", async () => {
    const s = await openShop(shanghai('2026-11-29', '10:00'));
    shops.push(s);
    // 10:00 a ¥30.00 sale; 10:20 a ¥20.00 sale with 10 % off (¥18.00), voided at 10:40.
    const first = await s.cashSale([1_000, 2_000]);
    s.clock.now = shanghai('2026-11-29', '10:20');
    const discounted = await s.sale([2_000]);
    await s.reg.must('sale.setOrderDiscount', { saleId: discounted, discount: { kind: 'percent', rateBp: 1_000 } });
    await s.reg.must('sale.tenderCash', { saleId: discounted, tenderedMinor: 1_800, idempotencyKey: key() });
    s.clock.now = shanghai('2026-11-29', '10:40');
    await s.reg.must('void.sale', {
      saleId: discounted,
      reason: 'cashier_error',
      approval: { operatorId: s.staff.supervisorId, pin: SUPERVISOR_PIN },
      idempotencyKey: key(),
    });
    // 15:30 a ¥5.00 sale, and the ¥20.00 line of the first sale returned.
    s.clock.now = shanghai('2026-11-29', '15:30');
    await s.cashSale([500]);
    const found = await s.reg.must('refund.find', { code: String(first.receiptNo) });
    const line = found.lines.find((l) => l.unitPriceMinor === 2_000);
    await s.reg.must('refund.withReceipt', {
      saleId: first.saleId,
      lines: [{ lineId: line?.lineId ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      approval: { operatorId: s.staff.supervisorId, pin: SUPERVISOR_PIN },
      idempotencyKey: key(),
    });
    const z = await closeDay(s);
    expect(z.figures.netMinor).toBe(3_000 + 1_800 - 1_800 + 500 - 2_000);

    const byHour = await s.reg.must('report.sales', { from: '2026-11-29', to: '2026-11-29', groupBy: 'hour' });
    expect(byHour.hourFiguresMissingZs).toBe(0);
    const busy = byHour.periods.filter((p) => p.salesCount > 0 || p.netMinor !== 0);
    expect(busy.map((p) => [p.key, p.salesCount, p.salesMinor, p.refundsMinor, p.voidsMinor, p.discountMinor, p.netMinor])).toEqual([
      ['10', 2, 4_800, 0, 1_800, 200, 3_000],
      ['15', 1, 500, 2_000, 0, 0, -1_500],
    ]);
    // Summed over the hours, each column is the day's.
    const byDay = await s.reg.must('report.sales', { from: '2026-11-29', to: '2026-11-29', groupBy: 'day' });
    for (const k of ['salesMinor', 'refundsMinor', 'voidsMinor', 'discountMinor', 'netMinor'] as const)
      expect(
        byHour.periods.reduce((n, p) => n + (p[k] ?? NaN), 0),
        k,
      ).toBe(byDay.periods[0]?.[k]);

    // A second day whose Z predates the hour figures: by the hour they are unknown for the range.
    s.clock.now = shanghai('2026-11-30', '09:15');
    await s.as('cashier');
    await s.openShift();
    await s.cashSale([700]);
    withoutHourFigures(s, (await closeDay(s)).zNo);
    const mixed = await s.reg.must('report.sales', { from: '2026-11-29', to: '2026-11-30', groupBy: 'hour' });
    expect(mixed.hourFiguresMissingZs).toBe(1);
    expect(mixed.periods.find((p) => p.key === '09')).toMatchObject({ salesCount: 1, salesMinor: null, refundsMinor: null, voidsMinor: null, netMinor: 700 });
    // The Z itself still reads as it was written.
    expect((await s.reg.must('zReport.get', { zNo: z.zNo })).figures.netMinor).toBe(1_500);
  });

  it('opens on the week up to the latest closed business day when the business days ran ahead of the calendar', async () => {
    const s = await openShop(shanghai('2026-12-01', '10:00'));
    shops.push(s);
    // Three Zs on the calendar day 2026-12-01: business days 12-01, 12-02 and 12-03.
    for (let i = 0; i < 3; i++) {
      if (i > 0) {
        await s.as('cashier');
        await s.openShift();
      }
      await s.cashSale([100 * (i + 1)]);
      expect((await closeDay(s)).businessDay).toBe(`2026-12-0${i + 1}`);
    }
    const first = await s.reg.must('report.sales', { groupBy: 'day' });
    expect(first).toMatchObject({ from: '2026-11-27', to: '2026-12-03', closedDays: 3, netMinor: 600 });
    // Nothing closed ahead of the calendar: the week up to today.
    s.clock.now = shanghai('2026-12-10', '10:00');
    expect(await s.reg.must('report.sales', { groupBy: 'day' })).toMatchObject({ from: '2026-12-04', to: '2026-12-10', closedDays: 0 });
    // A range is both days or neither.
    expect(await s.reg.call('report.sales', { from: '2026-12-01', groupBy: 'day' })).toMatchObject({ ok: false, error: { code: 'request.invalid_input' } });
  });
});
