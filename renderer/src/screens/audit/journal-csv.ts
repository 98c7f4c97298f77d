// The filtered journal as a CSV file (UTF-8 with a BOM): every entry with its canonical payload
// and both hashes, so anyone can recompute hash = SHA-256(prev_hash || payload) row by row, and
// the ledger's head at export time on the last line, to hold the export against a backup or HQ.
// Times are the store's clock, as every screen shows them, with their UTC offset (storeIso), and
// the time column's header (in the screen's language) names the zone.
import Papa from 'papaparse';
import type { JournalEntryView } from '../../../../preload/contract/audit-views';
import { storeDay, storeIso } from '../../format/date';

/** The store's zone, and the time column's header as the screen's language writes it. */
export interface CsvClock {
  timeZone: string;
  atHeader: string;
}

export function journalCsv(entries: readonly JournalEntryView[], head: { seq: number; hash: string } | null, clock: CsvClock): string {
  const rows: (string | number)[][] = [
    ['seq', clock.atHeader, 'kind', 'operator_id', 'register_id', 'document_id', 'payload', 'prev_hash', 'hash'],
    ...entries.map((e) => [
      e.seq,
      storeIso(e.at, clock.timeZone),
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
 * The file's name says what it holds: the store's days (as its time column) and the seq range of its
 * entries, e.g. ringup-journal-2026-11-30_2026-12-01-seq12-57.csv; no entries: the head it was taken at.
 */
export function journalFileName(entries: readonly JournalEntryView[], head: { seq: number } | null, timeZone: string): string {
  const first = entries[0];
  const last = entries.at(-1);
  if (!first || !last) return `ringup-journal-empty-head${head?.seq ?? 0}.csv`;
  const day = (at: number) => storeDay(at, timeZone);
  const days = day(first.at) === day(last.at) ? day(first.at) : `${day(first.at)}_${day(last.at)}`;
  return `ringup-journal-${days}-seq${first.seq}-${last.seq}.csv`;
}
