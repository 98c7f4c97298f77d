// The records of the drawer and the day close that an upload carries: shifts as they opened and
// closed, cash counts, cash movements and the Z, each read from the register's own tables for the
// journal entry that references it. HQ checks each against that entry (hq/ingest/cash-records.ts).
import type { WireCashCount, WireCashMovement, WireShift, WireShiftClose, WireZReport } from '../../preload/contract/hq-wire';
import type { Db } from '../ledger/database';
import type { JournalEntry } from '../ledger/journal';
import { sql } from '../ledger/statements';

function missing(entry: JournalEntry, what: string): Error {
  return new Error(`journal entry ${entry.seq} (${entry.kind}) names ${what}, which the ledger does not hold`);
}

interface ShiftRow {
  id: number;
  register_id: string;
  business_day: string;
  operator_id: number;
  opened_at: number;
  float_minor: number;
  float_source: 'counted' | 'carried';
  carried_from_shift_id: number | null;
  expected_minor: number | null;
  expected: string | null;
  counted_minor: number | null;
  difference_minor: number | null;
  closed_at: number | null;
  closed_by: number | null;
  force_reason: string | null;
}

function shiftRow(db: Db, entry: JournalEntry, id: unknown): ShiftRow {
  const row = sql(db, 'SELECT * FROM shifts WHERE id = ?').get(Number(id)) as ShiftRow | undefined;
  if (!row) throw missing(entry, `shift ${String(id)}`);
  return row;
}

export function readShift(db: Db, entry: JournalEntry, data: Record<string, unknown>): WireShift {
  const s = shiftRow(db, entry, data.shiftId);
  return {
    seq: entry.seq,
    id: s.id,
    registerId: s.register_id,
    businessDay: s.business_day,
    operatorId: s.operator_id,
    openedAt: s.opened_at,
    floatMinor: s.float_minor,
    floatSource: s.float_source,
    carriedFromShiftId: s.carried_from_shift_id,
  };
}

export function readShiftClose(db: Db, entry: JournalEntry, data: Record<string, unknown>): WireShiftClose {
  const s = shiftRow(db, entry, data.shiftId);
  if (s.closed_at === null || s.closed_by === null || s.expected_minor === null || s.expected === null) throw missing(entry, `the close of shift ${s.id}`);
  return {
    seq: entry.seq,
    shiftId: s.id,
    closedAt: s.closed_at,
    closedBy: s.closed_by,
    expectedMinor: s.expected_minor,
    expected: JSON.parse(s.expected) as Record<string, unknown>,
    countedMinor: s.counted_minor,
    differenceMinor: s.difference_minor,
    forceReason: s.force_reason,
  };
}

/** shift.opened names no count: its count is the shift's opening one; shift.counted names its count. */
export function readCashCount(db: Db, entry: JournalEntry, data: Record<string, unknown>): WireCashCount {
  const row = (
    entry.kind === 'shift.opened'
      ? sql(db, "SELECT * FROM cash_counts WHERE shift_id = ? AND purpose = 'opening'").get(Number(data.shiftId))
      : sql(db, 'SELECT * FROM cash_counts WHERE id = ?').get(Number(data.countId))
  ) as
    | { id: number; shift_id: number; purpose: WireCashCount['purpose']; counts: string; total_minor: number; operator_id: number; counted_at: number }
    | undefined;
  if (!row) throw missing(entry, `a cash count of shift ${String(data.shiftId)}`);
  return {
    seq: entry.seq,
    id: row.id,
    shiftId: row.shift_id,
    purpose: row.purpose,
    counts: JSON.parse(row.counts) as WireCashCount['counts'],
    totalMinor: row.total_minor,
    operatorId: row.operator_id,
    countedAt: row.counted_at,
  };
}

export function readCashMovement(db: Db, entry: JournalEntry, data: Record<string, unknown>): WireCashMovement {
  const m = sql(db, 'SELECT * FROM cash_movements WHERE id = ?').get(Number(data.movementId)) as
    | {
        id: number;
        shift_id: number;
        register_id: string;
        kind: WireCashMovement['kind'];
        amount_minor: number;
        reason: string;
        operator_id: number;
        approver_id: number | null;
        at: number;
      }
    | undefined;
  if (!m) throw missing(entry, `cash movement ${String(data.movementId)}`);
  return {
    seq: entry.seq,
    id: m.id,
    shiftId: m.shift_id,
    registerId: m.register_id,
    kind: m.kind,
    amountMinor: m.amount_minor,
    reason: m.reason,
    operatorId: m.operator_id,
    approverId: m.approver_id,
    at: m.at,
  };
}

export function readZReport(db: Db, entry: JournalEntry, data: Record<string, unknown>): WireZReport {
  const z = sql(db, 'SELECT * FROM z_reports WHERE id = ?').get(Number(data.zId)) as
    | {
        id: number;
        z_no: number;
        register_id: string;
        business_day: string;
        closed_at: number;
        operator_id: number;
        first_receipt_no: number | null;
        last_receipt_no: number | null;
        grand_total_before_minor: number;
        grand_total_after_minor: number;
        last_journal_seq: number;
        figures: string;
      }
    | undefined;
  if (!z) throw missing(entry, `Z ${String(data.zId)}`);
  const shiftIds = (sql(db, 'SELECT shift_id FROM z_shifts WHERE z_id = ? ORDER BY shift_id').all(z.id) as { shift_id: number }[]).map((r) => r.shift_id);
  return {
    seq: entry.seq,
    id: z.id,
    zNo: z.z_no,
    registerId: z.register_id,
    businessDay: z.business_day,
    closedAt: z.closed_at,
    operatorId: z.operator_id,
    firstReceiptNo: z.first_receipt_no,
    lastReceiptNo: z.last_receipt_no,
    grandTotalBeforeMinor: z.grand_total_before_minor,
    grandTotalAfterMinor: z.grand_total_after_minor,
    lastJournalSeq: z.last_journal_seq,
    shiftIds,
    figures: JSON.parse(z.figures) as Record<string, unknown>,
  };
}
