// The journal's kind index (journal_kind, migration 20) leaves out the completed-document entries:
// they are most of a ledger's entries (one a sale), and every reader finds them by seq or through
// the documents table, so indexing them cost 29 bytes a sale for no lookup. SQLite uses a partial
// index only for a query whose WHERE states the index's own condition, so a query that finds
// entries of another kind by kind adds INDEXED_KINDS; a query for a document kind walks seqs.

/** The kinds journal_kind leaves out; the same text as the index's WHERE in migration 20. */
export const DOCUMENT_ENTRY_KINDS = ['sale.completed', 'refund.completed', 'void.completed'] as const;

/** The condition of journal_kind, to add to a query that finds entries by a kind not in DOCUMENT_ENTRY_KINDS. */
export const INDEXED_KINDS = `kind NOT IN (${DOCUMENT_ENTRY_KINDS.map((k) => `'${k}'`).join(', ')})`;

export function isIndexedKind(kind: string): boolean {
  return !(DOCUMENT_ENTRY_KINDS as readonly string[]).includes(kind);
}
