// The filtered journal as a CSV file (UTF-8 with a BOM): every entry with its canonical payload
// and both hashes, so anyone can recompute hash = SHA-256(prev_hash || payload) row by row, and
// the ledger's head at export time on the last line, to hold the export against a backup or HQ.
import Papa from 'papaparse';
import type { JournalEntryView } from '../../../../preload/contract/audit-views';

export function journalCsv(entries: readonly JournalEntryView[], head: { seq: number; hash: string } | null): string {
  const rows: (string | number)[][] = [
    ['seq', 'at', 'kind', 'operator_id', 'register_id', 'document_id', 'payload', 'prev_hash', 'hash'],
    ...entries.map((e) => [
      e.seq,
      new Date(e.at).toISOString(),
      e.kind,
      e.operatorId ?? '',
      e.registerId ?? '',
      e.documentId ?? '',
      e.payload,
      e.prevHash,
      e.hash,
    ]),
    ['head', '', '', '', '', '', '', head ? String(head.seq) : '', head?.hash ?? ''],
  ];
  return `\uFEFF${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: true })}\r\n`;
}

/**
 * The file's name says what it holds: the days (UTC, as its `at` column) and the seq range of its
 * entries, e.g. ringup-journal-2026-11-30_2026-12-01-seq12-57.csv; no entries: the head it was taken at.
 */
export function journalFileName(entries: readonly JournalEntryView[], head: { seq: number } | null): string {
  const first = entries[0];
  const last = entries.at(-1);
  if (!first || !last) return `ringup-journal-empty-head${head?.seq ?? 0}.csv`;
  const day = (at: number) => new Date(at).toISOString().slice(0, 10);
  const days = day(first.at) === day(last.at) ? day(first.at) : `${day(first.at)}_${day(last.at)}`;
  return `ringup-journal-${days}-seq${first.seq}-${last.seq}.csv`;
}
