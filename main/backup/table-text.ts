// How ledger rows become CSV and JSON text, and what a verifier expects to read back. Shared by
// the bundle writer and the verifier, so both sides agree by construction; docs/backup-format.md
// states the same rules for anyone checking a bundle with their own tools.
import Papa from 'papaparse';

export type CellValue = string | number | null;

/** UTF-8 byte order mark: without it Excel reads a UTF-8 CSV as the local code page and garbles Chinese. */
export const BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

// A text cell starting with = + - @ tab or CR gets a leading apostrophe so a spreadsheet shows it
// as text instead of running it. Given to papaparse as the rule: its own (escapeFormulae: true,
// /^[=+\-@\t\r].*$/) skips a cell with a line break after the first character, such as a note of
// two lines starting with a dash, which then reached a spreadsheet as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
// Papaparse's own rule, which bundles written before 2026-11-30 followed: the verifier accepts such
// a multi-line cell without its apostrophe there, and only there.
const PAPAPARSE_RULE = /^[=+\-@\t\r].*$/;

/** SQLite values as they go into both files: integers stay numbers, a BLOB becomes hex text. */
export function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return value.toString('hex');
  return JSON.stringify(value) ?? null;
}

/** CSV rows (no header), each ending in CRLF; money stays integer minor units. */
export function csvRows(rows: readonly CellValue[][]): string {
  if (rows.length === 0) return '';
  return Papa.unparse(rows as unknown[][], { header: false, newline: CSV_NEWLINE, escapeFormulae: FORMULA_START }) + CSV_NEWLINE;
}

export function csvHeader(columns: readonly string[]): string {
  // Papaparse ends a header without rows with a newline of its own; one, whatever it does.
  return Papa.unparse({ fields: [...columns], data: [] }, { newline: CSV_NEWLINE }).replace(/(\r\n)+$/, '') + CSV_NEWLINE;
}

/** The text a CSV cell holds for this value once a CSV reader has removed the quoting. */
export function expectedCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Does a CSV cell (quoting removed) hold this value? As expectedCell, or as an older bundle wrote it. */
export function cellHolds(value: CellValue, cell: string | undefined): boolean {
  if (cell === undefined) return false;
  if (expectedCell(value) === cell) return true;
  return typeof value === 'string' && FORMULA_START.test(value) && !PAPAPARSE_RULE.test(value) && cell === value;
}

/** One row of the JSON file: an object with the table's columns in order, on a line of its own. */
export function jsonRow(columns: readonly string[], row: readonly CellValue[]): string {
  const object: Record<string, CellValue> = {};
  columns.forEach((c, i) => (object[c] = row[i] ?? null));
  return JSON.stringify(object);
}

// A JSON file is an array written one row per line: "[", rows each followed by "," except the
// last, "]". Valid JSON for any reader, and a verifier can name the line of a bad row.
export const JSON_OPEN = '[\n';
export const JSON_CLOSE = ']\n';
