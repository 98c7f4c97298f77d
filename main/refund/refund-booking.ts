// Writing a correction: the document, its lines and payments, completed at once when it is all
// cash, or left for its card or scan-to-pay part; a repeated request finds the first booking.
import type { RefundReason } from '../../preload/contract/refund';
import type { CompletionView, DocumentView, PaymentMethod } from '../../preload/contract/views';
import { businessDayRule } from '../business-day/business-day';
import { ServiceError } from '../common/service-error';
import { completeDocument } from '../documents/complete-document';
import { takePayment } from '../documents/document-payments';
import { insertDocument, insertLine } from '../documents/document-rows';
import { documentView } from '../documents/document-view';
import { sql } from '../ledger/statements';
import { createIntent, lastKnownReceiptNo, type IntentKind } from '../card/card-intents';
import { newDocumentId } from '../documents/document-id';
import { createScanRefunds } from '../scan-pay/scan-refunds';
import { isTraining } from '../training/training';
import { refuseCashOutBeyondDrawer } from '../shift/drawer-cash';
import { liveShift } from '../shift/shift-rows';
import { practiseCorrection } from '../training/training-corrections';
import { type PlannedLine, type RefundContext, operatorName } from './refund-plans';
import { goesPartByPart, planParts } from './correction-parts';
import { outcomeUnknown } from '../card/card-outcome-errors';

/**
 * A correction either done (cash only: written and completed at once) or waiting for the terminal
 * (its card parts: the document, its cash parts, its plan and the first card intent are committed;
 * the caller gives the parts back one by one (part-refunds.ts), and the card domain's answers
 * complete the document once every part went back, or cancel it when the first was refused).
 */
export type Booking = { done: CompletionView } | { pending: { documentId: string } };

export interface PlannedPart {
  paymentId: number | null;
  method: PaymentMethod;
  amountMinor: number;
}

/** The terminal receipt number to reverse (06 30) a whole card payment still in the terminal's open batch, else null (refund, 06 31). */
export function reversalReceiptNo(ctx: RefundContext, part: PlannedPart): number | null {
  if (part.paymentId === null) return null;
  const paid = sql(ctx.db, 'SELECT amount_minor, card, created_at FROM payments WHERE id = ?').get(part.paymentId) as
    { amount_minor: number; card: string | null; created_at: number } | undefined;
  if (!paid || paid.amount_minor !== part.amountMinor) return null;
  const given = sql(
    ctx.db,
    "SELECT COALESCE(SUM(amount_minor), 0) AS n FROM payments p JOIN documents d ON d.pk = p.document_pk WHERE p.original_payment_id = ? AND d.status IN ('open', 'completed')",
  ).get(part.paymentId) as { n: number };
  if (given.n > 0) return null;
  const closedSince = sql(ctx.db, 'SELECT 1 FROM terminal_batches WHERE closed_at >= ?').get(paid.created_at) !== undefined;
  if (closedSince) return null;
  const receiptNo = Number((JSON.parse(paid.card ?? '{}') as { terminalReceiptNo?: string | null }).terminalReceiptNo ?? NaN);
  return Number.isSafeInteger(receiptNo) && receiptNo > 0 ? receiptNo : null;
}

/** An earlier request with this key already started a correction: its outcome, never a second one. */
export function earlierBooking(ctx: RefundContext, requestKey: string): Booking | null {
  const doc = sql(ctx.db, 'SELECT id, status FROM documents WHERE request_key = ?').get(requestKey) as { id: string; status: string } | undefined;
  if (!doc) return null;
  const intent = sql(ctx.db, 'SELECT id, state, reason, kind FROM card_intents WHERE sale_id = ? ORDER BY id DESC LIMIT 1').get(doc.id) as
    { id: number; state: string; reason: string | null; kind: IntentKind } | undefined;
  // Money going back to its cards part by part: taken up where it stands, never a part twice.
  if (doc.status === 'open' && goesPartByPart(planParts(ctx.db, doc.id))) return { pending: { documentId: doc.id } };
  // Completed, or still with a scan-to-pay provider (which completes it when it confirms): as it stands.
  if (doc.status === 'completed' || (doc.status === 'open' && !intent)) {
    const view = documentView(ctx.db, doc.id);
    return { done: { sale: view, receiptNo: view.receiptNo, changeMinor: 0 } };
  }
  if (doc.status === 'cancelled')
    throw new ServiceError(
      intent ? 'terminal.declined' : 'refund.provider_refused',
      intent ? { reason: intent.reason ?? 'terminal.result.declined' } : { providerCode: 'REFUSED' },
    );
  throw outcomeUnknown(intent?.id ?? 0, intent?.kind ?? 'refund');
}

/** Writes the correction document, its lines and its payments; completes it, or leaves it for its card part. */
export function book(
  ctx: RefundContext,
  kind: 'refund' | 'void',
  plan: { lines: PlannedLine[]; parts: PlannedPart[]; roundingMinor: number; beforeComplete?: (documentId: string) => void },
  originalDocumentId: string | null,
  reason: RefundReason,
  approverId: number | null,
  requestKey: string,
): Booking {
  const card = plan.parts.filter((p) => p.method === 'card');
  const scan = plan.parts.filter((p): p is PlannedPart & { paymentId: number } => p.method === 'scan' && p.paymentId !== null);
  // A practice correction (of a practice sale, or without a receipt by a trainee): numbered in the training series, in no figure.
  const training = isTraining(ctx.db, ctx.settings.registerId, ctx.actor.id);
  // The cash given back leaves the drawer: not more than it holds (a practice correction hands over none).
  const cashBack = plan.parts.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.amountMinor, 0);
  const shift = cashBack > 0 && !training ? liveShift(ctx.db, ctx.settings.registerId) : null;
  if (shift) refuseCashOutBeyondDrawer(ctx.db, shift, { asked: kind === 'void' ? 'void_cash' : 'refund_cash', amountMinor: cashBack, at: ctx.now }, ctx.actor);
  // Time-ordered like every document id: a day's corrections sit together in the line and payment indexes.
  const id = newDocumentId(ctx.now);
  insertDocument(ctx.db, {
    id,
    kind,
    registerId: ctx.settings.registerId,
    operatorId: ctx.actor.id,
    openedAt: ctx.now,
    pricesIncludeTax: ctx.settings.pricesIncludeTax,
    originalDocumentId,
    reason,
    approverId,
    training,
  });
  sql(ctx.db, 'UPDATE documents SET request_key = ? WHERE id = ?').run(requestKey, id);
  for (const l of plan.lines) {
    const net = ctx.settings.pricesIncludeTax ? l.share.totalMinor : l.share.totalMinor - l.share.taxMinor;
    insertLine(ctx.db, id, {
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      qtyMilli: l.qtyMilli,
      unitPriceMinor: l.unitPriceMinor,
      taxRateBp: l.taxRateBp,
      originalLineId: l.lineId > 0 ? l.lineId : null,
      restock: l.restock,
      // Refunds give back net amounts; the discounts stay where they were given, on the sale.
      fixed: { grossMinor: net, lineDiscountMinor: 0, orderDiscountMinor: 0, totalMinor: l.share.totalMinor, taxMinor: l.share.taxMinor },
    });
  }
  let view: DocumentView = documentView(ctx.db, id, ctx.settings.cashRoundingStepMinor);
  // Cash parts are written now but handed over (the drawer opens) only when the correction completes.
  for (const part of plan.parts.filter((p) => p.method === 'cash')) {
    view = takePayment(
      ctx.db,
      view,
      {
        method: 'cash',
        amountMinor: part.amountMinor,
        tenderedMinor: part.amountMinor,
        changeMinor: 0,
        card: null,
        scan: null,
        originalPaymentId: part.paymentId,
      },
      ctx.now,
      ctx.settings.cashRoundingStepMinor,
    );
  }
  // An exchange ties its return to the new sale here, before anything completes it.
  plan.beforeComplete?.(id);
  // The training simulator gives the card and scan-to-pay parts back: no terminal or provider is asked.
  if (training) return { done: practiseCorrection(ctx, view, plan.parts, plan.roundingMinor, operatorName(ctx.db, ctx.actor.id)) };
  if (scan.length > 0 && card.length === 0) {
    // The provider refunds (provider-refunds.ts) take these parts and complete the correction once each is confirmed.
    sql(ctx.db, 'INSERT INTO correction_plans (document_id, parts, rounding_minor, operator_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      JSON.stringify(scan),
      plan.roundingMinor,
      ctx.actor.id,
      ctx.now,
    );
    createScanRefunds(ctx.db, id, scan, ctx.actor.id, ctx.now);
    return { done: { sale: view, receiptNo: null, changeMinor: 0 } };
  }
  const cardPart = card[0];
  if (cardPart) {
    // Every card and wallet part, cards first: they go back one after another (part-refunds.ts).
    // A cash part of the same sale payment (an exchange's credit that stays in the drawer, with
    // the rest of that card payment going back to it) is written above: not that part going back.
    const credit = plan.parts.some((c) => c.method === 'cash' && card.some((p) => p.paymentId === c.paymentId));
    const after = credit ? Math.max(0, ...view.payments.map((p) => p.id)) : 0;
    const parts = [...card, ...scan]
      .filter((p): p is PlannedPart & { paymentId: number } => p.paymentId !== null)
      .map((p) => ({ paymentId: p.paymentId, method: p.method, amountMinor: p.amountMinor, ...(after > 0 ? { afterPaymentId: after } : {}) }));
    sql(ctx.db, 'INSERT INTO correction_plans (document_id, parts, rounding_minor, operator_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      JSON.stringify(parts),
      plan.roundingMinor,
      ctx.actor.id,
      ctx.now,
    );
    const reversalOf = reversalReceiptNo(ctx, cardPart);
    createIntent(
      ctx.db,
      {
        saleId: id,
        idempotencyKey: requestKey,
        amountMinor: cardPart.amountMinor,
        operatorId: ctx.actor.id,
        previousReceiptNo: lastKnownReceiptNo(ctx.db),
        kind: reversalOf === null ? 'refund' : 'reversal',
        originalPaymentId: cardPart.paymentId,
      },
      ctx.now,
    );
    return { pending: { documentId: id } };
  }
  const done = completeDocument(ctx.db, view, {
    operatorId: ctx.actor.id,
    operatorName: operatorName(ctx.db, ctx.actor.id),
    roundingMinor: plan.roundingMinor,
    now: ctx.now,
    businessDay: businessDayRule(ctx.settings),
  });
  return { done: { sale: done, receiptNo: done.receiptNo, changeMinor: 0 } };
}
