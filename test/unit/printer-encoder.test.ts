import { describe, expect, it } from 'vitest';
import { buildReceipt, buildReceiptDocuments } from '../../main/hardware/printer/receipt-model';
import { encodeReceipt } from '../../main/hardware/printer/encoder';
import { renderReceiptText } from '../../main/hardware/printer/render';
import { defaultPrinterProfile, printerProfileSchema, type PrinterProfile } from '../../main/hardware/printer/printer-profile';
import { drawerKick, nativeQr } from '../../main/hardware/printer/escpos-commands';
import { commandsNamed, tokenizeEscPos } from '../support/escpos-tokenizer';
import { saleFixture, timeZone } from '../support/printer-fixtures';
import { storeEn, storeZh } from '../support/store-profiles';
import { printedColumns } from '../support/printer-columns';

/** Printed lines of a text rendering (it ends every line with a newline). */
const textLines = (text: string): string[] => text.replace(/\n$/, '').split('\n');
const profile = (over: Partial<PrinterProfile> = {}): PrinterProfile => ({ ...defaultPrinterProfile, ...over });

describe('ESC/POS encoding read back by the tokenizer', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const paper of ['58mm', '80mm'] as const) {
      for (const qr of ['native', 'raster'] as const) {
        it(`${locale} ${paper} ${qr} QR: printed text equals the document, one cut, QR present`, () => {
          const store = locale === 'zh-CN' ? storeZh : storeEn;
          const sale = saleFixture(locale, 'card');
          const doc = buildReceipt(sale, store, { timeZone });
          const p = profile({ paper, qr });
          const t = tokenizeEscPos(encodeReceipt(doc, p));
          const expected = textLines(renderReceiptText(doc, p));
          expect(t.lines).toEqual(expected);
          const cols = paper === '58mm' ? 32 : 48;
          for (const l of t.lines) expect(printedColumns(l), l).toBeLessThanOrEqual(cols);
          expect(commandsNamed(t, 'GS V')).toHaveLength(1);
          if (qr === 'native') {
            expect(t.qrCodes).toEqual([sale.id]);
            expect(t.images).toEqual([]);
          } else {
            expect(t.qrCodes).toEqual([]);
            expect(t.images).toHaveLength(1);
          }
          // A card-only sale does not open the drawer.
          expect(commandsNamed(t, 'ESC p')).toEqual([]);
        });
      }
    }
  }

  it('kicks the drawer with the complete ESC p m t1 t2 from the profile, once, only for cash', () => {
    const cash = buildReceipt(saleFixture('zh-CN', 'cash'), storeZh, { timeZone });
    const p = profile({ drawer: { pin: 1, onMs: 100, offMs: 400, openLevel: 'high' } });
    const kicks = commandsNamed(tokenizeEscPos(encodeReceipt(cash, p)), 'ESC p');
    expect(kicks.map((k) => k.params)).toEqual([[1, 50, 200]]);
    const bytes = encodeReceipt(cash, profile());
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa]);
    expect(commandsNamed(tokenizeEscPos(encodeReceipt(cash, profile(), { openDrawer: false })), 'ESC p')).toEqual([]);
    expect(
      commandsNamed(tokenizeEscPos(encodeReceipt(buildReceipt(saleFixture('zh-CN', 'cash'), storeZh, { timeZone, duplicateCopy: 1 }), profile())), 'ESC p'),
    ).toEqual([]);
  });

  it('prints ￥ (A3 A4) and never the four-byte GB18030 ¥ (81 30 84 36)', () => {
    const bytes = encodeReceipt(buildReceipt(saleFixture('en'), storeEn, { timeZone }), profile({ encoding: 'gb18030' }));
    expect(bytes.includes(Buffer.from([0xa3, 0xa4]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x81, 0x30, 0x84, 0x36]))).toBe(false);
  });

  it('switches Kanji mode on before Chinese and off before code-page glyphs', () => {
    const t = tokenizeEscPos(encodeReceipt(buildReceipt(saleFixture('zh-CN'), storeZh, { timeZone }), profile()));
    expect(commandsNamed(t, 'FS &').length).toBeGreaterThan(0);
    expect(commandsNamed(t, 'FS .').length).toBeGreaterThan(0);
  });

  it('with Kanji mode off sends no FS & / FS . and prints rules in ASCII for a printer fixed in Chinese mode', () => {
    const doc = buildReceipt(saleFixture('zh-CN'), storeZh, { timeZone });
    const p = profile({ kanjiMode: false, paper: '58mm' });
    const bytes = encodeReceipt(doc, p);
    const t = tokenizeEscPos(bytes, { kanjiAtStart: true });
    expect(commandsNamed(t, 'FS &')).toEqual([]);
    expect(commandsNamed(t, 'FS .')).toEqual([]);
    expect(t.lines).toEqual(textLines(renderReceiptText(doc, p)));
  });

  it('encodes an English receipt in cp437 with ¥ as the code-page glyph', () => {
    const doc = buildReceipt(saleFixture('en'), storeEn, { timeZone });
    const p = profile({ encoding: 'cp437', paper: '58mm' });
    const t = tokenizeEscPos(encodeReceipt(doc, p));
    expect(t.lines).toEqual(textLines(renderReceiptText(doc, p)));
    expect(t.lines.join('\n')).toContain('¥55.58');
  });

  it('big5 and gbk profiles encode Chinese that decodes back', () => {
    const doc = buildReceipt(saleFixture('zh-CN'), storeZh, { timeZone });
    const big5 = tokenizeEscPos(encodeReceipt(doc, profile({ encoding: 'big5' })), { kanjiEncoding: 'big5' });
    // Big5 has no simplified 记; the traditional characters it does have come back intact.
    expect(big5.lines[0]).toMatch(/林.便利店/);
    expect(big5.lines.join('\n')).toContain('2026-03-14 14:21:37');
    const gbk = profile({ encoding: printerProfileSchema.parse({ ...defaultPrinterProfile, encoding: 'GBK' }).encoding });
    expect(gbk.encoding).toBe('cp936');
    expect(tokenizeEscPos(encodeReceipt(doc, gbk), { kanjiEncoding: 'gbk' }).lines).toEqual(textLines(renderReceiptText(doc, gbk)));
  });

  it('a card sale with a signature prints two documents, each with its own cut', () => {
    const docs = buildReceiptDocuments(saleFixture('zh-CN', 'card'), storeZh, { timeZone });
    const job = Buffer.concat(docs.map((d) => encodeReceipt(d, profile())));
    expect(commandsNamed(tokenizeEscPos(job), 'GS V')).toHaveLength(2);
  });

  it('builds native QR and drawer commands byte for byte', () => {
    expect([...drawerKick(0, 50, 500)]).toEqual([0x1b, 0x70, 0, 25, 250]);
    expect([...drawerKick(1, 2000, 0)]).toEqual([0x1b, 0x70, 1, 255, 1]);
    expect([...nativeQr(Buffer.from('AB'), 4, 'm')]).toEqual([
      0x1d, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0, 0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x43, 4, 0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x45, 0x31, 0x1d, 0x28, 0x6b, 5, 0,
      0x31, 0x50, 0x30, 0x41, 0x42, 0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30,
    ]);
  });

  it('custom paper width is honoured', () => {
    const doc = buildReceipt(saleFixture('zh-CN'), storeZh, { timeZone });
    const p = profile({ paper: 'custom', columns: 42 });
    const t = tokenizeEscPos(encodeReceipt(doc, p));
    for (const l of t.lines) expect(printedColumns(l)).toBeLessThanOrEqual(42);
    expect(t.lines.some((l) => printedColumns(l) === 42)).toBe(true);
  });
});

describe('QR payload escaping', () => {
  it('keeps receiptline separators (: ; | { } \\) in the QR data', () => {
    const doc = { ...buildReceipt(saleFixture('en'), storeEn, { timeZone }), blocks: [{ kind: 'qr' as const, data: 'ringup:r;1|{x}\\y' }] };
    expect(tokenizeEscPos(encodeReceipt(doc, profile())).qrCodes).toEqual(['ringup:r;1|{x}\\y']);
  });
});
