// Corrections of completed sales. Each is a new document (kind refund or void) pointing at the
// sale it corrects, written, paid out and completed in one transaction through the document core,
// so a refund either exists whole or not at all, and the original is never touched (triggers
// forbid it). Every check happens inside that transaction: two windows refunding the same line at
// once are serialised by SQLite, and the second finds the line already refunded.
import type { RefundReason } from '../../preload/contract/refund';
import type { RefundPlanView } from '../../preload/contract/refund-views';
import type { CompletionView, DocumentView, PaymentMethod, ScanDetailsView, StoreSettings } from '../../preload/contract/views';
import { businessDayRule } from '../business-day/business-day';
import { openBusinessDay } from '../day-close/closed-days';
import { ServiceError } from '../common/service-error';
import { completeDocument } from '../documents/complete-document';
import { takePayment } from '../documents/document-payments';
import { insertDocument, insertLine } from '../documents/document-rows';
import { documentView } from '../documents/document-view';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { computeSale } from '../money/sale-totals';
import { roundToStep } from '../money/integer-math';
import { createIntent, lastKnownReceiptNo } from '../card/card-intents';
import { newDocumentId } from '../documents/document-id';
import { roleAtLeast } from '../operators/session';
import { adjustmentShare, refundableAmount, returnShare, tenderPlan, type LineShare, type ShareProblem, type TenderPlan } from './refund-math';
import { refundState, type RefundState } from './refundable';
import { createScanRefunds } from '../scan-pay/scan-refunds';
import { assertCorrectionMode, isTraining } from '../training/training';
import { practiseCorrection } from '../training/training-corrections';

export interface RefundContext {
  db: Db;
  now: number;
  settings: StoreSettings;
  actor: { id: number; role: 'cashier' | 'supervisor' | 'owner' };
}

interface PlannedLine {
  lineId: number;
  name: string;
  sku: string | null;
  productId: number | null;
  qtyMilli: number;
  unitPriceMinor: number;
  taxRateBp: number;
  restock: boolean | null;
  share: LineShare;
}

export interface Plan {
  state: RefundState;
  lines: PlannedLine[];
  totalMinor: number;
  tender: TenderPlan;
  approvalReasons: string[];
}

/** The sale and what of it is left, once it is clear this operator may correct it (training corrects training only). */
function correctable(ctx: RefundContext, saleId: string): RefundState {
  const state = refundState(ctx.db, saleId);
  assertCorrectionMode(ctx.db, ctx.settings.registerId, ctx.actor.id, state.sale);
  return state;
}

function isProblem(s: LineShare | ShareProblem): s is ShareProblem {
  return 'problem' in s;
}

function soldLine(state: RefundState, lineId: number) {
  const index = state.sale.lines.findIndex((l) => l.id === lineId);
  const sold = state.lines[index];
  const view = state.sale.lines[index];
  if (index < 0 || !sold || !view) throw new ServiceError('refund.line_not_in_sale', { lineId });
  return { sold, view };
}

/** Is the sale left with nothing refundable once `lines` are taken? Then the tenders give back exactly what they hold. */
function emptiesSale(state: RefundState, lines: readonly PlannedLine[]): boolean {
  return state.lines.every((sold) => {
    const taken = lines.filter((l) => l.lineId === sold.lineId).reduce((s, l) => s + l.share.totalMinor, 0);
    return refundableAmount(sold) - taken === 0;
  });
}

function planFrom(ctx: RefundContext, state: RefundState, lines: PlannedLine[], toCash: boolean, extraApproval: string[]): Plan {
  const totalMinor = lines.reduce((s, l) => s + l.share.totalMinor, 0);
  if (lines.length === 0 || (totalMinor === 0 && lines.every((l) => l.qtyMilli === 0))) throw new ServiceError('refund.nothing_to_refund');
  const tender = tenderPlan(state.payments, totalMinor, { toCash, final: emptiesSale(state, lines), cashStep: ctx.settings.cashRoundingStepMinor });
  const approvalReasons = [...extraApproval];
  // Cash for what was paid by card: the classic way to turn a card sale into cash in the till.
  if (toCash && state.payments.some((p) => p.method === 'card' && tender.parts.some((t) => t.paymentId === p.paymentId)))
    approvalReasons.push('refund.approval.card_to_cash');
  return { state, lines, totalMinor, tender, approvalReasons };
}

/** The plan of a return of `lines` from the sale (checks every line against what is left). */
function returnPlan(ctx: RefundContext, saleId: string, lines: readonly { lineId: number; qtyMilli: number; restock: boolean }[], toCash: boolean): Plan {
  const state = correctable(ctx, saleId);
  const planned: PlannedLine[] = [];
  for (const request of lines) {
    const { sold, view } = soldLine(state, request.lineId);
    // Two requests for one line are one larger request.
    const before = planned.filter((p) => p.lineId === request.lineId);
    const already = {
      ...sold,
      returnedQtyMilli: sold.returnedQtyMilli + before.reduce((s, p) => s + p.qtyMilli, 0),
      refundedMinor: sold.refundedMinor + before.reduce((s, p) => s + p.share.totalMinor, 0),
      refundedTaxMinor: sold.refundedTaxMinor + before.reduce((s, p) => s + p.share.taxMinor, 0),
    };
    const share = returnShare(already, request.qtyMilli);
    if (isProblem(share))
      throw new ServiceError('refund.exceeds_original', { lineId: request.lineId, maxQtyMilli: share.maxQtyMilli, maxMinor: share.maxMinor });
    planned.push({
      lineId: view.id,
      name: view.name,
      sku: view.sku,
      productId: view.productId,
      qtyMilli: request.qtyMilli,
      unitPriceMinor: view.unitPriceMinor,
      taxRateBp: view.taxRateBp,
      restock: request.restock,
      share,
    });
  }
  return planFrom(ctx, state, planned, toCash, []);
}

function adjustmentPlan(ctx: RefundContext, saleId: string, lineId: number, amountMinor: number, toCash: boolean): Plan {
  const state = correctable(ctx, saleId);
  const { sold, view } = soldLine(state, lineId);
  const share = adjustmentShare(sold, amountMinor);
  if (isProblem(share)) throw new ServiceError('refund.exceeds_original', { lineId, maxQtyMilli: share.maxQtyMilli, maxMinor: share.maxMinor });
  // Money back without goods: a line of quantity 0, priced at what it gives back.
  const line: PlannedLine = {
    lineId: view.id,
    name: view.name,
    sku: view.sku,
    productId: view.productId,
    qtyMilli: 0,
    unitPriceMinor: view.unitPriceMinor,
    taxRateBp: view.taxRateBp,
    restock: null,
    share,
  };
  return planFrom(ctx, state, [line], toCash, ['refund.approval.price_adjustment']);
}

export { returnPlan }; // exchange/ plans its return exactly as a return is planned
export function previewRefund(
  ctx: RefundContext,
  input: {
    saleId: string;
    lines?: { lineId: number; qtyMilli: number; restock: boolean }[] | undefined;
    adjustment?: { lineId: number; amountMinor: number } | undefined;
    toCash?: boolean | undefined;
  },
): RefundPlanView {
  const plan = input.adjustment
    ? adjustmentPlan(ctx, input.saleId, input.adjustment.lineId, input.adjustment.amountMinor, input.toCash === true)
    : returnPlan(ctx, input.saleId, input.lines ?? [], input.toCash === true);
  return planView(plan);
}

function planView(plan: Plan): RefundPlanView {
  return {
    lines: plan.lines.map((l) => ({ lineId: l.lineId, name: l.name, qtyMilli: l.qtyMilli, totalMinor: l.share.totalMinor, taxMinor: l.share.taxMinor })),
    totalMinor: plan.totalMinor,
    tenders: plan.tender.parts.map((p) => ({ paymentId: p.paymentId, method: p.method, amountMinor: p.amountMinor })),
    roundingMinor: plan.tender.roundingMinor,
    approvalReasons: plan.approvalReasons,
  };
}

/** The approver when one is needed and given; refuses when one is needed and missing. A supervisor approves their own. */
export function approverFor(ctx: RefundContext, reasons: readonly string[], approverId: number | null): number | null {
  if (reasons.length === 0 || roleAtLeast(ctx.actor.role, 'supervisor')) return reasons.length === 0 ? null : (approverId ?? ctx.actor.id);
  if (approverId === null) throw new ServiceError('refund.needs_supervisor', { reason: reasons[0] ?? '' });
  return approverId;
}

function operatorName(db: Db, id: number): string {
  return (sql(db, 'SELECT name FROM operators WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '';
}

/**
 * A correction either done (cash only: written and completed at once) or waiting for the terminal
 * (its card part: the document, its cash parts and the card intent are committed; the caller
 * sends the intent, and the card domain's answer completes or cancels the document).
 */
export type Booking = { done: CompletionView } | { pending: { documentId: string; intentId: number; reversalOf: number | null } };

export interface PlannedPart {
  paymentId: number | null;
  method: PaymentMethod;
  amountMinor: number;
}

/** The terminal receipt number to reverse (06 30) a whole card payment still in the terminal's open batch, else null (refund, 06 31). */
function reversalReceiptNo(ctx: RefundContext, part: PlannedPart): number | null {
  if (part.paymentId === null) return null;
  const paid = sql(ctx.db, 'SELECT amount_minor, card, created_at FROM payments WHERE id = ?').get(part.paymentId) as
    { amount_minor: number; card: string | null; created_at: number } | undefined;
  if (!paid || paid.amount_minor !== part.amountMinor) return null;
  const given = sql(
    ctx.db,
    "SELECT COALESCE(SUM(amount_minor), 0) AS n FROM payments p JOIN documents d ON d.id = p.document_id WHERE p.original_payment_id = ? AND d.status IN ('open', 'completed')",
  ).get(part.paymentId) as { n: number };
  if (given.n > 0) return null;
  const closedSince = sql(ctx.db, 'SELECT 1 FROM terminal_batches WHERE closed_at >= ?').get(paid.created_at) !== undefined;
  if (closedSince) return null;
  const receiptNo = Number((JSON.parse(paid.card ?? '{}') as { terminalReceiptNo?: string | null }).terminalReceiptNo ?? NaN);
  return Number.isSafeInteger(receiptNo) && receiptNo > 0 ? receiptNo : null;
}

/** An earlier request with this key already started a correction: its outcome, never a second one. */
function earlierBooking(ctx: RefundContext, requestKey: string): Booking | null {
  const doc = sql(ctx.db, 'SELECT id, status FROM documents WHERE request_key = ?').get(requestKey) as { id: string; status: string } | undefined;
  if (!doc) return null;
  const intent = sql(ctx.db, 'SELECT id, state, reason FROM card_intents WHERE sale_id = ? ORDER BY id DESC LIMIT 1').get(doc.id) as
    { id: number; state: string; reason: string | null } | undefined;
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
  throw new ServiceError('terminal.outcome_unknown', { intentId: intent?.id ?? 0 });
}

/** Writes the correction document, its lines and its payments; completes it, or leaves it for its card part. */
export function book(
  ctx: RefundContext,
  kind: 'refund' | 'void',
  plan: { lines: PlannedLine[]; parts: PlannedPart[]; roundingMinor: number },
  originalDocumentId: string | null,
  reason: RefundReason,
  approverId: number | null,
  requestKey: string,
): Booking {
  const card = plan.parts.filter((p) => p.method === 'card');
  const scan = plan.parts.filter((p): p is PlannedPart & { paymentId: number } => p.method === 'scan' && p.paymentId !== null);
  // A practice correction (of a practice sale, or without a receipt by a trainee): numbered in the training series, in no figure.
  const training = isTraining(ctx.db, ctx.settings.registerId, ctx.actor.id);
  // One card, or the scan-to-pay parts, at a time: a refusal of one after another went back would leave half a refund.
  // (The training simulator refuses nothing.)
  if (!training && (card.length > 1 || (card.length > 0 && scan.length > 0)))
    throw new ServiceError('refund.split_card_parts', { cards: card.length + scan.length });
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
  // The training simulator gives the card and scan-to-pay parts back: no terminal or provider is asked.
  if (training) return { done: practiseCorrection(ctx, view, plan.parts, plan.roundingMinor, operatorName(ctx.db, ctx.actor.id)) };
  if (scan.length > 0) {
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
    const reversalOf = reversalReceiptNo(ctx, cardPart);
    const intent = createIntent(
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
    return { pending: { documentId: id, intentId: intent.id, reversalOf } };
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

/** What a return without a receipt gives back: cash, rounded to the store's step, within the store's limits (refused beyond them). */
function noReceiptPlan(ctx: RefundContext, input: readonly NoReceiptLine[]): NoReceiptPlan {
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

/** Can the sale still be voided: completed in the open business day (not one a Z closed), nothing corrected yet. */
export function voidable(ctx: RefundContext, state: RefundState): boolean {
  return state.sale.businessDay === openBusinessDay(ctx.db, ctx.settings, ctx.now) && state.corrections.length === 0;
}

export function voidSale(ctx: RefundContext, input: { saleId: string; reason: RefundReason; idempotencyKey: string }, approverId: number | null): Booking {
  return ctx.db.transaction(() => {
    const earlier = earlierBooking(ctx, input.idempotencyKey);
    if (earlier) return earlier;
    const state = correctable(ctx, input.saleId);
    if (state.corrections.length > 0) throw new ServiceError('void.has_corrections', { count: state.corrections.length });
    if (!voidable(ctx, state)) throw new ServiceError('void.not_today', { businessDay: state.sale.businessDay ?? '' });
    const approver = approverFor(ctx, ['refund.approval.void'], approverId);
    // The whole sale back, line by line and tender by tender, exactly as it was taken.
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
    const parts = state.sale.payments.map((p) => ({ paymentId: p.id, method: p.method, amountMinor: p.amountMinor }));
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
