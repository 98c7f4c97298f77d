// Corrections: refunds, returns and voids are new documents that point at the sale they correct
// (documents.original_document_id, document_lines.original_line_id, both there since the
// foundation); what each refunded and to which tender is kept so that nothing can be refunded
// twice. A card refund or reversal is an intent like a card payment.
export const corrections = `
ALTER TABLE documents ADD COLUMN reason TEXT;                                -- refund / void reason code
ALTER TABLE documents ADD COLUMN approver_id INTEGER REFERENCES operators(id); -- the supervisor who approved it
-- The idempotency key of the request that opened a correction: a retry after a crash finds the
-- refund it started instead of starting a second one (a card refund cannot sit in one transaction).
ALTER TABLE documents ADD COLUMN request_key TEXT;
ALTER TABLE document_lines ADD COLUMN restock INTEGER CHECK (restock IN (0, 1)); -- returned goods: back to stock (1) or damaged (0)
ALTER TABLE payments ADD COLUMN original_payment_id INTEGER REFERENCES payments(id); -- a refund's part: the sale payment it gives back
ALTER TABLE card_intents ADD COLUMN kind TEXT NOT NULL DEFAULT 'payment' CHECK (kind IN ('payment', 'refund', 'reversal'));
ALTER TABLE card_intents ADD COLUMN original_payment_id INTEGER REFERENCES payments(id);

CREATE UNIQUE INDEX documents_request_key ON documents(request_key) WHERE request_key IS NOT NULL;
CREATE INDEX documents_original ON documents(original_document_id) WHERE original_document_id IS NOT NULL;
CREATE INDEX document_lines_original ON document_lines(original_line_id) WHERE original_line_id IS NOT NULL;
CREATE INDEX payments_original ON payments(original_payment_id) WHERE original_payment_id IS NOT NULL;
-- A sale is voided at most once, whatever two windows try at the same moment.
CREATE UNIQUE INDEX documents_one_void ON documents(original_document_id) WHERE kind = 'void' AND status = 'completed';
`;
