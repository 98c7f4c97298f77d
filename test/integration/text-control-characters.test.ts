// Control characters (NUL, ESC, C1) typed or pasted into free text are refused at the contract in
// words, naming the field, and nothing is kept: the ledger, its exports and HQ get the text people
// can read. A note and the receipt header and footer keep their newlines.
import { describe, expect, it } from 'vitest';
import { hasControlCharacters } from '../../preload/contract/text';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { errorsI18n } from '../support/errors-i18n';
import { makeRegister, OWNER_PIN, withStaff } from '../support/register-fixture';

const i18n = errorsI18n();
const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

describe('control characters in free text', () => {
  it('refuses them in a note, an ad-hoc name and the receipt footer, in both languages, and changes nothing', async () => {
    const reg = makeRegister();
    try {
      const staff = await withStaff(reg);
      const sale = await reg.must('sale.current', {});
      await reg.must('sale.setNote', { saleId: sale.id, note: '送货：\n明天上午' });

      const note = await reg.call('sale.setNote', { saleId: sale.id, note: 'a\u0000b\u001b[31m' });
      expect(note).toMatchObject({ ok: false, error: { code: 'request.invalid_input', params: { field: 'note', issue: 'control_characters' } } });
      if (!note.ok) {
        expect(errorMessage(note.error, zh, 'zh-CN', 'CNY')).toBe(
          '备注含有控制字符（随复制的文字带入的不可见字符，如 NUL、ESC），请删除后重试。未做任何更改。',
        );
        expect(errorMessage(note.error, en, 'en', 'CNY')).toBe(
          'The note contains control characters (invisible characters that come with copied text, such as NUL or ESC). Remove them and try again; nothing was changed.',
        );
      }
      expect((await reg.must('sale.get', { saleId: sale.id })).note).toBe('送货：\n明天上午');

      for (const name of ['Tea\u001b[2J', 'Tea\ncup', 'Tea\u0085']) {
        const line = await reg.call('sale.addCustomLine', { saleId: sale.id, name, qtyMilli: 1000, unitPriceMinor: 100 });
        expect(line, JSON.stringify(name)).toMatchObject({ ok: false, error: { params: { field: 'name', issue: 'control_characters' } } });
      }
      expect((await reg.must('sale.get', { saleId: sale.id })).lines).toEqual([]);

      await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
      const footer = await reg.call('settings.update', { receiptFooter: 'x\u0000y' });
      expect(footer).toMatchObject({ ok: false, error: { params: { field: 'receiptFooter', issue: 'control_characters' } } });
      if (!footer.ok) {
        expect(errorMessage(footer.error, zh, 'zh-CN', 'CNY')).toBe(
          '小票页脚含有控制字符（随复制的文字带入的不可见字符，如 NUL、ESC），请删除后重试。未做任何更改。',
        );
        expect(errorMessage(footer.error, en, 'en', 'CNY')).toBe(
          'The receipt footer contains control characters (invisible characters that come with copied text, such as NUL or ESC). Remove them and try again; nothing was changed.',
        );
      }
      expect(await reg.call('settings.update', { storeName: 'Shop\u0007' })).toMatchObject({ ok: false, error: { params: { issue: 'control_characters' } } });
      expect(await reg.must('settings.update', { receiptFooter: '谢谢惠顾\nThank you', receiptHeader: '欢迎\nWelcome' })).toMatchObject({
        receiptFooter: '谢谢惠顾\nThank you',
        receiptHeader: '欢迎\nWelcome',
      });
    } finally {
      reg.cleanup();
    }
  });

  it('tells control characters from the text people type', () => {
    for (const text of ['', 'Ringup 收银', 'emoji 🍵', 'RTL \u202eabc', 'tab\u00a0space']) expect(hasControlCharacters(text), text).toBe(false);
    for (const text of ['\u0000', 'a\u001bb', 'del\u007f', 'c1\u009b', 'tab\there', 'cr\r'])
      expect(hasControlCharacters(text, { multiline: true }), text).toBe(true);
    expect(hasControlCharacters('two\nlines', { multiline: true })).toBe(false);
    expect(hasControlCharacters('two\nlines')).toBe(true);
  });
});
