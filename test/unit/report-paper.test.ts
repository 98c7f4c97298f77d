import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xReportPaper, zReportPaper } from '../../main/day-close/report-paper';
import { encodeReceipt } from '../../main/hardware/printer/encoder';
import { renderReceiptText } from '../../main/hardware/printer/render';
import { tokenizeEscPos } from '../support/escpos-tokenizer';
import { printedColumns } from '../support/printer-columns';
import { xFixture, xInProgressFixture, zFixture } from '../support/report-paper-fixtures';
import { storeEn, storeZh } from '../support/store-profiles';
import { expectGolden, paperProfile } from '../support/printer-golden';

const timeZone = 'Asia/Shanghai';
const profile = paperProfile;

/** The lines as the printer prints them, read back from the ESC/POS bytes. */
function paperLines(doc: ReturnType<typeof zReportPaper>, paper: '58mm' | '80mm'): string[] {
  return tokenizeEscPos(encodeReceipt(doc, profile(paper))).lines;
}

const cases = [
  { locale: 'en', store: storeEn, paper: '58mm', cols: 32 },
  { locale: 'en', store: storeEn, paper: '80mm', cols: 48 },
  { locale: 'zh-CN', store: storeZh, paper: '58mm', cols: 32 },
  { locale: 'zh-CN', store: storeZh, paper: '80mm', cols: 48 },
] as const;

// The rows under a heading, by the words they start with in each language.
const indentedRows = {
  en: [
    'In 5',
    'Out 1',
    'Net',
    'Tax',
    'Gross',
    'Float',
    '+ Cash taken',
    '− Change given',
    '− Paid out',
    '− Cash refunds',
    'Expected',
    'Counted',
    'Terminal 1',
    'Register 1',
  ],
  'zh-CN': ['收 5 笔', '退 1 笔', '净额', '税额', '含税', '备用金', '+ 收取现金', '− 找零', '− 支出', '− 现金退货', '应有现金', '实点现金'],
} as const;

describe('X and Z on paper', () => {
  for (const c of cases) {
    it(`X and Z ${c.locale} ${c.paper} match the golden file and fit ${c.cols} columns`, () => {
      const text = [xReportPaper(xFixture(), c.store, timeZone, '王店长'), zReportPaper(zFixture(), c.store, timeZone, null)]
        .map((doc) => renderReceiptText(doc, profile(c.paper)))
        .join('=== cut ===\n');
      expectGolden(`x-z-report-${c.locale}-${c.paper}.txt`, text);
      for (const line of text.split('\n')) expect(printedColumns(line), line).toBeLessThanOrEqual(c.cols);
    });

    it(`X ${c.locale} ${c.paper} with a void still open lists what already went back, apart from the figures, and fits ${c.cols} columns`, () => {
      const text = renderReceiptText(xReportPaper(xInProgressFixture(), c.store, timeZone, '王店长'), profile(c.paper));
      expectGolden(`x-report-in-progress-${c.locale}-${c.paper}.txt`, text);
      for (const line of text.split('\n')) expect(printedColumns(line), line).toBeLessThanOrEqual(c.cols);
      // Everything else is the X without it: the open void changes no figure.
      const plain = renderReceiptText(xReportPaper(xFixture(), c.store, timeZone, '王店长'), profile(c.paper)).split('\n');
      const lines = text.split('\n');
      const start = lines.findIndex((line) => line.startsWith(c.locale === 'en' ? 'Refunds and voids in progress 1' : '进行中的退货/作废 1 笔'));
      expect(start).toBeGreaterThan(0);
      const end = lines.findIndex((line, i) => i > start && line.startsWith('-'));
      expect([...lines.slice(0, start - 1), ...lines.slice(end)]).toEqual(plain);
    });

    it(`${c.locale} ${c.paper}: the rows under a tender, a rate and a shift print two columns in, flush under each other, as the printer prints them`, () => {
      const x = paperLines(xReportPaper(xFixture(), c.store, timeZone, '王店长'), c.paper);
      const z = paperLines(zReportPaper(zFixture(), c.store, timeZone, null), c.paper);
      for (const lines of [x, z]) {
        const shiftHeading = lines.find((line) => line.trimStart().startsWith(c.locale === 'en' ? 'Shift #1' : '班次 #1'));
        expect(shiftHeading, 'shift heading at the margin').toMatch(/^\S/);
      }
      // Read over both (the card reconciliation's rows are on the Z only).
      const lines = [...x, ...z];
      for (const words of indentedRows[c.locale]) {
        // The label alone, then its amount (or nothing): "Net" is not "Net sales".
        const label = new RegExp(`^(\\s*)${words.replace(/[+]/g, '\\+')}(\\s{2,}|$)`);
        const found = lines.map((line) => label.exec(line)).filter((m) => m !== null);
        expect(found.length, words).toBeGreaterThan(0);
        for (const m of found) expect(m[1], `${words}: "${m.input}"`).toBe('  ');
      }
    });
  }

  it('says whom each alert watched: a burst raised for the register and for its operator is two different lines', () => {
    const en = paperLines(zReportPaper(zFixture(), storeEn, timeZone, null), '80mm');
    const start = en.findIndex((line) => line.startsWith('Fraud alerts (2)'));
    const alerts = en.slice(start + 1, start + 5).map((line) => line.trim().split(/\s{2,}/));
    expect(alerts).toEqual([['Burst of small sales'], ['11:30 register R01', 'open'], ['Burst of small sales'], ['11:30 王店长', 'checked']]);
    const zh = paperLines(zReportPaper(zFixture(), storeZh, timeZone, null), '80mm').join('\n');
    expect(zh).toContain('11:30 收银机 R01');
    expect(zh).toContain('11:30 王店长');
  });

  it('no report wording starts with spaces: indenting is the layout’s job', () => {
    for (const language of ['en', 'zh-CN']) {
      const strings = JSON.parse(readFileSync(join(__dirname, '..', '..', 'assets', 'locales', language, 'report.json'), 'utf8')) as Record<string, string>;
      for (const [key, value] of Object.entries(strings)) expect(value, `${language} ${key}`).toBe(value.trimStart());
    }
  });
});
