// What the X and Z read from the ledger: the completed documents of a business day or of a
// shift (one row each, three queries in all), the shifts' cash, and the journal's count of
// no-sales and duplicates. The adding-up is report-figures.ts.
import type { ReportFiguresView, ShiftCashView } from '../../preload/contract/day-close-views';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { movementTotals } from '../shift/cash-movements';
import { handoverOf } from '../shift/handover';
import { frozenExpected, shiftCount, type ShiftRow } from '../shift/shift-rows';
import { shiftCashTerms } from '../shift/shift-cash-terms';
import { reportFigures, type FigureDocument, type FigurePaymentRow, type FigureTaxRow } from './report-figures';
import { INDEXED_KINDS } from '../ledger/journal-kind-index';

/** Which documents a report covers: a register's business day, or one shift. */
export type ReportScope = { kind: 'day'; registerId: string; businessDay: string } | { kind: 'shift'; shiftId: number };

/** Which journal entries count towards the report's no-sales and duplicates. */
export type JournalSlice = { afterSeq: number; uptoSeq: number } | { fromAt: number; toAt: number | null };

// Training documents (documents.training) count in no figure.
const DAY = "d.register_id = ? AND d.business_day = ? AND d.status = 'completed' AND d.training = 0";
const SHIFT = "d.shift_id = ? AND d.status = 'completed' AND d.training = 0";

function where(scope: ReportScope): { clause: string; args: (string | number)[] } {
  return scope.kind === 'day' ? { clause: DAY, args: [scope.registerId, scope.businessDay] } : { clause: SHIFT, args: [scope.shiftId] };
}

function documentRows(db: Db, scope: ReportScope): FigureDocument[] {
  const w = where(scope);
  return sql(
    db,
    `SELECT d.kind, d.receipt_no AS receiptNo, d.operator_id AS operatorId, d.completed_at AS completedAt, d.total_minor AS totalMinor,
            d.tax_minor AS taxMinor, d.discount_minor AS discountMinor
       FROM documents d WHERE ${w.clause}`,
  ).all(...w.args) as FigureDocument[];
}

function taxRows(db: Db, scope: ReportScope): FigureTaxRow[] {
  const w = where(scope);
  return sql(
    db,
    `SELECT d.kind, l.tax_rate_bp AS rateBp, SUM(l.total_minor) AS grossMinor, SUM(l.tax_minor) AS taxMinor
       FROM documents d JOIN document_lines l ON l.document_pk = d.pk WHERE ${w.clause} GROUP BY d.kind, l.tax_rate_bp`,
  ).all(...w.args) as FigureTaxRow[];
}

function paymentRows(db: Db, scope: ReportScope): FigurePaymentRow[] {
  const w = where(scope);
  return sql(
    db,
    `SELECT d.kind, p.method, COUNT(*) AS count, SUM(p.amount_minor) AS amountMinor
       FROM documents d JOIN payments p ON p.document_pk = d.pk WHERE ${w.clause} GROUP BY d.kind, p.method`,
  ).all(...w.args) as FigurePaymentRow[];
}

/**
 * Exchanges whose new sale the report covers (the return completes with it, in the same shift):
 * the credit that paid the new goods. A cheaper exchange's cash handed back (difference_minor < 0)
 * really left the drawer, so it is not part of it.
 */
function exchangeCreditSpent(db: Db, scope: ReportScope): { count: number; amountMinor: number } {
  const w = where(scope);
  return sql(
    db,
    `SELECT COUNT(*) AS count, COALESCE(SUM(e.credit_minor + MIN(e.difference_minor, 0)), 0) AS amountMinor
       FROM exchanges e JOIN documents d ON d.id = e.sale_document_id WHERE ${w.clause}`,
  ).get(...w.args) as { count: number; amountMinor: number };
}

/**
 * The discount share of the goods that came back: for each refund or void line that returns a sold
 * line's goods (a price adjustment returns none, qty 0; a return without a receipt names no sold
 * line, so no discount), the sold line's own and order discount × returned qty ÷ sold qty, rounded
 * half up. It counts on the day of the correction, as the refund itself does, whatever day the sale.
 */
function returnedDiscounts(db: Db, scope: ReportScope): { count: number; amountMinor: number } {
  const w = where(scope);
  return sql(
    db,
    `SELECT COUNT(DISTINCT CASE WHEN share > 0 THEN pk END) AS count, COALESCE(SUM(share), 0) AS amountMinor FROM (
       SELECT d.pk AS pk,
              ((COALESCE(o.line_discount_minor, 0) + COALESCE(o.order_discount_minor, 0)) * l.qty_milli * 2 + o.qty_milli) / (2 * o.qty_milli) AS share
         FROM documents d JOIN document_lines l ON l.document_pk = d.pk JOIN document_lines o ON o.id = l.original_line_id
        WHERE ${w.clause} AND d.kind IN ('refund', 'void') AND l.qty_milli > 0 AND o.qty_milli > 0)`,
  ).get(...w.args) as { count: number; amountMinor: number };
}

function journalCount(db: Db, kind: 'drawer.opened' | 'receipt.reprinted', slice: JournalSlice): number {
  if ('afterSeq' in slice) {
    return (
      sql(db, `SELECT COUNT(*) AS n FROM journal WHERE kind = ? AND ${INDEXED_KINDS} AND seq > ? AND seq <= ?`).get(kind, slice.afterSeq, slice.uptoSeq) as {
        n: number;
      }
    ).n;
  }
  return (
    sql(db, `SELECT COUNT(*) AS n FROM journal WHERE kind = ? AND ${INDEXED_KINDS} AND at >= ? AND at <= ?`).get(
      kind,
      slice.fromAt,
      slice.toAt ?? Number.MAX_SAFE_INTEGER,
    ) as {
      n: number;
    }
  ).n;
}

function operatorNames(db: Db): Map<number, string> {
  return new Map((sql(db, 'SELECT id, name FROM operators').all() as { id: number; name: string }[]).map((o) => [o.id, o.name]));
}

export function readFigures(db: Db, scope: ReportScope, slice: JournalSlice, shiftIds: readonly number[], timeZone: string): ReportFiguresView {
  return reportFigures({
    documents: documentRows(db, scope),
    taxRows: taxRows(db, scope),
    paymentRows: paymentRows(db, scope),
    operatorNames: operatorNames(db),
    timeZone,
    noSales: journalCount(db, 'drawer.opened', slice),
    duplicates: journalCount(db, 'receipt.reprinted', slice),
    movements: movementTotals(db, shiftIds),
    exchangeCreditSpent: exchangeCreditSpent(db, scope),
    returnedDiscounts: returnedDiscounts(db, scope),
  });
}

/** A shift's cash for the report: frozen once counted or closed, computed while it is still open. */
export function shiftCash(db: Db, row: ShiftRow): ShiftCashView {
  const recount = shiftCount(db, row.id, 'recount');
  const closing = shiftCount(db, row.id, 'closing');
  const operator = sql(db, 'SELECT name FROM operators WHERE id = ?').get(row.operator_id) as { name: string } | undefined;
  return {
    shiftId: row.id,
    operatorName: operator?.name ?? '',
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    state: row.state,
    expected: frozenExpected(row) ?? shiftCashTerms(db, row),
    countedMinor: row.counted_minor,
    firstCountMinor: recount && closing ? closing.totalMinor : null,
    differenceMinor: row.difference_minor,
    forceReason: row.force_reason,
    handover: handoverOf(db, row),
  };
}
