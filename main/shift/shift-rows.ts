// The shift tables as rows, and the one question every money path asks: is there an open shift
// on this register? A sale, refund or void completes only inside one.
import type {
  CashCountPurpose,
  CashCountView,
  CashMovementView,
  DenominationCountView,
  ExpectedCashView,
  ShiftCountResultView,
  ShiftView,
} from '../../preload/contract/shift-views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { handoverOf } from './handover';

export interface ShiftRow {
  id: number;
  register_id: string;
  business_day: string;
  operator_id: number;
  opened_at: number;
  float_minor: number;
  float_source: 'counted' | 'carried';
  carried_from_shift_id: number | null;
  state: ShiftView['state'];
  expected_minor: number | null;
  expected: string | null;
  counted_minor: number | null;
  difference_minor: number | null;
  closed_at: number | null;
  closed_by: number | null;
  force_reason: string | null;
}

interface CountRow {
  id: number;
  purpose: CashCountPurpose;
  counts: string;
  total_minor: number;
  operator_name: string | null;
  counted_at: number;
}

interface MovementRow {
  id: number;
  shift_id: number;
  kind: CashMovementView['kind'];
  amount_minor: number;
  reason: string;
  operator_name: string | null;
  approver_name: string | null;
  at: number;
}

/** The register's shift that is not closed yet (open or being counted), if any. */
export function liveShift(db: Db, registerId: string): ShiftRow | null {
  return (sql(db, "SELECT * FROM shifts WHERE register_id = ? AND state <> 'closed'").get(registerId) as ShiftRow | undefined) ?? null;
}

/** The shift a new document or cash movement goes into; refuses when there is none to sell in. */
export function requireOpenShift(db: Db, registerId: string): ShiftRow {
  const shift = liveShift(db, registerId);
  if (!shift || shift.state !== 'open') throw new ServiceError('shift.not_open', { state: shift?.state ?? 'none' });
  return shift;
}

export function findShift(db: Db, id: number): ShiftRow {
  const row = sql(db, 'SELECT * FROM shifts WHERE id = ?').get(id) as ShiftRow | undefined;
  if (!row) throw new ServiceError('shift.not_found', { shiftId: id });
  return row;
}

function operatorName(db: Db, id: number | null): string | null {
  if (id === null) return null;
  return (sql(db, 'SELECT name FROM operators WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '';
}

function countView(r: CountRow): CashCountView {
  return {
    id: r.id,
    purpose: r.purpose,
    counts: JSON.parse(r.counts) as DenominationCountView[],
    totalMinor: r.total_minor,
    operatorName: r.operator_name ?? '',
    countedAt: r.counted_at,
  };
}

export function shiftCount(db: Db, shiftId: number, purpose: CashCountPurpose): CashCountView | null {
  const row = sql(
    db,
    'SELECT c.id, c.purpose, c.counts, c.total_minor, o.name AS operator_name, c.counted_at FROM cash_counts c LEFT JOIN operators o ON o.id = c.operator_id WHERE c.shift_id = ? AND c.purpose = ?',
  ).get(shiftId, purpose) as CountRow | undefined;
  return row ? countView(row) : null;
}

export function shiftMovements(db: Db, shiftId: number): CashMovementView[] {
  const rows = sql(
    db,
    `SELECT m.id, m.shift_id, m.kind, m.amount_minor, m.reason, o.name AS operator_name, a.name AS approver_name, m.at
       FROM cash_movements m LEFT JOIN operators o ON o.id = m.operator_id LEFT JOIN operators a ON a.id = m.approver_id
      WHERE m.shift_id = ? ORDER BY m.id`,
  ).all(shiftId) as MovementRow[];
  return rows.map(movementView);
}

export function movementView(r: MovementRow): CashMovementView {
  return {
    id: r.id,
    shiftId: r.shift_id,
    kind: r.kind,
    amountMinor: r.amount_minor,
    reason: r.reason,
    operatorName: r.operator_name ?? '',
    approverName: r.approver_name,
    at: r.at,
  };
}

export function getMovement(db: Db, id: number): CashMovementView {
  const row = sql(
    db,
    `SELECT m.id, m.shift_id, m.kind, m.amount_minor, m.reason, o.name AS operator_name, a.name AS approver_name, m.at
       FROM cash_movements m LEFT JOIN operators o ON o.id = m.operator_id LEFT JOIN operators a ON a.id = m.approver_id WHERE m.id = ?`,
  ).get(id) as MovementRow | undefined;
  if (!row) throw new ServiceError('shift.not_found', { movementId: id });
  return movementView(row);
}

/** The shift as the till shows it: no expected cash in here. */
export function shiftView(db: Db, row: ShiftRow): ShiftView {
  return {
    id: row.id,
    registerId: row.register_id,
    businessDay: row.business_day,
    operatorId: row.operator_id,
    operatorName: operatorName(db, row.operator_id) ?? '',
    openedAt: row.opened_at,
    floatMinor: row.float_minor,
    floatSource: row.float_source,
    state: row.state,
    movements: shiftMovements(db, row.id),
    closedAt: row.closed_at,
    closedByName: operatorName(db, row.closed_by),
    forceReason: row.force_reason,
    handover: handoverOf(db, row),
  };
}

/** The expected cash frozen on the shift at its count or force-close. */
export function frozenExpected(row: ShiftRow): ExpectedCashView | null {
  return row.expected === null ? null : (JSON.parse(row.expected) as ExpectedCashView);
}

/** Stores one count of the drawer (opening, closing or recount). */
export function insertCount(
  db: Db,
  shiftId: number,
  purpose: 'opening' | 'closing' | 'recount',
  counts: DenominationCountView[],
  total: number,
  operatorId: number,
  now: number,
): number {
  const info = sql(db, 'INSERT INTO cash_counts (shift_id, purpose, counts, total_minor, operator_id, counted_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    shiftId,
    purpose,
    JSON.stringify(counts),
    total,
    operatorId,
    now,
  );
  return Number(info.lastInsertRowid);
}

/** A counting or closed shift with its standing count and over/short. */
export function countResult(db: Db, row: ShiftRow): ShiftCountResultView {
  const expected = frozenExpected(row);
  const count = shiftCount(db, row.id, 'closing');
  if (!expected || !count || row.counted_minor === null || row.difference_minor === null) throw new ServiceError('shift.not_counting', { shiftId: row.id });
  const recount = shiftCount(db, row.id, 'recount');
  return {
    shift: shiftView(db, row),
    expected,
    count,
    recount,
    countedMinor: row.counted_minor,
    differenceMinor: row.difference_minor,
    recountAllowed: row.state === 'counting' && recount === null,
  };
}
