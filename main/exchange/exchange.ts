// Exchanges (换货): goods back from a completed sale and new goods sold, in ONE transaction. The
// return is an ordinary refund document (it points at the original sale, its lines are the
// pro-rata amounts a return would give), the new goods an ordinary sale; an `exchanges` row and an
// `exchange.completed` journal entry tie them together. Both complete in the same SQLite
// transaction or neither does: a crash, a closed shift, a line already returned or too little cash
// leave nothing behind.
//
// Money: the credit is what the return would give back in cash. It is written as a cash refund and
// as a cash payment on the new sale, so the drawer's expected cash moves by exactly the difference
// the customer hands over or receives, while the Z still counts the goods back as a refund and the
// new goods as a sale. Only the difference is real money: paid in cash (rounded to the store's
// step, with change), or given back in cash (rounded the same way, the rounding on the new sale). Cash out for what was paid by card or scan-to-pay
// needs a supervisor, as for a return; a credit spent on new goods does not.
import { randomUUID } from 'node:crypto';
import type { ExchangeDoneView, ExchangeView } from '../../preload/contract/exchange-views';
import type { RefundReason } from '../../preload/contract/refund';
import { businessDayRule } from '../business-day/business-day';
import { ServiceError } from '../common/service-error';
import { completeDocument } from '../documents/complete-document';
import { takePayment } from '../documents/document-payments';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { cashTender } from '../money/cash-tender';
import { roundToStep } from '../money/integer-math';
import { book } from '../refund/refund-booking';
import { approverFor, returnPlan, type RefundContext } from '../refund/refund-plans';
import { creditStaysInDrawer } from '../shift/drawer-cash';
import { requireOpenShift } from '../shift/shift-rows';
import { cardBackOffer } from './card-back-exchange';
import { exchangeDoneView, type ExchangeLink } from './exchange-done-view';
import './exchange-journal';
import { newGoods, type ExchangeInput } from './exchange-goods';

export type { ExchangeInput } from './exchange-goods';

const TO_CASH: ReadonlySet<string> = new Set(['refund.approval.card_to_cash', 'refund.approval.scan_to_cash']);

/**
 * The difference as cash moves it: rounded to the store's step either way, as a plain cash sale's
 * total and a cash refund are (coins that do not exist can be neither paid nor handed back); a card
 * pays it exactly. Handed back, the rounding is the new sale's: it is paid by the credit less what
 * goes back, so its receipt shows 现金舍入 as a cash sale's does. New goods worth less than half a
 * step would leave that credit at nothing: then the exact difference goes back.
 */
export function cashDifference(differenceMinor: number, creditMinor: number, stepMinor: number): number {
  if (differenceMinor > 0) return roundToStep(differenceMinor, stepMinor);
  // 0 − x, not −x: a difference that rounds to no coin is 0, not −0 (which JSON and a reader would see apart).
  const back = 0 - roundToStep(-differenceMinor, stepMinor);
  return creditMinor + back > 0 ? back : differenceMinor;
}

export function planExchange(ctx: RefundContext, input: ExchangeInput) {
  if (input.saleId === input.originalSaleId) throw new ServiceError('exchange.same_sale');
  const sale = newGoods(ctx, input.saleId);
  const plan = returnPlan(ctx, input.originalSaleId, input.lines, true);
  const creditMinor = plan.tender.parts.reduce((s, p) => s + p.amountMinor, 0);
  const differenceMinor = sale.totals.totalMinor - creditMinor;
  // The return is planned as cash; only cash actually leaving the drawer turns card or payment-code money into cash.
  const approvalReasons = plan.approvalReasons.filter((r) => !TO_CASH.has(r) || differenceMinor < 0);
  const cashDifferenceMinor = cashDifference(differenceMinor, creditMinor, ctx.settings.cashRoundingStepMinor);
  const view: ExchangeView = { creditMinor, saleTotalMinor: sale.totals.totalMinor, differenceMinor, cashDifferenceMinor, approvalReasons };
  return { sale, plan, view };
}

export function previewExchange(ctx: RefundContext, input: ExchangeInput): ExchangeView {
  const { view } = planExchange(ctx, input);
  // Owed to the customer: whether (and how much) can go back to the card instead (card-back-exchange.ts).
  const offer = view.differenceMinor < 0 ? cardBackOffer(ctx, input) : null;
  return offer === null ? view : { ...view, toCardMinor: offer.toCardMinor, ...(offer.cashMinor > 0 ? { toCardCashMinor: offer.cashMinor } : {}) };
}

function operatorName(ctx: RefundContext): string {
  return (sql(ctx.db, 'SELECT name FROM operators WHERE id = ?').get(ctx.actor.id) as { name: string } | undefined)?.name ?? '';
}

/** A retried request whose exchange is already done: that exchange, never a second one. */
function earlierExchange(ctx: RefundContext, requestKey: string): ExchangeDoneView | null {
  const row = sql(
    ctx.db,
    'SELECT e.id, e.refund_document_id, e.sale_document_id, e.credit_minor, e.difference_minor FROM exchanges e JOIN documents d ON d.id = e.refund_document_id WHERE d.request_key = ?',
  ).get(requestKey) as ExchangeLink | undefined;
  return row ? exchangeDoneView(ctx.db, row, 'cash') : null;
}

export function completeExchange(
  ctx: RefundContext,
  input: ExchangeInput & { reason: RefundReason; tenderedMinor?: number | undefined; idempotencyKey: string },
  approverId: number | null,
): ExchangeDoneView {
  return ctx.db.transaction((): ExchangeDoneView => {
    const earlier = earlierExchange(ctx, input.idempotencyKey);
    if (earlier) return earlier;
    requireOpenShift(ctx.db, ctx.settings.registerId);
    const { sale, plan, view } = planExchange(ctx, input);
    const approver = approverFor(ctx, view.approvalReasons, approverId);
    const due = view.differenceMinor > 0 ? view.differenceMinor : 0;
    if (due > 0 && input.tenderedMinor === undefined) throw new ServiceError('exchange.tender_missing', { dueMinor: view.cashDifferenceMinor });
    const cash = due > 0 ? cashTender(due, input.tenderedMinor ?? 0, ctx.settings.cashRoundingStepMinor) : null;
    if (cash && !cash.completes) throw new ServiceError('sale.tender_insufficient', { dueMinor: cash.dueMinor });

    // Cash handed back takes its rounding from the credit the new sale is paid with (see cashDifference).
    // A difference that rounds to no coin at all still pays the new goods with the whole credit (the
    // rounding is the sale's), or the ledger would hand back cash nobody handed back.
    const creditSpent = view.differenceMinor < 0 ? view.creditMinor + view.cashDifferenceMinor : null;
    const credit = creditSpent ?? Math.min(view.creditMinor, sale.totals.totalMinor);
    // The return is booked as cash out in full, but the credit that pays the new goods never leaves
    // the drawer: the drawer must hold only the cash handed back.
    const exchangeId = randomUUID();
    const differenceMinor = cash ? cash.appliedMinor : view.cashDifferenceMinor;
    // The row that ties the two is written before the return completes: whatever follows the
    // return's completion in its transaction (the fraud watch) sees how much of its cash never left.
    const link = (refundId: string) =>
      sql(
        ctx.db,
        'INSERT INTO exchanges (id, refund_document_id, sale_document_id, original_document_id, credit_minor, difference_minor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(exchangeId, refundId, sale.id, input.originalSaleId, view.creditMinor, differenceMinor, ctx.now);
    const booking = creditStaysInDrawer(ctx.db, credit, () =>
      book(
        ctx,
        'refund',
        { lines: plan.lines, parts: plan.tender.parts, roundingMinor: plan.tender.roundingMinor, beforeComplete: link },
        input.originalSaleId,
        input.reason,
        approver,
        input.idempotencyKey,
      ),
    );
    // Cash parts complete a correction at once; anything else would be a bug in the plan above.
    if (!('done' in booking) || booking.done.receiptNo === null) throw new Error('an exchange return must complete at once');
    const refund = booking.done.sale;

    const step = ctx.settings.cashRoundingStepMinor;
    const base = { card: null, scan: null, originalPaymentId: null } as const;
    let paid = takePayment(ctx.db, sale, { ...base, method: 'cash', amountMinor: credit, tenderedMinor: credit, changeMinor: 0 }, ctx.now, step);
    if (cash) {
      const tendered = input.tenderedMinor ?? 0;
      const payment = { ...base, method: 'cash' as const, amountMinor: cash.appliedMinor, tenderedMinor: tendered, changeMinor: cash.changeMinor };
      paid = takePayment(ctx.db, paid, payment, ctx.now, step);
    }
    const completed = completeDocument(ctx.db, paid, {
      operatorId: ctx.actor.id,
      operatorName: operatorName(ctx),
      roundingMinor: cash?.roundingMinor ?? (creditSpent === null ? 0 : creditSpent - sale.totals.totalMinor),
      now: ctx.now,
      businessDay: businessDayRule(ctx.settings),
    });

    appendJournal(
      ctx.db,
      'exchange.completed',
      {
        exchangeId,
        originalDocumentId: input.originalSaleId,
        refundDocumentId: refund.id,
        saleDocumentId: completed.id,
        creditMinor: view.creditMinor,
        differenceMinor,
        operatorId: ctx.actor.id,
        approverId: approver,
      },
      ctx.now,
    );
    return { ...view, differenceMinor, cashDifferenceMinor: differenceMinor, exchangeId, refund, sale: completed, changeMinor: completed.changeMinor };
  })();
}
