// Exchanges (换货): goods back from a sale and new goods sold in one go. The return is a refund
// document pointing at the original sale; the new goods are a sale document. This row ties the
// two to each other (and to the original), written in the transaction that completes both, and
// never changed afterwards.
export const exchanges = `
CREATE TABLE exchanges (
  id                    TEXT PRIMARY KEY,
  refund_document_id    TEXT NOT NULL UNIQUE REFERENCES documents(id),
  sale_document_id      TEXT NOT NULL UNIQUE REFERENCES documents(id),
  original_document_id  TEXT NOT NULL REFERENCES documents(id),
  credit_minor          INTEGER NOT NULL CHECK (credit_minor >= 0),
  difference_minor      INTEGER NOT NULL,   -- > 0 the customer paid it, < 0 the customer received it
  created_at            INTEGER NOT NULL
) STRICT;
CREATE INDEX exchanges_original ON exchanges(original_document_id);
CREATE TRIGGER exchanges_no_update BEFORE UPDATE ON exchanges
  BEGIN SELECT RAISE(ABORT, 'exchanges are immutable'); END;
CREATE TRIGGER exchanges_no_delete BEFORE DELETE ON exchanges
  BEGIN SELECT RAISE(ABORT, 'exchanges are immutable'); END;
`;
