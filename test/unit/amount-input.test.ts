import { describe, expect, it } from 'vitest';
import enUi from '../../assets/locales/en/ui.json';
import zhUi from '../../assets/locales/zh-CN/ui.json';
import { isRegisterId, isStorePhone, isStoreTaxId } from '../../preload/contract/store-details';
import { settingsPatch } from '../../preload/contract/settings';
import { amountProblemKey, priceRefusalKey, readAmount, typedProblem } from '../../renderer/src/format/amount-input';
import { parseDecimal } from '../../renderer/src/format/parse-amount';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { errorsI18n } from '../support/errors-i18n';

describe('a keyed number is read as typed, never cleaned into another one', () => {
  it('reads plain decimals within the allowed digits', () => {
    expect(readAmount('12.5', 2)).toEqual({ ok: true, value: 1250 });
    expect(readAmount(' 100 ', 2)).toEqual({ ok: true, value: 10000 });
    expect(readAmount('.5', 3)).toEqual({ ok: true, value: 500 });
    expect(readAmount('0', 2)).toEqual({ ok: true, value: 0 });
  });

  it('reads full-width digits and point as an IME types them', () => {
    expect(readAmount('１２．５', 2)).toEqual({ ok: true, value: 1250 });
    expect(parseDecimal('３', 0)).toBe(3);
  });

  it('refuses a negative number as negative, not as its digits', () => {
    expect(readAmount('-5', 2)).toEqual({ ok: false, problem: 'negative' });
    expect(readAmount('-1', 3)).toEqual({ ok: false, problem: 'negative' });
    expect(readAmount('－３', 0)).toEqual({ ok: false, problem: 'negative' });
    expect(readAmount('-3.333', 2)).toEqual({ ok: false, problem: 'negative' });
  });

  it('refuses letters and mixed text instead of keeping the digits in it', () => {
    expect(readAmount('abc', 2)).toEqual({ ok: false, problem: 'notNumber' });
    expect(readAmount('1x2', 2)).toEqual({ ok: false, problem: 'notNumber' });
    expect(readAmount('1.2.3', 2)).toEqual({ ok: false, problem: 'notNumber' });
    expect(readAmount('-abc', 2)).toEqual({ ok: false, problem: 'notNumber' });
  });

  it('says when there are too many decimals, or any in a whole number', () => {
    expect(readAmount('3.333', 2)).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(readAmount('1.0001', 3)).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(readAmount('2.5', 0)).toEqual({ ok: false, problem: 'notWhole' });
  });

  it('tells an empty field apart from a wrong one', () => {
    expect(readAmount('', 2)).toEqual({ ok: false, problem: 'empty' });
    expect(readAmount('   ', 2)).toEqual({ ok: false, problem: 'empty' });
  });

  it('says nothing while a number is on its way, something as soon as it cannot be one', () => {
    expect(typedProblem('', 2)).toBeNull();
    expect(typedProblem('.', 2)).toBeNull();
    expect(typedProblem('1.', 2)).toBeNull();
    expect(typedProblem('-', 2)).toBe('negative');
    expect(typedProblem('a', 2)).toBe('notNumber');
    expect(typedProblem('3.333', 2)).toBe('tooManyDecimals');
  });

  it('names the rule a price, a quantity, an amount or a count broke', () => {
    expect(amountProblemKey('tooManyDecimals', 'price', 2)).toBe('input.priceDecimals');
    expect(amountProblemKey('tooManyDecimals', 'qty', 3)).toBe('input.qtyDecimals');
    expect(amountProblemKey('tooManyDecimals', 'amount', 2)).toBe('input.amountDecimals');
    expect(amountProblemKey('notWhole', 'count', 0)).toBe('input.wholeNumber');
    expect(amountProblemKey('tooManyDecimals', 'price', 0)).toBe('input.wholeNumber');
    expect(amountProblemKey('negative', 'price', 2)).toBe('input.negative');
    expect(amountProblemKey('notNumber', 'count', 0)).toBe('input.notNumber');
  });

  it('has every sentence it names in both languages', () => {
    for (const key of ['input.notNumber', 'input.negative', 'input.priceDecimals', 'input.qtyDecimals', 'input.amountDecimals', 'input.wholeNumber']) {
      expect((zhUi as Record<string, string>)[key], key).toBeTruthy();
      expect((enUi as Record<string, string>)[key], key).toBeTruthy();
    }
    expect((zhUi as Record<string, string>)['input.priceDecimals']).toBe('价格最多两位小数。');
    expect((zhUi as Record<string, string>)['input.notNumber']).toBe('请输入数字。');
    expect((zhUi as Record<string, string>)['input.negative']).toBe('不能输入负数。');
  });
});

describe('store details as typed in the wizard and the back office', () => {
  it('takes telephone numbers as stores write them', () => {
    for (const phone of ['', '021-5555 0000', '+86 21 5555-0000', '(021) 5555 0000', '400-820-8820 转 123', '+1 (555) 010-0000 ext. 12', '０２１－５５５５']) {
      expect(isStorePhone(phone), phone).toBe(true);
    }
  });

  it('refuses letters, too few or too many digits', () => {
    for (const phone of ['abc', 'abc电话'.repeat(10), 'call me', '12', '1'.repeat(21), '021-5555 x']) expect(isStorePhone(phone), phone).toBe(false);
  });

  it('takes tax IDs of several countries and refuses what is none', () => {
    for (const taxId of ['', '91310104MA1FR0XX3K', 'DE123456789', '12-3456789', '51 824 753 556']) expect(isStoreTaxId(taxId), taxId).toBe(true);
    for (const taxId of ['x', 'abcd', '123', '税号12345', '1'.repeat(31)]) expect(isStoreTaxId(taxId), taxId).toBe(false);
  });

  it('main refuses the same phone and tax ID the page does', () => {
    expect(settingsPatch.safeParse({ storePhone: 'abc电话' }).success).toBe(false);
    expect(settingsPatch.safeParse({ storeTaxId: 'x' }).success).toBe(false);
    expect(settingsPatch.safeParse({ storePhone: '021-5555 0000', storeTaxId: '91310104MA1FR0XX3K' }).success).toBe(true);
  });

  it('register IDs are letters, digits and hyphens, as main requires', () => {
    expect(isRegisterId('POS-1')).toBe(true);
    expect(isRegisterId('收银机 一号 !!!')).toBe(false);
    expect(isRegisterId('A'.repeat(17))).toBe(false);
    expect(settingsPatch.safeParse({ registerId: '收银机 一号 !!!' }).success).toBe(false);
  });
});

describe('a refused field is named in words, never by its program name', () => {
  const i18n = errorsI18n();
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en');

  it('names a known field by its label in both languages', () => {
    const error = { code: 'request.invalid_input', params: { field: 'registerId', issue: 'invalid_string' } } as const;
    expect(errorMessage(error, zh, 'zh-CN', 'CNY')).toBe('收银机拒绝了输入内容（收银机编号），请检查输入。');
    expect(errorMessage(error, en, 'en', 'CNY')).toBe('The register refused the input (register ID). Please check what was entered.');
  });

  it('uses the last named part of a path', () => {
    const error = { code: 'request.invalid_input', params: { field: 'lines.0.qtyMilli', issue: 'too_small' } } as const;
    expect(errorMessage(error, zh, 'zh-CN', 'CNY')).toBe('收银机拒绝了输入内容（数量），请检查输入。');
  });

  it('leaves an unknown field out instead of showing its name', () => {
    const error = { code: 'request.invalid_input', params: { field: 'someInternalThing', issue: 'invalid_type' } } as const;
    expect(errorMessage(error, zh, 'zh-CN', 'CNY')).toBe('收银机拒绝了输入内容，请检查输入。');
    expect(errorMessage(error, en, 'en', 'CNY')).toBe('The register refused the input. Please check what was entered.');
    const other = { code: 'hq.record_mismatch', params: { seq: 4, field: 'someInternalThing' } } as const;
    expect(errorMessage(other, zh, 'zh-CN', 'CNY')).not.toContain('someInternalThing');
  });
});

describe('a field that does not know its decimals', () => {
  it('checks only the sign and the characters', () => {
    expect(typedProblem('12.3456', null)).toBeNull();
    expect(typedProblem('-1', null)).toBe('negative');
    expect(typedProblem('abc', null)).toBe('notNumber');
  });

  it('says a number beyond exact integers is too large', () => {
    expect(readAmount('99999999999999999999', 2)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(amountProblemKey('tooLarge', 'amount', 2)).toBe('input.tooLarge');
  });
});

describe('a refused price says what to fix', () => {
  it('names the decimals, the sign or the characters, and asks for a price when there is none', () => {
    expect(priceRefusalKey('12.345', 2)).toBe('input.priceDecimals');
    expect(priceRefusalKey('3.333', 2)).toBe('input.priceDecimals');
    expect(priceRefusalKey('-5', 2)).toBe('input.negative');
    expect(priceRefusalKey('1x2', 2)).toBe('input.notNumber');
    expect(priceRefusalKey('', 2)).toBe('dialog.invalidPrice');
  });
});

describe('a field a form names in its own words', () => {
  const i18n = errorsI18n();
  it('is shown as given', () => {
    const error = { code: 'request.invalid_input', params: { field: '商户号（mch_id）', issue: 'invalid' } } as const;
    expect(errorMessage(error, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toBe('收银机拒绝了输入内容（商户号（mch_id）），请检查输入。');
  });
});
