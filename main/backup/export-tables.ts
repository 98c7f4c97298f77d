// What a bundle carries as CSV and JSON besides the whole-ledger snapshot: the one place that
// lists the exported tables. A table the ledger does not have yet is skipped, so the day close's
// tables (shifts, cash movements, Z reports) are listed here already and appear in bundles as soon
// as their migration creates them; a new table is one more line. Columns are read from the ledger
// itself, so a column added by a later migration is exported without a change here.
//
// `where` selects the rows of the bundle's range with the named parameters :from and :to (business
// days, YYYY-MM-DD) and :fromSeq and :toSeq (the journal range).

export interface ExportTable {
  name: string;
  where: string;
  orderBy: string;
}

const DAY_DOCUMENTS = 'SELECT id FROM documents WHERE business_day BETWEEN :from AND :to';

export const EXPORT_TABLES: readonly ExportTable[] = [
  // Sales, refunds and voids share the documents table (kind), with their lines and payments.
  { name: 'documents', where: 'business_day BETWEEN :from AND :to', orderBy: 'register_id, receipt_no, id' },
  { name: 'document_lines', where: `document_id IN (${DAY_DOCUMENTS})`, orderBy: 'document_id, position, id' },
  { name: 'payments', where: `document_id IN (${DAY_DOCUMENTS})`, orderBy: 'id' },
  // The day close's tables (another issue); assumed to carry the business day they belong to.
  { name: 'shifts', where: 'business_day BETWEEN :from AND :to', orderBy: 'rowid' },
  { name: 'cash_movements', where: 'business_day BETWEEN :from AND :to', orderBy: 'rowid' },
  { name: 'z_reports', where: 'business_day BETWEEN :from AND :to', orderBy: 'rowid' },
  { name: 'journal', where: 'seq BETWEEN :fromSeq AND :toSeq', orderBy: 'seq' },
];

/** The tables whose rows make the per-day totals in the manifest. */
export const TOTALS_TABLES = { documents: 'documents', payments: 'payments' } as const;
