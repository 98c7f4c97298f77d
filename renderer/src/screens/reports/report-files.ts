// A report as tables for files: the same tables the screen shows, amounts as decimal numbers in
// the store's currency (a spreadsheet adds them up), names translated. CSV is UTF-8 with a BOM
// so Excel reads Chinese; cells that a spreadsheet would run as a formula are escaped.
import Papa from 'papaparse';
import type { ReportProductView, SalesReportView } from '../../../../preload/contract/reports-views';

export type Cell = string | number;

export interface ReportTable {
  /** Stable id of the table (the screen's test ids), whatever the language. */
  key: string;
  /** Sheet name (Excel allows 31 characters, no []:*?/\). */
  name: string;
  header: string[];
  rows: Cell[][];
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

export function reportTables(r: SalesReportView, t: Translate, decimal: (minor: number) => number): ReportTable[] {
  const qty = (milli: number) => milli / 1000;
  const productHeader = [t('reports.col.product'), t('reports.col.category'), t('reports.col.qty'), t('reports.col.net')];
  const product = (p: ReportProductView): Cell[] => [p.name, p.category ?? t('reports.noCategory'), qty(p.qtyMilli), decimal(p.netMinor)];
  return [
    {
      key: 'periods',
      name: t('reports.sheet.periods'),
      header: [
        t(`reports.groupBy.${r.groupBy}`),
        t('reports.col.salesCount'),
        t('reports.col.sales'),
        t('reports.col.refunds'),
        t('reports.col.voids'),
        t('reports.col.discounts'),
        t('reports.col.net'),
      ],
      rows: r.periods.map((p) => [
        p.key,
        p.salesCount,
        decimal(p.salesMinor),
        decimal(p.refundsMinor),
        decimal(p.voidsMinor),
        decimal(p.discountMinor),
        decimal(p.netMinor),
      ]),
    },
    { key: 'top-products', name: t('reports.sheet.products'), header: productHeader, rows: r.topProducts.map(product) },
    { key: 'bottom-products', name: t('reports.sheet.bottomProducts'), header: productHeader, rows: r.bottomProducts.map(product) },
    {
      key: 'categories',
      name: t('reports.sheet.categories'),
      header: [t('reports.col.category'), t('reports.col.qty'), t('reports.col.net')],
      rows: r.categories.map((c) => [c.category ?? t('reports.noCategory'), qty(c.qtyMilli), decimal(c.netMinor)]),
    },
    {
      key: 'operators',
      name: t('reports.sheet.operators'),
      header: [t('reports.col.operator'), t('reports.col.salesCount'), t('reports.col.net')],
      rows: r.operators.map((o) => [o.operatorName, o.salesCount, decimal(o.netMinor)]),
    },
    {
      key: 'tenders',
      name: t('reports.sheet.tenders'),
      header: [t('reports.col.tender'), t('reports.col.in'), t('reports.col.out'), t('reports.col.net')],
      rows: r.tenders.map((x) => [t(`report.tender.${x.method}`), decimal(x.inMinor), decimal(x.outMinor), decimal(x.netMinor)]),
    },
  ];
}

/** Every table one after the other, each under its name, as one CSV file's text (BOM first). */
export function reportCsv(r: SalesReportView, tables: readonly ReportTable[]): string {
  const blocks = tables.map((table) => Papa.unparse([[table.name], table.header, ...table.rows], { newline: '\r\n', escapeFormulae: true }));
  return `\uFEFF${Papa.unparse([[`${r.from} – ${r.to}`, r.registerId ?? '*']], { newline: '\r\n', escapeFormulae: true })}\r\n\r\n${blocks.join('\r\n\r\n')}\r\n`;
}

/** The workbook, one sheet per table; write-excel-file loads only when an export is asked for. */
export async function reportXlsx(tables: readonly ReportTable[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const sheets = tables.map((table) => ({
    sheet: table.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
    data: [table.header.map((value) => ({ value, fontWeight: 'bold' as const })), ...table.rows.map((row) => row.map((value) => ({ value })))],
  }));
  return writeXlsxFile(sheets).toBlob();
}
