// What a correction of a sale would give back, checked line by line against what is left of it:
// the plan a return, a price adjustment or a preview is made from, and who must approve it.
import type { RefundPlanView } from '../../preload/contract/refund-views';
import type { StoreSettings } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { roleAtLeast } from '../operators/session';
import {
  adjustmentShare,
  breaksWholePieces,
  refundableAmount,
  returnShare,
  tenderPlan,
  type LineShare,
  type ShareProblem,
  type TenderPlan,
} from './refund-math';
import { refundState, type RefundState } from './refundable';
import { assertCorrectionMode } from '../training/training';
import { toCashReasons } from './tender-provenance';

export interface RefundContext {
  db: Db;
  now: number;
  settings: StoreSettings;
  actor: { id: number; role: 'cashier' | 'supervisor' | 'owner' };
}

export interface PlannedLine {
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
export function correctable(ctx: RefundContext, saleId: string): RefundState {
  const state = refundState(ctx.db, saleId, ctx.settings.registerId);
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

/** A weighed line's limit is a weight ("at most 0.452 kg"), not pieces: the `weight` scope picks `refund.exceeds_original_weight`. */
function unit(line: { soldByWeight: boolean }): { scope?: 'weight' } {
  return line.soldByWeight ? { scope: 'weight' } : {};
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
  // Cash for what was paid by card or payment code (or by an exchange credit made of such money):
  // the classic way to turn an electronic sale into cash in the till.
  const approvalReasons = [...extraApproval, ...toCashReasons(state.payments, tender.parts)];
  return { state, lines, totalMinor, tender, approvalReasons };
}

/** The plan of a return of `lines` from the sale (checks every line against what is left). */
export function returnPlan(
  ctx: RefundContext,
  saleId: string,
  lines: readonly { lineId: number; qtyMilli: number; restock: boolean }[],
  toCash: boolean,
): Plan {
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
      throw new ServiceError('refund.exceeds_original', { lineId: request.lineId, maxQtyMilli: share.maxQtyMilli, maxMinor: share.maxMinor, ...unit(view) });
    // More than is left says the maximum first; within it, half a bottle is still no return.
    if (breaksWholePieces(view, request.qtyMilli))
      throw new ServiceError('refund.qty_whole_pieces', { lineId: request.lineId, name: view.name, qtyMilli: request.qtyMilli });
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

export function adjustmentPlan(ctx: RefundContext, saleId: string, lineId: number, amountMinor: number, toCash: boolean): Plan {
  const state = correctable(ctx, saleId);
  const { sold, view } = soldLine(state, lineId);
  const share = adjustmentShare(sold, amountMinor);
  if (isProblem(share)) throw new ServiceError('refund.exceeds_original', { lineId, maxQtyMilli: share.maxQtyMilli, maxMinor: share.maxMinor, ...unit(view) });
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

export function operatorName(db: Db, id: number): string {
  return (sql(db, 'SELECT name FROM operators WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '';
}
