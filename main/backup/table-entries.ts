// The ledger's tables in a bundle: which tables and columns go in (as the snapshot has them), and
// each table written twice, as CSV and as JSON, in batches, feeding the day totals as rows pass.
import type Database from 'better-sqlite3';
import { csvName, jsonName, type Manifest } from './bundle-format';
import type { TotalsBuilder } from './day-totals';
import { EXPORT_TABLES, exportColumns, exportFrom, quoteId, type ExportTable } from './export-tables';
import { BOM, cellValue, csvHeader, csvRows, JSON_CLOSE, JSON_OPEN, jsonRow, type CellValue } from './table-text';
import type { ZipWriter } from './zip-writer';

const BATCH = 500;

export interface TablePlan {
  table: ExportTable;
  /** What the rows are read from, as SQL for a FROM clause (exportFrom). */
  source: string;
  columns: string[];
  rows: number;
}

export function planTables(db: Database.Database, params: Record<string, string | number>): TablePlan[] {
  const existing = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).map((n) => n));
  return EXPORT_TABLES.filter((t) => existing.has(t.name)).map((table) => {
    const source = exportFrom(db, table);
    const columns = exportColumns(db, table);
    const rows = (db.prepare(`SELECT COUNT(*) FROM ${source} WHERE ${table.where}`).pluck().get(params) as number) ?? 0;
    return { table, source, columns, rows };
  });
}

/** Writes every planned table as a CSV and a JSON entry; `onRows` hears of each batch written (twice per row). */
export async function writeTableEntries(
  zip: ZipWriter,
  db: Database.Database,
  plans: TablePlan[],
  params: Record<string, string | number>,
  totals: TotalsBuilder,
  onRows: (count: number) => void,
): Promise<Manifest['tables']> {
  const tables: Manifest['tables'] = {};
  for (const plan of plans) {
    const select = db.prepare(`SELECT ${plan.columns.map(quoteId).join(', ')} FROM ${plan.source} WHERE ${plan.table.where} ORDER BY ${plan.table.orderBy}`);
    const collect = totalsCollector(plan, totals);
    await zip.entry(csvName(plan.table.name), async (write) => {
      await write(BOM + csvHeader(plan.columns));
      await forBatches(select.raw().iterate(params) as IterableIterator<unknown[]>, async (batch) => {
        const cells = batch.map((r) => r.map(cellValue));
        cells.forEach(collect);
        await write(csvRows(cells));
        onRows(batch.length);
      });
    });
    await zip.entry(jsonName(plan.table.name), async (write) => {
      await write(JSON_OPEN);
      let first = true;
      await forBatches(select.raw().iterate(params) as IterableIterator<unknown[]>, async (batch) => {
        let text = '';
        for (const row of batch) {
          text += `${first ? '' : ',\n'}${jsonRow(plan.columns, row.map(cellValue))}`;
          first = false;
        }
        await write(text);
        onRows(batch.length);
      });
      await write(first ? JSON_CLOSE : `\n${JSON_CLOSE}`);
    });
    tables[plan.table.name] = { rows: plan.rows, columns: plan.columns };
  }
  return tables;
}

/** Feeds the totals from the documents and payments rows as they are written. */
function totalsCollector(plan: TablePlan, totals: TotalsBuilder): (row: CellValue[]) => void {
  const at = (name: string) => plan.columns.indexOf(name);
  if (plan.table.name === 'documents') {
    const [id, kind, day, total, tax, training] = ['id', 'kind', 'business_day', 'total_minor', 'tax_minor', 'training'].map(at);
    return (r) =>
      void totals.addDocument({
        id: String(r[id ?? -1]),
        kind: String(r[kind ?? -1]),
        businessDay: String(r[day ?? -1]),
        totalMinor: Number(r[total ?? -1] ?? 0),
        taxMinor: Number(r[tax ?? -1] ?? 0),
        training: Number(r[training ?? -1] ?? 0) === 1,
      });
  }
  if (plan.table.name === 'payments') {
    const [doc, method, amount] = ['document_id', 'method', 'amount_minor'].map(at);
    return (r) => void totals.addPayment({ documentId: String(r[doc ?? -1]), method: String(r[method ?? -1]), amountMinor: Number(r[amount ?? -1] ?? 0) });
  }
  return () => undefined;
}

async function forBatches<T>(rows: IterableIterator<T>, each: (batch: T[]) => Promise<void>): Promise<void> {
  // The statement's iterator stays open across awaits; nothing else uses this connection meanwhile.
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      await each(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await each(batch);
}
