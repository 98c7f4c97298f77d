// Weighed goods at the counter and at the return desk, through the router on a real ledger: an
// empty-pan label is refused, a product sold by weight is never rung up without a weight, a label
// for an item the catalog does not know says so, and a weighed line's limits are weights.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallError } from '../../preload/contract';
import { makeScaleLabel, type ScaleLabelLayout } from '../../main/catalog/weighed-barcode';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { errorsI18n } from '../support/errors-i18n';
import { journalKinds, makeRegister, withStaff, type TestRegister } from '../support/register-fixture';

// The demo's apples (¥9.80/kg, sold by weight) carry 2100001000004 and 2000001000007: the base
// codes of the default weight (21) and price (20) layouts for item 00001.
const WEIGHT_21: ScaleLabelLayout = { prefix: '21', kind: 'weight', valueDigits: 5, valueCheckDigit: false };
const PRICE_20: ScaleLabelLayout = { prefix: '20', kind: 'price', valueDigits: 5, valueCheckDigit: false };
const APPLES_EMPTY_PAN = '2100001000004';
const WATER = '6901234567892';

const i18n = errorsI18n();
const words = (error: CallError, language: 'zh-CN' | 'en') => errorMessage(error, i18n.getFixedT(language), language, 'CNY');

const open: TestRegister[] = [];
async function counter(): Promise<{ reg: TestRegister; saleId: string }> {
  const reg = makeRegister();
  open.push(reg);
  await withStaff(reg);
  const { id } = await reg.must('sale.current', {});
  return { reg, saleId: id };
}
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
});

let keys = 0;
const key = () => `weighed-${process.pid}-${++keys}`;

describe('weighed goods at the counter', () => {
  it("refuses an empty-pan label that is also the weighed product's own barcode, scan after scan, and changes nothing", async () => {
    const { reg, saleId } = await counter();
    const journalBefore = journalKinds(reg);
    for (const code of [APPLES_EMPTY_PAN, APPLES_EMPTY_PAN, makeScaleLabel(PRICE_20, '00001', 0)]) {
      expect(await reg.call('sale.addProduct', { saleId, code })).toEqual({ ok: false, error: { code: 'catalog.scale_label_empty', params: { code } } });
    }
    expect((await reg.must('sale.get', { saleId })).lines).toEqual([]);
    expect(journalKinds(reg)).toEqual(journalBefore);
    // Even with a quantity sent along: the label says the pan was empty.
    expect(await reg.call('sale.addProduct', { saleId, code: APPLES_EMPTY_PAN, qtyMilli: 1000 })).toMatchObject({
      ok: false,
      error: { code: 'catalog.scale_label_empty' },
    });
    expect(words({ code: 'catalog.scale_label_empty', params: { code: APPLES_EMPTY_PAN } }, 'zh-CN')).toBe('秤码 2100001000004 没有重量或金额。请重新称重。');
  });

  it('asks for the weight of a product sold by weight picked from the list or keyed by SKU, then rings up each weighing as a weight line', async () => {
    const { reg, saleId } = await counter();
    const apples = await reg.must('catalog.lookup', { code: 'APPLE-KG' });
    const refusal = {
      ok: false,
      error: {
        code: 'sale.weight_required',
        params: { productId: apples.id, name: '红富士苹果 (每公斤)', nameZh: '红富士苹果 (每公斤)', nameEn: 'Fuji apples (per kg)' },
      },
    };
    expect(await reg.call('sale.addProduct', { saleId, productId: apples.id })).toEqual(refusal);
    expect(await reg.call('sale.addProduct', { saleId, code: 'APPLE-KG' })).toEqual(refusal);
    expect((await reg.must('sale.get', { saleId })).lines).toEqual([]);
    expect(words(refusal.error as CallError, 'en')).toBe(
      '“红富士苹果 (每公斤)” is sold by weight and cannot be added unweighed. Weigh it and key in the weight (kg), or scan the label the scale prints.',
    );

    await reg.must('sale.addProduct', { saleId, productId: apples.id, qtyMilli: 452 });
    const sale = await reg.must('sale.addProduct', { saleId, productId: apples.id, qtyMilli: 300 });
    // Each weighing is its own line, shown and printed as a weight; the receipt's total is 4.43 + 2.94.
    expect(sale.lines.map((l) => [l.qtyMilli, l.unitPriceMinor, l.soldByWeight, l.scaleLabel, l.totalMinor])).toEqual([
      [452, 980, true, null, 443],
      [300, 980, true, null, 294],
    ]);
    expect(sale.totals.totalMinor).toBe(737);
    // A piece still adds up on one line, as before.
    await reg.must('sale.addProduct', { saleId, code: WATER });
    const withWater = await reg.must('sale.addProduct', { saleId, code: WATER });
    expect(withWater.lines.slice(2).map((l) => [l.qtyMilli, l.soldByWeight])).toEqual([[2000, false]]);
  });

  it('names the item and what the label says when the catalog does not know its item number', async () => {
    const { reg, saleId } = await counter();
    const weight = makeScaleLabel(WEIGHT_21, '00009', 452);
    expect(weight).toBe('2100009004523');
    const refusedWeight = await reg.call('sale.addProduct', { saleId, code: weight });
    expect(refusedWeight).toEqual({
      ok: false,
      error: { code: 'catalog.scale_label_unknown_item_weight', params: { code: weight, itemCode: '00009', weightMilli: 452 } },
    });
    const price = makeScaleLabel(PRICE_20, '00009', 443);
    const refusedPrice = await reg.call('sale.addProduct', { saleId, code: price });
    expect(refusedPrice).toEqual({
      ok: false,
      error: { code: 'catalog.scale_label_unknown_item_price', params: { code: price, itemCode: '00009', priceMinor: 443 } },
    });
    expect((await reg.must('sale.get', { saleId })).lines).toEqual([]);
    if (refusedWeight.ok || refusedPrice.ok) throw new Error('refused above');
    const zh = words(refusedWeight.error, 'zh-CN');
    expect(zh).toContain('商品编号 00009 的称重秤签（0.452 kg）');
    expect(zh).not.toContain('请核对条码');
    expect(words(refusedPrice.error, 'en')).toContain('a price label for item 00009 (¥4.43)');
  });

  it('rings up a demo price label (prefix 20) for the apples at the price the scale printed', async () => {
    const { reg, saleId } = await counter();
    const sale = await reg.must('sale.addProduct', { saleId, code: '2000001004432' });
    expect(sale.lines.map((l) => [l.name, l.qtyMilli, l.unitPriceMinor, l.soldByWeight, l.totalMinor])).toEqual([
      ['红富士苹果 (每公斤)', 1000, 443, false, 443],
    ]);
  });
});

describe('weighed goods at the return desk', () => {
  it('shows a weighed line as a weight and refuses more than was weighed with the weight left, in kilograms', async () => {
    const { reg, saleId } = await counter();
    await reg.must('sale.addProduct', { saleId, code: makeScaleLabel(WEIGHT_21, '00001', 452) });
    await reg.must('sale.addProduct', { saleId, code: WATER });
    const done = await reg.must('sale.tenderCash', { saleId, tenderedMinor: 1000, idempotencyKey: key() });
    const found = await reg.must('refund.find', { code: String(done.receiptNo) });
    expect(found.lines.map((l) => [l.soldByWeight, l.soldQtyMilli])).toEqual([
      [true, 452],
      [false, 1000],
    ]);
    const [apples, water] = found.lines;
    const tooMuch = await reg.call('refund.preview', { saleId, lines: [{ lineId: apples?.lineId ?? 0, qtyMilli: 1000, restock: true }] });
    expect(tooMuch).toEqual({
      ok: false,
      error: { code: 'refund.exceeds_original', params: { lineId: apples?.lineId, maxQtyMilli: 452, maxMinor: 443, scope: 'weight' } },
    });
    if (tooMuch.ok) throw new Error('refused above');
    expect(words(tooMuch.error, 'zh-CN')).toBe('超出这一行剩余可退的重量或金额：最多 0.452 kg 或 ¥4.43。');
    expect(words(tooMuch.error, 'en')).toBe('That is more than is left to refund on this line: a weight of at most 0.452 kg, or ¥4.43.');
    // A line sold by the piece keeps its pieces.
    const twoWaters = await reg.call('refund.preview', { saleId, lines: [{ lineId: water?.lineId ?? 0, qtyMilli: 2000, restock: true }] });
    if (twoWaters.ok) throw new Error('two waters from one');
    expect(words(twoWaters.error, 'zh-CN')).toBe('超出这一行剩余可退的数量或金额：最多 1 件或 ¥2.00。');
    expect((await reg.must('refund.find', { code: String(done.receiptNo) })).lines.map((l) => l.returnedQtyMilli)).toEqual([0, 0]);
  });
});
