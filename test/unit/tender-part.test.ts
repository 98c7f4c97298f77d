// The card or scan part as keyed on the payment screen: what the window sends, or the refusal it
// shows without sending anything (the same words main would answer with).
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { partKey, partShown, tenderPart } from '../../renderer/src/format/tender-part';
import { errorsI18n } from '../support/errors-i18n';

const i18n = errorsI18n();
const zh = (text: string, remaining = 16_800) => {
  const r = tenderPart(text, remaining, 2, 'terminal.amount_exceeds_due');
  return r.ok ? r.amountMinor : errorMessage(r.error, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY');
};

describe('the part a card or scanned code pays', () => {
  it('an empty field pays all that is owed; an amount up to it pays that amount', () => {
    expect(zh('')).toBeUndefined();
    expect(zh('  ')).toBeUndefined();
    expect(zh('100')).toBe(10_000);
    expect(zh('１００．５')).toBe(10_050);
    expect(zh('168.00')).toBe(16_800);
  });

  it('more than is owed, zero, a negative or not a number: refused in the cashier’s words', () => {
    expect(zh('168.01')).toBe('刷卡金额超过了还需支付的 ¥168.00。');
    expect(zh('0')).toBe('金额最小为 ¥0.01。');
    expect(zh('0.00')).toBe('金额最小为 ¥0.01。');
    expect(zh('-5')).toBe('金额最小为 ¥0.01。');
    expect(zh('abc')).toMatch(/金额/);
    expect(zh('1.005')).toMatch(/金额/);
    const scan = tenderPart('200', 16_800, 2, 'scanpay.amount_exceeds_due');
    expect(!scan.ok && errorMessage(scan.error, i18n.getFixedT('en'), 'en', 'CNY')).toBe('The scan-to-pay amount is more than the ¥168.00 still due.');
  });

  it('the buttons show the keyed part when it can be paid, else all that is owed; a new part is told apart from the last', () => {
    expect(partShown(tenderPart('100', 16_800, 2, 'terminal.amount_exceeds_due'), 16_800)).toBe(10_000);
    expect(partShown(tenderPart('', 16_800, 2, 'terminal.amount_exceeds_due'), 16_800)).toBe(16_800);
    expect(partShown(tenderPart('999', 16_800, 2, 'terminal.amount_exceeds_due'), 16_800)).toBe(16_800);
    const keys = ['', '100', '0', '200'].map((t) => partKey(tenderPart(t, 16_800, 2, 'terminal.amount_exceeds_due')));
    expect(new Set(keys).size).toBe(4);
  });
});
