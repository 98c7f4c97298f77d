// A return without a receipt: cash only, rounded to the store step, within the store limits
// per register and per operator a day (practice returns have limits of their own).
import type { RefundReason } from '../../preload/contract/refund';
import type { RefundPlanView } from '../../preload/contract/refund-views';
import { openBusinessDay } from '../day-close/closed-days';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { computeSale } from '../money/sale-totals';
import { roundToStep } from '../money/integer-math';
import { isTraining } from '../training/training';
import { type PlannedLine, type RefundContext, approverFor } from './refund-plans';
import { type Booking, type PlannedPart, book, earlierBooking } from './refund-booking';

/** Refunded without a receipt in the business day `day`, by the register and by one operator. */
function noReceiptRefunded(db: Db, registerId: string, day: string, operatorId: number, training: boolean): { day: number; operator: number } {
  const row = sql(
    db,
    `SELECT COALESCE(SUM(total_minor), 0) AS day, COALESCE(SUM(CASE WHEN operator_id = ? THEN total_minor ELSE 0 END), 0) AS operator
       FROM documents WHERE register_id = ? AND kind = 'refund' AND status = 'completed' AND original_document_id IS NULL AND business_day = ? AND training = ?`,
  ).get(operatorId, registerId, day, training ? 1 : 0) as { day: number; operator: number };
  return row;
}

type NoReceiptLine = { productId?: number | undefined; name: string; qtyMilli: number; unitPriceMinor: number; taxRateBp: number; restock: boolean };

interface NoReceiptPlan {
  lines: PlannedLine[];
  parts: PlannedPart[];
  totalMinor: number;
  roundingMinor: number;
}

/**
 * A product named by the return is one the catalog has (a discontinued one too: it was sold), or
 * the booking would fail on it after the supervisor approved; one sold by the piece comes back in
 * whole pieces, as the sale sells it (sale.qty_whole_pieces). A weighed product and an ad-hoc
 * item take the decimals keyed.
 */
function requireReturnableProduct(db: Db, line: NoReceiptLine): void {
  if (line.productId === undefined) return;
  const soldBy = sql(db, 'SELECT sold_by FROM products WHERE id = ?').pluck().get(line.productId) as string | undefined;
  if (soldBy === undefined) throw new ServiceError('refund.unknown_product', { productId: line.productId, name: line.name });
  if (soldBy === 'piece' && line.qtyMilli % 1000 !== 0)
    throw new ServiceError('refund.qty_whole_pieces', { productId: line.productId, name: line.name, qtyMilli: line.qtyMilli });
}

/** What a return without a receipt gives back: cash, rounded to the store's step, within the store's limits (refused beyond them). */
function noReceiptPlan(ctx: RefundContext, input: readonly NoReceiptLine[]): NoReceiptPlan {
  for (const l of input) requireReturnableProduct(ctx.db, l);
  const amounts = computeSale(
    input.map((l) => ({ qtyMilli: l.qtyMilli, unitPriceMinor: l.unitPriceMinor, taxRateBp: l.taxRateBp, discount: null })),
    null,
    ctx.settings.pricesIncludeTax,
  );
  const total = amounts.totals.totalMinor;
  if (total === 0) throw new ServiceError('refund.nothing_to_refund');
  const day = openBusinessDay(ctx.db, ctx.settings, ctx.now);
  // Practice returns count against a limit of their own: they neither use up the real one nor escape it.
  const training = isTraining(ctx.db, ctx.settings.registerId, ctx.actor.id);
  const so_far = noReceiptRefunded(ctx.db, ctx.settings.registerId, day, ctx.actor.id, training);
  if (so_far.day + total > ctx.settings.noReceiptRefundDayLimitMinor) {
    throw new ServiceError('refund.limit_exceeded', { limitMinor: ctx.settings.noReceiptRefundDayLimitMinor, usedMinor: so_far.day, scope: 'day' });
  }
  if (so_far.operator + total > ctx.settings.noReceiptRefundOperatorLimitMinor) {
    throw new ServiceError('refund.limit_exceeded', {
      limitMinor: ctx.settings.noReceiptRefundOperatorLimitMinor,
      usedMinor: so_far.operator,
      scope: 'operator',
    });
  }
  const cash = roundToStep(total, ctx.settings.cashRoundingStepMinor);
  const lines: PlannedLine[] = input.map((l, i) => {
    const a = amounts.lines[i];
    return {
      lineId: 0,
      name: l.name,
      sku: null,
      productId: l.productId ?? null,
      qtyMilli: l.qtyMilli,
      unitPriceMinor: l.unitPriceMinor,
      taxRateBp: l.taxRateBp,
      restock: l.restock,
      share: { totalMinor: a?.totalMinor ?? 0, taxMinor: a?.taxMinor ?? 0 },
    };
  });
  const parts: PlannedPart[] = cash > 0 ? [{ paymentId: null, method: 'cash', amountMinor: cash }] : [];
  return { lines, parts, totalMinor: total, roundingMinor: cash - total };
}

/** What a return without a receipt would give back, before a supervisor is asked; refuses what the store's limits forbid. Changes nothing. */
export function previewWithoutReceipt(ctx: RefundContext, input: { lines: NoReceiptLine[] }): RefundPlanView {
  const plan = noReceiptPlan(ctx, input.lines);
  return {
    lines: plan.lines.map((l) => ({ lineId: null, name: l.name, qtyMilli: l.qtyMilli, totalMinor: l.share.totalMinor, taxMinor: l.share.taxMinor })),
    totalMinor: plan.totalMinor,
    tenders: plan.parts.map((p) => ({ paymentId: p.paymentId, method: p.method, amountMinor: p.amountMinor })),
    roundingMinor: plan.roundingMinor,
    approvalReasons: ['refund.approval.no_receipt'],
  };
}

export function refundWithoutReceipt(
  ctx: RefundContext,
  input: { lines: NoReceiptLine[]; reason: RefundReason; idempotencyKey: string },
  approverId: number | null,
): Booking {
  return ctx.db.transaction(() => {
    const earlier = earlierBooking(ctx, input.idempotencyKey);
    if (earlier) return earlier;
    const approver = approverFor(ctx, ['refund.approval.no_receipt'], approverId);
    const plan = noReceiptPlan(ctx, input.lines);
    return book(ctx, 'refund', plan, null, input.reason, approver, input.idempotencyKey);
  })();
}
