// The durable print queue. A job row is written in the same transaction as the sale it prints,
// so a receipt can never be lost to a crash or a dead printer; the worker only moves it forward.
export const printing = `
CREATE TABLE print_jobs (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL CHECK (kind IN ('receipt', 'drawer')),
  document_id      TEXT REFERENCES documents(id),
  -- 0 = the original receipt; 1, 2, ... = duplicate copy numbers (reprints).
  copy_no          INTEGER NOT NULL DEFAULT 0 CHECK (copy_no >= 0),
  -- 'sending' is only ever seen after a crash mid-send; opening the register requeues it.
  state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'printed', 'cancelled')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  last_error       TEXT,
  reason           TEXT,
  operator_id      INTEGER,
  created_at       INTEGER NOT NULL,
  finished_at      INTEGER
) STRICT;
CREATE INDEX print_jobs_pending ON print_jobs(state, id);
CREATE INDEX print_jobs_document ON print_jobs(document_id, copy_no);
`;
