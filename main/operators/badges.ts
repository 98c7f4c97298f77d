// Operator badges and operator numbers. A badge is a code printed as a Code 128 barcode and a QR
// code: "B<number>-<secret>", where the number (工号) says whose badge it is and the secret, 80
// random bits, proves it. Only the secret's scrypt hash is kept, like a PIN's; issuing a new badge
// replaces the old one, and a lost badge is revoked in one step.
import { randomInt } from 'node:crypto';
import type { BadgeLoginView, OperatorView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { findRow, getOperator, login, type LoginOutcome, type OperatorRow } from './operators';
import { hashPin, verifyPin, type PinParams } from './pin-hash';

// No 0/O, 1/I: a badge may have to be typed from its printed text.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const SECRET_LENGTH = 16;
const BADGE = /^B([1-9][0-9]{0,5})-([A-Z2-9]{16})$/;

export function parseBadge(code: string): { number: number; secret: string } | null {
  // A scanner with Caps Lock on types the letters in lower case.
  const m = BADGE.exec(code.trim().toUpperCase());
  return m ? { number: Number(m[1]), secret: m[2] ?? '' } : null;
}

function newSecret(): string {
  return Array.from({ length: SECRET_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** Deactivated operators too: their login is refused as deactivated, not as unknown. */
function operatorIdByNumber(db: Db, number: number): number | undefined {
  return sql(db, 'SELECT id FROM operators WHERE number = ?').pluck().get(number) as number | undefined;
}

export function issueBadge(db: Db, operatorId: number, by: number, now: number): { operator: OperatorView; code: string } {
  return db.transaction(() => {
    const row = findRow(db, operatorId);
    if (!row || row.active !== 1) throw new ServiceError('operator.not_found');
    const secret = newSecret();
    const { hash, salt, params } = hashPin(secret);
    sql(db, 'UPDATE operators SET badge_hash = ?, badge_salt = ?, badge_params = ?, badge_issued_at = ? WHERE id = ?').run(
      hash,
      salt,
      JSON.stringify(params),
      now,
      operatorId,
    );
    appendJournal(db, 'operator.badge_issued', { operatorId, by, replaced: row.badge_hash !== null }, now);
    const operator = getOperator(db, operatorId, now);
    if (!operator) throw new Error('operator vanished');
    return { operator, code: `B${row.number}-${secret}` };
  })();
}

/**
 * Clears the operator's badge, if they have one, and journals it (inside the caller's transaction):
 * `by` is the operator who did it here, or the HQ operators version that did it.
 */
export function dropBadge(db: Db, row: Pick<OperatorRow, 'id' | 'badge_hash'>, by: number | { hqVersion: number }, now: number): void {
  if (row.badge_hash === null) return;
  sql(db, 'UPDATE operators SET badge_hash = NULL, badge_salt = NULL, badge_params = NULL, badge_issued_at = NULL WHERE id = ?').run(row.id);
  appendJournal(db, 'operator.badge_revoked', typeof by === 'number' ? { operatorId: row.id, by } : { operatorId: row.id, by: null, ...by }, now);
}

export function revokeBadge(db: Db, operatorId: number, by: number, now: number): OperatorView {
  return db.transaction(() => {
    const row = findRow(db, operatorId);
    if (!row) throw new ServiceError('operator.not_found');
    dropBadge(db, row, by, now);
    const operator = getOperator(db, operatorId, now);
    if (!operator) throw new Error('operator vanished');
    return operator;
  })();
}

interface BadgeRow {
  id: number;
  role: string;
  active: number;
  locked_until: number | null;
  badge_hash: Buffer | null;
  badge_salt: Buffer | null;
  badge_params: string | null;
}

/**
 * The operator a scanned badge belongs to, or `session.badge_invalid`. A bad badge is journalled
 * but does not count towards the operator's lockout: anyone can print a barcode with someone's
 * number on it.
 */
function badgeOwner(db: Db, code: string, now: number): BadgeRow {
  const parsed = parseBadge(code);
  const id = parsed ? operatorIdByNumber(db, parsed.number) : undefined;
  const row =
    id === undefined
      ? undefined
      : (sql(db, 'SELECT id, role, active, locked_until, badge_hash, badge_salt, badge_params FROM operators WHERE id = ?').get(id) as BadgeRow);
  const good =
    parsed !== null &&
    row?.badge_hash != null &&
    row.badge_salt !== null &&
    row.badge_params !== null &&
    verifyPin(parsed.secret, row.badge_hash, row.badge_salt, JSON.parse(row.badge_params) as PinParams);
  if (!good || !row) {
    appendJournal(db, 'session.badge_failed', { operatorNumber: parsed?.number ?? null }, now);
    throw new ServiceError('session.badge_invalid');
  }
  // The badge is theirs, but they no longer work here: refused like their PIN. (Deactivating revokes
  // the badge, so only a row an older version deactivated gets here.)
  if (row.active !== 1) {
    appendJournal(db, 'session.login_refused', { operatorId: row.id, reason: 'deactivated', method: 'badge' }, now);
    throw new ServiceError('session.deactivated');
  }
  return row;
}

/**
 * A supervisor's or owner's badge scanned into the cashier's approval dialog: the badge alone
 * approves, as the PIN alone does. Refused, as a wrong PIN is, with the reason: a bad or revoked
 * badge, a locked operator, or a cashier's badge.
 */
export function verifyBadgeApprover(db: Db, code: string, now: number): OperatorView {
  let row: BadgeRow;
  try {
    row = badgeOwner(db, code, now);
  } catch (error) {
    if (error instanceof ServiceError) throw new ServiceError('sale.approver_invalid', { reason: error.code });
    throw error;
  }
  if (row.locked_until !== null && row.locked_until > now)
    throw new ServiceError('sale.approver_invalid', { until: row.locked_until, reason: 'session.locked' });
  if (row.role === 'cashier') throw new ServiceError('sale.approver_invalid', { reason: 'session.forbidden' });
  const operator = getOperator(db, row.id, now);
  if (!operator) throw new ServiceError('sale.approver_invalid', { reason: 'operator.not_found' });
  return operator;
}

/**
 * Checks a scanned badge. A cashier whose owner allows it is logged in at once; anyone else is
 * picked and then sends the badge again with their PIN.
 */
export function loginByBadge(
  db: Db,
  input: { code: string; pin?: string | undefined },
  badgeOnlyForCashiers: boolean,
  now: number,
): { operatorId: number; loggedIn: boolean } {
  const row = badgeOwner(db, input.code, now);
  if (row.locked_until !== null && row.locked_until > now) throw new ServiceError('session.locked', { until: row.locked_until });
  if (input.pin !== undefined) {
    const outcome = login(db, row.id, input.pin, now, 'badge_pin');
    if (!outcome.ok) throw outcome.error;
    return { operatorId: row.id, loggedIn: true };
  }
  const loggedIn = badgeOnlyForCashiers && row.role === 'cashier';
  if (loggedIn) {
    sql(db, 'UPDATE operators SET failed_attempts = 0 WHERE id = ?').run(row.id);
    appendJournal(db, 'session.login', { operatorId: row.id, method: 'badge' }, now);
  }
  return { operatorId: row.id, loggedIn };
}

/** The login screen's other way in: operator number and PIN (a till with many staff lists no names). */
export function loginByNumber(db: Db, number: number, pin: string, now: number): LoginOutcome {
  const id = operatorIdByNumber(db, number);
  if (id === undefined) return { ok: false, error: new ServiceError('operator.not_found') };
  return login(db, id, pin, now, 'number');
}

export type { BadgeLoginView };
