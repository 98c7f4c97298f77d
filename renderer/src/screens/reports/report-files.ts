// A report as tables, for the screen and for files: amounts are money cells, shown on screen as
// money (¥8.50) and written to files as decimal numbers in the store's currency (a spreadsheet
// adds them up); names translated, a category by its name in the language the report is read in. CSV is UTF-8 with a BOM
// so Excel reads Chinese; cells that a spreadsheet would run as a formula are escaped.
import Papa from 'papaparse';
import type { ReportCategoryNames, ReportProductView, SalesReportView } from '../../../../preload/contract/reports-views';

/** An amount in minor units: money on screen, a decimal number in a file; null: unknown ("—" on screen, an empty cell in a file). */
export interface MoneyCell {
  minor: number | null;
}
export type Cell = string | number | MoneyCell;
type FileCell = string | number | MoneyCell;
/** Minor units to the decimal number a spreadsheet holds (e.g. 850 → 8.5). */
export type ToDecimal = (minor: number) => number;

const money = (minor: number | null): MoneyCell => ({ minor });
export const isMoney = (cell: Cell): cell is MoneyCell => typeof cell === 'object';
const fileCell = (cell: Cell, decimal: ToDecimal): string | number => (isMoney(cell) ? (cell.minor === null ? '' : decimal(cell.minor)) : cell);
const fileRow = (row: readonly Cell[], decimal: ToDecimal): (string | number)[] => row.map((cell) => fileCell(cell, decimal));

/** The dates of an ISO week key (2026-W49): its Monday and Sunday, MM-DD each. */
export function weekDates(key: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) return null;
  // Week 1 holds 4 January; its Monday starts the ISO year.
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (Number(m[2]) - 1) * 7 * 86_400_000;
  const mmdd = (ms: number) => new Date(ms).toISOString().slice(5, 10);
  return `${mmdd(monday)} – ${mmdd(monday + 6 * 86_400_000)}`;
}

/** A period as the reader names it: a week with its dates, "2026-W49 (11-30 – 12-06)". */
export function periodLabel(key: string, groupBy: SalesReportView['groupBy']): string {
  const dates = groupBy === 'week' ? weekDates(key) : null;
  return dates === null ? key : `${key} (${dates})`;
}

export interface ReportTable {
  /** Stable id of the table (the screen's test ids), whatever the language. */
  key: string;
  /** Sheet name (Excel allows 31 characters, no []:*?/\). */
  name: string;
  header: string[];
  rows: Cell[][];
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** A category's name in the UI language (as the product editor shows it), else its other name; null: none. */
export function categoryName(c: ReportCategoryNames, language: string): string | null {
  return language === 'zh-CN' ? (c.category ?? c.categoryEn) : (c.categoryEn ?? c.category);
}

/** The categories by the name the reader sees: a category closed under its Chinese name only and again under both is one row. */
function categoryRows(r: SalesReportView, language: string): { name: string | null; qtyMilli: number; netMinor: number }[] {
  const rows = new Map<string | null, { name: string | null; qtyMilli: number; netMinor: number }>();
  for (const c of r.categories) {
    const name = categoryName(c, language);
    const row = rows.get(name) ?? { name, qtyMilli: 0, netMinor: 0 };
    row.qtyMilli += c.qtyMilli;
    row.netMinor += c.netMinor;
    rows.set(name, row);
  }
  return [...rows.values()].sort((a, b) => b.netMinor - a.netMinor);
}

/**
 * Takings, refunds, voids and discounts by the hour only where every Z of the range kept them per
 * hour: a column holding some days' share would not add up to the net beside it.
 */
export const hourFiguresKept = (r: SalesReportView): boolean => r.groupBy !== 'hour' || r.hourFiguresMissingZs === 0;

function periodsTable(r: SalesReportView, t: Translate): ReportTable {
  const kept = hourFiguresKept(r);
  // The cash differences a count found, by the day: not an hour's figure.
  const cash = r.groupBy !== 'hour';
  return {
    key: 'periods',
    name: t('reports.sheet.periods'),
    header: [
      t(`reports.groupBy.${r.groupBy}`),
      t('reports.col.salesCount'),
      ...(kept ? [t('reports.col.sales'), t('reports.col.refunds'), t('reports.col.voids'), t('reports.col.discounts')] : []),
      t('reports.col.net'),
      ...(cash ? [t('reports.col.overShort'), t('reports.col.handover')] : []),
    ],
    rows: r.periods.map((p) => [
      periodLabel(p.key, r.groupBy),
      p.salesCount,
      ...(kept ? [money(p.salesMinor), money(p.refundsMinor), money(p.voidsMinor), money(p.discountMinor)] : []),
      money(p.netMinor),
      // Not counted is not even: no count leaves the cell empty. A period none of whose Zs recorded a handover says so.
      ...(cash ? [money(p.overShortMinor), p.handoverUnrecorded ? t('report.handoverUnrecorded') : money(p.handoverMinor)] : []),
    ]),
  };
}

/** `language`: the UI's (i18next's), which names the categories. */
export function reportTables(r: SalesReportView, t: Translate, language: string): ReportTable[] {
  const qty = (milli: number) => milli / 1000;
  const productHeader = [t('reports.col.product'), t('reports.col.category'), t('reports.col.qty'), t('reports.col.net')];
  const product = (p: ReportProductView): Cell[] => [p.name, categoryName(p, language) ?? t('reports.noCategory'), qty(p.qtyMilli), money(p.netMinor)];
  return [
    periodsTable(r, t),
    { key: 'top-products', name: t('reports.sheet.products'), header: productHeader, rows: r.topProducts.map(product) },
    { key: 'bottom-products', name: t('reports.sheet.bottomProducts'), header: productHeader, rows: r.bottomProducts.map(product) },
    {
      key: 'categories',
      name: t('reports.sheet.categories'),
      header: [t('reports.col.category'), t('reports.col.qty'), t('reports.col.net')],
      rows: categoryRows(r, language).map((c) => [c.name ?? t('reports.noCategory'), qty(c.qtyMilli), money(c.netMinor)]),
    },
    {
      key: 'operators',
      name: t('reports.sheet.operators'),
      header: [t('reports.col.operator'), t('reports.col.salesCount'), t('reports.col.net')],
      rows: r.operators.map((o) => [o.operatorName, o.salesCount, money(o.netMinor)]),
    },
    {
      key: 'tenders',
      name: t('reports.sheet.tenders'),
      header: [t('reports.col.tender'), t('reports.col.in'), t('reports.col.out'), t('reports.col.net')],
      rows: r.tenders.map((x) => [t(`report.tender.${x.method}`), money(x.inMinor), money(x.outMinor), money(x.netMinor)]),
    },
  ];
}

/** The first line of a file: the range and which registers, in words. */
export const fileHeading = (r: SalesReportView, registerLabel: string): string[] => [`${r.from} – ${r.to}`, registerLabel];

/** Every table one after the other, each under its name, as one CSV file's text (BOM first). */
export function reportCsv(r: SalesReportView, tables: readonly ReportTable[], decimal: ToDecimal, registerLabel: string): string {
  const blocks = tables.map((table) =>
    Papa.unparse([[table.name], table.header, ...table.rows.map((row) => fileRow(row, decimal))], { newline: '\r\n', escapeFormulae: true }),
  );
  return `\uFEFF${Papa.unparse([fileHeading(r, registerLabel)], { newline: '\r\n', escapeFormulae: true })}\r\n\r\n${blocks.join('\r\n\r\n')}\r\n`;
}

/** Excel's number format for amounts with `digits` decimals: thousands separated (#,##0.00). */
export const moneyFormat = (digits: number): string => (digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0');

/**
 * The workbook, one sheet per table, each headed by the range and the registers (as the CSV);
 * amounts are numbers in the money format. write-excel-file loads only when an export is asked for.
 */
export async function reportXlsx(tables: readonly ReportTable[], decimal: ToDecimal, heading: readonly string[], digits: number): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const format = moneyFormat(digits);
  const cell = (c: FileCell | Cell) => {
    if (!isMoney(c)) return { value: c };
    return c.minor === null ? null : { value: decimal(c.minor), type: Number, format };
  };
  const sheets = tables.map((table) => ({
    sheet: table.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
    data: [
      heading.map((value) => ({ value })),
      table.header.map((value) => ({ value, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map(cell)),
    ],
  }));
  return writeXlsxFile(sheets).toBlob();
}
