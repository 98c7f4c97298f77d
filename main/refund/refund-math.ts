// The money of a refund, pure. A refund gives back shares of what was paid for each sold line,
// never a new price: each share is taken from what is still refundable on that line, and the last
// share is exactly the rest, so that refunding everything, in any number of steps, returns exactly
// what was paid. Then the tenders: card payments are given back to their card first, the rest in
// cash, each part naming the sale payment it returns.
import type { PaymentMethod } from '../../preload/contract/document-views';
import { mulDivHalfUp, roundToStep } from '../money/integer-math';

export interface SoldLine {
  lineId: number;
  qtyMilli: number;
  /** The line's net amount as paid (after its own and its share of the order discount), and its tax. */
  totalMinor: number;
  taxMinor: number;
  /** What earlier refunds (returns and price adjustments) already took from it. */
  returnedQtyMilli: number;
  refundedMinor: number;
  refundedTaxMinor: number;
}

export interface LineShare {
  totalMinor: number;
  taxMinor: number;
}

export type ShareProblem = { problem: 'exceeds_original'; maxQtyMilli: number; maxMinor: number };

export function returnableQty(line: SoldLine): number {
  return line.qtyMilli - line.returnedQtyMilli;
}

export function refundableAmount(line: SoldLine): number {
  return line.totalMinor - line.refundedMinor;
}

/**
 * Goods sold in whole pieces come back in whole pieces: half a bottle cannot cross the counter, and
 * a typed 1.5 would pay for (and restock) goods nobody returned. A weighed line keeps its three
 * decimals, and so does a line sold in a fraction (an ad-hoc item keyed 1.5 m): it was sold that way.
 */
export function countedInPieces(line: { soldByWeight: boolean; qtyMilli: number }): boolean {
  return !line.soldByWeight && line.qtyMilli % 1000 === 0;
}

/** A quantity a line counted in pieces cannot take back. */
export function breaksWholePieces(line: { soldByWeight: boolean; qtyMilli: number }, qtyMilli: number): boolean {
  return countedInPieces(line) && qtyMilli % 1000 !== 0;
}

/** What returning `qtyMilli` of the line gives back, or why it cannot. */
export function returnShare(line: SoldLine, qtyMilli: number): LineShare | ShareProblem {
  const qtyLeft = returnableQty(line);
  const amountLeft = refundableAmount(line);
  const taxLeft = line.taxMinor - line.refundedTaxMinor;
  if (qtyMilli <= 0 || qtyMilli > qtyLeft) return { problem: 'exceeds_original', maxQtyMilli: qtyLeft, maxMinor: amountLeft };
  if (qtyMilli === qtyLeft) return { totalMinor: amountLeft, taxMinor: taxLeft };
  return { totalMinor: mulDivHalfUp(amountLeft, qtyMilli, qtyLeft), taxMinor: mulDivHalfUp(taxLeft, qtyMilli, qtyLeft) };
}

/** A price adjustment (money back, goods kept): never more than the line still holds. */
export function adjustmentShare(line: SoldLine, amountMinor: number): LineShare | ShareProblem {
  const amountLeft = refundableAmount(line);
  const taxLeft = line.taxMinor - line.refundedTaxMinor;
  if (amountMinor <= 0 || amountMinor > amountLeft) return { problem: 'exceeds_original', maxQtyMilli: returnableQty(line), maxMinor: amountLeft };
  if (amountMinor === amountLeft) return { totalMinor: amountLeft, taxMinor: taxLeft };
  return { totalMinor: amountMinor, taxMinor: mulDivHalfUp(taxLeft, amountMinor, amountLeft) };
}

export interface SalePayment {
  paymentId: number;
  method: PaymentMethod;
  /** What the payment settled on the sale (cash: the rounded amount due, change not included). */
  amountMinor: number;
  /** What earlier refunds already gave back against it, in any tender. */
  refundedMinor: number;
}

export interface TenderPart {
  /** The sale payment this part gives back. */
  paymentId: number;
  method: PaymentMethod;
  amountMinor: number;
}

export interface TenderPlan {
  parts: TenderPart[];
  /** Cash rounding of the cash parts (paid out − refunded), like a sale's. */
  roundingMinor: number;
}

/**
 * Which tenders give back `refundMinor`. Card and scan-to-pay payments first, each to its own card or wallet (or in cash
 * when `toCash`: a supervisor's decision), then cash payments. The cash given is rounded to the
 * store's cash step; when the refund empties the sale (`final`), every tender gives back exactly
 * what it still holds, so the customer ends with what they paid.
 */
export function tenderPlan(payments: readonly SalePayment[], refundMinor: number, options: { toCash: boolean; final: boolean; cashStep: number }): TenderPlan {
  const order = [
    ...payments.filter((p) => p.method === 'card'),
    ...payments.filter((p) => p.method === 'scan'),
    ...payments.filter((p) => p.method === 'cash'),
  ];
  const parts: TenderPart[] = [];
  let left = refundMinor;
  for (const p of order) {
    const holds = p.amountMinor - p.refundedMinor;
    if (holds <= 0) continue;
    const take = options.final ? holds : Math.min(holds, left);
    if (take <= 0) continue;
    parts.push({ paymentId: p.paymentId, method: options.toCash ? 'cash' : p.method, amountMinor: take });
    left -= take;
  }
  if (options.final) return { parts, roundingMinor: parts.reduce((s, p) => s + p.amountMinor, 0) - refundMinor };
  // Round the cash handed over as a whole, taking the difference from (or adding it to) the last cash part.
  const cash = parts.filter((p) => p.method === 'cash');
  const cashTotal = cash.reduce((s, p) => s + p.amountMinor, 0);
  const last = cash[cash.length - 1];
  if (!last || cashTotal === 0) return { parts, roundingMinor: 0 };
  const lastHolds = (() => {
    const p = payments.find((x) => x.paymentId === last.paymentId);
    return p ? p.amountMinor - p.refundedMinor : last.amountMinor;
  })();
  const rounded = Math.min(roundToStep(cashTotal, options.cashStep), cashTotal - last.amountMinor + lastHolds);
  last.amountMinor += rounded - cashTotal;
  // A few fen that round to nothing are not handed over, as at a sale.
  return { parts: parts.filter((p) => p.amountMinor > 0), roundingMinor: rounded - cashTotal };
}
