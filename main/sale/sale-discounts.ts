// Line and order discounts on an open sale, each within the authority of the operator or the
// approver they brought. A discount only the approver's authority lets through is journalled with
// both of them, as every other approved action is.
import type { Discount, Role } from '../../preload/contract/primitives';
import type { DocumentView } from '../../preload/contract/views';
import { mulDivHalfUp } from '../money/integer-math';
import { ServiceError } from '../common/service-error';
import { appendJournal } from '../ledger/journal';
import { roleAtLeast } from '../operators/session';
import { sql } from '../ledger/statements';
import { changeOpenSale, computedLines } from './sale-change';
import type { SaleContext } from './sale-context';

/** A supervisor or owner whose PIN or badge was checked for this call. */
export interface Approver {
  id: number;
  role: Role;
}

/** Share of the base a discount takes, in basis points, to compare against the cashier's limit. */
function discountShareBp(discount: Discount, baseMinor: number): number {
  if (discount.kind === 'percent') return discount.rateBp;
  if (baseMinor === 0) return discount.amountMinor === 0 ? 0 : 10_000;
  return mulDivHalfUp(Math.min(discount.amountMinor, baseMinor), 10_000, baseMinor);
}

/** The largest share a role may give on its own; an owner's has no limit. */
function limitBp(ctx: SaleContext, role: Role): number {
  if (role === 'owner') return Number.POSITIVE_INFINITY;
  return role === 'supervisor' ? ctx.settings.supervisorDiscountLimitBp : ctx.settings.cashierDiscountLimitBp;
}

/**
 * A discount is within the authority of the operator or of the approver they brought, whoever
 * ranks higher: a cashier's limit, then a supervisor's, and an owner's has none. Returns the
 * approver when only their authority lets it through (then the approval is journalled), else null.
 */
function checkDiscount(ctx: SaleContext, discount: Discount | null, baseMinor: number, approver: Approver | null): Approver | null {
  if (!discount) return null;
  if (discount.kind === 'amount' && discount.amountMinor > baseMinor) throw new ServiceError('sale.discount_exceeds_amount', { maxMinor: baseMinor });
  const share = discountShareBp(discount, baseMinor);
  if (share <= limitBp(ctx, ctx.actor.role)) return null;
  const authority = approver && !roleAtLeast(ctx.actor.role, approver.role) ? approver.role : ctx.actor.role;
  if (share <= limitBp(ctx, authority)) return approver;
  if (authority === 'cashier') throw new ServiceError('sale.discount_needs_supervisor', { limitBp: ctx.settings.cashierDiscountLimitBp });
  throw new ServiceError('sale.discount_needs_owner', { limitBp: ctx.settings.supervisorDiscountLimitBp });
}

function journalApproval(
  ctx: SaleContext,
  saleId: string,
  line: { lineId: number; name: string; sku: string | null } | null,
  discount: Discount,
  approver: Approver,
): void {
  appendJournal(ctx.db, 'sale.discount_approved', { saleId, line, discount, operatorId: ctx.actor.id, approverId: approver.id }, ctx.now);
}

export function setLineDiscount(
  ctx: SaleContext,
  input: { saleId: string; lineId: number; discount: Discount | null },
  approver: Approver | null,
): DocumentView {
  return changeOpenSale(ctx, input.saleId, (sale) => {
    const line = computedLines(ctx, sale).find((l) => l.id === input.lineId);
    if (!line) throw new ServiceError('sale.line_not_found', { lineId: input.lineId });
    const approvedBy = checkDiscount(ctx, input.discount, line.grossMinor, approver);
    const stored = input.discount ? JSON.stringify(input.discount) : null;
    sql(ctx.db, 'UPDATE document_lines SET discount = ? WHERE id = ?').run(stored, input.lineId);
    if (approvedBy && input.discount) journalApproval(ctx, input.saleId, { lineId: line.id, name: line.name, sku: line.sku }, input.discount, approvedBy);
    return { lines: sale.lines.map((l) => (l.id === input.lineId ? { ...l, discount: stored } : l)) };
  });
}

export function setOrderDiscount(ctx: SaleContext, input: { saleId: string; discount: Discount | null }, approver: Approver | null): DocumentView {
  return changeOpenSale(ctx, input.saleId, (sale) => {
    const base = computedLines(ctx, sale).reduce((s, l) => s + l.grossMinor - l.lineDiscountMinor, 0);
    const approvedBy = checkDiscount(ctx, input.discount, base, approver);
    sql(ctx.db, 'UPDATE documents SET order_discount = ? WHERE id = ?').run(input.discount ? JSON.stringify(input.discount) : null, input.saleId);
    if (approvedBy && input.discount) journalApproval(ctx, input.saleId, null, input.discount, approvedBy);
    return { lines: sale.lines, rowChanged: true };
  });
}
