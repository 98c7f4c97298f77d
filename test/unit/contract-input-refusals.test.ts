// The contract's own refusals a cashier or an owner meets, read as main reads them (the schema, then
// input-refusal.ts) and said as the renderer says them (error-message.ts), in both languages:
// control characters in every free-text field, an ad-hoc item at 0, a discount of 0, and cash
// rounding steps written in the store's currency (no decimals for yen).
import { describe, expect, it } from 'vitest';
import { calls } from '../../preload/contract';
import type { CallError } from '../../preload/contract';
import { inputRefusal } from '../../main/ipc/input-refusal';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { errorsI18n } from '../support/errors-i18n';

const SALE = '2f1b8a52-7d0e-4c1e-9a51-3f6d1c2b9e10';
const i18n = errorsI18n();
const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

/** What main answers for this input: null when the contract lets it through. */
function refusal(name: keyof typeof calls, input: unknown): CallError | null {
  const parsed = calls[name].input.safeParse(input);
  return parsed.success ? null : { code: 'request.invalid_input', params: inputRefusal(parsed.error.issues[0]) };
}

// One line of free text in each call that takes one, with the field main names.
const FREE_TEXT: [keyof typeof calls, (text: string) => unknown, string][] = [
  ['cash.move', (reason) => ({ kind: 'paid_out', amountMinor: 100, reason, idempotencyKey: 'key-00000001' }), 'reason'],
  ['drawer.open', (reason) => ({ reason }), 'reason'],
  ['operator.create', (name) => ({ name, pin: '1234', role: 'cashier' }), 'name'],
  ['fraud.acknowledge', (note) => ({ alertId: 1, note }), 'note'],
  ['sale.addCustomLine', (name) => ({ saleId: SALE, name, qtyMilli: 1000, unitPriceMinor: 100 }), 'name'],
  ['catalog.createProduct', (nameZh) => ({ sku: 'A-1', nameZh, nameEn: '', priceMinor: 100, taxRateBp: 1300 }), 'nameZh'],
  ['catalog.saveCategory', (nameEn) => ({ nameZh: '饮料', nameEn }), 'nameEn'],
];

describe('free text in the contract', () => {
  for (const [name, input, field] of FREE_TEXT) {
    it(`${name}: refuses control characters in the ${field}, naming it, and lets typed text through`, () => {
      for (const bad of ['Till\u0000', 'a\u001b[2Jb', 'two\nlines', 'c1\u009b', 'tab\there'])
        expect(refusal(name, input(bad)), JSON.stringify(bad)).toEqual({ code: 'request.invalid_input', params: { field, issue: 'control_characters' } });
      for (const good of ['找零备用金', 'Refill float', 'emoji 🍵', '  padded  ']) expect(refusal(name, input(good)), good).toBeNull();
    });
  }

  it('says which field in words, in both languages', () => {
    const error = refusal('cash.move', { kind: 'paid_out', amountMinor: 100, reason: 'x\u0007', idempotencyKey: 'key-00000001' });
    if (error === null) throw new Error('a bell in a reason was let through');
    expect(errorMessage(error, zh, 'zh-CN', 'CNY')).toBe('原因含有控制字符（随复制的文字带入的不可见字符，如 NUL、ESC），请删除后重试。未做任何更改。');
    expect(errorMessage(error, en, 'en', 'CNY')).toBe(
      'The reason contains control characters (invisible characters that come with copied text, such as NUL or ESC). Remove them and try again; nothing was changed.',
    );
  });

  it('keeps the line breaks of a note that takes several lines', () => {
    expect(refusal('sale.setNote', { saleId: SALE, note: '送货：\n明天上午' })).toBeNull();
    expect(refusal('sale.setNote', { saleId: SALE, note: '送货\u001b' })).toMatchObject({ params: { field: 'note', issue: 'control_characters' } });
  });
});

describe('zero where it means a mistake', () => {
  it('refuses an ad-hoc item at 0, naming the unit price; a catalog product may still cost 0', () => {
    const error = refusal('sale.addCustomLine', { saleId: SALE, name: '袋子', qtyMilli: 1000, unitPriceMinor: 0 });
    expect(error).toEqual({ code: 'request.invalid_input', params: { field: 'unitPriceMinor', issue: 'ad_hoc_zero_price' } });
    if (error === null) return;
    expect(errorMessage(error, zh, 'zh-CN', 'CNY')).toBe('临时商品的单价不能为 0：零价多半是漏输或输错了价格。请输入实际价格，未添加任何商品。');
    expect(errorMessage(error, en, 'en', 'CNY')).toBe(
      'The unit price of an ad-hoc item cannot be 0: a zero price is almost always a price not keyed or mistyped. Key the real price; nothing was added.',
    );
    expect(refusal('sale.addCustomLine', { saleId: SALE, name: '袋子', qtyMilli: 1000, unitPriceMinor: 1 })).toBeNull();
    expect(refusal('catalog.createProduct', { sku: 'GIFT-1', nameZh: '赠品', nameEn: '', priceMinor: 0, taxRateBp: 1300 })).toBeNull();
  });

  it('refuses a discount of 0 off an amount or a percentage; removing one is null', () => {
    for (const discount of [
      { kind: 'amount', amountMinor: 0 },
      { kind: 'percent', rateBp: 0 },
    ]) {
      const error = refusal('sale.setOrderDiscount', { saleId: SALE, discount });
      expect(error, JSON.stringify(discount)).toMatchObject({ params: { issue: 'discount_zero' } });
      if (error === null) continue;
      expect(errorMessage(error, zh, 'zh-CN', 'CNY')).toBe('折扣为 0 不会优惠任何金额。请输入要优惠的数值，或取消折扣。未做任何更改。');
      expect(errorMessage(error, en, 'en', 'CNY')).toBe(
        'A discount of 0 takes nothing off. Key the discount to give, or remove the discount; nothing was changed.',
      );
    }
    expect(refusal('sale.setLineDiscount', { saleId: SALE, lineId: 1, discount: { kind: 'percent', rateBp: 0 } })).toMatchObject({
      params: { issue: 'discount_zero' },
    });
    expect(refusal('sale.setOrderDiscount', { saleId: SALE, discount: null })).toBeNull();
    expect(refusal('sale.setOrderDiscount', { saleId: SALE, discount: { kind: 'percent', rateBp: 1 } })).toBeNull();
  });
});

describe('cash rounding steps in the store currency', () => {
  const odd = () => {
    const error = refusal('settings.update', { cashRoundingStepMinor: 7 });
    if (error === null) throw new Error('a step of 7 was let through');
    return error;
  };

  it('writes the steps with the currency’s decimals: yuan with two, yen with none', () => {
    expect(errorMessage(odd(), zh, 'zh-CN', 'CNY')).toBe('现金舍入单位只能是不舍入、0.05、0.10、0.50 或 1.00：其他单位没有对应的硬币。未做任何更改。');
    expect(errorMessage(odd(), en, 'en', 'CNY')).toBe(
      'Cash rounding can only be none, 0.05, 0.10, 0.50 or 1.00: other steps round to no coin. Nothing was changed.',
    );
    expect(errorMessage(odd(), zh, 'zh-CN', 'JPY')).toBe('现金舍入单位只能是不舍入、5、10、50 或 100：其他单位没有对应的硬币。未做任何更改。');
    expect(errorMessage(odd(), en, 'en', 'JPY')).toBe('Cash rounding can only be none, 5, 10, 50 or 100: other steps round to no coin. Nothing was changed.');
  });
});
