// What a sale costs on disk (issue 18): lines and payments name their document by an integer key
// instead of its 36-character UUID, in every row and in both indexes that find them (about 400
// bytes of a 5-line sale).
//
// `documents` gets `pk INTEGER PRIMARY KEY`: an alias of the rowid, so it is stored in no column
// and no index of its own, and, unlike a bare rowid, VACUUM never renumbers it. `id` stays the
// document's UUID (UNIQUE NOT NULL), and everything else that points at a document
// (`documents(id)`) still does; so do the journal, the backup bundle, the HQ upload and the
// document digest, which never carried the key.
//
// SQLite cannot change a primary key or a column in place: the three tables are rebuilt (this step
// runs with foreign keys off, as SQLite's documented rebuild does, and checks them all before it
// commits), with their columns, CHECKs, STRICT, indexes and immutability triggers as they were.
// The old tables are dropped before the new ones take their names, so no trigger ever names a
// table that is not there. Existing documents keep their rowid as their key; a line or payment
// whose document could not be found would fail NOT NULL and stop the step rather than be lost.
export const documentKeys = `
CREATE TABLE documents_rebuilt (
  pk                    INTEGER PRIMARY KEY,
  id                    TEXT NOT NULL UNIQUE,       -- UUID
  kind                  TEXT NOT NULL CHECK (kind IN ('sale', 'refund', 'void')),
  status                TEXT NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
  register_id           TEXT NOT NULL,
  receipt_no            INTEGER,
  business_day          TEXT,                       -- YYYY-MM-DD, set on completion
  shift_id              INTEGER,
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
  reason                TEXT,
  approver_id           INTEGER REFERENCES operators(id),
  request_key           TEXT,
  training              INTEGER NOT NULL DEFAULT 0 CHECK (training IN (0, 1)),
  held_at               INTEGER,
  held_by               INTEGER REFERENCES operators(id),
  override_minor        INTEGER NOT NULL DEFAULT 0 CHECK (override_minor >= 0),
  UNIQUE (register_id, receipt_no),
  CHECK (status <> 'completed' OR (receipt_no IS NOT NULL AND total_minor IS NOT NULL AND business_day IS NOT NULL))
) STRICT;
INSERT INTO documents_rebuilt (pk, id, kind, status, register_id, receipt_no, business_day, shift_id, operator_id, original_document_id, opened_at,
    completed_at, note, order_discount, prices_include_tax, gross_minor, discount_minor, tax_minor, total_minor, rounding_minor, change_minor,
    grand_total_minor, reason, approver_id, request_key, training, held_at, held_by, override_minor)
  SELECT rowid, id, kind, status, register_id, receipt_no, business_day, shift_id, operator_id, original_document_id, opened_at,
    completed_at, note, order_discount, prices_include_tax, gross_minor, discount_minor, tax_minor, total_minor, rounding_minor, change_minor,
    grand_total_minor, reason, approver_id, request_key, training, held_at, held_by, override_minor
  FROM documents ORDER BY rowid;

CREATE TABLE document_lines_rebuilt (
  id                     INTEGER PRIMARY KEY,
  document_pk            INTEGER NOT NULL REFERENCES documents(pk),
  position               INTEGER NOT NULL,
  product_id             INTEGER REFERENCES products(id),
  sku                    TEXT,
  name                   TEXT NOT NULL,
  qty_milli              INTEGER NOT NULL,
  unit_price_minor       INTEGER NOT NULL CHECK (unit_price_minor >= 0),
  tax_rate_bp            INTEGER NOT NULL,
  discount               TEXT,                      -- JSON discount or NULL
  original_line_id       INTEGER REFERENCES document_lines(id), -- refund line -> sold line
  gross_minor            INTEGER,                   -- the amounts below are frozen at completion
  line_discount_minor    INTEGER,
  order_discount_minor   INTEGER,
  total_minor            INTEGER,
  tax_minor              INTEGER,
  restock                INTEGER CHECK (restock IN (0, 1)),
  scale_label            TEXT,
  sold_by_weight         INTEGER NOT NULL DEFAULT 0 CHECK (sold_by_weight IN (0, 1)),
  list_unit_price_minor  INTEGER CHECK (list_unit_price_minor IS NULL OR list_unit_price_minor >= 0)
) STRICT;
INSERT INTO document_lines_rebuilt (id, document_pk, position, product_id, sku, name, qty_milli, unit_price_minor, tax_rate_bp, discount,
    original_line_id, gross_minor, line_discount_minor, order_discount_minor, total_minor, tax_minor, restock, scale_label, sold_by_weight,
    list_unit_price_minor)
  SELECT l.id, (SELECT pk FROM documents_rebuilt WHERE id = l.document_id), l.position, l.product_id, l.sku, l.name, l.qty_milli, l.unit_price_minor, l.tax_rate_bp, l.discount,
    l.original_line_id, l.gross_minor, l.line_discount_minor, l.order_discount_minor, l.total_minor, l.tax_minor, l.restock, l.scale_label, l.sold_by_weight,
    l.list_unit_price_minor
  FROM document_lines l ORDER BY l.id;

CREATE TABLE payments_rebuilt (
  id                   INTEGER PRIMARY KEY,
  document_pk          INTEGER NOT NULL REFERENCES documents(pk),
  method               TEXT NOT NULL CHECK (method IN ('cash', 'card', 'scan')),
  amount_minor         INTEGER NOT NULL,
  tendered_minor       INTEGER NOT NULL,
  change_minor         INTEGER NOT NULL DEFAULT 0,
  card                 TEXT,
  created_at           INTEGER NOT NULL,
  original_payment_id  INTEGER REFERENCES payments(id),
  scan                 TEXT                         -- JSON: provider, transaction id, order number, masked payer
) STRICT;
INSERT INTO payments_rebuilt (id, document_pk, method, amount_minor, tendered_minor, change_minor, card, created_at, original_payment_id, scan)
  SELECT p.id, (SELECT pk FROM documents_rebuilt WHERE id = p.document_id), p.method, p.amount_minor, p.tendered_minor, p.change_minor, p.card, p.created_at, p.original_payment_id, p.scan
  FROM payments p ORDER BY p.id;

DROP TABLE payments;
DROP TABLE document_lines;
DROP TABLE documents;
ALTER TABLE documents_rebuilt RENAME TO documents;
ALTER TABLE document_lines_rebuilt RENAME TO document_lines;
ALTER TABLE payments_rebuilt RENAME TO payments;

CREATE INDEX documents_day ON documents(business_day);
CREATE INDEX documents_held ON documents(register_id, held_at) WHERE held_at IS NOT NULL;
CREATE UNIQUE INDEX documents_one_void ON documents(original_document_id) WHERE kind = 'void' AND status = 'completed';
CREATE INDEX documents_open ON documents(register_id, kind, opened_at) WHERE status = 'open';
CREATE INDEX documents_original ON documents(original_document_id) WHERE original_document_id IS NOT NULL;
CREATE UNIQUE INDEX documents_request_key ON documents(request_key) WHERE request_key IS NOT NULL;
CREATE INDEX documents_shift ON documents(shift_id) WHERE shift_id IS NOT NULL;
CREATE TRIGGER documents_immutable_update BEFORE UPDATE ON documents
  WHEN OLD.status <> 'open'
  BEGIN SELECT RAISE(ABORT, 'document is closed and immutable'); END;
CREATE TRIGGER documents_immutable_delete BEFORE DELETE ON documents
  WHEN OLD.status <> 'open'
  BEGIN SELECT RAISE(ABORT, 'document is closed and immutable'); END;

-- Lines come back in sale order straight from the index; the next position is read from its end.
CREATE INDEX document_lines_doc ON document_lines(document_pk, position);
CREATE INDEX document_lines_original ON document_lines(original_line_id) WHERE original_line_id IS NOT NULL;
CREATE TRIGGER lines_immutable_insert BEFORE INSERT ON document_lines
  WHEN (SELECT status FROM documents WHERE pk = NEW.document_pk) <> 'open'
  BEGIN SELECT RAISE(ABORT, 'document is closed and immutable'); END;
CREATE TRIGGER lines_immutable_update BEFORE UPDATE ON document_lines
  WHEN (SELECT status FROM documents WHERE pk = OLD.document_pk) <> 'open'
  BEGIN SELECT RAISE(ABORT, 'document is closed and immutable'); END;
CREATE TRIGGER lines_immutable_delete BEFORE DELETE ON document_lines
  WHEN (SELECT status FROM documents WHERE pk = OLD.document_pk) <> 'open'
  BEGIN SELECT RAISE(ABORT, 'document is closed and immutable'); END;

CREATE INDEX payments_doc ON payments(document_pk);
CREATE INDEX payments_original ON payments(original_payment_id) WHERE original_payment_id IS NOT NULL;
CREATE INDEX payments_card_time ON payments(created_at) WHERE method = 'card';
CREATE TRIGGER payments_immutable_insert BEFORE INSERT ON payments
  WHEN (SELECT status FROM documents WHERE pk = NEW.document_pk) <> 'open'
  BEGIN SELECT RAISE(ABORT, 'document is closed and immutable'); END;
CREATE TRIGGER payments_immutable_update BEFORE UPDATE ON payments
  BEGIN SELECT RAISE(ABORT, 'payments are immutable'); END;
CREATE TRIGGER payments_immutable_delete BEFORE DELETE ON payments
  BEGIN SELECT RAISE(ABORT, 'payments are immutable'); END;
`;
