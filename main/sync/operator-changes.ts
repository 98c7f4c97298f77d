// When this till last changed each operator itself, read from its journal (the source of truth):
// created here, a PIN reset, a role change, deactivated or let in again by the owner. Entries an
// HQ version wrote (by: null) are HQ's changes, not the till's. An operators version from HQ
// applies an operator only when HQ changed it later than that (apply-operators.ts), so the newer
// change wins whichever arrives last: a till that was offline does not lose the PIN its owner
// set after HQ's last word on that person, and HQ's later change reaches every till.
import type { Db } from '../ledger/database';
import { INDEXED_KINDS } from '../ledger/journal-kind-index';
import { sql } from '../ledger/statements';

const OWN_CHANGES = ['setup.owner_created', 'operator.created', 'operator.pin_reset', 'operator.role_changed', 'operator.deactivated', 'operator.reactivated'];

/** Operator id → the moment (this till's clock) of the till's own last change of that operator. */
export function localOperatorChanges(db: Db): Map<number, number> {
  const rows = sql(
    db,
    `SELECT json_extract(payload, '$.data.operatorId') AS id, MAX(at) AS at FROM journal
      WHERE ${INDEXED_KINDS} AND kind IN (${OWN_CHANGES.map(() => '?').join(', ')})
        AND (json_type(payload, '$.data.by') IS NULL OR json_type(payload, '$.data.by') <> 'null')
      GROUP BY id`,
  ).all(...OWN_CHANGES) as { id: number | null; at: number }[];
  const changes = new Map<number, number>();
  for (const r of rows) if (typeof r.id === 'number') changes.set(r.id, r.at);
  return changes;
}

/** HQ's clock minus ours, as the link learnt it (HQ's stamps are in HQ's time). */
export function hqClockOffset(db: Db): number {
  const row = sql(db, 'SELECT clock_offset_ms AS offset FROM sync_link WHERE id = 1').get() as { offset: number } | undefined;
  return row?.offset ?? 0;
}
