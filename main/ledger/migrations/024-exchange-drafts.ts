// An exchange (换货) being prepared: the goods the return screen chose, kept with the open sale that
// will hold the new goods, so a reloaded window, a second window or a restarted register shows the
// exchange again instead of the new goods at full price. Not money and not a document: nothing is
// booked or reserved by it; the row goes when the sale completes, the exchange is abandoned or the
// cashier leaves it.
export const exchangeDrafts = `
CREATE TABLE exchange_drafts (
  sale_document_id      TEXT PRIMARY KEY,
  original_document_id  TEXT NOT NULL,
  lines_json            TEXT NOT NULL,
  reason                TEXT NOT NULL,
  credit_minor          INTEGER NOT NULL CHECK (credit_minor >= 0),
  created_at            INTEGER NOT NULL
) STRICT;
`;
