// What a sale costs on disk (issue 18), without losing a guarantee.
export const leanStorage = `
-- documents_day (business_day) finds a day's documents as well: a ledger's documents are nearly
-- all its own register's and completed, so (register_id, business_day, status) narrowed the same
-- rows and cost 35 bytes a sale. The one range query over it names documents_day.
DROP INDEX documents_register_day;

-- An entry's prev_hash is by definition the hash of the entry before, which is stored on that
-- entry: 65 bytes a sale that prove nothing more. The chain is unchanged (hash = SHA-256(hash of
-- seq-1 || payload), 64 zeros before seq 1) and the walk carries the previous hash as it always
-- checked it; an edit of any stored entry still breaks the hash of that entry or of the next.
ALTER TABLE journal DROP COLUMN prev_hash;

-- The entries as they leave the register (HQ upload, the bundle's journal.csv, the audit trail),
-- with prev_hash, one lookup by seq each. NULL where the entry before is missing: a gap.
CREATE VIEW journal_chain AS
  SELECT j.seq, j.at, j.kind, j.payload,
         CASE WHEN j.seq = 1 THEN '${'0'.repeat(64)}' ELSE (SELECT p.hash FROM journal p WHERE p.seq = j.seq - 1) END AS prev_hash,
         j.hash
    FROM journal j;
`;
