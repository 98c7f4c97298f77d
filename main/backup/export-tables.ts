// What a bundle carries as CSV and JSON besides the whole-ledger snapshot: the one place that
// lists the exported tables. A table the ledger does not have yet is skipped (a bundle restored
// from an older ledger has none of the day close's tables); a new table is one more line. Columns are read from the ledger
// itself, so a column added by a later migration is exported without a change here.
//
// `where` selects the rows of the bundle's range with the named parameters :from and :to (business
// days, YYYY-MM-DD) and :fromSeq and :toSeq (the journal range).

import type Database from 'better-sqlite3';

export interface ExportTable {
  name: string;
  /** Where the rows are read when the ledger has it (a view), else the table `name`. */
  from?: string;
  /** Columns of the ledger's own that a bundle does not carry. */
  omit?: readonly string[];
  where: string;
  orderBy: string;
}

const DAY_DOCUMENTS = 'SELECT id FROM documents WHERE business_day BETWEEN :from AND :to';
// A shift belongs to the business day it was opened on; its counts and movements go with it.
const DAY_SHIFTS = 'SELECT id FROM shifts WHERE business_day BETWEEN :from AND :to';

export const EXPORT_TABLES: readonly ExportTable[] = [
  // Sales, refunds and voids share the documents table (kind), with their lines and payments.
  // The ledger's own key of a document (schema 19) stays in the ledger: a bundle names documents by their UUID.
  { name: 'documents', omit: ['pk'], where: 'business_day BETWEEN :from AND :to', orderBy: 'register_id, receipt_no, id' },
  { name: 'document_lines', where: `document_id IN (${DAY_DOCUMENTS})`, orderBy: 'document_id, position, id' },
  { name: 'payments', where: `document_id IN (${DAY_DOCUMENTS})`, orderBy: 'id' },
  // Shifts with their blind counts and cash movements, and the day's Z with its shifts.
  { name: 'shifts', where: 'business_day BETWEEN :from AND :to', orderBy: 'id' },
  { name: 'cash_counts', where: `shift_id IN (${DAY_SHIFTS})`, orderBy: 'rowid' },
  { name: 'cash_movements', where: `shift_id IN (${DAY_SHIFTS})`, orderBy: 'rowid' },
  { name: 'z_reports', where: 'business_day BETWEEN :from AND :to', orderBy: 'rowid' },
  { name: 'z_shifts', where: `shift_id IN (${DAY_SHIFTS})`, orderBy: 'rowid' },
  // The ledger stores no prev_hash since schema 18; the bundle's journal keeps the column, from the view that derives it.
  { name: 'journal', from: 'journal_chain', where: 'seq BETWEEN :fromSeq AND :toSeq', orderBy: 'seq' },
];

export function quoteId(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// Since schema 19 lines and payments name their document by its integer key (document_pk); a
// bundle carries the document's UUID in their `document_id` as it always did, so the rows are read
// joined to their document, and a snapshot of any schema gives the same columns.
const DOCUMENT_KEY = 'document_pk';

function tableColumns(db: Database.Database, source: string): string[] {
  return db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(source).map(String);
}

/** The table or view a bundle's rows of `table` are read from in this ledger (an older snapshot has no view). */
export function exportSource(db: Database.Database, table: ExportTable): string {
  if (!table.from) return table.name;
  const found = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?").get(table.from) !== undefined;
  return found ? table.from : table.name;
}

/** What a bundle's rows of `table` are read from, as SQL for a FROM clause: its source, joined to the documents where it keys them by document_pk. */
export function exportFrom(db: Database.Database, table: ExportTable): string {
  const source = exportSource(db, table);
  if (!tableColumns(db, source).includes(DOCUMENT_KEY)) return quoteId(source);
  return `(SELECT t.*, d.id AS document_id FROM ${quoteId(source)} t JOIN documents d ON d.pk = t.${DOCUMENT_KEY})`;
}

/** The columns a bundle carries of `table`, in the ledger's order: the document's UUID where the ledger keeps its key. */
export function exportColumns(db: Database.Database, table: ExportTable): string[] {
  return tableColumns(db, exportSource(db, table))
    .filter((c) => !table.omit?.includes(c))
    .map((c) => (c === DOCUMENT_KEY ? 'document_id' : c));
}

/** The tables whose rows make the per-day totals in the manifest. */
export const TOTALS_TABLES = { documents: 'documents', payments: 'payments' } as const;
