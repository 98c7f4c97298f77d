// Foundation schema: settings, operators, catalog, documents (sale / refund / void), the
// journal and idempotency records. Documents carry the columns refunds, voids, shifts and
// day closes need, so those issues add rows, not rework.
export const foundation = `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL               -- JSON
) STRICT;

CREATE TABLE operators (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role             TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor', 'owner')),
  pin_hash         BLOB NOT NULL,
  pin_salt         BLOB NOT NULL,
  pin_params       TEXT NOT NULL,   -- scrypt parameters, JSON, so they can be raised later
  failed_attempts  INTEGER NOT NULL DEFAULT 0,
  locked_until     INTEGER,         -- epoch ms; NULL = not locked
  active           INTEGER NOT NULL DEFAULT 1,
  created_at       INTEGER NOT NULL
) STRICT;

CREATE TABLE tax_rates (
  rate_bp INTEGER PRIMARY KEY CHECK (rate_bp BETWEEN 0 AND 10000),
  label   TEXT NOT NULL
) STRICT;

-- China's VAT rates; a shop elsewhere edits this list.
INSERT INTO tax_rates (rate_bp, label) VALUES (0, '0%'), (600, '6%'), (900, '9%'), (1300, '13%');

CREATE TABLE products (
  id           INTEGER PRIMARY KEY,
  sku          TEXT NOT NULL UNIQUE,
  barcode      TEXT UNIQUE,
  name_zh      TEXT,
  name_en      TEXT,
  price_minor  INTEGER NOT NULL CHECK (price_minor >= 0),
  tax_rate_bp  INTEGER NOT NULL REFERENCES tax_rates(rate_bp),
  active       INTEGER NOT NULL DEFAULT 1,
  CHECK (name_zh IS NOT NULL OR name_en IS NOT NULL)
) STRICT;
CREATE INDEX products_name_zh ON products(name_zh);
CREATE INDEX products_name_en ON products(name_en COLLATE NOCASE);

-- Gapless receipt numbers and the perpetual grand total, one row per register. Both are
-- advanced inside the transaction that completes a document, so a number is never skipped.
CREATE TABLE register_counters (
  register_id        TEXT PRIMARY KEY,
  last_receipt_no    INTEGER NOT NULL DEFAULT 0,
  grand_total_minor  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE documents (
  id                    TEXT PRIMARY KEY,           -- UUID
  kind                  TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'void')),
  status                TEXT NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
  register_id           TEXT NOT NULL,
  receipt_no            INTEGER,
  business_day          TEXT,                       -- YYYY-MM-DD, set on completion
  shift_id              INTEGER,                    -- shifts arrive with the day-close issue
  operator_id           INTEGER NOT NULL REFERENCES operators(id),
  original_document_id  TEXT REFERENCES documents(id), -- a refund or void points at its sale
  opened_at             INTEGER NOT NULL,
  completed_at          INTEGER,
  note                  TEXT,
  order_discount        TEXT,                       -- JSON discount or NULL
  prices_include_tax    INTEGER NOT NULL,
  gross_minor           INTEGER,
  discount_minor        INTEGER,
  tax_minor             INTEGER,
  total_minor           INTEGER,
  rounding_minor        INTEGER,
  change_minor          INTEGER,
  grand_total_minor     INTEGER,                    -- register grand total after this document
  UNIQUE (register_id, receipt_no),
  CHECK (status <> 'completed' OR (receipt_no IS NOT NULL AND total_minor IS NOT NULL AND business_day IS NOT NULL))
) STRICT;
CREATE INDEX documents_open ON documents(register_id, status);
CREATE INDEX documents_day ON documents(business_day);

CREATE TABLE document_lines (
  id                    INTEGER PRIMARY KEY,
  document_id           TEXT NOT NULL REFERENCES documents(id),
  position              INTEGER NOT NULL,
  product_id            INTEGER REFERENCES products(id),
  sku                   TEXT,
  name                  TEXT NOT NULL,
  qty_milli             INTEGER NOT NULL,
  unit_price_minor      INTEGER NOT NULL CHECK (unit_price_minor >= 0),
  tax_rate_bp           INTEGER NOT NULL,
  discount              TEXT,                       -- JSON discount or NULL
  original_line_id      INTEGER REFERENCES document_lines(id), -- refund line -> sold line
  gross_minor           INTEGER,                    -- the amounts below are frozen at completion
  line_discount_minor   INTEGER,
  order_discount_minor  INTEGER,
  total_minor           INTEGER,
  tax_minor             INTEGER
) STRICT;
CREATE INDEX document_lines_doc ON document_lines(document_id);

CREATE TABLE payments (
  id                   INTEGER PRIMARY KEY,
  document_id          TEXT NOT NULL REFERENCES documents(id),
  method               TEXT NOT NULL CHECK (method IN ('cash', 'card')),
  amount_minor         INTEGER NOT NULL,            -- applied to the document
  tendered_minor       INTEGER NOT NULL,            -- handed over (cash) or charged (card)
  change_minor         INTEGER NOT NULL DEFAULT 0,
  card                 TEXT,                        -- JSON: masked PAN, brand, auth code, trace ... never a full PAN
  created_at           INTEGER NOT NULL
) STRICT;
CREATE INDEX payments_doc ON payments(document_id);

-- A completed document is evidence: nothing may change it or anything it holds.
CREATE TRIGGER documents_immutable_update BEFORE UPDATE ON documents
  WHEN OLD.status <> 'open'
  BEGIN SELECT RAISE(ABORT, 'document is closed and immutable'); END;
CREATE TRIGGER documents_immutable_delete BEFORE DELETE ON documents
  WHEN OLD.status <> 'open'
  BEGIN SELECT RAISE(ABORT, 'document is closed and immutable'); END;
CREATE TRIGGER lines_immutable_insert BEFORE INSERT ON document_lines
  WHEN (SELECT status FROM documents WHERE id = NEW.document_id) <> 'open'
  BEGIN SELECT RAISE(ABORT, 'document is closed and immutable'); END;
CREATE TRIGGER lines_immutable_update BEFORE UPDATE ON document_lines
  WHEN (SELECT status FROM documents WHERE id = OLD.document_id) <> 'open'
  BEGIN SELECT RAISE(ABORT, 'document is closed and immutable'); END;
CREATE TRIGGER lines_immutable_delete BEFORE DELETE ON document_lines
  WHEN (SELECT status FROM documents WHERE id = OLD.document_id) <> 'open'
  BEGIN SELECT RAISE(ABORT, 'document is closed and immutable'); END;
CREATE TRIGGER payments_immutable_insert BEFORE INSERT ON payments
  WHEN (SELECT status FROM documents WHERE id = NEW.document_id) <> 'open'
  BEGIN SELECT RAISE(ABORT, 'document is closed and immutable'); END;
CREATE TRIGGER payments_immutable_update BEFORE UPDATE ON payments
  BEGIN SELECT RAISE(ABORT, 'payments are immutable'); END;
CREATE TRIGGER payments_immutable_delete BEFORE DELETE ON payments
  BEGIN SELECT RAISE(ABORT, 'payments are immutable'); END;

-- The journal: append-only, gapless seq, each entry chained to the one before by SHA-256.
CREATE TABLE journal (
  seq        INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  payload    TEXT NOT NULL,     -- canonical JSON
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
) STRICT;
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;

-- The first result of every money-moving request, so a repeat returns it and records nothing.
CREATE TABLE idempotency (
  key         TEXT PRIMARY KEY,
  call        TEXT NOT NULL,
  input_hash  TEXT NOT NULL,
  result      TEXT NOT NULL,
  at          INTEGER NOT NULL
) STRICT;
`;
