// Scan-to-pay (付款码): the customer's WeChat Pay or Alipay code, scanned at the counter.
//
// Payments may now be 'scan': the payments table is rebuilt because SQLite cannot change a
// CHECK in place (this step runs with foreign keys off, as SQLite's documented table rebuild
// does, and checks them before it commits); its columns, indexes and triggers stay as they were,
// plus `scan` (provider, transaction id, masked payer). Each scan attempt is a row written before
// its request leaves; refunds through a provider are rows too, each with its own refund number.
export const scanPay = `
CREATE TABLE payments_rebuilt (
  id                   INTEGER PRIMARY KEY,
  document_id          TEXT NOT NULL REFERENCES documents(id),
  method               TEXT NOT NULL CHECK (method IN ('cash', 'card', 'scan')),
  amount_minor         INTEGER NOT NULL,
  tendered_minor       INTEGER NOT NULL,
  change_minor         INTEGER NOT NULL DEFAULT 0,
  card                 TEXT,
  created_at           INTEGER NOT NULL,
  original_payment_id  INTEGER REFERENCES payments(id),
  scan                 TEXT                         -- JSON: provider, transaction id, order number, masked payer
) STRICT;
INSERT INTO payments_rebuilt (id, document_id, method, amount_minor, tendered_minor, change_minor, card, created_at, original_payment_id)
  SELECT id, document_id, method, amount_minor, tendered_minor, change_minor, card, created_at, original_payment_id FROM payments;
DROP TABLE payments;
ALTER TABLE payments_rebuilt RENAME TO payments;
CREATE INDEX payments_doc ON payments(document_id);
CREATE INDEX payments_original ON payments(original_payment_id) WHERE original_payment_id IS NOT NULL;
CREATE TRIGGER payments_immutable_insert BEFORE INSERT ON payments
  WHEN (SELECT status FROM documents WHERE id = NEW.document_id) <> 'open'
  BEGIN SELECT RAISE(ABORT, 'document is closed and immutable'); END;
CREATE TRIGGER payments_immutable_update BEFORE UPDATE ON payments
  BEGIN SELECT RAISE(ABORT, 'payments are immutable'); END;
CREATE TRIGGER payments_immutable_delete BEFORE DELETE ON payments
  BEGIN SELECT RAISE(ABORT, 'payments are immutable'); END;

CREATE TABLE scan_attempts (
  id               INTEGER PRIMARY KEY,
  sale_id          TEXT NOT NULL REFERENCES documents(id),
  provider         TEXT NOT NULL CHECK (provider IN ('wechat', 'alipay')),
  out_trade_no     TEXT NOT NULL UNIQUE,           -- one per attempt; never reused
  idempotency_key  TEXT NOT NULL,
  amount_minor     INTEGER NOT NULL CHECK (amount_minor > 0),
  masked_code      TEXT NOT NULL,                  -- the payment code is a bearer token: never stored whole
  operator_id      INTEGER NOT NULL,
  started_at       INTEGER NOT NULL,
  sent_at          INTEGER,                        -- the payment call left (reverse no sooner than the provider allows)
  -- created: written, not sent (a crash here proves nothing left); sent: the request may be at the
  -- provider; waiting: the customer is entering a password; unknown: no clear answer, query;
  -- reversing: closing the order with the provider; paid / failed / reversed: final.
  state            TEXT NOT NULL CHECK (state IN ('created', 'sent', 'waiting', 'unknown', 'reversing', 'paid', 'failed', 'reversed')),
  reason           TEXT,                           -- translation key (scanpay.reason.*)
  provider_code    TEXT,                           -- the provider's own code, for the back office
  transaction_id   TEXT,
  payer            TEXT,                           -- masked, as the provider gives it
  paid_minor       INTEGER,
  payment_id       INTEGER REFERENCES payments(id),
  resolved_by      TEXT CHECK (resolved_by IN ('provider', 'recovery', 'cashier')),
  updated_at       INTEGER NOT NULL
) STRICT;
CREATE INDEX scan_attempts_sale ON scan_attempts(sale_id);
-- One open attempt per sale: a new scan waits until the last one is settled with the provider.
CREATE UNIQUE INDEX scan_attempts_one_open ON scan_attempts(sale_id) WHERE state IN ('created', 'sent', 'waiting', 'unknown', 'reversing');
CREATE UNIQUE INDEX scan_attempts_payment ON scan_attempts(payment_id) WHERE payment_id IS NOT NULL;

-- A refund or void with parts going back through a provider stays open until every part is
-- confirmed; what it will pay out is kept here meanwhile, so a restart completes it.
CREATE TABLE correction_plans (
  document_id     TEXT PRIMARY KEY REFERENCES documents(id),
  parts           TEXT NOT NULL,                   -- JSON: [{ paymentId, method, amountMinor }]
  rounding_minor  INTEGER NOT NULL,
  operator_id     INTEGER NOT NULL,
  created_at      INTEGER NOT NULL
) STRICT;

CREATE TABLE scan_refunds (
  id                   INTEGER PRIMARY KEY,
  document_id          TEXT NOT NULL REFERENCES documents(id),
  attempt_id           INTEGER NOT NULL REFERENCES scan_attempts(id),
  original_payment_id  INTEGER NOT NULL REFERENCES payments(id),
  out_refund_no        TEXT NOT NULL UNIQUE,       -- reused on every retry: the provider refunds it once
  amount_minor         INTEGER NOT NULL CHECK (amount_minor > 0),
  state                TEXT NOT NULL CHECK (state IN ('created', 'sent', 'pending', 'done', 'failed')),
  provider_code        TEXT,
  refund_id            TEXT,
  operator_id          INTEGER NOT NULL,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL
) STRICT;
CREATE INDEX scan_refunds_document ON scan_refunds(document_id);

-- Provider credentials. Secrets (API key, private key, certificate) are sealed by the register's
-- secret box (the OS keychain through Electron, or a key file in browser mode) and never appear
-- in the journal, the logs or a backup's CSV/JSON.
CREATE TABLE scan_pay_credentials (
  provider     TEXT PRIMARY KEY CHECK (provider IN ('wechat', 'alipay')),
  settings     TEXT NOT NULL,                      -- JSON without secrets: app id, merchant id, sign type, gateway
  secret       BLOB,
  secret_box   TEXT,
  updated_at   INTEGER NOT NULL
) STRICT;
`;
