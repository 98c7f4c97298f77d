// The fraud watch (its alerts, thresholds and the facts its rules look back on) and the reports'
// per-product rollups.
//
// The fraud watch: its alerts and its thresholds. An alert's rule, scope, evidence and figures
// never change once raised; only its acknowledgement is written later, once.
export const fraudAndReports = `
CREATE TABLE fraud_alerts (
  id               INTEGER PRIMARY KEY,
  rule             TEXT NOT NULL,
  scope_key        TEXT NOT NULL,                -- register:R1, operator:3, card:4711****1234, document:<uuid>
  scope            TEXT NOT NULL,                -- JSON FraudScope
  register_id      TEXT NOT NULL,
  operator_id      INTEGER,
  business_day     TEXT NOT NULL,
  at               INTEGER NOT NULL,
  trigger_seq      INTEGER NOT NULL,             -- the journal entry that completed the pattern
  journal_seq      INTEGER NOT NULL,             -- the fraud.alert_raised entry
  document_ids     TEXT NOT NULL,                -- JSON array
  seqs             TEXT NOT NULL,                -- JSON array of journal seqs
  params           TEXT NOT NULL,                -- JSON: the figures the explanation is written from
  acknowledged_at  INTEGER,
  acknowledged_by  INTEGER REFERENCES operators(id),
  note             TEXT,
  CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
) STRICT;
CREATE INDEX fraud_alerts_scope ON fraud_alerts(rule, scope_key, at);
CREATE INDEX fraud_alerts_day ON fraud_alerts(register_id, business_day);
CREATE INDEX fraud_alerts_open ON fraud_alerts(id) WHERE acknowledged_at IS NULL;
CREATE TRIGGER fraud_alerts_acknowledge_once BEFORE UPDATE ON fraud_alerts
  WHEN OLD.acknowledged_at IS NOT NULL
    OR NEW.id IS NOT OLD.id OR NEW.rule IS NOT OLD.rule OR NEW.scope_key IS NOT OLD.scope_key OR NEW.scope IS NOT OLD.scope
    OR NEW.register_id IS NOT OLD.register_id OR NEW.operator_id IS NOT OLD.operator_id OR NEW.business_day IS NOT OLD.business_day
    OR NEW.at IS NOT OLD.at OR NEW.trigger_seq IS NOT OLD.trigger_seq OR (OLD.journal_seq <> 0 AND NEW.journal_seq IS NOT OLD.journal_seq)
    OR NEW.document_ids IS NOT OLD.document_ids OR NEW.seqs IS NOT OLD.seqs OR NEW.params IS NOT OLD.params
  BEGIN SELECT RAISE(ABORT, 'a fraud alert is only ever acknowledged, once'); END;
CREATE TRIGGER fraud_alerts_no_delete BEFORE DELETE ON fraud_alerts
  BEGIN SELECT RAISE(ABORT, 'fraud alerts are never deleted'); END;

-- What the rules look back on: one row per watched journal entry (seq), the fields they filter
-- by, indexed by who and when, so a rule asks for "the last N small sales of this operator" and
-- reads N rows, however busy the window. The journal stays the record; this is its index.
CREATE TABLE fraud_facts (
  seq           INTEGER PRIMARY KEY,
  at            INTEGER NOT NULL,
  type          TEXT NOT NULL CHECK (type IN ('sale', 'correction', 'decline', 'no_sale')),
  register_id   TEXT,
  operator_id   INTEGER,
  document_id   TEXT,
  total_minor   INTEGER,
  masked_pan    TEXT,
  fact          TEXT NOT NULL                  -- JSON: the whole fact as the rules see it
) STRICT;
CREATE INDEX fraud_facts_register ON fraud_facts(type, register_id, at);
CREATE INDEX fraud_facts_operator ON fraud_facts(type, operator_id, at);
CREATE INDEX fraud_facts_card ON fraud_facts(type, masked_pan, at) WHERE masked_pan IS NOT NULL;

-- One row: the thresholds as the owner set them (absent: the defaults).
CREATE TABLE fraud_settings (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  thresholds  TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

-- Per product and day, what each Z took in: written in the Z's transaction beside day_rollups, so
-- a report of a year by product sums these rows, never the lines. Sales count positive, refunds
-- and voids negative. product_key: p:<product id>, or n:<name> for an ad-hoc line.
CREATE TABLE product_rollups (
  z_id          INTEGER NOT NULL REFERENCES z_reports(id),
  register_id   TEXT NOT NULL,
  business_day  TEXT NOT NULL,
  product_key   TEXT NOT NULL,
  name          TEXT NOT NULL,
  category      TEXT,                           -- the product's category when the day closed (its Chinese name, else English)
  lines         INTEGER NOT NULL,
  qty_milli     INTEGER NOT NULL,
  net_minor     INTEGER NOT NULL,
  PRIMARY KEY (register_id, business_day, product_key)
) STRICT;
CREATE TRIGGER product_rollups_no_update BEFORE UPDATE ON product_rollups
  BEGIN SELECT RAISE(ABORT, 'rollups are immutable'); END;
CREATE TRIGGER product_rollups_no_delete BEFORE DELETE ON product_rollups
  BEGIN SELECT RAISE(ABORT, 'rollups are immutable'); END;
-- Days closed before this schema get theirs now, from their documents.
INSERT INTO product_rollups (z_id, register_id, business_day, product_key, name, category, lines, qty_milli, net_minor)
SELECT z.id, z.register_id, z.business_day,
       CASE WHEN l.product_id IS NOT NULL THEN 'p:' || l.product_id ELSE 'n:' || l.name END,
       MAX(l.name), MAX(COALESCE(c.name_zh, c.name_en)), COUNT(*),
       SUM(CASE d.kind WHEN 'sale' THEN l.qty_milli ELSE -l.qty_milli END),
       SUM(CASE d.kind WHEN 'sale' THEN l.total_minor ELSE -l.total_minor END)
  FROM z_reports z
  JOIN documents d ON d.register_id = z.register_id AND d.business_day = z.business_day AND d.status = 'completed'
  JOIN document_lines l ON l.document_id = d.id
  LEFT JOIN products p ON p.id = l.product_id
  LEFT JOIN categories c ON c.id = p.category_id
 GROUP BY z.id, 4;
`;
