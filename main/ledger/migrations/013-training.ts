// Training mode (issue 17). Training documents live in the same tables as real ones, flagged
// (as DSFinV-K's AVTraining and RKSV's TRA receipts do: same structure, chained, marked), so
// every query that adds up money says `training = 0` and every screen and receipt can show the
// mark. Their numbers are a series of their own, kept negative in receipt_no so that the one
// UNIQUE (register_id, receipt_no) keeps both series apart without rebuilding the table; the
// views show them positive beside the training mark.
export const training = `
ALTER TABLE documents ADD COLUMN training INTEGER NOT NULL DEFAULT 0 CHECK (training IN (0, 1));
ALTER TABLE operators ADD COLUMN training INTEGER NOT NULL DEFAULT 0 CHECK (training IN (0, 1));
CREATE TABLE training_registers (
  register_id  TEXT PRIMARY KEY
) STRICT;
`;
