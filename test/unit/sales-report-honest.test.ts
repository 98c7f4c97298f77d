// The report never shows a figure it does not have: by the hour, takings, refunds, voids and
// discounts come from the Zs that kept them per hour (and add up to the net), and a range with a
// Z closed before they were kept leaves those columns out; cash never counted is "not counted",
// never an even 0, in the view and in the files (empty cells, money formatted in the workbook).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildSalesReport, type RollupRow } from '../../main/reports/sales-report';
import { periodLabel, reportCsv, reportTables, reportXlsx, weekDates } from '../../renderer/src/screens/reports/report-files';
import { readXlsx, readXlsxFormats } from '../support/xlsx-reader';

const base = { registerId: null, registers: ['R1'], top: 5, products: [], operatorNames: new Map<number, string>() };
const t = (key: string, params?: Record<string, unknown>) => (params ? `${key}${JSON.stringify(params)}` : key);
const decimal = (minor: number) => minor / 100;
const row = (businessDay: string, dimension: string, key: string, count: number, amountMinor: number, registerId = 'R1'): RollupRow => ({
  businessDay,
  registerId,
  dimension,
  key,
  count,
  amountMinor,
});

// The 1st, as a Z writes it now: at 08 a ¥66.00 sale with ¥1.00 off and a ¥5.00 refund; at 09 a ¥10.00 void.
const kept = [
  row('2026-12-01', 'net', 'all', 3, 5_100),
  row('2026-12-01', 'kind', 'sale', 1, 6_600),
  row('2026-12-01', 'kind', 'refund', 1, 500),
  row('2026-12-01', 'kind', 'void', 1, 1_000),
  row('2026-12-01', 'hour', '08', 1, 6_100),
  row('2026-12-01', 'hour', '09', 0, -1_000),
  row('2026-12-01', 'hour_sales', '08', 1, 6_600),
  row('2026-12-01', 'hour_refunds', '08', 0, 500),
  row('2026-12-01', 'hour_voids', '08', 0, 0),
  row('2026-12-01', 'hour_discounts', '08', 0, 100),
  row('2026-12-01', 'hour_sales', '09', 0, 0),
  row('2026-12-01', 'hour_refunds', '09', 0, 0),
  row('2026-12-01', 'hour_voids', '09', 0, 1_000),
  row('2026-12-01', 'hour_discounts', '09', 0, 0),
  row('2026-12-01', 'cash', 'over_short', 1, -20),
  row('2026-12-01', 'cash', 'handover', 0, 0),
];
// The 2nd, closed by an older Z: count and net per hour only, and its cash never counted.
const old = [
  row('2026-12-02', 'net', 'all', 1, 700),
  row('2026-12-02', 'kind', 'sale', 1, 700),
  row('2026-12-02', 'hour', '08', 1, 700),
  row('2026-12-02', 'cash', 'over_short', 0, 0),
  row('2026-12-02', 'cash', 'handover', 0, 0),
];

describe('sales report by the hour', () => {
  it('shows each hour its takings, refunds, voids and discounts, and they add up to the net', () => {
    const r = buildSalesReport({ ...base, from: '2026-12-01', to: '2026-12-01', groupBy: 'hour', rows: kept });
    expect(r.hourFiguresMissingZs).toBe(0);
    const busy = r.periods.filter((p) => p.key === '08' || p.key === '09');
    expect(busy.map((p) => [p.key, p.salesCount, p.salesMinor, p.refundsMinor, p.voidsMinor, p.discountMinor, p.netMinor])).toEqual([
      ['08', 1, 6_600, 500, 0, 100, 6_100],
      ['09', 0, 0, 0, 1_000, 0, -1_000],
    ]);
    for (const p of r.periods) expect((p.salesMinor ?? NaN) - (p.refundsMinor ?? NaN) - (p.voidsMinor ?? NaN)).toBe(p.netMinor);
    const table = reportTables(r, t, 'zh-CN')[0];
    expect(table?.header).toEqual([
      'reports.groupBy.hour',
      'reports.col.salesCount',
      'reports.col.sales',
      'reports.col.refunds',
      'reports.col.voids',
      'reports.col.discounts',
      'reports.col.net',
    ]);
    const csv = Papa.parse<string[]>(reportCsv(r, reportTables(r, t, 'zh-CN'), decimal, 'R1').slice(1), { skipEmptyLines: true }).data;
    expect(csv).toContainEqual(['08', '1', '66', '5', '0', '1', '61']);
  });

  it('leaves those columns out when a Z of the range kept none per hour, rather than zeros', () => {
    const r = buildSalesReport({ ...base, from: '2026-12-01', to: '2026-12-02', groupBy: 'hour', rows: [...kept, ...old] });
    expect(r.hourFiguresMissingZs).toBe(1);
    const eight = r.periods.find((p) => p.key === '08');
    expect(eight).toMatchObject({ salesCount: 2, salesMinor: null, refundsMinor: null, voidsMinor: null, discountMinor: null, netMinor: 6_800 });
    const table = reportTables(r, t, 'zh-CN')[0];
    expect(table?.header).toEqual(['reports.groupBy.hour', 'reports.col.salesCount', 'reports.col.net']);
    expect(table?.rows.find((cells) => cells[0] === '08')).toEqual(['08', 2, { minor: 6_800 }]);
    // By the day both days are whole: the old Z kept its day's takings.
    const byDay = buildSalesReport({ ...base, from: '2026-12-01', to: '2026-12-02', groupBy: 'day', rows: [...kept, ...old] });
    expect(byDay.periods.map((p) => [p.key, p.salesMinor, p.netMinor])).toEqual([
      ['2026-12-01', 6_600, 5_100],
      ['2026-12-02', 700, 700],
    ]);
    // A day without documents needs no hour figures.
    const empty = buildSalesReport({ ...base, from: '2026-12-03', to: '2026-12-03', groupBy: 'hour', rows: [row('2026-12-03', 'net', 'all', 0, 0)] });
    expect(empty.hourFiguresMissingZs).toBe(0);
  });
});

describe('cash not counted', () => {
  it('is unknown, not even: in the summary, each period, the CSV and the workbook', async () => {
    const oldOnly = buildSalesReport({ ...base, from: '2026-12-02', to: '2026-12-02', groupBy: 'day', rows: old });
    expect(oldOnly).toMatchObject({ overShortMinor: null, cashCounted: { counted: 0, of: 1 }, handoverMinor: null, handoverCompared: { compared: 0, of: 1 } });
    const mixed = buildSalesReport({ ...base, from: '2026-12-01', to: '2026-12-02', groupBy: 'day', rows: [...kept, ...old] });
    expect(mixed).toMatchObject({ overShortMinor: -20, cashCounted: { counted: 1, of: 2 } });
    expect(mixed.periods.map((p) => [p.key, p.overShortMinor, p.handoverMinor])).toEqual([
      ['2026-12-01', -20, null],
      ['2026-12-02', null, null],
    ]);
    // A week holding a counted day shows that day's count.
    const byWeek = buildSalesReport({ ...base, from: '2026-12-01', to: '2026-12-02', groupBy: 'week', rows: [...kept, ...old] });
    expect(byWeek.periods.map((p) => p.overShortMinor)).toEqual([-20]);
    const empty = buildSalesReport({ ...base, from: '2025-01-01', to: '2025-01-31', groupBy: 'day', rows: [] });
    expect(empty).toMatchObject({ closedDays: 0, overShortMinor: null, cashCounted: { counted: 0, of: 0 }, handoverMinor: null });

    const tables = reportTables(mixed, t, 'en');
    const csv = Papa.parse<string[]>(reportCsv(mixed, tables, decimal, 'All registers').slice(1), { skipEmptyLines: true }).data;
    expect(csv).toContainEqual(['2026-12-02', '1', '7', '0', '0', '0', '7', '', '']);
    const dir = mkdtempSync(join(tmpdir(), 'ringup-xlsx-'));
    try {
      const file = join(dir, 'r.xlsx');
      writeFileSync(file, Buffer.from(await (await reportXlsx(tables, decimal, ['2026-12-01 – 2026-12-02', 'All registers'], 2)).arrayBuffer()));
      const periods = (await readXlsx(file)).get('reports.sheet.periods');
      expect(periods?.[0]).toEqual(['2026-12-01 – 2026-12-02', 'All registers']);
      expect(periods?.[3]).toEqual(['2026-12-02', '1', '7', '0', '0', '0', '7']);
      // Amounts in the money format (2 decimals, thousands separated); the day and the count as they are.
      const formats = (await readXlsxFormats(file)).get('reports.sheet.periods');
      // (the 1st's handover is unknown: an empty cell, none written)
      expect(formats?.[2]).toEqual(['', '', '#,##0.00', '#,##0.00', '#,##0.00', '#,##0.00', '#,##0.00', '#,##0.00']);
      expect((await readXlsxFormats(file)).get('reports.sheet.tenders')?.[2]?.slice(1)).toEqual(['#,##0.00', '#,##0.00', '#,##0.00']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('weeks', () => {
  it('are labelled with their dates, Monday to Sunday, across a year end', () => {
    expect(weekDates('2026-W49')).toBe('11-30 – 12-06');
    expect(weekDates('2026-W01')).toBe('12-29 – 01-04');
    expect(weekDates('2026-W53')).toBe('12-28 – 01-03');
    expect(periodLabel('2026-W49', 'week')).toBe('2026-W49 (11-30 – 12-06)');
    expect(periodLabel('2026-12-01', 'day')).toBe('2026-12-01');
  });
});
