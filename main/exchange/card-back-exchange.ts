// An exchange whose difference goes back to the card the returned goods were paid with, as a card
// refund of those goods would. The terminal must not be asked inside a transaction, so:
//   1. `beginCardBack` (one transaction): the return is booked as a card correction (refund-booking
//      `book`): its credit parts, the money that pays the new goods, are cash that never leaves the
//      drawer; the difference is a card part with its intent (and, where the goods were paid part
//      in cash and the card cannot take it all, a cash part for the rest). The `exchanges` row ties the return
//      to the new sale, which stays open and unpaid meanwhile.
//   2. The card part goes back through the terminal exactly as a return's does (part-refunds.ts):
//      declined, it waits for the cashier (retry, cash with a supervisor, or 放弃换货); unknown, it
//      is resolved as any card refund is, also after a restart.
//   3. The transaction that completes the return (the card domain's answer) takes the credit on the
//      new sale and completes it too, and journals `exchange.completed` (`finishCardBack`).
// So the new goods are sold only once the difference has gone back, and money that went back to a
// card is always on a completed return.
import { randomUUID } from 'node:crypto';
import type { ExchangeDoneView } from '../../preload/contract/exchange-views';
import type { RefundReason } from '../../preload/contract/refund';
import { businessDayRule } from '../business-day/business-day';
import { ServiceError } from '../common/service-error';
import { completeDocument } from '../documents/complete-document';
import { takePayment } from '../documents/document-payments';
import { findDocument } from '../documents/document-rows';
import { documentView } from '../documents/document-view';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { roundToStep } from '../money/integer-math';
import { book, type PlannedPart } from '../refund/refund-booking';
import { returnPlan, type RefundContext } from '../refund/refund-plans';
import { getSettings } from '../settings/settings';
import { creditStaysInDrawer } from '../shift/drawer-cash';
import { requireOpenShift } from '../shift/shift-rows';
import { creditKeptInDrawer } from '../documents/exchange-wait';
import { exchangeDoneView } from './exchange-done-view';
import { newGoods, type ExchangeInput } from './exchange-goods';
import './exchange-journal';

/** The return split for the card: what pays the new goods (cash, stays in the drawer) and what goes back to the customer. */
export interface CardBackPlan {
  creditMinor: number;
  saleTotalMinor: number;
  /** Back to the card, exactly (a card takes no rounding). */
  toCardMinor: number;
  /** What the card cannot take, in cash, rounded to the store's coins (0 when the card takes it all). */
  cashMinor: number;
  /** The credit that pays the new goods: never leaves the drawer. */
  keptMinor: number;
  parts: PlannedPart[];
}

const isCardPart = (p: PlannedPart) => p.method === 'card' && p.paymentId !== null;
const total = (parts: readonly PlannedPart[]) => parts.reduce((s, p) => s + p.amountMinor, 0);

/**
 * The difference back to the card, or null when it cannot go there: the new goods cost at least
 * as much, or none of the returned goods was paid by card. The return is planned tender by tender
 * as a return to the card would be; the card parts give back what they can, cards first. What
 * they cannot (the goods were paid part by card, part in cash) goes back in cash, rounded to the
 * store's coins with the rounding on the new sale as in a cash exchange, and only out of what was
 * paid in cash: card or payment-code money turned into cash needs a supervisor, which is the cash
 * exchange's path (then null here). Everything else is the credit that pays the new goods.
 */
export function splitForCard(parts: readonly PlannedPart[], saleTotalMinor: number, cashStepMinor: number): CardBackPlan | null {
  const creditMinor = total(parts);
  const owedMinor = creditMinor - saleTotalMinor;
  const onCard = total(parts.filter(isCardPart));
  if (owedMinor <= 0 || onCard === 0) return null;
  const toCardMinor = Math.min(onCard, owedMinor);
  const cashMinor = roundToStep(owedMinor - toCardMinor, cashStepMinor);
  const keptMinor = creditMinor - toCardMinor - cashMinor;
  if (cashMinor > total(parts.filter((p) => p.method === 'cash')) || keptMinor < 0) return null;
  let cardLeft = toCardMinor;
  let cashLeft = cashMinor;
  const back: PlannedPart[] = [];
  const stays: PlannedPart[] = [];
  for (const p of parts) {
    const give = isCardPart(p) ? Math.min(cardLeft, p.amountMinor) : p.method === 'cash' ? Math.min(cashLeft, p.amountMinor) : 0;
    if (isCardPart(p)) cardLeft -= give;
    else cashLeft -= give;
    if (give > 0) back.push({ paymentId: p.paymentId, method: isCardPart(p) ? 'card' : 'cash', amountMinor: give });
    if (p.amountMinor - give > 0) stays.push({ paymentId: p.paymentId, method: 'cash', amountMinor: p.amountMinor - give });
  }
  return { creditMinor, saleTotalMinor, toCardMinor, cashMinor, keptMinor, parts: [...stays, ...back] };
}

export function planCardBack(ctx: RefundContext, input: ExchangeInput) {
  if (input.saleId === input.originalSaleId) throw new ServiceError('exchange.same_sale');
  const sale = newGoods(ctx, input.saleId);
  const plan = returnPlan(ctx, input.originalSaleId, input.lines, false);
  return { sale, plan, split: splitForCard(plan.tender.parts, sale.totals.totalMinor, ctx.settings.cashRoundingStepMinor) };
}

/** What goes back to the card if the customer takes the difference there, and what beside it in cash; null when it cannot. */
export function cardBackOffer(ctx: RefundContext, input: ExchangeInput): { toCardMinor: number; cashMinor: number } | null {
  const split = planCardBack(ctx, input).split;
  return split && { toCardMinor: split.toCardMinor, cashMinor: split.cashMinor };
}

interface LinkRow {
  id: string;
  refund_document_id: string;
  sale_document_id: string;
  original_document_id: string;
  credit_minor: number;
  difference_minor: number;
}

function linkOfRefund(db: Db, refundId: string): LinkRow | undefined {
  return sql(
    db,
    'SELECT id, refund_document_id, sale_document_id, original_document_id, credit_minor, difference_minor FROM exchanges WHERE refund_document_id = ?',
  ).get(refundId) as LinkRow | undefined;
}

/** Begins (or, for a repeated request, finds) the exchange; returns its return's id, which the terminal run follows. */
export function beginCardBack(ctx: RefundContext, input: ExchangeInput & { reason: RefundReason; idempotencyKey: string }): { refundId: string } {
  return ctx.db.transaction(() => {
    const earlier = sql(
      ctx.db,
      'SELECT e.refund_document_id AS id FROM exchanges e JOIN documents d ON d.id = e.refund_document_id WHERE d.request_key = ?',
    ).get(input.idempotencyKey) as { id: string } | undefined;
    if (earlier) return { refundId: earlier.id };
    requireOpenShift(ctx.db, ctx.settings.registerId);
    const { sale, plan, split } = planCardBack(ctx, input);
    if (!split) throw new ServiceError('exchange.not_to_card', { saleId: input.originalSaleId });
    const link = (refundId: string) =>
      sql(
        ctx.db,
        'INSERT INTO exchanges (id, refund_document_id, sale_document_id, original_document_id, credit_minor, difference_minor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(randomUUID(), refundId, sale.id, input.originalSaleId, split.creditMinor, -(split.toCardMinor + split.cashMinor), ctx.now);
    // The credit that pays the new goods stays in the drawer; only cash the card cannot take leaves it.
    // No approval either: no card money turns into cash (a refused part given in cash asks for one).
    const booking = creditStaysInDrawer(ctx.db, split.keptMinor, () =>
      book(
        ctx,
        'refund',
        { lines: plan.lines, parts: split.parts, roundingMinor: plan.tender.roundingMinor, beforeComplete: link },
        input.originalSaleId,
        input.reason,
        null,
        input.idempotencyKey,
      ),
    );
    return { refundId: 'done' in booking ? booking.done.sale.id : booking.pending.documentId };
  })();
}

/**
 * Is this exchange return one that gives the difference back to the card: planned with card parts
 * (correction_plans), or given back by the training simulator (a card payment on it)? The cash
 * exchange completes its return before paying the new sale, which must not be completed here.
 */
function givesBackToCard(db: Db, refundId: string): boolean {
  if (sql(db, 'SELECT 1 FROM correction_plans WHERE document_id = ?').get(refundId) !== undefined) return true;
  return sql(db, "SELECT 1 FROM payments WHERE document_pk = (SELECT pk FROM documents WHERE id = ?) AND method = 'card'").get(refundId) !== undefined;
}

/**
 * The return of a card-back exchange has completed (every part went back, to the card or in cash
 * with a supervisor): in that same transaction the credit pays the new goods and the sale completes.
 * Runs for every completed return; only an exchange's whose sale still waits for it acts.
 */
export function finishCardBack(db: Db, refundId: string, now: number): void {
  const row = linkOfRefund(db, refundId);
  if (!row || !givesBackToCard(db, refundId)) return;
  const sale = findDocument(db, row.sale_document_id);
  // The other ways of exchanging complete (or pay) the new sale themselves: it has a payment by now, or is completed.
  if (sale.status !== 'open') return;
  const settings = getSettings(db);
  const view = documentView(db, row.sale_document_id, settings.cashRoundingStepMinor);
  if (view.payments.length > 0) return;
  // The credit kept in the drawer is what pays the new goods (exchange-wait.ts says it for the drawer too).
  const creditSpent = creditKeptInDrawer(db, refundId);
  const credit = { method: 'cash' as const, amountMinor: creditSpent, tenderedMinor: creditSpent, changeMinor: 0 };
  const paid = takePayment(db, view, { ...credit, card: null, scan: null, originalPaymentId: null }, now, settings.cashRoundingStepMinor);
  const operatorName = (sql(db, 'SELECT name FROM operators WHERE id = ?').get(sale.operator_id) as { name: string } | undefined)?.name ?? '';
  const approverId = (sql(db, 'SELECT approver_id AS a FROM documents WHERE id = ?').get(refundId) as { a: number | null }).a;
  completeDocument(db, paid, {
    operatorId: sale.operator_id,
    operatorName,
    roundingMinor: creditSpent - view.totals.totalMinor,
    now,
    businessDay: businessDayRule(settings),
  });
  appendJournal(
    db,
    'exchange.completed',
    {
      exchangeId: row.id,
      originalDocumentId: row.original_document_id,
      refundDocumentId: refundId,
      saleDocumentId: row.sale_document_id,
      creditMinor: row.credit_minor,
      differenceMinor: row.difference_minor,
      operatorId: sale.operator_id,
      approverId,
    },
    now,
  );
}

/** The exchange as it stands after the terminal run: completed both, or the return open (a refused or unknown part) with the sale waiting. */
export function cardBackView(db: Db, refundId: string): ExchangeDoneView {
  const row = linkOfRefund(db, refundId);
  if (!row) throw new ServiceError('exchange.not_pending', { saleId: refundId });
  return exchangeDoneView(db, row, 'card');
}
