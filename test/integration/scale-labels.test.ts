import { afterEach, describe, expect, it } from 'vitest';
import { makeScaleLabel, type ScaleLabelLayout } from '../../main/catalog/weighed-barcode';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';

// The demo's apples (¥9.80/kg, 9 %) carry 2100001000004: the base code of prefix 21, item 00001.
const WEIGHT_21: ScaleLabelLayout = { prefix: '21', kind: 'weight', valueDigits: 5, valueCheckDigit: false };
const APPLES = (grams: number) => makeScaleLabel(WEIGHT_21, '00001', grams);

const open: TestRegister[] = [];
function register(): TestRegister {
  const r = makeRegister();
  open.push(r);
  return r;
}
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
});

let keys = 0;
const key = () => `scale-${process.pid}-${++keys}`;

describe('scale labels at the counter', () => {
  it('adds the weighed item at its weight, each label a line of its own', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: APPLES(452) });
    const sale = await reg.must('sale.addProduct', { saleId: id, code: APPLES(1250) });
    expect(sale.lines.map((l) => [l.name, l.qtyMilli, l.unitPriceMinor, l.soldByWeight, l.scaleLabel, l.totalMinor])).toEqual([
      ['红富士苹果 (每公斤)', 452, 980, true, '2100001004521', 443], // 0.452 kg × 9.80 = 4.4296
      ['红富士苹果 (每公斤)', 1250, 980, true, APPLES(1250), 1225],
    ]);
    // The product's own barcode is its empty-pan label: refused, never a kilogram (weighed-goods.test.ts).
    expect(await reg.call('sale.addProduct', { saleId: id, code: '2100001000004' })).toMatchObject({ ok: false, error: { code: 'catalog.scale_label_empty' } });
  });

  it("keeps a label's weight: a quantity change on its line is refused and changes nothing; the plain line still changes", async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    const sale = await reg.must('sale.addProduct', { saleId: id, code: APPLES(777) });
    const line = sale.lines[0];
    expect(line).toMatchObject({ qtyMilli: 777, totalMinor: 761 });
    for (const qtyMilli of [1777, 5000, 1]) {
      expect(await reg.call('sale.setQty', { saleId: id, lineId: line?.id ?? 0, qtyMilli })).toEqual({
        ok: false,
        error: { code: 'sale.scale_label_qty', params: { code: APPLES(777) } },
      });
    }
    expect((await reg.must('sale.current', {})).lines.map((l) => [l.qtyMilli, l.totalMinor])).toEqual([[777, 761]]);
    const apples = await reg.must('catalog.lookup', { code: '2100001000004' });
    const plain = await reg.must('sale.addProduct', { saleId: id, productId: apples.id, qtyMilli: 1000 });
    const changed = await reg.must('sale.setQty', { saleId: id, lineId: plain.lines[1]?.id ?? 0, qtyMilli: 2000 });
    expect(changed.lines[1]).toMatchObject({ qtyMilli: 2000, totalMinor: 1960 });
  });

  it("adds a priced label at the printed price, finding the product by its SKU as the scale's item code", async () => {
    const reg = register();
    const { ownerId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    // GS1 Germany's layout: four item digits, a price check digit, five price digits.
    await reg.must('settings.update', { scaleLabelLayouts: [{ prefix: '22', kind: 'price', valueDigits: 5, valueCheckDigit: true }] });
    await reg.must('catalog.importCsv', { csv: 'sku,barcode,name_zh,name_en,price,tax_rate\n1111,,熟食拼盘,Deli platter,0.00,9%\n' });
    const { id } = await reg.must('sale.current', {});
    const sale = await reg.must('sale.addProduct', { saleId: id, code: '2211114002394' });
    expect(sale.lines.map((l) => [l.name, l.qtyMilli, l.unitPriceMinor, l.soldByWeight, l.totalMinor])).toEqual([['熟食拼盘', 1000, 239, false, 239]]);
    // Prefix 21 is no longer a layout: the label is an unknown code.
    expect(await reg.call('sale.addProduct', { saleId: id, code: APPLES(452) })).toMatchObject({
      ok: false,
      error: { code: 'catalog.product_not_found' },
    });
  });

  it('refuses misread labels and changes nothing', async () => {
    const reg = register();
    const { ownerId } = await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    const good = APPLES(452);
    const badCheck = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    expect(await reg.call('sale.addProduct', { saleId: id, code: badCheck })).toEqual({
      ok: false,
      error: { code: 'catalog.scale_label_check_digit', params: { code: badCheck } },
    });
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { scaleLabelLayouts: [{ prefix: '25', kind: 'price', valueDigits: 5, valueCheckDigit: true }] });
    // GS1 Germany's example with the value check digit misprinted (8 for 9); its EAN check digit holds.
    expect(await reg.call('sale.addProduct', { saleId: id, code: '2511118000120' })).toMatchObject({
      ok: false,
      error: { code: 'catalog.scale_label_value_check_digit' },
    });
    expect((await reg.must('sale.get', { saleId: id })).lines).toEqual([]);
  });

  it('refuses a label with no weight on it', async () => {
    const reg = register();
    const { ownerId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    // Found by SKU, so the zero label is not also the product's own barcode.
    await reg.must('catalog.importCsv', { csv: 'sku,barcode,name_zh,name_en,price,tax_rate\n00042,,散装花生,Peanuts,24.00,9%\n' });
    const { id } = await reg.must('sale.current', {});
    const zero = makeScaleLabel(WEIGHT_21, '00042', 0);
    expect(await reg.call('sale.addProduct', { saleId: id, code: zero })).toEqual({
      ok: false,
      error: { code: 'catalog.scale_label_empty', params: { code: zero } },
    });
    const some = await reg.must('sale.addProduct', { saleId: id, code: makeScaleLabel(WEIGHT_21, '00042', 305) });
    expect(some.lines.map((l) => [l.name, l.qtyMilli, l.totalMinor])).toEqual([['散装花生', 305, 732]]);
  });

  it('refuses layouts that give one prefix two meanings or leave the 20–29 range', async () => {
    const reg = register();
    const { ownerId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    const twice = await reg.call('settings.update', {
      scaleLabelLayouts: [
        { prefix: '23', kind: 'weight', valueDigits: 4, valueCheckDigit: false },
        { prefix: '23', kind: 'price', valueDigits: 5, valueCheckDigit: false },
      ],
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'request.invalid_input' } });
    const outside = await reg.call('settings.update', { scaleLabelLayouts: [{ prefix: '69', kind: 'weight', valueDigits: 4, valueCheckDigit: false }] });
    expect(outside).toMatchObject({ ok: false, error: { code: 'request.invalid_input' } });
  });

  it('completes a weighed sale whose digest covers the label, and returns part of the weight in thousandths', async () => {
    const reg = register();
    const { ownerId } = await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: APPLES(452) });
    const done = await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 500, idempotencyKey: key() });
    expect(done.sale.totals.totalMinor).toBe(443);
    const line = done.sale.lines[0]!;

    const back = await reg.must('refund.withReceipt', {
      saleId: id,
      lines: [{ lineId: line.id, qtyMilli: 200, restock: false }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(back.sale.lines.map((l) => [l.qtyMilli, l.soldByWeight, l.totalMinor])).toEqual([[200, true, 196]]); // 443 × 200 / 452
    const rest = await reg.must('refund.find', { code: String(done.receiptNo) });
    expect(rest.lines.map((l) => [l.returnableQtyMilli, l.refundableMinor])).toEqual([[252, 247]]);

    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    expect(await reg.must('journal.verify', {})).toMatchObject({ ok: true });
    // With the triggers dropped, clearing the label or the weight flag no longer matches the digest.
    reg.db.exec('DROP TRIGGER lines_immutable_update');
    for (const edit of ['UPDATE document_lines SET scale_label = NULL', 'UPDATE document_lines SET sold_by_weight = 0']) {
      reg.db.exec('SAVEPOINT t');
      reg.db.exec(edit);
      expect(await reg.must('journal.verify', {})).toMatchObject({ ok: false, reason: 'document_differs' });
      reg.db.exec('ROLLBACK TO t; RELEASE t');
    }
    expect(await reg.must('journal.verify', {})).toMatchObject({ ok: true });
  });
});
