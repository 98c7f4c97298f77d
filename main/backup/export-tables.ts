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
  where: string;
  orderBy: string;
}

const DAY_DOCUMENTS = 'SELECT id FROM documents WHERE business_day BETWEEN :from AND :to';
// A shift belongs to the business day it was opened on; its counts and movements go with it.
const DAY_SHIFTS = 'SELECT id FROM shifts WHERE business_day BETWEEN :from AND :to';

export const EXPORT_TABLES: readonly ExportTable[] = [
  // Sales, refunds and voids share the documents table (kind), with their lines and payments.
  { name: 'documents', where: 'business_day BETWEEN :from AND :to', orderBy: 'register_id, receipt_no, id' },
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

/** The table or view a bundle's rows of `table` are read from in this ledger (an older snapshot has no view). */
export function exportSource(db: Database.Database, table: ExportTable): string {
  if (!table.from) return table.name;
  const found = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?").get(table.from) !== undefined;
  return found ? table.from : table.name;
}

/** The tables whose rows make the per-day totals in the manifest. */
export const TOTALS_TABLES = { documents: 'documents', payments: 'payments' } as const;
