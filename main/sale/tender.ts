// Tenders on a sale: cash (whole or part), an approved card payment, or nothing left to pay.
// Each reads the sale once, takes the payment, and completes the sale through the document core
// when the payments cover it, all in one transaction.
import type { CardDetailsView, CompletionView, DocumentView, PaymentView, ScanDetailsView } from '../../preload/contract/views';
import { businessDayRule } from '../business-day/business-day';
import { openIntentFor } from '../card/card-intents';
import { openAttemptFor } from '../scan-pay/scan-attempts';
import { ServiceError } from '../common/service-error';
import { completeDocument } from '../documents/complete-document';
import { takePayment } from '../documents/document-payments';
import { viewOfRow } from '../documents/document-view';
import { documentForEdit } from '../documents/document-rows';
import { exchangeWaitError } from '../documents/exchange-wait';
import { sql } from '../ledger/statements';
import { inCallerTransaction, inTransaction } from '../ledger/transaction';
import { cashTender } from '../money/cash-tender';
import { requireOpenShift } from '../shift/shift-rows';
import { assertSaleMode } from '../training/training';
import type { SaleContext } from './sale';

function requireOpenSale(ctx: SaleContext, saleId: string): DocumentView {
  // The row, its operator's name and whether it has payments in one read; the payments themselves only if there are any.
  const { doc, operatorName, paid, waitsForExchange } = documentForEdit(ctx.db, saleId);
  const view = viewOfRow(ctx.db, doc, { cashStep: ctx.settings.cashRoundingStepMinor, operatorName, payments: paid ? undefined : [] });
  if (view.kind !== 'sale' || view.status !== 'open') throw new ServiceError(view.status === 'completed' ? 'sale.already_paid' : 'sale.not_open', { saleId });
  // A parked sale is paid once it is recalled, on the screen that shows it.
  if (view.heldAt !== null) throw new ServiceError('sale.held', { saleId });
  if (waitsForExchange) throw exchangeWaitError(saleId);
  if (view.lines.length === 0) throw new ServiceError('sale.empty');
  // Money is taken only into a shift's drawer: a partial payment too, not just the completing one.
  requireOpenShift(ctx.db, view.registerId);
  return view;
}

/**
 * Cash and a completion are taken by the operator at the counter, in the sale's own mode only:
 * real cash into a practice sale is in no figure, and a trainee takes no real cash (a card or
 * scan-to-pay payment is refused the same way before it is asked for: isPracticePayment).
 */
function requireOpenSaleInMode(ctx: SaleContext, saleId: string): DocumentView {
  const view = requireOpenSale(ctx, saleId);
  assertSaleMode(ctx.db, ctx.settings.registerId, ctx.actor.id, view);
  return view;
}

function operatorNameOf(ctx: SaleContext, id: number, view: DocumentView): string {
  if (id === view.operatorId) return view.operatorName;
  if (id === ctx.actor.id && ctx.actor.name !== undefined) return ctx.actor.name;
  return (sql(ctx.db, 'SELECT name FROM operators WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '';
}

function pay(ctx: SaleContext, view: DocumentView, payment: Omit<PaymentView, 'id' | 'originalPaymentId'>): DocumentView {
  return takePayment(ctx.db, view, { ...payment, originalPaymentId: null }, ctx.now, ctx.settings.cashRoundingStepMinor);
}

function complete(ctx: SaleContext, view: DocumentView, roundingMinor: number): DocumentView {
  return completeDocument(ctx.db, view, {
    operatorId: ctx.actor.id,
    operatorName: operatorNameOf(ctx, ctx.actor.id, view),
    roundingMinor,
    now: ctx.now,
    businessDay: businessDayRule(ctx.settings),
  });
}

/** Cash handed over by the customer. Refuses less than due unless the cashier is splitting the tender. */
export function tenderCash(ctx: SaleContext, input: { saleId: string; tenderedMinor: number; partial?: boolean | undefined }): CompletionView {
  // Called by the router only, inside the money call's transaction, which rolls back whole on a throw.
  return inCallerTransaction(ctx.db, (): CompletionView => {
    const view = requireOpenSaleInMode(ctx, input.saleId);
    // A card payment whose outcome is not known yet may have charged the customer already:
    // taking cash now could make them pay twice.
    const pending = openIntentFor(ctx.db, input.saleId);
    if (pending) throw new ServiceError('terminal.intent_unresolved', { intentId: pending.id });
    // The same for a scanned payment code the provider has not settled yet.
    const scanning = openAttemptFor(ctx.db, input.saleId);
    if (scanning) throw new ServiceError('scanpay.attempt_unresolved', { attemptId: scanning.id });
    const remaining = view.totals.totalMinor - view.paidMinor;
    if (remaining <= 0) throw new ServiceError('sale.already_paid');
    const outcome = cashTender(remaining, input.tenderedMinor, ctx.settings.cashRoundingStepMinor);
    // A part of nothing is no payment: nothing (0) is taken only when it completes the sale.
    if (!outcome.completes && (!input.partial || input.tenderedMinor === 0)) throw new ServiceError('sale.tender_insufficient', { dueMinor: outcome.dueMinor });
    // What is left rounds to no coin at all (¥0.04 after a card part, at a ¥0.10 step): no cash
    // changes hands, so no cash payment is recorded; the rounding alone completes the sale.
    if (input.tenderedMinor === 0) {
      const sale = complete(ctx, view, outcome.roundingMinor);
      return { sale, receiptNo: sale.receiptNo, changeMinor: 0 };
    }
    const paid = pay(ctx, view, {
      method: 'cash',
      amountMinor: outcome.appliedMinor,
      tenderedMinor: input.tenderedMinor,
      changeMinor: outcome.changeMinor,
      card: null,
      scan: null,
    });
    if (!outcome.completes) return { sale: paid, receiptNo: null, changeMinor: 0 };
    const sale = complete(ctx, paid, outcome.roundingMinor);
    return { sale, receiptNo: sale.receiptNo, changeMinor: outcome.changeMinor };
  });
}

/** Records an approved card payment (from the terminal) and completes the sale when it is paid. */
export function recordCardPayment(ctx: SaleContext, input: { saleId: string; amountMinor: number; card: CardDetailsView }): CompletionView {
  return inTransaction(ctx.db, (): CompletionView => {
    const view = requireOpenSale(ctx, input.saleId);
    const remaining = view.totals.totalMinor - view.paidMinor;
    if (input.amountMinor > remaining) throw new ServiceError('sale.tender_insufficient', { dueMinor: remaining });
    const paid = pay(ctx, view, {
      method: 'card',
      amountMinor: input.amountMinor,
      tenderedMinor: input.amountMinor,
      changeMinor: 0,
      card: input.card,
      scan: null,
    });
    if (input.amountMinor < remaining) return { sale: paid, receiptNo: null, changeMinor: 0 };
    const sale = complete(ctx, paid, 0);
    return { sale, receiptNo: sale.receiptNo, changeMinor: 0 };
  });
}

/** Records a scan-to-pay payment the provider confirmed, and completes the sale when it is paid. */
export function recordScanPayment(
  ctx: SaleContext,
  input: { saleId: string; amountMinor: number; scan: ScanDetailsView },
): { completion: CompletionView; paymentId: number } {
  return ctx.db.transaction(() => {
    const view = requireOpenSale(ctx, input.saleId);
    const remaining = view.totals.totalMinor - view.paidMinor;
    if (input.amountMinor > remaining) throw new ServiceError('sale.tender_insufficient', { dueMinor: remaining });
    const paid = pay(ctx, view, {
      method: 'scan',
      amountMinor: input.amountMinor,
      tenderedMinor: input.amountMinor,
      changeMinor: 0,
      card: null,
      scan: input.scan,
    });
    const paymentId = paid.payments[paid.payments.length - 1]?.id ?? 0;
    if (input.amountMinor < remaining) return { completion: { sale: paid, receiptNo: null, changeMinor: 0 }, paymentId };
    const sale = complete(ctx, paid, 0);
    return { completion: { sale, receiptNo: sale.receiptNo, changeMinor: 0 }, paymentId };
  })();
}

/** Completes a sale its payments already cover, or one whose total is zero. */
export function completeSale(ctx: SaleContext, input: { saleId: string }): CompletionView {
  // Called by the router only, inside the money call's transaction, which rolls back whole on a throw.
  return inCallerTransaction(ctx.db, (): CompletionView => {
    const view = requireOpenSaleInMode(ctx, input.saleId);
    if (view.totals.totalMinor - view.paidMinor > 0) throw new ServiceError('sale.not_fully_paid', { remainingMinor: view.totals.totalMinor - view.paidMinor });
    const sale = complete(ctx, view, 0);
    return { sale, receiptNo: sale.receiptNo, changeMinor: sale.changeMinor };
  });
}
