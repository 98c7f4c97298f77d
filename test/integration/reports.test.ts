// Reports over closed days, from the rollups each Z writes: per day, week, month and hour they
// add up to the Zs; by product they add up to the net; a register filter and a Z that rolls back
// behave. Days are rung up through the router on a real ledger.
import { afterEach, describe, expect, it } from 'vitest';
import { isoWeek } from '../../main/reports/sales-report';
import { key, openShop, shanghai, type Shop } from '../support/day-close-shop';
import { SUPERVISOR_PIN } from '../support/register-fixture';

let shops: Shop[] = [];
afterEach(() => {
  for (const s of shops) s.reg.cleanup();
  shops = [];
});

async function closeDay(s: Shop): Promise<number> {
  await s.as('cashier');
  await s.closeShift();
  await s.as('supervisor');
  const z = await s.z();
  return z.figures.netMinor;
}

describe('report.sales', () => {
  it('adds up to the Zs per day, week, month and hour, and by product to the net', async () => {
    const s = await openShop(shanghai('2026-11-29', '10:00'));
    shops.push(s);
    // Day 1 (Sunday, ISO week 48): three sales and a refund of one line.
    const first = await s.cashSale([1_000, 2_000]);
    s.clock.now = shanghai('2026-11-29', '15:30');
    await s.cashSale([500]);
    await s.cashSale([2_000]);
    const found = await s.reg.must('refund.find', { code: String(first.receiptNo) });
    const line = found.lines.find((l) => l.unitPriceMinor === 2_000);
    await s.reg.must('refund.withReceipt', {
      saleId: first.saleId,
      lines: [{ lineId: line?.lineId ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      approval: { operatorId: s.staff.supervisorId, pin: SUPERVISOR_PIN },
      idempotencyKey: key(),
    });
    const net1 = await closeDay(s);
    // Day 2 (Monday, ISO week 49): one sale.
    s.clock.now = shanghai('2026-11-30', '09:15');
    await s.as('cashier');
    await s.openShift();
    await s.cashSale([700]);
    const net2 = await closeDay(s);
    expect([net1, net2]).toEqual([3_500, 700]);

    const byDay = await s.reg.must('report.sales', { from: '2026-11-23', to: '2026-11-30', groupBy: 'day' });
    expect(byDay.closedDays).toBe(2);
    expect(byDay.periods.map((p) => [p.key, p.salesCount, p.salesMinor, p.refundsMinor, p.netMinor])).toEqual([
      ['2026-11-29', 3, 5_500, 2_000, 3_500],
      ['2026-11-30', 1, 700, 0, 700],
    ]);
    expect(byDay.netMinor).toBe(4_200);
    expect(byDay.averageBasketMinor).toBe(Math.round(6_200 / 4));
    expect(byDay.kinds).toEqual([
      { kind: 'sale', count: 4, totalMinor: 6_200 },
      { kind: 'refund', count: 1, totalMinor: 2_000 },
      { kind: 'void', count: 0, totalMinor: 0 },
    ]);
    expect(byDay.tenders.find((t) => t.method === 'cash')).toEqual({ method: 'cash', inMinor: 6_200, outMinor: 2_000, netMinor: 4_200 });
    expect(byDay.operators).toEqual([{ operatorId: s.staff.cashierId, operatorName: 'Cai 小蔡', salesCount: 4, netMinor: 4_200 }]);
    // Every sale was an ad-hoc line named alike: one product, its net the day's net.
    expect(byDay.topProducts).toEqual([
      { productKey: 'n:商品 Item', name: '商品 Item', category: null, categoryEn: null, lines: 6, qtyMilli: 4_000, netMinor: 4_200 },
    ]);
    expect(byDay.categories).toEqual([{ category: null, categoryEn: null, qtyMilli: 4_000, netMinor: 4_200 }]);

    const byWeek = await s.reg.must('report.sales', { from: '2026-11-01', to: '2026-11-30', groupBy: 'week' });
    expect(byWeek.periods.map((p) => [p.key, p.netMinor])).toEqual([
      ['2026-W48', 3_500],
      ['2026-W49', 700],
    ]);
    const byMonth = await s.reg.must('report.sales', { from: '2026-01-01', to: '2026-12-31', groupBy: 'month' });
    expect(byMonth.periods.map((p) => [p.key, p.netMinor])).toEqual([['2026-11', 4_200]]);
    const byHour = await s.reg.must('report.sales', { from: '2026-11-29', to: '2026-11-30', groupBy: 'hour' });
    expect(byHour.periods).toHaveLength(24);
    expect(byHour.periods.filter((p) => p.salesCount > 0).map((p) => [p.key, p.salesCount])).toEqual([
      ['09', 1],
      ['10', 1],
      ['15', 2],
    ]);
    const summary = await s.reg.must('report.summary', { from: '2026-11-01', to: '2026-11-30' });
    expect(summary.netMinor).toBe(byWeek.netMinor);

    expect((await s.reg.must('report.sales', { from: '2026-11-01', to: '2026-11-30', groupBy: 'day', registerId: 'R9' })).closedDays).toBe(0);
    expect(byDay.registers).toEqual(['R1']);
    expect(await s.reg.call('report.sales', { from: '2026-12-01', to: '2026-11-01', groupBy: 'day' })).toMatchObject({
      ok: false,
      error: { code: 'request.invalid_input' },
    });
    await s.as('cashier');
    expect(await s.reg.call('report.sales', { from: '2026-11-01', to: '2026-11-30', groupBy: 'day' })).toMatchObject({
      ok: false,
      error: { code: 'session.forbidden' },
    });
  });

  it('sums sales by category and lists the weakest products, per register and for all', async () => {
    const s = await openShop(shanghai('2026-11-29', '10:00'));
    shops.push(s);
    await s.as('owner');
    const drinks = await s.reg.must('catalog.saveCategory', { nameZh: '饮料', nameEn: 'Drinks' });
    const snacks = await s.reg.must('catalog.saveCategory', { nameZh: '零食', nameEn: 'Snacks' });
    const product = async (sku: string, nameZh: string, priceMinor: number, categoryId: number | null) =>
      (await s.reg.must('catalog.createProduct', { sku, nameZh, nameEn: '', priceMinor, taxRateBp: 1300, categoryId })).id;
    const categoryOf = new Map<number, string | null>();
    const tea = await product('TEA', '绿茶', 300, drinks.id);
    const cola = await product('COLA', '可乐', 250, drinks.id);
    const biscuit = await product('BIS', '饼干', 800, snacks.id);
    const loose = await product('LOOSE', '散装糖', 150, null);
    for (const [id, c] of [
      [tea, '饮料'],
      [cola, '饮料'],
      [biscuit, '零食'],
      [loose, null],
    ] as const)
      categoryOf.set(id, c);
    // Per register, what each category took: summed here from the completed sales' lines.
    const taken = new Map<string, Map<string | null, number>>();
    const sell = async (registerId: string, items: [number, number][]) => {
      const sale = await s.reg.must('sale.current', {});
      for (const [productId, qty] of items) await s.reg.must('sale.addProduct', { saleId: sale.id, productId, qtyMilli: qty * 1000 });
      const due = (await s.reg.must('sale.current', {})).cashDueMinor;
      const done = await s.reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: due, idempotencyKey: key() });
      const sums = taken.get(registerId) ?? new Map<string | null, number>();
      for (const line of done.sale.lines) {
        const category = categoryOf.get(line.productId ?? 0) ?? null;
        sums.set(category, (sums.get(category) ?? 0) + line.totalMinor);
      }
      taken.set(registerId, sums);
    };

    await s.as('cashier');
    await sell('R1', [
      [tea, 2],
      [biscuit, 1],
    ]);
    await sell('R1', [
      [cola, 1],
      [loose, 1],
    ]);
    const zR1 = await closeDay(s);
    // The same ledger goes on as register R2 (renamed between days, as the settings allow).
    s.clock.now = shanghai('2026-11-30', '09:00');
    await s.as('owner');
    await s.reg.must('settings.update', { registerId: 'R2' });
    await s.as('cashier');
    await s.openShift();
    await sell('R2', [
      [biscuit, 2],
      [tea, 1],
    ]);
    const zR2 = await closeDay(s);

    const range = { from: '2026-11-29', to: '2026-11-30', groupBy: 'day' } as const;
    const byCategory = (r: { categories: { category: string | null; netMinor: number }[] }) => new Map(r.categories.map((c) => [c.category, c.netMinor]));
    const all = await s.reg.must('report.sales', { ...range, top: 2 });
    expect(all.registers).toEqual(['R1', 'R2']);
    const expectedAll = new Map<string | null, number>();
    for (const sums of taken.values()) for (const [c, n] of sums) expectedAll.set(c, (expectedAll.get(c) ?? 0) + n);
    expect(byCategory(all)).toEqual(expectedAll);
    expect(all.categories.reduce((sum, c) => sum + c.netMinor, 0)).toBe(zR1 + zR2);
    // Two each: the best by net (biscuits 3 × 8.00, tea 3 × 3.00) and the weakest, worst first.
    expect(all.topProducts.map((p) => [p.name, p.category, p.qtyMilli, p.netMinor])).toEqual([
      ['饼干', '零食', 3_000, 2_400],
      ['绿茶', '饮料', 3_000, 900],
    ]);
    expect(all.bottomProducts.map((p) => [p.name, p.netMinor])).toEqual([
      ['散装糖', 150],
      ['可乐', 250],
    ]);

    const r1 = await s.reg.must('report.sales', { ...range, registerId: 'R1' });
    const r2 = await s.reg.must('report.sales', { ...range, registerId: 'R2' });
    expect([r1.closedDays, r1.netMinor, r2.closedDays, r2.netMinor]).toEqual([1, zR1, 1, zR2]);
    expect(byCategory(r1)).toEqual(taken.get('R1'));
    expect(byCategory(r2)).toEqual(taken.get('R2'));
    expect(r2.topProducts.map((p) => p.name)).toEqual(['饼干', '绿茶']);
    expect(r2.periods.map((p) => p.key)).toEqual(['2026-11-30']);
  });

  it('a product whose every sale was returned is no top seller, but is among the slowest', async () => {
    const s = await openShop(shanghai('2026-11-29', '10:00'));
    shops.push(s);
    await s.as('owner');
    const product = async (sku: string, nameZh: string, priceMinor: number) =>
      (await s.reg.must('catalog.createProduct', { sku, nameZh, nameEn: '', priceMinor, taxRateBp: 1300 })).id;
    const tea = await product('TEA', '绿茶', 300);
    const box = await product('BOX', '矿泉水整箱', 3_600);
    await s.as('cashier');
    const sale = await s.reg.must('sale.current', {});
    await s.reg.must('sale.addProduct', { saleId: sale.id, productId: tea, qtyMilli: 1000 });
    await s.reg.must('sale.addProduct', { saleId: sale.id, productId: box, qtyMilli: 1000 });
    const done = await s.reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 3_900, idempotencyKey: key() });
    const found = await s.reg.must('refund.find', { code: String(done.receiptNo) });
    const boxLine = found.lines.find((l) => l.unitPriceMinor === 3_600);
    await s.reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: boxLine?.lineId ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'not_wanted',
      approval: { operatorId: s.staff.supervisorId, pin: SUPERVISOR_PIN },
      idempotencyKey: key(),
    });
    await closeDay(s);
    const report = await s.reg.must('report.sales', { from: '2026-11-29', to: '2026-11-29', groupBy: 'day', top: 5 });
    expect(report.topProducts.map((p) => [p.name, p.qtyMilli, p.netMinor])).toEqual([['绿茶', 1_000, 300]]);
    expect(report.bottomProducts.map((p) => [p.name, p.netMinor])).toEqual([
      ['矿泉水整箱', 0],
      ['绿茶', 300],
    ]);
  });

  it('names ISO weeks across a year end', () => {
    expect(isoWeek('2026-11-29')).toBe('2026-W48');
    expect(isoWeek('2026-11-30')).toBe('2026-W49');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });
});
