// Goods sold by the piece come back by the piece: a typed "1.5" bottles would pay for (and restock)
// half a bottle nobody handed over. The same rule the sale keeps (sale.qty_whole_pieces), for
// returns with and without a receipt and for an exchange's goods back; weighed goods keep decimals.
import { describe, expect, it } from 'vitest';
import { CASHIER_PIN, SUPERVISOR_PIN, withStaff } from '../support/register-fixture';
import { ledgerSnapshot } from '../support/ledger-snapshot';
import { MILK, register, WATER } from '../support/tracked-registers';
import { as, cashSale, key } from '../support/refund-sale';

const APPLES_KG = '2100001000004'; // 红富士苹果 (每公斤), by weight

describe('returns in whole pieces', () => {
  it('refuses half a bottle in a preview and a return, naming the line, and changes nothing', async () => {
    const reg = register();
    await withStaff(reg);
    const sale = await cashSale(reg);
    const water = sale.lines[0]!;
    const found = await reg.must('refund.find', { code: '1' });
    expect(found.lines.map((l) => [l.name, l.wholePieces])).toEqual([
      ['农夫山泉 550ml', true],
      [sale.lines[1]!.name, true],
    ]);
    const before = ledgerSnapshot(reg.db);
    for (const qtyMilli of [1500, 500, 2001]) {
      const refused = { ok: false, error: { code: 'refund.qty_whole_pieces', params: { lineId: water.id, name: '农夫山泉 550ml', qtyMilli } } };
      expect(await reg.call('refund.preview', { saleId: sale.id, lines: [{ lineId: water.id, qtyMilli, restock: true }] })).toEqual(refused);
      expect(
        await reg.call('refund.withReceipt', {
          saleId: sale.id,
          lines: [{ lineId: water.id, qtyMilli, restock: true }],
          reason: 'defective',
          idempotencyKey: key(),
        }),
      ).toEqual(refused);
    }
    expect(ledgerSnapshot(reg.db)).toEqual(before);
    // Whole bottles still come back.
    const done = await reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: water.id, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(done.sale.lines.map((l) => l.qtyMilli)).toEqual([1000]);
  });

  it('lets a weighed line come back in grams', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    const { id: applesId } = await reg.must('catalog.lookup', { code: APPLES_KG });
    await reg.must('sale.addProduct', { saleId: id, productId: applesId, qtyMilli: 777 });
    const sale = (await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 10_000, idempotencyKey: key() })).sale;
    const found = await reg.must('refund.find', { code: sale.id });
    expect(found.lines[0]).toMatchObject({ soldByWeight: true, wholePieces: false });
    const back = await reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: sale.lines[0]!.id, qtyMilli: 500, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(back.sale.lines.map((l) => l.qtyMilli)).toEqual([500]);
  });

  it("refuses a fraction of a bottle among an exchange's goods back", async () => {
    const reg = register();
    await withStaff(reg);
    const sale = await cashSale(reg);
    const water = sale.lines[0]!;
    const { id: newSale } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: newSale, code: MILK });
    const input = { saleId: newSale, originalSaleId: sale.id, lines: [{ lineId: water.id, qtyMilli: 1500, restock: true }] };
    const refused = { ok: false, error: { code: 'refund.qty_whole_pieces', params: { lineId: water.id, name: '农夫山泉 550ml', qtyMilli: 1500 } } };
    expect(await reg.call('exchange.preview', input)).toEqual(refused);
    expect(await reg.call('exchange.complete', { ...input, reason: 'wrong_item', idempotencyKey: key() })).toEqual(refused);
    expect((await reg.must('refund.find', { code: sale.id })).lines[0]?.returnableQtyMilli).toBe(3000);
  });

  it('refuses a catalog item by the piece in fractions without a receipt; an ad-hoc item takes what is keyed', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    await as(reg, staff.cashierId, CASHIER_PIN);
    const product = await reg.must('catalog.lookup', { code: WATER });
    const line = { productId: product.id, name: '农夫山泉 550ml', qtyMilli: 1500, unitPriceMinor: 200, taxRateBp: 1300, restock: true };
    const refused = { ok: false, error: { code: 'refund.qty_whole_pieces', params: { productId: product.id, name: '农夫山泉 550ml', qtyMilli: 1500 } } };
    expect(await reg.call('refund.previewWithoutReceipt', { lines: [line] })).toEqual(refused);
    const approval = { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN };
    expect(await reg.call('refund.withoutReceipt', { lines: [line], reason: 'not_wanted', approval, idempotencyKey: key() })).toEqual(refused);
    expect((await reg.must('refund.previewWithoutReceipt', { lines: [{ ...line, qtyMilli: 2000 }] })).totalMinor).toBe(400);
    const { productId: _none, ...adHoc } = line;
    expect((await reg.must('refund.previewWithoutReceipt', { lines: [{ ...adHoc, name: '布料', qtyMilli: 1500 }] })).totalMinor).toBe(300);
  });
});
