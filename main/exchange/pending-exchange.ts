// An exchange whose difference is paid by card or scan-to-pay. The terminal must not be asked
// inside a transaction, so the exchange is split at one point, chosen so that nothing confirmed
// is ever lost:
//   1. `beginExchange` (one transaction): the return is written OPEN (its lines reserve the goods
//      as any open correction does), the credit is taken as a payment on the new sale, and the
//      `exchanges` row ties them. The new sale now owes exactly the difference.
//   2. The sale is paid as any sale (card.pay with its intents at FULL, scan-to-pay, or cash).
//   3. The transaction that completes the sale completes the return too (`subscribeExchanges`),
//      and journals `exchange.completed`.
// A crash between 1 and 3 leaves an open sale with the credit on it and an open return: the counter
// resumes that sale owing the difference; no document is completed until the money is in. A
// customer who gives up is `abandonExchange`d: both documents are cancelled together.
import type { ExchangeView } from '../../preload/contract/exchange-views';
import type { RefundReason } from '../../preload/contract/refund';
import { randomUUID } from 'node:crypto';
import { businessDayRule } from '../business-day/business-day';
import { openIntentFor } from '../card/card-intents';
import { ServiceError } from '../common/service-error';
import { completeDocument } from '../documents/complete-document';
import { takePayment } from '../documents/document-payments';
import { findDocument, insertDocument, insertLine } from '../documents/document-rows';
import { documentView } from '../documents/document-view';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { journalFeed } from '../ledger/journal-feed';
import { sql } from '../ledger/statements';
import { approverFor, type RefundContext } from '../refund/refund-plans';
import { openAttemptFor } from '../scan-pay/scan-attempts';
import { getSettings } from '../settings/settings';
import { requireOpenShift } from '../shift/shift-rows';
import { isTraining } from '../training/training';
import { planExchange, type ExchangeInput } from './exchange';
import { finishCardBack } from './card-back-exchange';
import { anyPartBack, planParts } from '../refund/correction-parts';
import './exchange-journal';
import { newDocumentId } from '../documents/document-id';

/** The exchange begun: the sale, now owing the difference, is paid on the payment screen. */
export function beginExchange(
  ctx: RefundContext,
  input: ExchangeInput & { reason: RefundReason; idempotencyKey: string },
  approverId: number | null,
): ExchangeView & { saleId: string } {
  return ctx.db.transaction(() => {
    const earlier = sql(
      ctx.db,
      'SELECT e.sale_document_id AS saleId FROM exchanges e JOIN documents d ON d.id = e.refund_document_id WHERE d.request_key = ?',
    ).get(input.idempotencyKey) as { saleId: string } | undefined;
    if (earlier) return { ...planView(ctx, earlier.saleId), saleId: earlier.saleId };
    requireOpenShift(ctx.db, ctx.settings.registerId);
    // In training the return is practice too (numbered in the training series when the sale
    // completes); the difference is then paid through the training simulator like any practice sale.
    const training = isTraining(ctx.db, ctx.settings.registerId, ctx.actor.id);
    const { sale, plan, view } = planExchange(ctx, input);
    // Only a difference the customer pays is worth a payment screen; the rest completes at once.
    if (view.differenceMinor <= 0) throw new ServiceError('exchange.nothing_to_pay');
    const approver = approverFor(ctx, view.approvalReasons, approverId);
    const refundId = newDocumentId(ctx.now);
    insertDocument(ctx.db, {
      id: refundId,
      kind: 'refund',
      registerId: ctx.settings.registerId,
      operatorId: ctx.actor.id,
      openedAt: ctx.now,
      pricesIncludeTax: ctx.settings.pricesIncludeTax,
      originalDocumentId: input.originalSaleId,
      reason: input.reason,
      approverId: approver,
      training,
    });
    sql(ctx.db, 'UPDATE documents SET request_key = ? WHERE id = ?').run(input.idempotencyKey, refundId);
    for (const l of plan.lines) {
      const net = ctx.settings.pricesIncludeTax ? l.share.totalMinor : l.share.totalMinor - l.share.taxMinor;
      insertLine(ctx.db, refundId, {
        productId: l.productId,
        sku: l.sku,
        name: l.name,
        qtyMilli: l.qtyMilli,
        unitPriceMinor: l.unitPriceMinor,
        taxRateBp: l.taxRateBp,
        originalLineId: l.lineId,
        restock: l.restock,
        fixed: { grossMinor: net, lineDiscountMinor: 0, orderDiscountMinor: 0, totalMinor: l.share.totalMinor, taxMinor: l.share.taxMinor },
      });
    }
    const step = ctx.settings.cashRoundingStepMinor;
    let refund = documentView(ctx.db, refundId, step);
    for (const part of plan.tender.parts) {
      const payment = { method: 'cash' as const, amountMinor: part.amountMinor, tenderedMinor: part.amountMinor, changeMinor: 0 };
      refund = takePayment(ctx.db, refund, { ...payment, card: null, scan: null, originalPaymentId: part.paymentId }, ctx.now, step);
    }
    const credit = { method: 'cash' as const, amountMinor: view.creditMinor, tenderedMinor: view.creditMinor, changeMinor: 0 };
    takePayment(ctx.db, sale, { ...credit, card: null, scan: null, originalPaymentId: null }, ctx.now, step);
    sql(
      ctx.db,
      'INSERT INTO exchanges (id, refund_document_id, sale_document_id, original_document_id, credit_minor, difference_minor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(randomUUID(), refundId, sale.id, input.originalSaleId, view.creditMinor, view.differenceMinor, ctx.now);
    return { ...view, saleId: sale.id };
  })();
}

function planView(ctx: RefundContext, saleId: string): ExchangeView {
  const row = pendingOf(ctx.db, saleId);
  const sale = documentView(ctx.db, saleId);
  return {
    creditMinor: row?.credit_minor ?? 0,
    saleTotalMinor: sale.totals.totalMinor,
    differenceMinor: row?.difference_minor ?? 0,
    cashDifferenceMinor: row?.difference_minor ?? 0,
    approvalReasons: [],
  };
}

interface PendingRow {
  id: string;
  refund_document_id: string;
  original_document_id: string;
  credit_minor: number;
  difference_minor: number;
  approver_id: number | null;
  refund_status: string;
}

function pendingOf(db: Db, saleId: string): PendingRow | undefined {
  // CAST(? AS TEXT), the same value and plan as a bare ?: with a bare one SQLite compiled this
  // statement again on every run (it marks the parameter as one whose value may change the plan),
  // and every completed sale runs it.
  return sql(
    db,
    `SELECT e.id, e.refund_document_id, e.original_document_id, e.credit_minor, e.difference_minor, d.approver_id, d.status AS refund_status
       FROM exchanges e JOIN documents d ON d.id = e.refund_document_id WHERE e.sale_document_id = CAST(? AS TEXT)`,
  ).get(saleId) as PendingRow | undefined;
}

/** The customer gave up before paying the difference: the return and the new sale are cancelled together. */
export function abandonExchange(ctx: RefundContext, saleId: string): void {
  ctx.db.transaction(() => {
    const row = pendingOf(ctx.db, saleId);
    if (!row || row.refund_status !== 'open' || findDocument(ctx.db, saleId).status !== 'open') throw new ServiceError('exchange.not_pending', { saleId });
    // A card or scanned payment in flight may already have taken the money.
    const intent = openIntentFor(ctx.db, saleId) ?? openIntentFor(ctx.db, row.refund_document_id);
    if (intent) throw new ServiceError('terminal.intent_unresolved', { intentId: intent.id });
    // A difference on its way back to the card (card-back-exchange.ts): money that went back is never undone by cancelling.
    const parts = planParts(ctx.db, row.refund_document_id);
    if (parts && anyPartBack(ctx.db, row.refund_document_id, parts)) throw new ServiceError('exchange.partly_paid', { saleId });
    const attempt = openAttemptFor(ctx.db, saleId);
    if (attempt) throw new ServiceError('scanpay.attempt_unresolved', { attemptId: attempt.id });
    // Anything beyond the credit is money the customer handed over: it is settled by finishing the sale, not by cancelling it.
    const payments = sql(ctx.db, 'SELECT COUNT(*) AS n FROM payments WHERE document_pk = (SELECT pk FROM documents WHERE id = ?)').get(saleId) as { n: number };
    if (payments.n > 1) throw new ServiceError('exchange.partly_paid', { saleId });
    sql(ctx.db, "UPDATE documents SET status = 'cancelled' WHERE id IN (?, ?)").run(saleId, row.refund_document_id);
    appendJournal(
      ctx.db,
      'exchange.abandoned',
      { exchangeId: row.id, refundDocumentId: row.refund_document_id, saleDocumentId: saleId, operatorId: ctx.actor.id },
      ctx.now,
    );
  })();
}

/** Completes the return of a begun exchange in the transaction that completes its sale. */
function finishExchange(db: Db, saleId: string, now: number): void {
  const row = pendingOf(db, saleId);
  if (!row || row.refund_status !== 'open') return;
  const settings = getSettings(db);
  const sale = findDocument(db, saleId);
  const refund = documentView(db, row.refund_document_id, settings.cashRoundingStepMinor);
  const operatorName = (sql(db, 'SELECT name FROM operators WHERE id = ?').get(sale.operator_id) as { name: string } | undefined)?.name ?? '';
  completeDocument(db, refund, {
    operatorId: sale.operator_id,
    operatorName,
    roundingMinor: refund.paidMinor - refund.totals.totalMinor,
    now,
    businessDay: businessDayRule(settings),
  });
  appendJournal(
    db,
    'exchange.completed',
    {
      exchangeId: row.id,
      originalDocumentId: row.original_document_id,
      refundDocumentId: row.refund_document_id,
      saleDocumentId: saleId,
      creditMinor: row.credit_minor,
      differenceMinor: row.difference_minor,
      operatorId: sale.operator_id,
      approverId: row.approver_id,
    },
    now,
  );
}

/** Subscribes begun exchanges to their sale's completion; returns the unsubscribe. */
export function subscribeExchanges(db: Db): () => void {
  const feed = journalFeed(db);
  const stops = [
    feed.subscribe('sale.completed', (e) => finishExchange(db, e.data.saleId, e.at)),
    // A difference given back to the card: its return completes first, and the sale with it.
    feed.subscribe('refund.completed', (e) => finishCardBack(db, e.data.saleId, e.at)),
  ];
  return () => stops.forEach((stop) => stop());
}
