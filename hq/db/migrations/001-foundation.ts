// HQ's foundation: shops and their registers (enrolled with a one-time code, each with its own
// HMAC key), every register's journal exactly as it was chained, the documents and payments the
// journal references, alerts (forks and tampered uploads, with their evidence) and the versions
// of catalog, operators and settings that flow down to the registers.
export const foundation = `
CREATE TABLE shops (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  created_at  bigint NOT NULL
);

CREATE TABLE registers (
  id                 text PRIMARY KEY,
  shop_id            text NOT NULL REFERENCES shops(id),
  name               text NOT NULL,
  created_at         bigint NOT NULL,
  -- sha256 of the one-time enrolment code; cleared when it is used.
  enrol_code_hash    text UNIQUE,
  enrol_expires_at   bigint,
  secret             bytea,
  enrolled_at        bigint,
  local_register_id  text,
  CHECK ((secret IS NULL) = (enrolled_at IS NULL))
);

-- Nonces of signed requests seen within the accepted clock window: a second use is a replay.
CREATE TABLE request_nonces (
  register_id  text NOT NULL REFERENCES registers(id),
  nonce        text NOT NULL,
  at           bigint NOT NULL,
  PRIMARY KEY (register_id, nonce)
);
CREATE INDEX request_nonces_at ON request_nonces(at);

-- What HQ holds of each register's chain; locked for the length of an upload so two uploads of
-- one register are applied one after the other.
CREATE TABLE journal_heads (
  register_id  text PRIMARY KEY REFERENCES registers(id),
  seq          bigint NOT NULL,
  hash         text NOT NULL,
  updated_at   bigint NOT NULL
);

CREATE TABLE journal_entries (
  register_id  text NOT NULL REFERENCES registers(id),
  seq          bigint NOT NULL CHECK (seq >= 1),
  at           bigint NOT NULL,
  kind         text NOT NULL,
  payload      text NOT NULL,            -- the canonical JSON that was hashed, byte for byte
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  received_at  bigint NOT NULL,
  PRIMARY KEY (register_id, seq)
);
CREATE INDEX journal_entries_kind ON journal_entries(register_id, kind);

-- The chain holds in the database too, whatever code inserts: entry n follows entry n-1 of the
-- same register and names its hash (entry 1 names the genesis hash).
CREATE FUNCTION journal_entries_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.seq = 1 THEN
    IF NEW.prev_hash <> repeat('0', 64) THEN RAISE EXCEPTION 'chain broken at % / %', NEW.register_id, NEW.seq; END IF;
  ELSIF NOT EXISTS (SELECT 1 FROM journal_entries WHERE register_id = NEW.register_id AND seq = NEW.seq - 1 AND hash = NEW.prev_hash) THEN
    RAISE EXCEPTION 'gap or broken chain at % / %', NEW.register_id, NEW.seq;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER journal_entries_chain BEFORE INSERT ON journal_entries FOR EACH ROW EXECUTE FUNCTION journal_entries_chain();

CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries FOR EACH ROW EXECUTE FUNCTION append_only();

-- Documents as the register completed them, each tied to the journal entry that completed it.
CREATE TABLE documents (
  register_id           text NOT NULL,
  id                    text NOT NULL,
  seq                   bigint NOT NULL,
  kind                  text NOT NULL CHECK (kind IN ('sale', 'refund', 'void')),
  local_register_id     text NOT NULL,
  receipt_no            integer NOT NULL,
  business_day          text NOT NULL,
  shift_id              integer,
  operator_id           integer NOT NULL,
  original_document_id  text,
  opened_at             bigint NOT NULL,
  completed_at          bigint NOT NULL,
  gross_minor           bigint NOT NULL,
  discount_minor        bigint NOT NULL,
  tax_minor             bigint NOT NULL,
  total_minor           bigint NOT NULL CHECK (total_minor >= 0),
  rounding_minor        bigint NOT NULL,
  change_minor          bigint NOT NULL,
  grand_total_minor     bigint NOT NULL,
  PRIMARY KEY (register_id, id),
  UNIQUE (register_id, seq),
  FOREIGN KEY (register_id, seq) REFERENCES journal_entries(register_id, seq)
);
CREATE INDEX documents_day ON documents(register_id, business_day);
CREATE TRIGGER documents_append_only BEFORE UPDATE OR DELETE ON documents FOR EACH ROW EXECUTE FUNCTION append_only();

CREATE TABLE document_lines (
  register_id       text NOT NULL,
  document_id       text NOT NULL,
  position          integer NOT NULL,
  sku               text,
  name              text NOT NULL,
  qty_milli         bigint NOT NULL,
  unit_price_minor  bigint NOT NULL,
  tax_rate_bp       integer NOT NULL,
  total_minor       bigint NOT NULL,
  tax_minor         bigint NOT NULL,
  PRIMARY KEY (register_id, document_id, position),
  FOREIGN KEY (register_id, document_id) REFERENCES documents(register_id, id)
);
CREATE TRIGGER document_lines_append_only BEFORE UPDATE OR DELETE ON document_lines FOR EACH ROW EXECUTE FUNCTION append_only();

CREATE TABLE document_payments (
  register_id     text NOT NULL,
  document_id     text NOT NULL,
  position        integer NOT NULL,
  method          text NOT NULL CHECK (method IN ('cash', 'card', 'scan')),
  amount_minor    bigint NOT NULL,
  tendered_minor  bigint NOT NULL,
  change_minor    bigint NOT NULL,
  created_at      bigint NOT NULL,
  PRIMARY KEY (register_id, document_id, position),
  FOREIGN KEY (register_id, document_id) REFERENCES documents(register_id, id)
);
CREATE TRIGGER document_payments_append_only BEFORE UPDATE OR DELETE ON document_payments FOR EACH ROW EXECUTE FUNCTION append_only();

-- The Z of each business day, from the register's day.closed entry.
CREATE TABLE z_reports (
  register_id               text NOT NULL,
  z_no                      integer NOT NULL,
  seq                       bigint NOT NULL,
  local_register_id         text NOT NULL,
  business_day              text NOT NULL,
  document_count            integer NOT NULL,
  first_receipt_no          integer,
  last_receipt_no           integer,
  net_minor                 bigint NOT NULL,
  grand_total_before_minor  bigint NOT NULL,
  grand_total_after_minor   bigint NOT NULL,
  over_short_minor          bigint NOT NULL,
  closed_at                 bigint NOT NULL,
  PRIMARY KEY (register_id, z_no),
  UNIQUE (register_id, business_day),
  FOREIGN KEY (register_id, seq) REFERENCES journal_entries(register_id, seq)
);
CREATE TRIGGER z_reports_append_only BEFORE UPDATE OR DELETE ON z_reports FOR EACH ROW EXECUTE FUNCTION append_only();

-- What the owner must look at: a fork (the same seq with another hash), a tampered or forged
-- upload, a Z that its documents do not add up to. The evidence is kept as it arrived.
CREATE TABLE alerts (
  id               bigserial PRIMARY KEY,
  kind             text NOT NULL,
  register_id      text,
  params           jsonb NOT NULL,
  evidence         jsonb,
  raised_at        bigint NOT NULL,
  acknowledged_at  bigint
);
CREATE INDEX alerts_open ON alerts(raised_at) WHERE acknowledged_at IS NULL;

-- Catalog, operators and settings, versioned: a register pulls the versions after the last one it
-- has and applies each at its effective time. shop_id NULL: every shop.
CREATE TABLE down_versions (
  version       bigserial PRIMARY KEY,
  shop_id       text REFERENCES shops(id),
  kind          text NOT NULL CHECK (kind IN ('catalog', 'operators', 'settings')),
  effective_at  bigint NOT NULL,
  body          jsonb NOT NULL,
  created_at    bigint NOT NULL
);
CREATE TRIGGER down_versions_append_only BEFORE UPDATE OR DELETE ON down_versions FOR EACH ROW EXECUTE FUNCTION append_only();
`;
