// The sale path's schema (issue 18): indexes shaped for it, and idempotency records that may
// point at a completed document instead of copying it. No row is rewritten.
export const leanLedger = `
-- Lines come back in sale order straight from the index (no sort on every read of a sale), and
-- the next line position is read from the index's end.
DROP INDEX document_lines_doc;
CREATE INDEX document_lines_doc ON document_lines(document_id, position);

-- Only a register's open document is ever looked up by status. Indexing the open ones alone
-- keeps this index a few rows long instead of one entry per completed document for ever.
DROP INDEX documents_open;
CREATE INDEX documents_open ON documents(register_id, kind, opened_at) WHERE status = 'open';

-- 1: \`result\` holds what the call's handler rebuilds its answer from (a completed document's id),
-- not the answer itself. Keys older than a day are pruned (ledger/idempotency.ts).
ALTER TABLE idempotency ADD COLUMN rebuild INTEGER NOT NULL DEFAULT 0 CHECK (rebuild IN (0, 1));
`;
