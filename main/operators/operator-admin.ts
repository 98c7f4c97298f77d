// The owner's changes to an existing operator: deactivate (staff who left) or reactivate, set a new
// PIN (a forgotten one), change the role. Each change and its journal entry commit together; a PIN
// or its hash never goes into the journal. The shop is never left without an active owner, and an
// owner cannot lock themselves out: the router reads role and active on every call, so a change
// takes effect with the operator's next call.
import type { Role } from '../../preload/contract/primitives';
import type { OperatorView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { findRow, getOperator, isWeakPin, type OperatorRow } from './operators';
import { dropBadge } from './badges';
import { hashPin } from './pin-hash';

function existing(db: Db, operatorId: number): OperatorRow {
  const row = findRow(db, operatorId);
  if (!row) throw new ServiceError('operator.not_found');
  return row;
}

function viewOf(db: Db, operatorId: number, now: number): OperatorView {
  const view = getOperator(db, operatorId, now);
  if (!view) throw new Error('operator vanished');
  return view;
}

/**
 * An active owner is about to stop being one (deactivated or demoted): refused when it is the last
 * active owner, or the caller themselves (the one who could undo it is the one losing access).
 */
function mayTakeAway(db: Db, row: OperatorRow, by: number): void {
  if (row.role === 'owner' && row.active === 1) {
    const owners = sql(db, "SELECT COUNT(*) FROM operators WHERE role = 'owner' AND active = 1").pluck().get() as number;
    if (owners <= 1) throw new ServiceError('operator.last_owner', { name: row.name });
  }
  if (row.id === by) throw new ServiceError('operator.cannot_change_self');
}

/**
 * Deactivated operators cannot log in (PIN, number or badge); their past documents keep their name.
 * Deactivating revokes their badge, and reactivating does not give it back: a badge is a key that
 * was out of the shop's hands while they were gone (kept, lent, copied), so the owner issues a new
 * one. A badge an older version left on a deactivated operator is revoked when they come back.
 */
export function setOperatorActive(db: Db, input: { operatorId: number; active: boolean }, by: number, now: number): OperatorView {
  return db.transaction(() => {
    const row = existing(db, input.operatorId);
    const active = input.active ? 1 : 0;
    if (row.active === active) return viewOf(db, row.id, now);
    if (!input.active) mayTakeAway(db, row, by);
    // A fresh start either way: failures counted before the change are not held against them.
    sql(db, 'UPDATE operators SET active = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(active, row.id);
    appendJournal(db, input.active ? 'operator.reactivated' : 'operator.deactivated', { operatorId: row.id, by }, now);
    dropBadge(db, row, by, now);
    return viewOf(db, row.id, now);
  })();
}

/**
 * An HQ operators version has set whether an operator (`row`, as it was before) may log in: a change
 * is journalled as the owner's would be, with the version for its author, and a deactivation
 * revokes the badge as it does here. So does a version that says again that someone is out while a
 * badge is still on their row (applied before HQ's deactivations revoked badges), and, as here, one
 * that brings them back. Inside the version's transaction.
 */
export function followHqActive(db: Db, row: Pick<OperatorRow, 'id' | 'active' | 'badge_hash'>, active: boolean, hqVersion: number, now: number): void {
  const changed = row.active !== (active ? 1 : 0);
  if (changed) appendJournal(db, active ? 'operator.reactivated' : 'operator.deactivated', { operatorId: row.id, by: null, hqVersion }, now);
  if (changed || !active) dropBadge(db, row, { hqVersion }, now);
}

/** A new PIN set by the owner, under the same rules as a new operator's; it lifts a lockout. */
export function resetOperatorPin(db: Db, input: { operatorId: number; pin: string }, by: number, now: number): OperatorView {
  if (isWeakPin(input.pin)) throw new ServiceError('operator.pin_too_weak');
  return db.transaction(() => {
    const row = existing(db, input.operatorId);
    const { hash, salt, params } = hashPin(input.pin);
    sql(db, 'UPDATE operators SET pin_hash = ?, pin_salt = ?, pin_params = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(
      hash,
      salt,
      JSON.stringify(params),
      row.id,
    );
    const wasLocked = row.locked_until !== null && row.locked_until > now;
    appendJournal(db, 'operator.pin_reset', { operatorId: row.id, by, unlocked: wasLocked }, now);
    return viewOf(db, row.id, now);
  })();
}

export function setOperatorRole(db: Db, input: { operatorId: number; role: Role }, by: number, now: number): OperatorView {
  return db.transaction(() => {
    const row = existing(db, input.operatorId);
    if (row.role === input.role) return viewOf(db, row.id, now);
    if (row.role === 'owner') mayTakeAway(db, row, by);
    if (row.id === by) throw new ServiceError('operator.cannot_change_self');
    sql(db, 'UPDATE operators SET role = ? WHERE id = ?').run(input.role, row.id);
    appendJournal(db, 'operator.role_changed', { operatorId: row.id, by, from: row.role, to: input.role }, now);
    return viewOf(db, row.id, now);
  })();
}
