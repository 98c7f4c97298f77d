// The second half of "is the ledger intact": the hash chain proves the journal is as written
// (ledger/journal.ts verifyJournal); this proves every completed document is still the one its
// `<kind>.completed` entry recorded, by recomputing the document's digest from its rows.
import type { Db } from '../ledger/db';
import { sql } from '../ledger/statements';
import { documentDigest } from './document-digest';

export interface DocumentsVerification {
  ok: boolean;
  /** Entries whose document was checked (entries from before digests were written carry a copy instead, and are skipped). */
  checked: number;
  /** The journal entry whose document no longer matches it. */
  firstBadSeq: number | null;
}

// A page at a time: better-sqlite3 cannot run the digest's queries while an iteration is open.
const PAGE = 1000;

export function verifyDocuments(db: Db): DocumentsVerification {
  const page = sql(
    db,
    "SELECT seq, payload FROM journal WHERE seq > ? AND kind IN ('sale.completed', 'refund.completed', 'void.completed') ORDER BY seq LIMIT ?",
  );
  let checked = 0;
  let after = 0;
  for (;;) {
    const rows = page.all(after, PAGE) as { seq: number; payload: string }[];
    for (const row of rows) {
      const { data } = JSON.parse(row.payload) as { data: { saleId?: unknown; documentSha256?: unknown } };
      if (typeof data.documentSha256 !== 'string') continue;
      checked += 1;
      if (typeof data.saleId !== 'string' || documentDigest(db, data.saleId) !== data.documentSha256) return { ok: false, checked, firstBadSeq: row.seq };
    }
    if (rows.length < PAGE) return { ok: true, checked, firstBadSeq: null };
    after = rows[rows.length - 1]?.seq ?? after;
  }
}
