// The link's rows: what HQ acknowledged, how the last attempt went, the versions pulled.
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';

export interface SyncLinkRow {
  hq_url: string;
  register_id: string;
  shop_id: string;
  secret: Buffer;
  secret_box: string;
  enrolled_at: number;
  acked_seq: number;
  acked_hash: string | null;
  acked_at: number | null;
  state: 'idle' | 'retrying' | 'refused';
  failures: number;
  last_error: string | null;
  last_error_params: string | null;
  last_attempt_at: number | null;
  next_attempt_at: number | null;
  clock_offset_ms: number;
  down_version: number;
  pulled_at: number | null;
}

export function readLink(db: Db): SyncLinkRow | null {
  return (sql(db, 'SELECT * FROM sync_link WHERE id = 1').get() as SyncLinkRow | undefined) ?? null;
}

export function journalHead(db: Db): number {
  return (sql(db, 'SELECT COALESCE(MAX(seq), 0) AS seq FROM journal').get() as { seq: number }).seq;
}

/** HQ holds our chain up to `head`: the next upload starts after it (HQ's word wins over our memory). */
export function recordAck(db: Db, head: { seq: number; hash: string }, now: number): void {
  sql(
    db,
    "UPDATE sync_link SET acked_seq = ?, acked_hash = ?, acked_at = ?, state = 'idle', failures = 0, last_error = NULL, last_error_params = NULL, last_attempt_at = ?, next_attempt_at = NULL WHERE id = 1",
  ).run(head.seq, head.hash, now, now);
}

export function recordFailure(
  db: Db,
  error: { code: string; params: Record<string, unknown> },
  state: 'retrying' | 'refused',
  nextAttemptAt: number | null,
  now: number,
): void {
  sql(
    db,
    'UPDATE sync_link SET state = ?, failures = failures + 1, last_error = ?, last_error_params = ?, last_attempt_at = ?, next_attempt_at = ? WHERE id = 1',
  ).run(state, error.code, JSON.stringify(error.params), now, nextAttemptAt);
}

export function recordClockOffset(db: Db, offsetMs: number): void {
  sql(db, 'UPDATE sync_link SET clock_offset_ms = ? WHERE id = 1').run(Math.round(offsetMs));
}

export function pendingVersions(db: Db): number {
  return (sql(db, 'SELECT COUNT(*) AS n FROM sync_versions WHERE applied_at IS NULL').get() as { n: number }).n;
}
