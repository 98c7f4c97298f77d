// Line and order discounts on an open sale, each within the authority of the operator or the
// approver they brought.
import type { Discount, Role } from '../../preload/contract/primitives';
import type { DocumentView } from '../../preload/contract/views';
import { mulDivHalfUp } from '../money/integer-math';
import { ServiceError } from '../common/service-error';
import { sql } from '../ledger/statements';
import { changeOpenSale, computedLines } from './sale-change';
import type { SaleContext } from './sale-context';

/** Share of the base a discount takes, in basis points, to compare against the cashier's limit. */
function discountShareBp(discount: Discount, baseMinor: number): number {
  if (discount.kind === 'percent') return discount.rateBp;
  if (baseMinor === 0) return discount.amountMinor === 0 ? 0 : 10_000;
  return mulDivHalfUp(Math.min(discount.amountMinor, baseMinor), 10_000, baseMinor);
}

/**
 * A discount is within the authority of the operator or of the approver they brought, whoever
 * ranks higher: a cashier's limit, then a supervisor's, and an owner's has none.
 */
function checkDiscount(ctx: SaleContext, discount: Discount | null, baseMinor: number, approverRole: Role | null): void {
  if (!discount) return;
  if (discount.kind === 'amount' && discount.amountMinor > baseMinor) throw new ServiceError('sale.discount_exceeds_amount', { maxMinor: baseMinor });
  const share = discountShareBp(discount, baseMinor);
  const authority =
    approverRole === 'owner' || ctx.actor.role === 'owner'
      ? 'owner'
      : approverRole === 'supervisor' || ctx.actor.role === 'supervisor'
        ? 'supervisor'
        : 'cashier';
  if (authority === 'cashier' && share > ctx.settings.cashierDiscountLimitBp) {
    throw new ServiceError('sale.discount_needs_supervisor', { limitBp: ctx.settings.cashierDiscountLimitBp });
  }
  if (authority === 'supervisor' && share > ctx.settings.supervisorDiscountLimitBp) {
    throw new ServiceError('sale.discount_needs_owner', { limitBp: ctx.settings.supervisorDiscountLimitBp });
  }
}

export function setLineDiscount(
  ctx: SaleContext,
  input: { saleId: string; lineId: number; discount: Discount | null },
  approverRole: Role | null,
): DocumentView {
  return changeOpenSale(ctx, input.saleId, (sale) => {
    const line = computedLines(ctx, sale).find((l) => l.id === input.lineId);
    if (!line) throw new ServiceError('sale.line_not_found', { lineId: input.lineId });
    checkDiscount(ctx, input.discount, line.grossMinor, approverRole);
    const stored = input.discount ? JSON.stringify(input.discount) : null;
    sql(ctx.db, 'UPDATE document_lines SET discount = ? WHERE id = ?').run(stored, input.lineId);
    return { lines: sale.lines.map((l) => (l.id === input.lineId ? { ...l, discount: stored } : l)) };
  });
}

export function setOrderDiscount(ctx: SaleContext, input: { saleId: string; discount: Discount | null }, approverRole: Role | null): DocumentView {
  return changeOpenSale(ctx, input.saleId, (sale) => {
    const base = computedLines(ctx, sale).reduce((s, l) => s + l.grossMinor - l.lineDiscountMinor, 0);
    checkDiscount(ctx, input.discount, base, approverRole);
    sql(ctx.db, 'UPDATE documents SET order_discount = ? WHERE id = ?').run(input.discount ? JSON.stringify(input.discount) : null, input.saleId);
    return { lines: sale.lines, rowChanged: true };
  });
}
