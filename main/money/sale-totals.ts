import type { Discount } from '../../preload/contract/primitives';
import type { TaxBreakdownView, TotalsView } from '../../preload/contract/views';
import { allocate, mulDivHalfUp } from './integer-math';

export interface LineInput {
  qtyMilli: number;
  unitPriceMinor: number;
  taxRateBp: number;
  discount: Discount | null;
}

export interface LineAmounts {
  grossMinor: number;
  lineDiscountMinor: number;
  orderDiscountMinor: number;
  totalMinor: number;
  taxMinor: number;
}

export interface SaleAmounts {
  lines: LineAmounts[];
  totals: TotalsView;
}

/** A discount's amount on a base, never more than the base. */
export function discountAmount(discount: Discount | null, baseMinor: number): number {
  if (!discount) return 0;
  const raw = discount.kind === 'amount' ? discount.amountMinor : mulDivHalfUp(baseMinor, discount.rateBp, 10_000);
  return Math.min(raw, baseMinor);
}

/**
 * The one place a sale's money is computed. Each line: gross = qty × unit price (rounded), minus
 * its own discount, minus its share of the order discount; tax is derived per line and rounded
 * half-up; the document total is the sum of the rounded line totals.
 */
export function computeSale(lines: readonly LineInput[], orderDiscount: Discount | null, pricesIncludeTax: boolean): SaleAmounts {
  const gross = lines.map((l) => mulDivHalfUp(l.unitPriceMinor, l.qtyMilli, 1000));
  const lineDiscounts = lines.map((l, i) => discountAmount(l.discount, gross[i] ?? 0));
  const afterLine = gross.map((g, i) => g - (lineDiscounts[i] ?? 0));
  const subtotal = afterLine.reduce((s, a) => s + a, 0);
  const orderDiscountTotal = discountAmount(orderDiscount, subtotal);
  const orderShares = allocate(orderDiscountTotal, afterLine);

  const amounts: LineAmounts[] = lines.map((l, i) => {
    const net = (afterLine[i] ?? 0) - (orderShares[i] ?? 0);
    const taxMinor = pricesIncludeTax ? mulDivHalfUp(net, l.taxRateBp, 10_000 + l.taxRateBp) : mulDivHalfUp(net, l.taxRateBp, 10_000);
    return {
      grossMinor: gross[i] ?? 0,
      lineDiscountMinor: lineDiscounts[i] ?? 0,
      orderDiscountMinor: orderShares[i] ?? 0,
      totalMinor: pricesIncludeTax ? net : net + taxMinor,
      taxMinor,
    };
  });

  const byRate = new Map<number, TaxBreakdownView>();
  lines.forEach((l, i) => {
    const a = amounts[i];
    if (!a) return;
    const entry = byRate.get(l.taxRateBp) ?? { rateBp: l.taxRateBp, baseMinor: 0, taxMinor: 0 };
    entry.baseMinor += pricesIncludeTax ? a.totalMinor : a.totalMinor - a.taxMinor;
    entry.taxMinor += a.taxMinor;
    byRate.set(l.taxRateBp, entry);
  });

  return {
    lines: amounts,
    totals: {
      grossMinor: gross.reduce((s, g) => s + g, 0),
      discountMinor: amounts.reduce((s, a) => s + a.lineDiscountMinor + a.orderDiscountMinor, 0),
      taxMinor: amounts.reduce((s, a) => s + a.taxMinor, 0),
      totalMinor: amounts.reduce((s, a) => s + a.totalMinor, 0),
      taxBreakdown: [...byRate.values()].sort((a, b) => a.rateBp - b.rateBp),
    },
  };
}

/**
 * What 改价 took off: per overridden line, qty × the price it was rung up at, less its gross at the
 * price it sells at (both rounded as the gross is). A price typed up takes nothing off.
 */
export function priceOverrideMinor(lines: readonly { qtyMilli: number; unitPriceMinor: number; listUnitPriceMinor: number | null }[]): number {
  let off = 0;
  for (const l of lines) {
    if (l.listUnitPriceMinor === null || l.listUnitPriceMinor <= l.unitPriceMinor) continue;
    off += mulDivHalfUp(l.listUnitPriceMinor, l.qtyMilli, 1000) - mulDivHalfUp(l.unitPriceMinor, l.qtyMilli, 1000);
  }
  return off;
}
