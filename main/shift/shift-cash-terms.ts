// The sums behind a shift's expected cash: its completed documents' cash and its movements.
import type { ExpectedCashView } from '../../preload/contract/shift-views';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { expectedCash } from './expected-cash';
import type { ShiftRow } from './shift-rows';

/** The sums behind the expected cash of one shift, read from its completed documents and its movements. */
export function shiftCashTerms(db: Db, row: Pick<ShiftRow, 'id' | 'float_minor'>): ExpectedCashView {
  const docs = sql(
    db,
    `SELECT COALESCE(SUM(CASE WHEN d.kind = 'sale' THEN p.tendered_minor END), 0) AS taken,
            COALESCE(SUM(CASE WHEN d.kind = 'sale' THEN p.change_minor END), 0) AS change,
            COALESCE(SUM(CASE WHEN d.kind = 'refund' THEN p.amount_minor END), 0) AS refunds,
            COALESCE(SUM(CASE WHEN d.kind = 'void' THEN p.amount_minor END), 0) AS voids
       FROM documents d JOIN payments p ON p.document_pk = d.pk
      WHERE d.shift_id = ? AND d.status = 'completed' AND d.training = 0 AND p.method = 'cash'`,
  ).get(row.id) as { taken: number; change: number; refunds: number; voids: number };
  const moves = sql(
    db,
    `SELECT COALESCE(SUM(CASE WHEN kind = 'paid_in' THEN amount_minor END), 0) AS paid_in,
            COALESCE(SUM(CASE WHEN kind = 'float_top_up' THEN amount_minor END), 0) AS top_up,
            COALESCE(SUM(CASE WHEN kind = 'paid_out' THEN amount_minor END), 0) AS paid_out,
            COALESCE(SUM(CASE WHEN kind = 'safe_drop' THEN amount_minor END), 0) AS safe_drop
       FROM cash_movements WHERE shift_id = ?`,
  ).get(row.id) as { paid_in: number; top_up: number; paid_out: number; safe_drop: number };
  return expectedCash({
    floatMinor: row.float_minor,
    cashTakenMinor: docs.taken,
    changeGivenMinor: docs.change,
    paidInMinor: moves.paid_in,
    floatTopUpMinor: moves.top_up,
    paidOutMinor: moves.paid_out,
    safeDropMinor: moves.safe_drop,
    cashRefundsMinor: docs.refunds,
    cashVoidsMinor: docs.voids,
  });
}
