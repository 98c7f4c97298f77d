// A report's files: the CSV is UTF-8 with a BOM, its cells escaped against formulas; the Excel
// workbook opens (read back here apart from the library that wrote it) with one sheet per table.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildSalesReport, type ProductRow } from '../../main/reports/sales-report';
import { reportCsv, reportTables, reportXlsx } from '../../renderer/src/screens/reports/report-files';
import { readXlsx } from '../support/xlsx-reader';

// Four products over three categories and none; tea comes twice, as when it moved category mid-range.
// Cola's day closed before English names were kept, under a category renamed since: no English name.
const PRODUCTS: ProductRow[] = [
  { productKey: 'n:=HYPERLINK("x")', name: '=HYPERLINK("x")', category: null, categoryEn: null, lines: 5, qtyMilli: 5_000, netMinor: 1_250 },
  { productKey: 'p:1', name: '绿茶', category: '饮料', categoryEn: 'Drinks', lines: 3, qtyMilli: 3_000, netMinor: 2_400 },
  { productKey: 'p:1', name: '绿茶', category: '茶叶', categoryEn: 'Tea', lines: 1, qtyMilli: 1_000, netMinor: 800 },
  { productKey: 'p:2', name: '可乐', category: '饮料', categoryEn: null, lines: 2, qtyMilli: 2_000, netMinor: 600 },
  { productKey: 'p:3', name: '饼干', category: '零食', categoryEn: 'Snacks', lines: 1, qtyMilli: 1_500, netMinor: 750 },
];

const report = buildSalesReport({
  from: '2026-11-23',
  to: '2026-11-29',
  registerId: null,
  registers: ['R1'],
  groupBy: 'day',
  top: 2,
  rows: [
    { businessDay: '2026-11-29', registerId: 'R1', dimension: 'kind', key: 'sale', count: 5, amountMinor: 1_250 },
    { businessDay: '2026-11-29', registerId: 'R1', dimension: 'net', key: 'all', count: 5, amountMinor: 1_250 },
    { businessDay: '2026-11-29', registerId: 'R1', dimension: 'tender_in', key: 'cash', count: 5, amountMinor: 1_250 },
    { businessDay: '2026-11-29', registerId: 'R1', dimension: 'operator', key: '1', count: 5, amountMinor: 1_250 },
    { businessDay: '2026-11-29', registerId: 'R1', dimension: 'cash', key: 'over_short', count: 1, amountMinor: -30 },
    { businessDay: '2026-11-29', registerId: 'R1', dimension: 'cash', key: 'handover', count: 1, amountMinor: -10 },
  ],
  products: PRODUCTS,
  operatorNames: new Map([[1, '王店长']]),
});
const t = (key: string) => key;
const tables = reportTables(report, t, 'zh-CN');
const decimal = (minor: number) => minor / 100;

/** Per category, summed here from the input rows rather than by the report. */
function categorySums(): Map<string, { qty: number; net: number }> {
  const sums = new Map<string, { qty: number; net: number }>();
  for (const p of PRODUCTS) {
    const name = p.category ?? 'reports.noCategory';
    const s = sums.get(name) ?? { qty: 0, net: 0 };
    sums.set(name, { qty: s.qty + p.qtyMilli, net: s.net + p.netMinor });
  }
  return sums;
}

/** The rows a table of the CSV holds: those between its name and the next blank line, header skipped. */
function csvTable(csv: string, name: string): string[][] {
  const blocks = csv.slice(1).split('\r\n\r\n');
  const block = blocks.find((b) => b.startsWith(`${name}\r\n`)) ?? '';
  return Papa.parse<string[]>(block, { skipEmptyLines: true }).data.slice(2);
}

describe('report export', () => {
  it('CSV: BOM first, every table under its name, formulas escaped', () => {
    const csv = reportCsv(report, tables, decimal, '全部收银机');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // The first line says the period and which registers, in words: "全部收银机", never "*".
    expect(Papa.parse<string[]>(csv.slice(1).split('\r\n')[0] ?? '').data[0]?.[1]).toBe('全部收银机');
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toContainEqual(['2026-11-29', '5', '12.5', '0', '0', '0', '12.5', '-0.3', '-0.1']);
    expect(rows).toContainEqual(['王店长', '5', '12.5']);
    expect(rows).toContainEqual([`'=HYPERLINK("x")`, 'reports.noCategory', '5', '12.5']);
  });

  it('CSV: sales by category add up to the products, and the weakest products are listed', () => {
    const csv = reportCsv(report, tables, decimal, 'R1');
    const sums = categorySums();
    const categories = csvTable(csv, 'reports.sheet.categories');
    expect(categories.map((row) => row[0]).sort()).toEqual([...sums.keys()].sort());
    for (const [name, qty, net] of categories)
      expect([Number(qty), Number(net)]).toEqual([(sums.get(name ?? '')?.qty ?? 0) / 1000, (sums.get(name ?? '')?.net ?? 0) / 100]);
    expect(categories.reduce((s, row) => s + Number(row[2]) * 100, 0)).toBe(PRODUCTS.reduce((s, p) => s + p.netMinor, 0));
    // Top 2 by net: tea (both categories, 32.00) then the hyperlink (12.50); the weakest two, worst first.
    expect(csvTable(csv, 'reports.sheet.products').map((row) => [row[0], row[3]])).toEqual([
      ['绿茶', '32'],
      [`'=HYPERLINK("x")`, '12.5'],
    ]);
    expect(csvTable(csv, 'reports.sheet.bottomProducts')).toEqual([
      ['可乐', '饮料', '2', '6'],
      ['饼干', '零食', '1.5', '7.5'],
    ]);
  });

  it('names each category in the language the report is read in, else by its other name', () => {
    const en = reportTables(report, t, 'en');
    const categories = en.find((table) => table.key === 'categories')?.rows.map((row) => [row[0], row[2]]);
    // Cola's old day has no English name: it stays 饮料 rather than no name, beside Drinks.
    expect(categories).toEqual([
      ['Drinks', { minor: 2_400 }],
      ['reports.noCategory', { minor: 1_250 }],
      ['Tea', { minor: 800 }],
      ['Snacks', { minor: 750 }],
      ['饮料', { minor: 600 }],
    ]);
    expect(en.find((table) => table.key === 'bottom-products')?.rows.map((row) => row.slice(0, 2))).toEqual([
      ['可乐', '饮料'],
      ['饼干', 'Snacks'],
    ]);
    // In Chinese the two days of 饮料 are one row.
    const zh = tables.find((table) => table.key === 'categories')?.rows.map((row) => [row[0], row[2]]);
    expect(zh?.[0]).toEqual(['饮料', { minor: 3_000 }]);
  });

  it('Excel: a workbook with one sheet per table that reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringup-xlsx-'));
    try {
      const file = join(dir, 'report.xlsx');
      writeFileSync(file, Buffer.from(await (await reportXlsx(tables, decimal, ['2026-11-23 – 2026-11-29', '全部收银机'], 2)).arrayBuffer()));
      const sheets = await readXlsx(file);
      expect([...sheets.keys()]).toEqual([
        'reports.sheet.periods',
        'reports.sheet.products',
        'reports.sheet.bottomProducts',
        'reports.sheet.categories',
        'reports.sheet.operators',
        'reports.sheet.tenders',
      ]);
      // Each sheet starts with the range and the registers, as the CSV does.
      for (const rows of sheets.values()) expect(rows[0]).toEqual(['2026-11-23 – 2026-11-29', '全部收银机']);
      expect(sheets.get('reports.sheet.periods')?.slice(1)).toEqual([
        [
          'reports.groupBy.day',
          'reports.col.salesCount',
          'reports.col.sales',
          'reports.col.refunds',
          'reports.col.voids',
          'reports.col.discounts',
          'reports.col.net',
          'reports.col.overShort',
          'reports.col.handover',
        ],
        ['2026-11-29', '5', '12.5', '0', '0', '0', '12.5', '-0.3', '-0.1'],
      ]);
      expect(sheets.get('reports.sheet.operators')?.[2]).toEqual(['王店长', '5', '12.5']);
      expect(sheets.get('reports.sheet.bottomProducts')?.slice(2)).toEqual([
        ['可乐', '饮料', '2', '6'],
        ['饼干', '零食', '1.5', '7.5'],
      ]);
      const sums = categorySums();
      expect(sheets.get('reports.sheet.categories')?.slice(2)).toEqual(
        [...sums].sort((a, b) => b[1].net - a[1].net).map(([name, s]) => [name, String(s.qty / 1000), String(s.net / 100)]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a day whose Z recorded no handover says so in its period, not an even 0; by the hour there are no cash columns', () => {
    const base = { from: '2026-11-28', to: '2026-11-29', registerId: null, registers: ['R1'], top: 2, products: [], operatorNames: new Map<number, string>() };
    const rows = [
      { businessDay: '2026-11-28', registerId: 'R1', dimension: 'net', key: 'all', count: 1, amountMinor: 500 },
      { businessDay: '2026-11-28', registerId: 'R1', dimension: 'cash', key: 'over_short', count: 1, amountMinor: 0 },
      { businessDay: '2026-11-29', registerId: 'R1', dimension: 'net', key: 'all', count: 1, amountMinor: 700 },
      { businessDay: '2026-11-29', registerId: 'R1', dimension: 'cash', key: 'handover', count: 1, amountMinor: 20 },
    ];
    const byDay = buildSalesReport({ ...base, groupBy: 'day', rows });
    expect(byDay).toMatchObject({ handoverMinor: 20, handoverUnrecordedDays: 1 });
    expect(reportTables(byDay, t, 'zh-CN')[0]?.rows.map((r) => r.slice(-2))).toEqual([
      [{ minor: 0 }, 'report.handoverUnrecorded'],
      // No over/short row for the 29th: its cash was not counted, an empty cell rather than 0.
      [{ minor: null }, { minor: 20 }],
    ]);
    const oldDayOnly = buildSalesReport({ ...base, groupBy: 'month', rows: rows.slice(0, 2) });
    expect(oldDayOnly).toMatchObject({ handoverMinor: null, handoverUnrecordedDays: 1 });
    expect(reportTables(buildSalesReport({ ...base, groupBy: 'hour', rows }), t, 'zh-CN')[0]?.header).not.toContain('reports.col.handover');
  });
});
