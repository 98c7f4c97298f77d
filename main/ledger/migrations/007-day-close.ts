// Shifts, cash counts, cash movements and the day close (Z). A shift is one drawer's session on
// one register; every completed document names the shift it was taken in (documents.shift_id,
// there since the foundation). A Z is a numbered, immutable record of one business day, written
// with its per-day rollups in one transaction, so month and year figures never rescan documents.
export const dayClose = `
CREATE TABLE shifts (
  id                     INTEGER PRIMARY KEY,
  register_id            TEXT NOT NULL,
  business_day           TEXT NOT NULL,                -- the open business day when the shift began
  operator_id            INTEGER NOT NULL REFERENCES operators(id),
  opened_at              INTEGER NOT NULL,
  float_minor            INTEGER NOT NULL CHECK (float_minor >= 0),
  float_source           TEXT NOT NULL CHECK (float_source IN ('counted', 'carried')),
  carried_from_shift_id  INTEGER REFERENCES shifts(id),
  -- open: selling; counting: the cashier has entered the blind count, nothing more may be added;
  -- closed: confirmed (or force-closed at the day close).
  state                  TEXT NOT NULL CHECK (state IN ('open', 'counting', 'closed')),
  expected_minor         INTEGER,                      -- frozen at the first count or the force-close
  expected               TEXT,                         -- JSON: each term of the expected cash
  counted_minor          INTEGER,                      -- the count that stands (the recount, if any)
  difference_minor       INTEGER,                      -- counted - expected: over > 0, short < 0; NULL when forced without a count
  closed_at              INTEGER,
  closed_by              INTEGER REFERENCES operators(id),
  force_reason           TEXT,                         -- set when the day close force-closed it
  CHECK (state <> 'closed' OR (closed_at IS NOT NULL AND expected_minor IS NOT NULL))
) STRICT;
-- One drawer, one live shift: a second window cannot open another.
CREATE UNIQUE INDEX shifts_one_live ON shifts(register_id) WHERE state <> 'closed';
CREATE INDEX shifts_day ON shifts(register_id, business_day);
CREATE TRIGGER shifts_closed_immutable BEFORE UPDATE ON shifts
  WHEN OLD.state = 'closed'
  BEGIN SELECT RAISE(ABORT, 'shift is closed and immutable'); END;
CREATE TRIGGER shifts_no_delete BEFORE DELETE ON shifts
  BEGIN SELECT RAISE(ABORT, 'shifts are never deleted'); END;

-- Counts by denomination: the opening float, the blind closing count and at most one recount.
CREATE TABLE cash_counts (
  id           INTEGER PRIMARY KEY,
  shift_id     INTEGER NOT NULL REFERENCES shifts(id),
  purpose      TEXT NOT NULL CHECK (purpose IN ('opening', 'closing', 'recount')),
  counts       TEXT NOT NULL,                          -- JSON [{ denominationMinor, count }]
  total_minor  INTEGER NOT NULL CHECK (total_minor >= 0),
  operator_id  INTEGER NOT NULL REFERENCES operators(id),
  counted_at   INTEGER NOT NULL,
  UNIQUE (shift_id, purpose)
) STRICT;
CREATE TRIGGER cash_counts_no_update BEFORE UPDATE ON cash_counts
  BEGIN SELECT RAISE(ABORT, 'cash counts are immutable'); END;
CREATE TRIGGER cash_counts_no_delete BEFORE DELETE ON cash_counts
  BEGIN SELECT RAISE(ABORT, 'cash counts are immutable'); END;

-- Cash in and out of the drawer that is not a sale: paid-in, paid-out, safe drop, float top-up.
CREATE TABLE cash_movements (
  id            INTEGER PRIMARY KEY,
  shift_id      INTEGER NOT NULL REFERENCES shifts(id),
  register_id   TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('paid_in', 'paid_out', 'safe_drop', 'float_top_up')),
  amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
  reason        TEXT NOT NULL,
  operator_id   INTEGER NOT NULL REFERENCES operators(id),
  approver_id   INTEGER REFERENCES operators(id),
  at            INTEGER NOT NULL
) STRICT;
CREATE INDEX cash_movements_shift ON cash_movements(shift_id);
CREATE TRIGGER cash_movements_open_shift BEFORE INSERT ON cash_movements
  WHEN (SELECT state FROM shifts WHERE id = NEW.shift_id) IS NOT 'open'
  BEGIN SELECT RAISE(ABORT, 'cash moves only in an open shift'); END;
CREATE TRIGGER cash_movements_no_update BEFORE UPDATE ON cash_movements
  BEGIN SELECT RAISE(ABORT, 'cash movements are immutable'); END;
CREATE TRIGGER cash_movements_no_delete BEFORE DELETE ON cash_movements
  BEGIN SELECT RAISE(ABORT, 'cash movements are immutable'); END;

CREATE INDEX documents_shift ON documents(shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX documents_register_day ON documents(register_id, business_day, status);
-- The Z counts no-sale drawer openings and duplicates by kind within its slice of the journal.
CREATE INDEX journal_kind ON journal(kind, seq);
-- The card payments of one terminal batch are found by time, between two end-of-days.
CREATE INDEX payments_card_time ON payments(created_at) WHERE method = 'card';
-- The terminal's receipt number range of a batch: which ledger payments it can hold.
ALTER TABLE terminal_batches ADD COLUMN receipt_from INTEGER;
ALTER TABLE terminal_batches ADD COLUMN receipt_to INTEGER;

-- The day close. Numbers are gapless per register and each business day is closed once; the
-- triggers hold that even against a caller that forgot to check.
CREATE TABLE z_reports (
  id                        INTEGER PRIMARY KEY,
  register_id               TEXT NOT NULL,
  z_no                      INTEGER NOT NULL CHECK (z_no >= 1),
  business_day              TEXT NOT NULL,
  closed_at                 INTEGER NOT NULL,
  operator_id               INTEGER NOT NULL REFERENCES operators(id),
  first_receipt_no          INTEGER,
  last_receipt_no           INTEGER,
  grand_total_before_minor  INTEGER NOT NULL,
  grand_total_after_minor   INTEGER NOT NULL,
  last_journal_seq          INTEGER NOT NULL,          -- journal entries up to here are in this Z or an earlier one
  last_batch_id             INTEGER,                   -- terminal batches up to here were reconciled
  figures                   TEXT NOT NULL,             -- JSON: the whole report as printed
  UNIQUE (register_id, z_no),
  UNIQUE (register_id, business_day)
) STRICT;
CREATE TRIGGER z_reports_gapless BEFORE INSERT ON z_reports
  WHEN NEW.z_no <> COALESCE((SELECT MAX(z_no) FROM z_reports WHERE register_id = NEW.register_id), 0) + 1
    OR NEW.business_day <= COALESCE((SELECT MAX(business_day) FROM z_reports WHERE register_id = NEW.register_id), '')
  BEGIN SELECT RAISE(ABORT, 'Z numbers are gapless and days close in order'); END;
CREATE TRIGGER z_reports_no_update BEFORE UPDATE ON z_reports
  BEGIN SELECT RAISE(ABORT, 'a Z report is immutable'); END;
CREATE TRIGGER z_reports_no_delete BEFORE DELETE ON z_reports
  BEGIN SELECT RAISE(ABORT, 'a Z report is immutable'); END;

-- Which closed shifts each Z took in (every shift ends up in exactly one Z).
CREATE TABLE z_shifts (
  z_id      INTEGER NOT NULL REFERENCES z_reports(id),
  shift_id  INTEGER NOT NULL UNIQUE REFERENCES shifts(id)
) STRICT;
CREATE TRIGGER z_shifts_no_update BEFORE UPDATE ON z_shifts
  BEGIN SELECT RAISE(ABORT, 'a Z report is immutable'); END;
CREATE TRIGGER z_shifts_no_delete BEFORE DELETE ON z_shifts
  BEGIN SELECT RAISE(ABORT, 'a Z report is immutable'); END;

-- Per-day rollups, one row per figure of a Z (dimension + key), written in the Z's transaction:
-- a month or a year is a sum over these rows, never a scan of the documents.
CREATE TABLE day_rollups (
  z_id          INTEGER NOT NULL REFERENCES z_reports(id),
  register_id   TEXT NOT NULL,
  business_day  TEXT NOT NULL,
  dimension     TEXT NOT NULL,
  key           TEXT NOT NULL,
  count         INTEGER NOT NULL,
  amount_minor  INTEGER NOT NULL,
  tax_minor     INTEGER NOT NULL,
  PRIMARY KEY (register_id, business_day, dimension, key)
) STRICT;
CREATE TRIGGER day_rollups_no_update BEFORE UPDATE ON day_rollups
  BEGIN SELECT RAISE(ABORT, 'rollups are immutable'); END;
CREATE TRIGGER day_rollups_no_delete BEFORE DELETE ON day_rollups
  BEGIN SELECT RAISE(ABORT, 'rollups are immutable'); END;

-- The print queue also prints reports and slips (X, Z, cash movements): their paper is stored
-- with the job as a receipt document (JSON), because an X report is a moment's snapshot.
CREATE TABLE print_jobs_v5 (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL CHECK (kind IN ('receipt', 'drawer', 'report')),
  document_id      TEXT REFERENCES documents(id),
  copy_no          INTEGER NOT NULL DEFAULT 0 CHECK (copy_no >= 0),
  state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'printed', 'cancelled')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  last_error       TEXT,
  reason           TEXT,
  operator_id      INTEGER,
  created_at       INTEGER NOT NULL,
  finished_at      INTEGER,
  content          TEXT,                                -- kind 'report': the receipt document to print
  CHECK (kind <> 'report' OR content IS NOT NULL)
) STRICT;
INSERT INTO print_jobs_v5 (id, kind, document_id, copy_no, state, attempts, next_attempt_at, last_error, reason, operator_id, created_at, finished_at)
  SELECT id, kind, document_id, copy_no, state, attempts, next_attempt_at, last_error, reason, operator_id, created_at, finished_at FROM print_jobs;
DROP TABLE print_jobs;
ALTER TABLE print_jobs_v5 RENAME TO print_jobs;
CREATE INDEX print_jobs_pending ON print_jobs(state, id);
CREATE INDEX print_jobs_document ON print_jobs(document_id, copy_no);
`;
