// Where a sale payment's money came from, by electronic tender. A card or scan-to-pay payment is
// its own; cash is cash, except the credit an exchange paid its new goods with (the new sale's
// first payment, booked as cash so the drawer counts only the difference): that is the money of
// the goods returned, so of the tenders that paid them. It is traced back through the exchange's
// return, whose payments name the sale payments they gave back, through any chain of exchanges.
// Nothing is stored for it: completed documents are immutable and already link every step.
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';

/** The electronic money inside a payment, per tender, in minor units (never more than the payment). */
export interface Provenance {
  card: number;
  scan: number;
}

export const NO_PROVENANCE: Provenance = { card: 0, scan: 0 };

/** The return of the exchange whose new sale is `saleId`, with the id of that sale's credit payment; null for any other sale. */
export function exchangeCreditOf(db: Db, saleId: string): { refundId: string; creditPaymentId: number } | null {
  const row = sql(
    db,
    `SELECT e.refund_document_id AS refundId, (SELECT MIN(p.id) FROM payments p WHERE p.document_pk = d.pk) AS creditPaymentId
       FROM exchanges e JOIN documents d ON d.id = e.sale_document_id WHERE e.sale_document_id = ?`,
  ).get(saleId) as { refundId: string; creditPaymentId: number | null } | undefined;
  return row && row.creditPaymentId !== null ? { refundId: row.refundId, creditPaymentId: row.creditPaymentId } : null;
}

/**
 * The electronic money inside an exchange credit: each part of the return takes what it gave back
 * from the tender behind it, cards first, then payment codes (the order a return gives money back
 * in), at most the part itself; the credit holds at most its own amount of it.
 */
export function creditProvenance(db: Db, refundId: string, creditMinor: number, depth = 0): Provenance {
  // A chain of exchanges runs back in time through immutable documents; the bound only guards a damaged ledger.
  if (depth > 64) return NO_PROVENANCE;
  const parts = sql(
    db,
    `SELECT p.amount_minor AS amountMinor, o.method, o.amount_minor AS originalMinor, od.id AS originalSaleId, o.id AS originalPaymentId
       FROM payments p JOIN payments o ON o.id = p.original_payment_id JOIN documents od ON od.pk = o.document_pk
      WHERE p.document_pk = (SELECT pk FROM documents WHERE id = ?) ORDER BY p.id`,
  ).all(refundId) as { amountMinor: number; method: string; originalMinor: number; originalSaleId: string; originalPaymentId: number }[];
  let card = 0;
  let scan = 0;
  for (const part of parts) {
    let source = NO_PROVENANCE;
    if (part.method === 'card') source = { card: part.originalMinor, scan: 0 };
    else if (part.method === 'scan') source = { card: 0, scan: part.originalMinor };
    else {
      const earlier = exchangeCreditOf(db, part.originalSaleId);
      if (earlier?.creditPaymentId === part.originalPaymentId) source = creditProvenance(db, earlier.refundId, part.originalMinor, depth + 1);
    }
    const fromCard = Math.min(part.amountMinor, source.card);
    card += fromCard;
    scan += Math.min(part.amountMinor - fromCard, source.scan);
  }
  const cardShare = Math.min(card, creditMinor);
  return { card: cardShare, scan: Math.min(scan, creditMinor - cardShare) };
}

/** The electronic money of each of a sale's payments, by payment id. */
export function paymentProvenance(db: Db, saleId: string, payments: readonly { paymentId: number; method: string; amountMinor: number }[]) {
  const credit = payments.some((p) => p.method === 'cash') ? exchangeCreditOf(db, saleId) : null;
  return new Map(
    payments.map((p): [number, Provenance] => {
      if (p.method === 'card') return [p.paymentId, { card: p.amountMinor, scan: 0 }];
      if (p.method === 'scan') return [p.paymentId, { card: 0, scan: p.amountMinor }];
      if (credit?.creditPaymentId === p.paymentId) return [p.paymentId, creditProvenance(db, credit.refundId, p.amountMinor)];
      return [p.paymentId, NO_PROVENANCE];
    }),
  );
}

export type ToCashReason = 'refund.approval.card_to_cash' | 'refund.approval.scan_to_cash';

/**
 * Why a supervisor must allow these tender parts: electronic money leaving the drawer as cash,
 * named by the tender it was paid with. Each part takes from what its payment still holds, its
 * electronic money first (card, then payment code): what earlier refunds gave back is counted
 * against that first too.
 */
export function toCashReasons(
  payments: readonly { paymentId: number; refundedMinor: number; provenance: Provenance }[],
  parts: readonly { paymentId: number | null; method: string; amountMinor: number }[],
): ToCashReason[] {
  const reasons = new Set<ToCashReason>();
  const taken = new Map<number, number>();
  for (const part of parts) {
    if (part.paymentId === null) continue;
    const p = payments.find((x) => x.paymentId === part.paymentId);
    if (!p) continue;
    const before = p.refundedMinor + (taken.get(p.paymentId) ?? 0);
    taken.set(p.paymentId, (taken.get(p.paymentId) ?? 0) + part.amountMinor);
    if (part.method !== 'cash') continue;
    const cardLeft = Math.max(0, p.provenance.card - before);
    const scanLeft = Math.max(0, p.provenance.scan - Math.max(0, before - p.provenance.card));
    const fromCard = Math.min(part.amountMinor, cardLeft);
    if (fromCard > 0) reasons.add('refund.approval.card_to_cash');
    if (Math.min(part.amountMinor - fromCard, scanLeft) > 0) reasons.add('refund.approval.scan_to_cash');
  }
  return [...reasons];
}
