// Card payments through the terminal. An intent row is written (and committed at FULL) before an
// authorization leaves the register, so after a crash the register knows it may have charged a
// card and asks the terminal instead of guessing. Only masked card data is ever stored.
export const cardPayments = `
CREATE TABLE card_intents (
  id                   INTEGER PRIMARY KEY,
  sale_id              TEXT NOT NULL REFERENCES documents(id),
  idempotency_key      TEXT NOT NULL,
  amount_minor         INTEGER NOT NULL CHECK (amount_minor > 0),
  operator_id          INTEGER NOT NULL,     -- the cashier who pressed Card; recovery completes the sale in their name
  started_at           INTEGER NOT NULL,
  -- The terminal's receipt number before this payment: if the terminal's last transaction is
  -- still that one after a crash, ours was never booked.
  previous_receipt_no  INTEGER,
  -- created: written, not sent (a crash here proves nothing left); sent / in_progress: the
  -- terminal may be charging; unknown: lost contact, recovery or a supervisor decides.
  state                TEXT NOT NULL CHECK (state IN ('created', 'sent', 'in_progress', 'approved', 'declined', 'aborted', 'failed', 'unknown')),
  resolved_by          TEXT CHECK (resolved_by IN ('terminal', 'recovery', 'supervisor')),
  resolver_id          INTEGER,
  last_step            TEXT,
  result_code          INTEGER,
  reason               TEXT,
  receipt_no           INTEGER,
  trace                INTEGER,
  auth_code            TEXT,
  masked_pan           TEXT,
  brand                TEXT,
  terminal_id          TEXT,
  entry_mode           TEXT,
  signature_required   INTEGER NOT NULL DEFAULT 0,
  signature_confirmed_by INTEGER,
  receipt_lines        TEXT,                 -- JSON array of the terminal's (masked) receipt lines
  payment_id           INTEGER REFERENCES payments(id),
  updated_at           INTEGER NOT NULL
) STRICT;
CREATE INDEX card_intents_sale ON card_intents(sale_id);
CREATE INDEX card_intents_key ON card_intents(idempotency_key);
-- At most one authorization per sale may be unresolved: a retry can never charge twice.
CREATE UNIQUE INDEX card_intents_one_open ON card_intents(sale_id) WHERE state IN ('created', 'sent', 'in_progress', 'unknown');
-- An approval is recorded as at most one payment.
CREATE UNIQUE INDEX card_intents_payment ON card_intents(payment_id) WHERE payment_id IS NOT NULL;

-- The terminal's end-of-day (batch close) totals, kept for the day close.
CREATE TABLE terminal_batches (
  id             INTEGER PRIMARY KEY,
  business_day   TEXT NOT NULL,
  closed_at      INTEGER NOT NULL,
  terminal_id    TEXT,
  total_minor    INTEGER NOT NULL,
  count          INTEGER NOT NULL,
  totals         TEXT NOT NULL,              -- JSON: per-brand counts and amounts as the terminal reported
  receipt_lines  TEXT NOT NULL,
  operator_id    INTEGER NOT NULL
) STRICT;
CREATE INDEX terminal_batches_day ON terminal_batches(business_day);
CREATE TRIGGER terminal_batches_no_update BEFORE UPDATE ON terminal_batches
  BEGIN SELECT RAISE(ABORT, 'terminal batches are immutable'); END;
CREATE TRIGGER terminal_batches_no_delete BEFORE DELETE ON terminal_batches
  BEGIN SELECT RAISE(ABORT, 'terminal batches are immutable'); END;
`;
