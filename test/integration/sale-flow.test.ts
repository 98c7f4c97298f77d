// A sale through the router: scanning, ad-hoc and discounted items, cash and rounding; the open
// sale across restarts and windows; discount limits; the catalog import.
import { describe, expect, it } from 'vitest';
import type { DocumentView } from '../../preload/contract';
import { CASHIER_PIN, journalKinds, OWNER_PIN, SUPERVISOR_PIN, withStaff } from '../support/register-fixture';
import { MILK, open, register, WATER } from '../support/tracked-registers';

describe('a cash sale', () => {
  it('rings up scanned, ad-hoc and discounted items and completes with change and a receipt number', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: WATER });
    await reg.must('sale.addProduct', { saleId: id, code: WATER }); // scanned twice: one line, qty 2
    await reg.must('sale.addProduct', { saleId: id, code: MILK });
    const custom = await reg.must('sale.addCustomLine', { saleId: id, name: '手工水饺', qtyMilli: 500, unitPriceMinor: 3000 });
    expect(custom.lines.map((l) => [l.name, l.qtyMilli, l.totalMinor])).toEqual([
      ['农夫山泉 550ml', 2000, 400],
      ['蒙牛纯牛奶 250ml', 1000, 380],
      ['手工水饺', 500, 1500],
    ]);
    const discounted = await reg.must('sale.setLineDiscount', { saleId: id, lineId: custom.lines[2]?.id ?? 0, discount: { kind: 'amount', amountMinor: 100 } });
    expect(discounted.totals.totalMinor).toBe(2180);
    await reg.must('sale.setNote', { saleId: id, note: '  送货上门  ' });

    const short = await reg.call('sale.tenderCash', { saleId: id, tenderedMinor: 2000, idempotencyKey: 'short-0001' });
    expect(short).toEqual({ ok: false, error: { code: 'sale.tender_insufficient', params: { dueMinor: 2180 } } });

    const done = await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 5000, idempotencyKey: 'cash-0001' });
    expect(done.receiptNo).toBe(1);
    expect(done.changeMinor).toBe(2820);
    expect(done.sale).toMatchObject({ status: 'completed', note: '送货上门', grandTotalMinor: 2180, operatorName: 'Cai 小蔡' });
    expect(done.sale.totals.taxBreakdown.map((b) => b.rateBp)).toEqual([900, 1300]);
    expect(journalKinds(reg)).toContain('sale.completed');

    // The next sale is a new one with the next number.
    const next = await reg.must('sale.current', {});
    expect(next.id).not.toBe(id);
    await reg.must('sale.addProduct', { saleId: next.id, code: MILK });
    const second = await reg.must('sale.tenderCash', { saleId: next.id, tenderedMinor: 380, idempotencyKey: 'cash-0002' });
    expect(second.receiptNo).toBe(2);
    expect(second.sale.grandTotalMinor).toBe(2560);
  });

  it('refuses to change, complete or pay a completed sale, and the ledger refuses direct edits', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    const line = (await reg.must('sale.addProduct', { saleId: id, code: WATER })).lines[0];
    await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 200, idempotencyKey: 'cash-imm-1' });
    expect(await reg.call('sale.addProduct', { saleId: id, code: WATER })).toMatchObject({ error: { code: 'sale.not_open' } });
    expect(await reg.call('sale.tenderCash', { saleId: id, tenderedMinor: 200, idempotencyKey: 'cash-imm-2' })).toMatchObject({
      error: { code: 'sale.already_paid' },
    });
    expect(() => reg.db.prepare('UPDATE documents SET total_minor = 1 WHERE id = ?').run(id)).toThrow(/immutable/);
    expect(() => reg.db.prepare('DELETE FROM documents WHERE id = ?').run(id)).toThrow(/immutable/);
    expect(() => reg.db.prepare('UPDATE document_lines SET qty_milli = 9 WHERE id = ?').run(line?.id)).toThrow(/immutable/);
    expect(() => reg.db.prepare('UPDATE payments SET amount_minor = 1').run()).toThrow(/immutable/);
  });

  it('rounds cash to the store step when the setting asks for it', async () => {
    const reg = register();
    const { ownerId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { cashRoundingStepMinor: 10 });
    const { id } = await reg.must('sale.current', {});
    const view = await reg.must('sale.addCustomLine', { saleId: id, name: 'x', qtyMilli: 1000, unitPriceMinor: 1234 });
    expect(view).toMatchObject({ remainingMinor: 1234, cashDueMinor: 1230 });
    const done = await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 1230, idempotencyKey: 'round-001' });
    expect(done.sale).toMatchObject({ status: 'completed', roundingMinor: -4, changeMinor: 0 });
    expect(journalKinds(reg)).toContain('settings.changed');
  });
});

describe('the open sale lives in the register', () => {
  it('survives a restart with its lines, discounts and note', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: WATER });
    await reg.must('sale.addCustomLine', { saleId: id, name: '包子', qtyMilli: 3000, unitPriceMinor: 150 });
    await reg.must('sale.setOrderDiscount', { saleId: id, discount: { kind: 'percent', rateBp: 500 } });
    const before = await reg.must('sale.setNote', { saleId: id, note: '稍后取' });
    const again = reg.reopen();
    open.push(again);
    expect(await again.call('sale.current', {})).toMatchObject({ ok: false, error: { code: 'session.not_logged_in' } });
    await again.must('session.login', { operatorId: 3, pin: CASHIER_PIN });
    const after: DocumentView = await again.must('sale.current', {});
    expect(after).toEqual(before);
  });

  it('tells every window about each change', async () => {
    const reg = register();
    await withStaff(reg);
    const seen: string[] = [];
    reg.events.subscribe((event, payload) => {
      if (event === 'sale.changed') seen.push(`${(payload as DocumentView).lines.length}`);
    });
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: WATER });
    await reg.must('sale.addProduct', { saleId: id, code: MILK });
    expect(seen).toEqual(['1', '2']);
  });

  it('journals a line removed before payment, with what it was', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    const sale = await reg.must('sale.addProduct', { saleId: id, code: MILK });
    const after = await reg.must('sale.removeLine', { saleId: id, lineId: sale.lines[0]?.id ?? 0 });
    expect(after.lines).toEqual([]);
    const entry = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sale.line_removed'").get() as { payload: string };
    expect(JSON.parse(entry.payload)).toMatchObject({ data: { saleId: id, line: { name: '蒙牛纯牛奶 250ml', totalMinor: 380 } } });
    expect(await reg.call('sale.tenderCash', { saleId: id, tenderedMinor: 100, idempotencyKey: 'empty-001' })).toMatchObject({ error: { code: 'sale.empty' } });
  });
});

describe('discount limits', () => {
  it('holds a cashier to the limit unless a supervisor approves with their PIN', async () => {
    const reg = register();
    const { supervisorId, cashierId } = await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    const sale = await reg.must('sale.addCustomLine', { saleId: id, name: 'TV', qtyMilli: 1000, unitPriceMinor: 100_000 });
    const lineId = sale.lines[0]?.id ?? 0;
    expect(await reg.call('sale.setLineDiscount', { saleId: id, lineId, discount: { kind: 'percent', rateBp: 1000 } })).toMatchObject({ ok: true });
    expect(await reg.call('sale.setLineDiscount', { saleId: id, lineId, discount: { kind: 'percent', rateBp: 2000 } })).toMatchObject({
      error: { code: 'sale.discount_needs_supervisor', params: { limitBp: 1000 } },
    });
    expect(await reg.call('sale.setOrderDiscount', { saleId: id, discount: { kind: 'amount', amountMinor: 20_000 } })).toMatchObject({
      error: { code: 'sale.discount_needs_supervisor' },
    });
    expect(
      await reg.call('sale.setLineDiscount', {
        saleId: id,
        lineId,
        discount: { kind: 'percent', rateBp: 2000 },
        approval: { operatorId: supervisorId, pin: '0000' },
      }),
    ).toMatchObject({
      error: { code: 'sale.approver_invalid' },
    });
    // A cashier cannot approve their own discount.
    expect(
      await reg.call('sale.setLineDiscount', {
        saleId: id,
        lineId,
        discount: { kind: 'percent', rateBp: 2000 },
        approval: { operatorId: cashierId, pin: CASHIER_PIN },
      }),
    ).toMatchObject({
      error: { code: 'sale.approver_invalid' },
    });
    const approved = await reg.must('sale.setLineDiscount', {
      saleId: id,
      lineId,
      discount: { kind: 'percent', rateBp: 2000 },
      approval: { operatorId: supervisorId, pin: SUPERVISOR_PIN },
    });
    expect(approved.totals.totalMinor).toBe(80_000);
    expect(await reg.call('sale.setLineDiscount', { saleId: id, lineId, discount: { kind: 'amount', amountMinor: 100_001 } })).toMatchObject({
      error: { code: 'sale.discount_exceeds_amount' },
    });
  });
});

describe('catalog import', () => {
  it('imports nothing when any row is bad, and reports each bad row', async () => {
    const reg = register({ demo: false });
    const { ownerId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    const csv = [
      'sku,barcode,name_zh,name_en,price,tax_rate',
      'A-1,111,苹果,Apple,1.50,13%',
      'A-2,111,梨,Pear,2.00,13%',
      'A-3,333,桃,,abc,13%',
      'A-4,444,,Plum,1.00,7%',
      'A-5,555,枣,,-1,9%',
    ].join('\n');
    const report = await reg.must('catalog.importCsv', { csv });
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'csv.duplicate_barcode'],
      [4, 'csv.bad_price'],
      [5, 'csv.unknown_tax_rate'],
      [6, 'csv.bad_price'],
    ]);
    expect((reg.db.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n).toBe(0);

    const good = await reg.must('catalog.importCsv', {
      csv: '\uFEFFsku,barcode,name_zh,name_en,price,tax_rate\nA-1,111,苹果,Apple,1.50,13%\nA-2,222,梨,Pear,2,9\n',
    });
    expect(good).toEqual({ imported: 2, errors: [] });
    expect(await reg.must('catalog.lookup', { code: '222' })).toMatchObject({ sku: 'A-2', nameZh: '梨', priceMinor: 200, taxRateBp: 900 });
    expect(await reg.must('catalog.search', { query: '苹' })).toHaveLength(1);
    expect(journalKinds(reg)).toContain('catalog.imported');
  });
});
