import type { Role } from '../../preload/contract/primitives';
import type { OperatorView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { hashPin, verifyPin, type PinParams } from './pin-hash';
import { ServiceError } from '../common/service-error';
import { sql } from '../ledger/statements';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 30 * 60 * 1000;

export interface OperatorRow {
  id: number;
  name: string;
  role: Role;
  pin_hash: Buffer;
  pin_salt: Buffer;
  pin_params: string;
  failed_attempts: number;
  locked_until: number | null;
  active: number;
  number: number;
  badge_hash: Buffer | null;
  training: number;
}

export function operatorCount(db: Db): number {
  return (sql(db, 'SELECT COUNT(*) AS n FROM operators').get() as { n: number }).n;
}

function toView(row: OperatorRow, now: number): OperatorView {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    role: row.role,
    active: row.active === 1,
    locked: row.locked_until !== null && row.locked_until > now,
    hasBadge: row.badge_hash !== null,
    training: row.training === 1,
  };
}

export function findRow(db: Db, id: number): OperatorRow | undefined {
  return sql(db, 'SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow | undefined;
}

export function getOperator(db: Db, id: number, now: number): OperatorView | null {
  const row = findRow(db, id);
  return row ? toView(row, now) : null;
}

/** Who is making a call, as the router checks it on every request: no PIN hash or salt is read. */
export interface CallerRow {
  id: number;
  name: string;
  role: Role;
  active: number;
}

export function callerOf(db: Db, id: number): CallerRow | null {
  return (sql(db, 'SELECT id, name, role, active FROM operators WHERE id = ?').get(id) as CallerRow | undefined) ?? null;
}

/**
 * Owner first, then supervisors, then cashiers, each by name; the back office also lists the
 * deactivated (last), the login screen does not.
 */
export function listOperators(db: Db, now: number, withInactive = false): OperatorView[] {
  const rows = sql(
    db,
    `SELECT * FROM operators ${withInactive ? '' : 'WHERE active = 1'}
     ORDER BY active DESC, CASE role WHEN 'owner' THEN 0 WHEN 'supervisor' THEN 1 ELSE 2 END, name`,
  ).all() as OperatorRow[];
  return rows.map((r) => toView(r, now));
}

/** PINs anyone would guess first are refused: one digit repeated, or a straight run. */
export function isWeakPin(pin: string): boolean {
  if (/^(\d)\1+$/.test(pin)) return true;
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => d - (digits[i] ?? 0));
  return steps.every((s) => s === 1) || steps.every((s) => s === -1);
}

export function createOperator(db: Db, input: { name: string; pin: string; role: Role }, createdBy: number | null, now: number): OperatorView {
  if (isWeakPin(input.pin)) throw new ServiceError('operator.pin_too_weak');
  return db.transaction(() => {
    const taken = sql(db, 'SELECT 1 FROM operators WHERE name = ?').get(input.name);
    if (taken) throw new ServiceError('operator.name_taken', { name: input.name });
    const { hash, salt, params } = hashPin(input.pin);
    // The next operator number (工号); numbers of removed operators are not given out again.
    const number = ((sql(db, 'SELECT MAX(number) FROM operators').pluck().get() as number | null) ?? 0) + 1;
    const info = db
      .prepare('INSERT INTO operators (name, role, pin_hash, pin_salt, pin_params, created_at, number) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(input.name, input.role, hash, salt, JSON.stringify(params), now, number);
    const id = Number(info.lastInsertRowid);
    appendJournal(db, createdBy === null ? 'setup.owner_created' : 'operator.created', { operatorId: id, name: input.name, role: input.role, createdBy }, now);
    const row = findRow(db, id);
    if (!row) throw new Error('operator vanished after insert');
    return toView(row, now);
  })();
}

/** How an operator proved who they are: picked from the list, typed their number, or scanned their badge (and then a PIN). */
export type LoginMethod = 'pin' | 'number' | 'badge_pin' | 'badge';

export type LoginOutcome = { ok: true; operator: OperatorView } | { ok: false; error: ServiceError };

/**
 * Checks a PIN. Failures are counted in the ledger (they survive a restart); the fifth in a row
 * locks the operator for 30 minutes or until a supervisor unlocks. Each failure and lockout is
 * journalled, and committed even though the login is refused.
 */
export function login(db: Db, operatorId: number, pin: string, now: number, method: LoginMethod = 'pin'): LoginOutcome {
  return db.transaction((): LoginOutcome => {
    const row = findRow(db, operatorId);
    if (!row) return { ok: false, error: new ServiceError('operator.not_found') };
    if (row.active !== 1) {
      // Staff who left trying the till: the owner sees each attempt (journalled, committed though refused).
      appendJournal(
        db,
        'session.login_refused',
        method === 'pin' ? { operatorId: row.id, reason: 'deactivated' } : { operatorId: row.id, reason: 'deactivated', method },
        now,
      );
      return { ok: false, error: new ServiceError('session.deactivated') };
    }
    if (row.locked_until !== null && row.locked_until > now) {
      return { ok: false, error: new ServiceError('session.locked', { until: row.locked_until }) };
    }
    const good = verifyPin(pin, row.pin_hash, row.pin_salt, JSON.parse(row.pin_params) as PinParams);
    if (good) {
      sql(db, 'UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(row.id);
      appendJournal(db, 'session.login', method === 'pin' ? { operatorId: row.id } : { operatorId: row.id, method }, now);
      return { ok: true, operator: toView({ ...row, failed_attempts: 0, locked_until: null }, now) };
    }
    // A lock that has expired starts a fresh count.
    const previous = row.locked_until !== null ? 0 : row.failed_attempts;
    const failures = previous + 1;
    appendJournal(db, 'session.login_failed', { operatorId: row.id, consecutiveFailures: failures }, now);
    if (failures >= MAX_FAILED_LOGINS) {
      const until = now + LOCKOUT_MS;
      sql(db, 'UPDATE operators SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(failures, until, row.id);
      appendJournal(db, 'session.lockout', { operatorId: row.id, until }, now);
      return { ok: false, error: new ServiceError('session.locked', { until }) };
    }
    sql(db, 'UPDATE operators SET failed_attempts = ?, locked_until = NULL WHERE id = ?').run(failures, row.id);
    return { ok: false, error: new ServiceError('session.wrong_pin', { attemptsLeft: MAX_FAILED_LOGINS - failures }) };
  })();
}

export function unlockOperator(db: Db, operatorId: number, by: number, now: number): OperatorView {
  return db.transaction(() => {
    const row = findRow(db, operatorId);
    if (!row) throw new ServiceError('operator.not_found');
    sql(db, 'UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(operatorId);
    appendJournal(db, 'operator.unlocked', { operatorId, by }, now);
    return toView({ ...row, failed_attempts: 0, locked_until: null }, now);
  })();
}

/** A supervisor's PIN typed at the counter to approve one action; counts toward their lockout. */
export function verifyApprover(db: Db, operatorId: number, pin: string, now: number): OperatorView {
  const outcome = login(db, operatorId, pin, now);
  if (!outcome.ok) throw new ServiceError('sale.approver_invalid', { ...outcome.error.params, reason: outcome.error.code });
  if (outcome.operator.role === 'cashier') throw new ServiceError('sale.approver_invalid', { reason: 'session.forbidden' });
  return outcome.operator;
}
