// Corrections of completed sales. Each is a new document (kind refund or void) pointing at the
// sale it corrects, written, paid out and completed in one transaction through the document core,
// so a refund either exists whole or not at all, and the original is never touched (triggers
// forbid it). Every check happens inside that transaction: two windows refunding the same line at
// once are serialised by SQLite, and the second finds the line already refunded.
import type { RefundReason } from '../../preload/contract/refund';
import type { CompletionView, DocumentView, ScanDetailsView } from '../../preload/contract/views';
import { businessDayRule } from '../business-day/business-day';
import { openBusinessDay } from '../day-close/closed-days';
import { ServiceError } from '../common/service-error';
import { completeDocument } from '../documents/complete-document';
import { takePayment } from '../documents/document-payments';
import { documentView } from '../documents/document-view';
import type { RefundState } from './refundable';
import { type PlannedLine, type RefundContext, adjustmentPlan, approverFor, correctable, operatorName, returnPlan } from './refund-plans';
import { type Booking, type PlannedPart, book, earlierBooking } from './refund-booking';
import { toCashReasons } from './tender-provenance';

export function refundWithReceipt(
  ctx: RefundContext,
  input: {
    saleId: string;
    lines: { lineId: number; qtyMilli: number; restock: boolean }[];
    reason: RefundReason;
    toCash?: boolean | undefined;
    idempotencyKey: string;
  },
  approverId: number | null,
): Booking {
  return ctx.db.transaction(() => {
    const earlier = earlierBooking(ctx, input.idempotencyKey);
    if (earlier) return earlier;
    const plan = returnPlan(ctx, input.saleId, input.lines, input.toCash === true);
    const approver = approverFor(ctx, plan.approvalReasons, approverId);
    const parts = { lines: plan.lines, parts: plan.tender.parts, roundingMinor: plan.tender.roundingMinor };
    return book(ctx, 'refund', parts, input.saleId, input.reason, approver, input.idempotencyKey);
  })();
}

export function refundPriceAdjustment(
  ctx: RefundContext,
  input: { saleId: string; lineId: number; amountMinor: number; reason: RefundReason; toCash?: boolean | undefined; idempotencyKey: string },
  approverId: number | null,
): Booking {
  return ctx.db.transaction(() => {
    const earlier = earlierBooking(ctx, input.idempotencyKey);
    if (earlier) return earlier;
    const plan = adjustmentPlan(ctx, input.saleId, input.lineId, input.amountMinor, input.toCash === true);
    const approver = approverFor(ctx, plan.approvalReasons, approverId);
    const parts = { lines: plan.lines, parts: plan.tender.parts, roundingMinor: plan.tender.roundingMinor };
    return book(ctx, 'refund', parts, input.saleId, input.reason, approver, input.idempotencyKey);
  })();
}

/** The sale's business day is no longer the open one: a Z has counted it, so only a return can correct it. */
export function dayClosed(ctx: RefundContext, state: RefundState): boolean {
  return state.sale.businessDay !== openBusinessDay(ctx.db, ctx.settings, ctx.now);
}

/** Can the sale still be voided: completed in the open business day (not one a Z closed), nothing corrected yet. */
export function voidable(ctx: RefundContext, state: RefundState): boolean {
  return !dayClosed(ctx, state) && state.corrections.length === 0;
}

export function voidSale(ctx: RefundContext, input: { saleId: string; reason: RefundReason; idempotencyKey: string }, approverId: number | null): Booking {
  return ctx.db.transaction(() => {
    const earlier = earlierBooking(ctx, input.idempotencyKey);
    if (earlier) return earlier;
    const state = correctable(ctx, input.saleId);
    if (state.corrections.length > 0) throw new ServiceError('void.has_corrections', { count: state.corrections.length });
    if (!voidable(ctx, state)) throw new ServiceError('void.not_today', { businessDay: state.sale.businessDay ?? '' });
    // The whole sale back, line by line and tender by tender, exactly as it was taken: an exchange
    // credit made of card or payment-code money goes back as the cash it was booked as, so that is named too.
    const parts = state.sale.payments.map((p) => ({ paymentId: p.id, method: p.method, amountMinor: p.amountMinor }));
    const approver = approverFor(ctx, ['refund.approval.void', ...toCashReasons(state.payments, parts)], approverId);
    const lines: PlannedLine[] = state.sale.lines.map((l) => ({
      lineId: l.id,
      name: l.name,
      sku: l.sku,
      productId: l.productId,
      qtyMilli: l.qtyMilli,
      unitPriceMinor: l.unitPriceMinor,
      taxRateBp: l.taxRateBp,
      restock: true,
      share: { totalMinor: l.totalMinor, taxMinor: l.taxMinor },
    }));
    const rounding = parts.reduce((s, p) => s + p.amountMinor, 0) - state.sale.totals.totalMinor;
    return book(ctx, 'void', { lines, parts, roundingMinor: rounding }, input.saleId, input.reason, approver, input.idempotencyKey);
  })();
}

/**
 * Takes a correction's provider parts (each with what the provider confirmed) and completes it;
 * its cash parts were taken when it opened. Called by the provider refunds once every part is done.
 */
export function finishCorrection(
  ctx: RefundContext,
  id: string,
  parts: readonly PlannedPart[],
  roundingMinor: number,
  scanOf: (part: PlannedPart) => ScanDetailsView | null,
): CompletionView {
  let view: DocumentView = documentView(ctx.db, id, ctx.settings.cashRoundingStepMinor);
  for (const part of parts) {
    view = takePayment(
      ctx.db,
      view,
      {
        method: part.method,
        amountMinor: part.amountMinor,
        tenderedMinor: part.amountMinor,
        changeMinor: 0,
        card: null,
        scan: part.method === 'scan' ? scanOf(part) : null,
        originalPaymentId: part.paymentId,
      },
      ctx.now,
      ctx.settings.cashRoundingStepMinor,
    );
  }
  const done = completeDocument(ctx.db, view, {
    operatorId: ctx.actor.id,
    operatorName: operatorName(ctx.db, ctx.actor.id),
    roundingMinor,
    now: ctx.now,
    businessDay: businessDayRule(ctx.settings),
  });
  return { sale: done, receiptNo: done.receiptNo, changeMinor: 0 };
}
