// A report's files: the CSV is UTF-8 with a BOM, its cells escaped against formulas; the Excel
// workbook opens (read back here apart from the library that wrote it) with one sheet per table.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildSalesReport } from '../../main/reports/sales-report';
import { reportCsv, reportTables, reportXlsx } from '../../renderer/src/screens/reports/report-files';
import { readXlsx } from '../support/xlsx-reader';

const report = buildSalesReport({
  from: '2026-11-23',
  to: '2026-11-29',
  registerId: null,
  registers: ['R1'],
  groupBy: 'day',
  top: 10,
  rows: [
    { businessDay: '2026-11-29', dimension: 'kind', key: 'sale', count: 5, amountMinor: 1_250 },
    { businessDay: '2026-11-29', dimension: 'net', key: 'all', count: 5, amountMinor: 1_250 },
    { businessDay: '2026-11-29', dimension: 'tender_in', key: 'cash', count: 5, amountMinor: 1_250 },
    { businessDay: '2026-11-29', dimension: 'operator', key: '1', count: 5, amountMinor: 1_250 },
  ],
  products: [{ productKey: 'n:=HYPERLINK("x")', name: '=HYPERLINK("x")', category: null, lines: 5, qtyMilli: 5_000, netMinor: 1_250 }],
  operatorNames: new Map([[1, '王店长']]),
});
const t = (key: string) => key;
const tables = reportTables(report, t, (minor) => minor / 100);

describe('report export', () => {
  it('CSV: BOM first, every table under its name, formulas escaped', () => {
    const csv = reportCsv(report, tables);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toContainEqual(['2026-11-29', '5', '12.5', '0', '0', '0', '12.5']);
    expect(rows).toContainEqual(['王店长', '5', '12.5']);
    expect(rows).toContainEqual([`'=HYPERLINK("x")`, 'reports.noCategory', '5', '12.5']);
  });

  it('Excel: a workbook with one sheet per table that reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringup-xlsx-'));
    try {
      const file = join(dir, 'report.xlsx');
      writeFileSync(file, Buffer.from(await (await reportXlsx(tables)).arrayBuffer()));
      const sheets = await readXlsx(file);
      expect([...sheets.keys()]).toEqual(['reports.sheet.periods', 'reports.sheet.products', 'reports.sheet.operators', 'reports.sheet.tenders']);
      expect(sheets.get('reports.sheet.periods')).toEqual([
        [
          'reports.groupBy.day',
          'reports.col.salesCount',
          'reports.col.sales',
          'reports.col.refunds',
          'reports.col.voids',
          'reports.col.discounts',
          'reports.col.net',
        ],
        ['2026-11-29', '5', '12.5', '0', '0', '0', '12.5'],
      ]);
      expect(sheets.get('reports.sheet.operators')?.[1]).toEqual(['王店长', '5', '12.5']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
