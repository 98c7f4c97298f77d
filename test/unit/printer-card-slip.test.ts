// The card block as it comes off the printer: the ESC/POS bytes are read back with the test
// tokenizer, in Chinese and in English, and the lines are checked for what a bank slip needs.
import { describe, expect, it } from 'vitest';
import type { CardDetailsView, DocumentView } from '../../preload/contract/views';
import { buildReceiptDocuments, type ReceiptOptions } from '../../main/hardware/printer/receipt-model';
import { encodeReceipt } from '../../main/hardware/printer/encoder';
import { defaultPrinterProfile } from '../../main/hardware/printer/printer-profile';
import { isTerminalSignatureLine } from '../../main/hardware/printer/card-slip';
import { tokenizeEscPos } from '../support/escpos-tokenizer';
import { cardDetails, saleFixture, timeZone } from '../support/printer-fixtures';
import { storeEn, storeZh } from '../support/store-profiles';

const profile = { ...defaultPrinterProfile, paper: '58mm' as const };

/** What a terminal sends for its own receipt, signature section included (as the simulator does). */
const terminalText = ['KARTENZAHLUNG', 'Beleg-Nr. 4567  Autorisierung A1B2C3', 'Zahlung erfolgt', 'Unterschrift / Signature', '______________________'];

const card: CardDetailsView = { ...cardDetails, merchantNo: '104310058120001', referenceNo: '000731', receiptLines: terminalText };

function cardSale(locale: 'zh-CN' | 'en', kind: DocumentView['kind'] = 'sale', over: Partial<CardDetailsView> = {}): DocumentView {
  const sale = saleFixture(locale, 'card');
  return { ...sale, kind, payments: sale.payments.map((p) => ({ ...p, card: { ...card, ...over } })) };
}

/** Each printed document (customer receipt, merchant copy) as its lines on paper. */
function paper(sale: DocumentView, locale: 'zh-CN' | 'en', options: Partial<ReceiptOptions> = {}): string[][] {
  const docs = buildReceiptDocuments(sale, locale === 'zh-CN' ? storeZh : storeEn, { timeZone, ...options });
  return docs.map((d) => tokenizeEscPos(encodeReceipt(d, profile)).lines);
}

/** The value printed flush right after a label in the card block, or null when the row is absent. */
function row(lines: string[], label: string): string | null {
  const line = lines.find((l) => l.trimStart().startsWith(`${label} `));
  return line ? line.trimStart().slice(label.length).trim() : null;
}

describe('card slip on paper (read back from ESC/POS)', () => {
  it('zh-CN: transaction type, translated entry mode, merchant and reference numbers on both copies', () => {
    const [customer, merchant] = paper(cardSale('zh-CN'), 'zh-CN');
    for (const lines of [customer!, merchant!]) {
      expect(row(lines, '交易类型')).toBe('消费');
      expect(row(lines, '输入方式')).toBe('芯片');
      expect(row(lines, '商户号')).toBe('104310058120001');
      expect(row(lines, '参考号')).toBe('000731');
      expect(row(lines, '终端号')).toBe('T0012345');
      expect(lines.join('\n')).not.toMatch(/chip/);
    }
  });

  it('en: Sale, Chip, Merchant No. and Reference No.', () => {
    const [customer, merchant] = paper(cardSale('en'), 'en');
    for (const lines of [customer!, merchant!]) {
      expect(row(lines, 'Transaction')).toBe('Sale');
      expect(row(lines, 'Entry')).toBe('Chip');
      expect(row(lines, 'Merchant No.')).toBe('104310058120001');
      expect(row(lines, 'Reference No.')).toBe('000731');
      expect(lines).not.toContainEqual(expect.stringMatching(/\bchip\b/));
    }
  });

  it('without a recorded transaction: a card refund says 退货 / Refund and a voided card sale 撤销 / Reversal', () => {
    expect(row(paper(cardSale('zh-CN', 'refund'), 'zh-CN')[0]!, '交易类型')).toBe('退货');
    expect(row(paper(cardSale('en', 'refund'), 'en')[0]!, 'Transaction')).toBe('Refund');
    expect(row(paper(cardSale('zh-CN', 'void'), 'zh-CN')[0]!, '交易类型')).toBe('撤销');
    expect(row(paper(cardSale('en', 'void'), 'en')[0]!, 'Transaction')).toBe('Reversal');
  });

  it('prints what the terminal did when the payment says so: a return the terminal reversed is 撤销 / Reversal', () => {
    expect(row(paper(cardSale('zh-CN', 'refund', { transaction: 'reversal' }), 'zh-CN')[0]!, '交易类型')).toBe('撤销');
    expect(row(paper(cardSale('en', 'refund', { transaction: 'reversal' }), 'en')[0]!, 'Transaction')).toBe('Reversal');
    expect(row(paper(cardSale('zh-CN', 'refund', { transaction: 'refund' }), 'zh-CN')[0]!, '交易类型')).toBe('退货');
    expect(row(paper(cardSale('zh-CN', 'sale', { transaction: 'sale' }), 'zh-CN')[0]!, '交易类型')).toBe('消费');
  });

  it('translates every entry mode the terminal reports and leaves "unknown" off', () => {
    const zh = { contactless: '非接', chip: '芯片', magstripe: '磁条', manual: '手输' };
    const en = { contactless: 'Contactless', chip: 'Chip', magstripe: 'Magnetic stripe', manual: 'Manual' };
    for (const mode of ['contactless', 'chip', 'magstripe', 'manual'] as const) {
      expect(row(paper(cardSale('zh-CN', 'sale', { entryMode: mode }), 'zh-CN')[0]!, '输入方式')).toBe(zh[mode]);
      expect(row(paper(cardSale('en', 'sale', { entryMode: mode }), 'en')[0]!, 'Entry')).toBe(en[mode]);
    }
    const unknown = paper(cardSale('en', 'sale', { entryMode: 'unknown' }), 'en')[0]!;
    expect(row(unknown, 'Entry')).toBeNull();
    expect(unknown.join('\n')).not.toContain('unknown');
  });

  it('leaves merchant and reference rows off when the terminal gave neither', () => {
    const [customer] = paper(cardSale('zh-CN', 'sale', { merchantNo: null, referenceNo: null }), 'zh-CN');
    expect(row(customer!, '商户号')).toBeNull();
    expect(row(customer!, '参考号')).toBeNull();
    // Payments stored before these fields existed have no such keys at all.
    const { merchantNo: _m, referenceNo: _r, ...older } = card;
    const sale = saleFixture('en', 'card');
    const [old] = paper({ ...sale, payments: sale.payments.map((p) => ({ ...p, card: older })) }, 'en');
    expect(row(old!, 'Merchant No.')).toBeNull();
    expect(row(old!, 'Transaction')).toBe('Sale');
  });
});

describe("the terminal's own receipt lines follow the printer setting", () => {
  const signatureRules = (lines: string[]) => lines.filter((l) => /_{5,}/.test(l));

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`${locale}: off by default: on neither copy`, () => {
      const [customer, merchant] = paper(cardSale(locale), locale);
      for (const lines of [customer!, merchant!]) {
        expect(lines.join('\n')).not.toContain('KARTENZAHLUNG');
        expect(lines.join('\n')).not.toContain('Zahlung erfolgt');
      }
    });

    it(`${locale}: 'merchant': on the merchant copy only, with one signature line (ours)`, () => {
      const [customer, merchant] = paper(cardSale(locale), locale, { terminalLines: 'merchant' });
      expect(customer!.join('\n')).not.toContain('KARTENZAHLUNG');
      expect(merchant!).toContain('KARTENZAHLUNG');
      expect(merchant!).toContain('Zahlung erfolgt');
      expect(merchant!.join('\n')).not.toContain('Unterschrift');
      expect(signatureRules(merchant!)).toHaveLength(1);
    });

    it(`${locale}: 'both': on both copies, and never a signature line on the customer copy`, () => {
      const [customer, merchant] = paper(cardSale(locale), locale, { terminalLines: 'both' });
      expect(customer!).toContain('KARTENZAHLUNG');
      expect(customer!).toContain('Zahlung erfolgt');
      expect(customer!.join('\n')).not.toMatch(/Unterschrift|Signature|签名/);
      expect(signatureRules(customer!)).toEqual([]);
      expect(merchant!).toContain('KARTENZAHLUNG');
      expect(signatureRules(merchant!)).toHaveLength(1);
    });
  }

  it('recognises signature captions and lines to sign on, and nothing else', () => {
    for (const s of ['Unterschrift / Signature', '持卡人签名', 'X______________', '______________________', 'Please sign here', '..........']) {
      expect(isTerminalSignatureLine(s), s).toBe(true);
    }
    for (const s of ['KARTENZAHLUNG', 'Betrag EUR 12,50', 'Zahlung erfolgt', 'Terminal-ID 52500001   Trace 000123', '--------']) {
      expect(isTerminalSignatureLine(s), s).toBe(false);
    }
  });
});
