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
