// The discounts an owner reads on the X, the Z and the reports, on a real ledger through the
// router: given on sales (gross, as the sales are), and beside them the share on goods that came
// back, refunded or voided, on the day they came back (as the refund itself counts), so what was
// kept adds up: net = list price of the goods kept − the discounts kept. A Z taken before that
// share was recorded leaves it unknown in a range, never 0.
import { afterEach, describe, expect, it } from 'vitest';
import { key, openShop, shanghai, type Shop } from '../support/day-close-shop';
import { SUPERVISOR_PIN } from '../support/register-fixture';

let shops: Shop[] = [];
afterEach(() => {
  for (const s of shops) s.reg.cleanup();
  shops = [];
});

const approval = (s: Shop) => ({ operatorId: s.staff.supervisorId, pin: SUPERVISOR_PIN });

/** A cash sale of one ad-hoc line per price with `rateBp` off the order. */
async function discountedSale(s: Shop, prices: number[], rateBp: number) {
  const saleId = await s.sale(prices);
  await s.reg.must('sale.setOrderDiscount', { saleId, discount: { kind: 'percent', rateBp } });
  const done = await s.reg.must('sale.tenderCash', { saleId, tenderedMinor: 100_000, idempotencyKey: key() });
  return { saleId, receiptNo: done.receiptNo ?? 0 };
}

async function returnLine(s: Shop, sale: { saleId: string; receiptNo: number }, unitPriceMinor: number) {
  const found = await s.reg.must('refund.find', { code: String(sale.receiptNo) });
  const line = found.lines.find((l) => l.unitPriceMinor === unitPriceMinor);
  await s.reg.must('refund.withReceipt', {
    saleId: sale.saleId,
    lines: [{ lineId: line?.lineId ?? 0, qtyMilli: 1000, restock: true }],
    reason: 'defective',
    approval: approval(s),
    idempotencyKey: key(),
  });
}

/** As a ledger from before the returned share was kept holds a Z: no ('discount', 'returned') rollup. */
function withoutReturnedRollup(s: Shop, zNo: number): void {
  const db = s.reg.db;
  db.exec('DROP TRIGGER day_rollups_no_delete');
  db.prepare("DELETE FROM day_rollups WHERE dimension = 'discount' AND key = 'returned' AND z_id = (SELECT id FROM z_reports WHERE z_no = ?)").run(zNo);
  db.exec("CREATE TRIGGER day_rollups_no_delete BEFORE DELETE ON day_rollups BEGIN SELECT RAISE(ABORT, 'rollups are immutable'); END;");
}

describe('discounts on goods that came back', () => {
  it('the X, the Z and the reports show the discounts given, the share returned and what was kept, and they reconcile', async () => {
    const s = await openShop(shanghai('2026-11-29', '10:00'));
    shops.push(s);
    // A: ¥10 + ¥20 with 10 % off (¥27.00, ¥3.00 off: ¥1 and ¥2); its ¥20 line comes back.
    const a = await discountedSale(s, [1_000, 2_000], 1_000);
    await returnLine(s, a, 2_000);
    // B: ¥20 with 10 % off (¥18.00), voided; C: ¥5 undiscounted; D: ¥10 with 10 % off, returned tomorrow.
    const b = await discountedSale(s, [2_000], 1_000);
    await s.reg.must('void.sale', { saleId: b.saleId, reason: 'cashier_error', approval: approval(s), idempotencyKey: key() });
    await s.cashSale([500]);
    const d = await discountedSale(s, [1_000], 1_000);
    // A price adjustment gives ¥1.00 back on A's ¥10 line, goods kept: no discount comes back with it.
    const aLines = (await s.reg.must('refund.find', { code: String(a.receiptNo) })).lines;
    await s.reg.must('refund.priceAdjustment', {
      saleId: a.saleId,
      lineId: aLines.find((l) => l.unitPriceMinor === 1_000)?.lineId ?? 0,
      amountMinor: 100,
      reason: 'wrong_price',
      approval: approval(s),
      idempotencyKey: key(),
    });

    // The X: ¥6.00 given on 3 sales; ¥4.00 of it on the goods back (A's ¥20 line, all of B); ¥2.00 kept.
    await s.as('supervisor');
    const x = await s.reg.must('report.x', { scope: 'day' });
    const day1 = { count: 3, amountMinor: 600, returnedCount: 2, returnedMinor: 400 };
    expect(x.figures.discounts).toEqual(day1);
    // They reconcile at list prices: sold ¥65.00 = sales + discounts; back ¥40.00 + ¥1.00 adjusted =
    // refunds + voids + the discounts returned; what is left, less the discounts kept, is the net.
    const total = (kind: string) => x.figures.kinds.find((k) => k.kind === kind)?.totalMinor ?? NaN;
    expect(total('sale') + x.figures.discounts.amountMinor).toBe(3_000 + 2_000 + 500 + 1_000);
    expect(total('refund') + total('void') + day1.returnedMinor).toBe(2_000 + 2_000 + 100);
    expect(x.figures.netMinor).toBe(6_500 - 4_100 - (day1.amountMinor - day1.returnedMinor));

    // The Z says the same, and so do the reports of its day.
    await s.as('cashier');
    await s.closeShift();
    await s.as('supervisor');
    const z1 = await s.z();
    expect(z1.figures.discounts).toEqual(day1);
    expect((await s.reg.must('report.sales', { from: '2026-11-29', to: '2026-11-29', groupBy: 'day' })).discounts).toEqual({
      count: 3,
      amountMinor: 600,
      returnedMinor: 400,
    });
    expect((await s.reg.must('report.summary', { from: '2026-11-29', to: '2026-11-29' })).discounts).toEqual({
      count: 3,
      amountMinor: 600,
      returnedMinor: 400,
    });

    // Next day D comes back: its ¥1.00 discount is returned that day, as its refund is; none given.
    s.clock.now = shanghai('2026-11-30', '09:30');
    await s.as('cashier');
    await s.openShift();
    await returnLine(s, d, 1_000);
    await s.as('supervisor');
    expect((await s.reg.must('report.x', { scope: 'day' })).figures.discounts).toEqual({ count: 0, amountMinor: 0, returnedCount: 1, returnedMinor: 100 });
    await s.as('cashier');
    await s.closeShift();
    await s.as('supervisor');
    const z2 = await s.z();
    const both = { from: '2026-11-29', to: '2026-11-30' };
    expect((await s.reg.must('report.sales', { ...both, groupBy: 'week' })).discounts).toEqual({ count: 3, amountMinor: 600, returnedMinor: 500 });
    expect((await s.reg.must('report.summary', both)).discounts).toEqual({ count: 3, amountMinor: 600, returnedMinor: 500 });

    // A Z taken before the returned share was kept: the range's share is unknown, not smaller.
    withoutReturnedRollup(s, z2.zNo);
    expect((await s.reg.must('report.sales', { ...both, groupBy: 'day' })).discounts).toEqual({ count: 3, amountMinor: 600, returnedMinor: null });
    expect((await s.reg.must('report.summary', both)).discounts).toEqual({ count: 3, amountMinor: 600, returnedMinor: null });
    expect((await s.reg.must('report.summary', { from: '2026-11-29', to: '2026-11-29' })).discounts.returnedMinor).toBe(400);
  });
});
