// The drawer's records and the whole Z, as the registers upload them beside their journal: shifts
// (as they opened, and how they closed), cash counts, cash movements; the Z gains what the
// register stored with it. Each row names the journal entry that carried it, and like every
// uploaded row it is never changed or removed.
export const cashRecords = `
CREATE TABLE shifts (
  register_id            text NOT NULL,
  id                     integer NOT NULL,
  seq                    bigint NOT NULL,
  local_register_id      text NOT NULL,
  business_day           text NOT NULL,
  operator_id            integer NOT NULL,
  opened_at              bigint NOT NULL,
  float_minor            bigint NOT NULL,
  float_source           text NOT NULL CHECK (float_source IN ('counted', 'carried')),
  carried_from_shift_id  integer,
  PRIMARY KEY (register_id, id),
  UNIQUE (register_id, seq),
  FOREIGN KEY (register_id, seq) REFERENCES journal_entries(register_id, seq)
);
CREATE INDEX shifts_day ON shifts(register_id, business_day);
CREATE TRIGGER shifts_append_only BEFORE UPDATE OR DELETE ON shifts FOR EACH ROW EXECUTE FUNCTION append_only();

-- A shift's close. No reference to shifts: a register that uploaded before this table existed
-- closes shifts whose opening HQ never stored as a row (it has their entry).
CREATE TABLE shift_closes (
  register_id       text NOT NULL,
  shift_id          integer NOT NULL,
  seq               bigint NOT NULL,
  closed_at         bigint NOT NULL,
  closed_by         integer NOT NULL,
  expected_minor    bigint NOT NULL,
  expected          jsonb NOT NULL,
  counted_minor     bigint,
  difference_minor  bigint,
  force_reason      text,
  PRIMARY KEY (register_id, shift_id),
  UNIQUE (register_id, seq),
  FOREIGN KEY (register_id, seq) REFERENCES journal_entries(register_id, seq)
);
CREATE TRIGGER shift_closes_append_only BEFORE UPDATE OR DELETE ON shift_closes FOR EACH ROW EXECUTE FUNCTION append_only();

CREATE TABLE cash_counts (
  register_id  text NOT NULL,
  id           integer NOT NULL,
  seq          bigint NOT NULL,
  shift_id     integer NOT NULL,
  purpose      text NOT NULL CHECK (purpose IN ('opening', 'closing', 'recount')),
  counts       jsonb NOT NULL,
  total_minor  bigint NOT NULL,
  operator_id  integer NOT NULL,
  counted_at   bigint NOT NULL,
  PRIMARY KEY (register_id, id),
  UNIQUE (register_id, shift_id, purpose),
  FOREIGN KEY (register_id, seq) REFERENCES journal_entries(register_id, seq)
);
CREATE TRIGGER cash_counts_append_only BEFORE UPDATE OR DELETE ON cash_counts FOR EACH ROW EXECUTE FUNCTION append_only();

CREATE TABLE cash_movements (
  register_id        text NOT NULL,
  id                 integer NOT NULL,
  seq                bigint NOT NULL,
  shift_id           integer NOT NULL,
  local_register_id  text NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('paid_in', 'paid_out', 'safe_drop', 'float_top_up')),
  amount_minor       bigint NOT NULL CHECK (amount_minor > 0),
  reason             text NOT NULL,
  operator_id        integer NOT NULL,
  approver_id        integer,
  at                 bigint NOT NULL,
  PRIMARY KEY (register_id, id),
  UNIQUE (register_id, seq),
  FOREIGN KEY (register_id, seq) REFERENCES journal_entries(register_id, seq)
);
CREATE INDEX cash_movements_shift ON cash_movements(register_id, shift_id);
CREATE TRIGGER cash_movements_append_only BEFORE UPDATE OR DELETE ON cash_movements FOR EACH ROW EXECUTE FUNCTION append_only();

-- Zs uploaded before this step have only what their entry chained: these stay NULL for them.
ALTER TABLE z_reports
  ADD COLUMN z_id integer,
  ADD COLUMN operator_id integer,
  ADD COLUMN last_journal_seq bigint,
  ADD COLUMN shift_ids jsonb,
  ADD COLUMN figures jsonb;
`;
