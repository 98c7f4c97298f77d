// The byte pass after encoding (main/hardware/printer/escpos-state-pass.ts) may only drop
// commands that leave the printer as it is. Proof: the project's decoder reads the stream
// before and after the pass to the same paper: the same lines, each character in the same print
// style, the same QR codes and images, and the same cuts, drawer kicks and status requests in
// the same order.
import { describe, expect, it } from 'vitest';
import { buildReceipt, buildReceiptDocuments } from '../../main/hardware/printer/receipt-model';
import { encodeReceipt } from '../../main/hardware/printer/encoder';
import { dropRedundantCommands } from '../../main/hardware/printer/escpos-state-pass';
import { defaultPrinterProfile, type PrinterProfile } from '../../main/hardware/printer/printer-profile';
import type { ReceiptDocument } from '../../main/hardware/printer/receipt-document';
import { tokenizeEscPos, type TokenizeOptions, type TokenizeResult } from '../support/escpos-tokenizer';
import { refundFixture, saleFixture, timeZone } from '../support/printer-fixtures';
import { storeEn, storeZh } from '../support/store-profiles';

// Commands that only set how characters look (the styled lines show their effect).
const styleOnly = new Set([
  'ESC E',
  'ESC -',
  'FS -',
  'GS B',
  'GS !',
  'ESC !',
  'FS !',
  'ESC G',
  'ESC M',
  'ESC {',
  'ESC  ',
  'FS S',
  'ESC a',
  'GS L',
  'GS W',
  'ESC t',
  'FS &',
  'FS .',
  'FS C',
  'ESC $',
  'ESC \\',
  'ESC 2',
  'ESC 3',
]);

function paper(result: TokenizeResult) {
  return {
    lines: result.lines,
    styledLines: result.styledLines,
    qrCodes: result.qrCodes,
    images: result.images,
    // Everything else the printer is told, in order: codes, cuts, drawer kicks, status requests, initialisation.
    actions: result.commands.filter((c) => !styleOnly.has(c.name)).map((c) => `${c.name} ${c.params.join(',')}`),
  };
}

function expectSamePaper(verbatim: Buffer, lean: Buffer, options: TokenizeOptions = {}): void {
  expect(paper(tokenizeEscPos(lean, { ...options, styles: true }))).toEqual(paper(tokenizeEscPos(verbatim, { ...options, styles: true })));
}

const profile = (p: Partial<PrinterProfile> = {}): PrinterProfile => ({ ...defaultPrinterProfile, ...p });

const documents: [string, ReceiptDocument[]][] = [
  ['zh-CN cash sale', [buildReceipt(saleFixture('zh-CN', 'cash'), storeZh, { timeZone })]],
  ['en cash sale', [buildReceipt(saleFixture('en', 'cash'), storeEn, { timeZone })]],
  ['zh-CN card sale with merchant copy', buildReceiptDocuments(saleFixture('zh-CN', 'card'), storeZh, { timeZone })],
  ['en mixed tender duplicate', [buildReceipt(saleFixture('en', 'mixed'), storeEn, { timeZone, duplicateCopy: 2 })]],
  ['zh-CN refund', [buildReceipt(refundFixture('zh-CN'), storeZh, { timeZone, refundOf: { registerId: 'R01', receiptNo: 1024 } })]],
];

const profiles: [string, PrinterProfile, TokenizeOptions][] = [
  ['80 mm gb18030 native QR', profile(), {}],
  ['58 mm gb18030 native QR', profile({ paper: '58mm' }), {}],
  ['80 mm raster QR', profile({ qr: 'raster' }), {}],
  ['58 mm Kanji mode fixed on', profile({ paper: '58mm', kanjiMode: false }), { kanjiAtStart: true }],
  ['80 mm big5', profile({ encoding: 'big5' }), { kanjiEncoding: 'big5' }],
  ['80 mm no cut', profile({ cut: false }), {}],
];

describe('dropping commands that do not change the printer state', () => {
  for (const [docName, docs] of documents) {
    for (const [profileName, p, options] of profiles) {
      it(`prints the same ${docName} on ${profileName}, in fewer bytes`, () => {
        for (const doc of docs) {
          const verbatim = encodeReceipt(doc, p, { keepRedundant: true });
          const lean = encodeReceipt(doc, p);
          expectSamePaper(verbatim, lean, options);
          expect(lean.length).toBeLessThan(verbatim.length);
        }
      });
    }
  }

  it('drops a repeated setting, keeps each change, and keeps the first setting after ESC @', () => {
    const ESC = 0x1b;
    const input = Buffer.from([ESC, 0x45, 1, ESC, 0x45, 1, 0x41, ESC, 0x45, 0, 0x42, ESC, 0x40, ESC, 0x45, 0, 0x43, 0x0a]);
    const out = dropRedundantCommands(input);
    expect([...out]).toEqual([ESC, 0x45, 1, 0x41, ESC, 0x45, 0, 0x42, ESC, 0x40, ESC, 0x45, 0, 0x43, 0x0a]);
    expectSamePaper(input, out);
  });

  it('drops moves by nothing: ESC \\ 0 0 anywhere, ESC $ 0 0 only at the start of a line', () => {
    const ESC = 0x1b;
    const input = Buffer.from([ESC, 0x24, 0, 0, 0x41, ESC, 0x5c, 0, 0, 0x42, ESC, 0x24, 0, 0, 0x43, 0x0a]);
    const out = dropRedundantCommands(input);
    expect([...out]).toEqual([0x41, 0x42, ESC, 0x24, 0, 0, 0x43, 0x0a]);
    expectSamePaper(input, out);
  });

  it('keeps a justification, margin or width given mid-line, and what follows it', () => {
    const ESC = 0x1b;
    const GS = 0x1d;
    const input = Buffer.from([
      ESC,
      0x61,
      1,
      0x41,
      ESC,
      0x61,
      1,
      0x0a,
      ESC,
      0x61,
      1,
      0x42,
      0x0a,
      GS,
      0x4c,
      0,
      0,
      0x43,
      GS,
      0x4c,
      0,
      0,
      0x0a,
      GS,
      0x4c,
      0,
      0,
      0x44,
      0x0a,
    ]);
    const out = dropRedundantCommands(input);
    // The second ESC a 1 comes mid-line (the printer ignores it): kept, and the one on the next
    // line is kept too, because after an ignored command the state is no longer known.
    expect([...out]).toEqual([
      ESC,
      0x61,
      1,
      0x41,
      ESC,
      0x61,
      1,
      0x0a,
      ESC,
      0x61,
      1,
      0x42,
      0x0a,
      GS,
      0x4c,
      0,
      0,
      0x43,
      GS,
      0x4c,
      0,
      0,
      0x0a,
      GS,
      0x4c,
      0,
      0,
      0x44,
      0x0a,
    ]);
  });

  it('never reads command bytes inside QR data or images', () => {
    const ESC = 0x1b;
    const GS = 0x1d;
    // QR data holding "ESC E 1" twice, between two real ESC E 1: only the second real one goes.
    const qrStore = [GS, 0x28, 0x6b, 9, 0, 0x31, 0x50, 0x30, ESC, 0x45, 1, ESC, 0x45, 1];
    const input = Buffer.from([ESC, 0x45, 1, ...qrStore, GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30, ESC, 0x45, 1, 0x41, 0x0a]);
    const out = dropRedundantCommands(input);
    expect([...out]).toEqual([ESC, 0x45, 1, ...qrStore, GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30, 0x41, 0x0a]);
    expect(tokenizeEscPos(out).qrCodes).toEqual(['\x1bE\x01\x1bE\x01']);
  });

  it('hands back the bytes untouched when it meets a command it does not know', () => {
    const input = Buffer.from([0x1b, 0x45, 1, 0x1b, 0x45, 1, 0x1b, 0x7e, 0x41, 0x0a]);
    expect(dropRedundantCommands(input)).toBe(input);
  });
});
