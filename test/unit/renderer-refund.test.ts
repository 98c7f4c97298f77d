import { describe, expect, it } from 'vitest';
import type { CallError } from '../../preload/contract';
import type { RefundableLineView } from '../../preload/contract/refund-views';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { errorsI18n } from '../support/errors-i18n';
import { formatReceiptNo } from '../../renderer/src/format/receipt-no';
import { endsAttempt } from '../../renderer/src/screens/refund/refund-attempt';
import { everythingLeft, qtyText, returnSelection, type LineChoice } from '../../renderer/src/screens/refund/return-selection';

function line(lineId: number, name: string, soldQtyMilli: number, returnedQtyMilli = 0): RefundableLineView {
  return {
    lineId,
    name,
    sku: null,
    unitPriceMinor: 100,
    soldByWeight: false,
    // As main says it: a line sold in whole pieces comes back in whole pieces.
    wholePieces: soldQtyMilli % 1000 === 0,
    soldQtyMilli,
    paidMinor: soldQtyMilli / 10,
    returnedQtyMilli,
    refundedMinor: returnedQtyMilli / 10,
    returnableQtyMilli: soldQtyMilli - returnedQtyMilli,
    refundableMinor: (soldQtyMilli - returnedQtyMilli) / 10,
  };
}

const water = line(11, '农夫山泉', 3000);
const apples = line(12, '苹果（称重）', 1250);
const milk = line(13, '牛奶', 1000, 1000);

describe('what the return screen asks main', () => {
  it('sends keyed decimals as thousandths, with stock or damaged per line, and skips empty and zero lines', () => {
    const choices = new Map<number, LineChoice>([
      [11, { qty: '2', restock: true }],
      [12, { qty: '0.455', restock: false }],
      [13, { qty: '0', restock: true }],
    ]);
    expect(returnSelection([water, apples, milk], choices)).toEqual({
      kind: 'lines',
      lines: [
        { lineId: 11, qtyMilli: 2000, restock: true },
        { lineId: 12, qtyMilli: 455, restock: false },
      ],
    });
    expect(returnSelection([water, apples], new Map([[11, { qty: ' ', restock: true }]]))).toEqual({ kind: 'empty' });
  });

  it('names the line whose quantity is not a number of at most three decimals', () => {
    for (const [qty, problem] of [
      ['1.2345', 'tooManyDecimals'],
      ['abc', 'notNumber'],
      ['1..2', 'notNumber'],
      ['-1', 'negative'],
    ] as const) {
      expect(returnSelection([water, apples], new Map([[12, { qty, restock: true }]]))).toEqual({ kind: 'badQty', lineId: 12, name: '苹果（称重）', problem });
    }
  });

  it('refuses half a bottle before asking main, names the line, and lets a line sold in a fraction keep its decimals', () => {
    for (const qty of ['1.5', '0.5', '2.001']) {
      expect(returnSelection([water, apples], new Map([[11, { qty, restock: true }]]))).toEqual({
        kind: 'badQty',
        lineId: 11,
        name: '农夫山泉',
        problem: 'fraction',
      });
    }
    // "2.000" is two bottles, not a fraction.
    expect(returnSelection([water], new Map([[11, { qty: '2.000', restock: true }]]))).toEqual({
      kind: 'lines',
      lines: [{ lineId: 11, qtyMilli: 2000, restock: true }],
    });
    expect(returnSelection([apples], new Map([[12, { qty: '0.25', restock: true }]]))).toEqual({
      kind: 'lines',
      lines: [{ lineId: 12, qtyMilli: 250, restock: true }],
    });
  });

  it('leaves more than is returnable for main to refuse with the maximum', () => {
    expect(returnSelection([water], new Map([[11, { qty: '5', restock: true }]]))).toEqual({
      kind: 'lines',
      lines: [{ lineId: 11, qtyMilli: 5000, restock: true }],
    });
  });

  it('"return everything" keys what is left of each line, keeps the goods choice, and leaves returned lines alone', () => {
    const all = everythingLeft([water, apples, milk], new Map([[12, { qty: '', restock: false }]]));
    expect([...all]).toEqual([
      [12, { qty: '1.25', restock: false }],
      [11, { qty: '3', restock: true }],
    ]);
    expect([qtyText(1000), qtyText(1250), qtyText(5), qtyText(99_999_000)]).toEqual(['1', '1.25', '0.005', '99999']);
  });

  it('a refusal starts a new attempt unless the answer is still unknown', () => {
    expect(endsAttempt('terminal.declined')).toBe(true);
    expect(endsAttempt('terminal.busy')).toBe(true);
    expect(endsAttempt('refund.exceeds_original')).toBe(true);
    expect(endsAttempt('request.transport_failed')).toBe(false);
    expect(endsAttempt('terminal.outcome_unknown')).toBe(false);
  });

  it('prints receipt numbers as the paper does', () => {
    expect(formatReceiptNo('R1', 42)).toBe('R1-000042');
    expect(formatReceiptNo('R1', null)).toBe('—');
  });
});

describe('refusals where the cashier looks', () => {
  const i18n = errorsI18n();

  it('the store limit of returns without a receipt says whose limit it is, in both languages', () => {
    const operator: CallError = { code: 'refund.limit_exceeded', params: { limitMinor: 50_000, usedMinor: 30_000, scope: 'operator' } };
    const day: CallError = { code: 'refund.limit_exceeded', params: { limitMinor: 100_000, usedMinor: 0, scope: 'day' } };
    expect(errorMessage(operator, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toBe('无小票退货：每位收银员每天最多 ¥500.00（您今天已退 ¥300.00）。');
    expect(errorMessage(day, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toBe('无小票退货：本收银机每天最多 ¥1,000.00（今天已退 ¥0.00）。');
    expect(errorMessage(operator, i18n.getFixedT('en'), 'en', 'CNY')).toBe(
      'Returns without a receipt are limited to ¥500.00 a day per cashier (you refunded ¥300.00 today).',
    );
  });

  it('a refusal without a scope, or with one that has no words of its own, reads as before', () => {
    const approval: CallError = { code: 'refund.needs_supervisor', params: { reason: 'refund.approval.card_to_cash' } };
    expect(errorMessage(approval, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toBe('需要主管授权（刷卡付款退现金）。');
    const unknownScope: CallError = { code: 'refund.limit_exceeded', params: { limitMinor: 100, usedMinor: 0, scope: 'week' } };
    expect(errorMessage(unknownScope, i18n.getFixedT('en'), 'en', 'CNY')).toBe(
      'Returns without a receipt are limited to ¥1.00 a day (¥0.00 already refunded).',
    );
  });
});
