// The SHA-256 of a completed document as the ledger holds it: its row, its lines and its
// payments, every column. The `<kind>.completed` journal entry carries this digest instead of a
// copy of the document, and the hash chain covers the entry, so:
//  - an edit of the journal entry breaks the chain (verifyJournal), as before;
//  - an edit of any column of the document, its lines or its payments no longer matches the
//    digest in the chain (verifyDocuments names the entry), where a copy in the journal only
//    let someone who thought to compare them notice;
//  - the document itself travels with the journal (backup, HQ upload), and whoever receives it
//    recomputes the digest to know it is the one that was completed.
// Finding another document with the same SHA-256 is not feasible, so this is as strong as the
// copy it replaces, and HQ can still recompute any total from the uploaded documents.
import type { Db } from '../ledger/db';
import { sql } from '../ledger/statements';
import {
  DIGEST_DOCUMENT_COLUMNS,
  DIGEST_LINE_COLUMNS,
  DIGEST_LINE_EXTENSION_COLUMNS,
  DIGEST_PAYMENT_COLUMNS,
  documentDigestOfRows,
  type DigestRows,
  type DigestValue,
} from '../journal-chain/document-digest-rows';

export { DOCUMENT_DIGEST_VERSION } from '../journal-chain/document-digest-rows';

/** The digested columns of document `id` as they are in the ledger now; null if there is no such document. */
export function documentDigestRows(db: Db, id: string): DigestRows | null {
  const row = sql(db, `SELECT ${DIGEST_DOCUMENT_COLUMNS.join(', ')}, training FROM documents WHERE id = ?`)
    .raw()
    .get(id) as DigestValue[] | undefined;
  if (!row) return null;
  const lines = sql(
    db,
    `SELECT ${[...DIGEST_LINE_COLUMNS, ...DIGEST_LINE_EXTENSION_COLUMNS].join(', ')} FROM document_lines WHERE document_pk = (SELECT pk FROM documents WHERE id = ?)`,
  )
    .raw()
    .all(id) as DigestValue[][];
  const payments = sql(db, `SELECT ${DIGEST_PAYMENT_COLUMNS.join(', ')} FROM payments WHERE document_pk = (SELECT pk FROM documents WHERE id = ?)`)
    .raw()
    .all(id) as DigestValue[][];
  // Sorted by the digest itself rather than by ORDER BY (see documents/document-rows.ts documentLines for why).
  return { document: row.slice(0, -1), training: Number(row[row.length - 1]), lines, payments };
}

/** The digest of document `id` as it is in the ledger now; null if there is no such document. */
export function documentDigest(db: Db, id: string): string | null {
  const rows = documentDigestRows(db, id);
  return rows ? documentDigestOfRows(rows) : null;
}
