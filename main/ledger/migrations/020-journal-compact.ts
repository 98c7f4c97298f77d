// What a journal entry costs on disk (issue 18): every entry stored its time and kind twice (in
// columns and in the hashed payload) and its hash as 64 hex characters. 54 bytes an entry, a
// sale's being the largest, that prove nothing the payload and a 32-byte hash do not.
//
// `at` and `kind` become columns computed from the payload, so they can no longer disagree with
// what the chain hashed, and every query and index that reads them reads them as before
// (journal_kind keeps kind in the index itself). A payload that is not JSON (a damaged file) gives
// NULL there instead of an error, so the chain walk names the entry rather than throwing. The hash
// is stored as its 32 bytes; `hash` gives the same lowercase hex as before, so the chain formula
// (SHA-256 over the hex of the hash before and the payload), the journal_chain view, the upload
// and the bundle's journal files are unchanged. The rebuild takes the payload and hash as they
// are: a column copy that differed from its payload (which the walk reported as fields_differ)
// now reads the payload's value, the one the chain vouches for.
export const journalCompact = `
DROP VIEW journal_chain;
DROP INDEX journal_kind;

CREATE TABLE journal_compact (
  seq        INTEGER PRIMARY KEY,
  payload    TEXT NOT NULL,     -- canonical JSON
  hash_bytes BLOB NOT NULL CHECK (length(hash_bytes) = 32),
  at         INTEGER GENERATED ALWAYS AS (CASE WHEN json_valid(payload) THEN json_extract(payload, '$.at') END) VIRTUAL,
  kind       TEXT GENERATED ALWAYS AS (CASE WHEN json_valid(payload) THEN json_extract(payload, '$.kind') END) VIRTUAL,
  hash       TEXT GENERATED ALWAYS AS (lower(hex(hash_bytes))) VIRTUAL
) STRICT;
INSERT INTO journal_compact (seq, payload, hash_bytes) SELECT seq, payload, unhex(hash) FROM journal ORDER BY seq;
DROP TABLE journal;
ALTER TABLE journal_compact RENAME TO journal;

-- Without the completed-document entries, one a sale, found by seq or through documents (see
-- ledger/journal-kind-index.ts, which holds the same condition for the queries that use it).
CREATE INDEX journal_kind ON journal(kind, seq) WHERE kind NOT IN ('sale.completed', 'refund.completed', 'void.completed');
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

CREATE VIEW journal_chain AS
  SELECT j.seq, j.at, j.kind, j.payload,
         CASE WHEN j.seq = 1 THEN '${'0'.repeat(64)}' ELSE (SELECT p.hash FROM journal p WHERE p.seq = j.seq - 1) END AS prev_hash,
         j.hash
    FROM journal j;
`;
