// What of a completed sale is still refundable: per sold line the quantity not yet returned and
// the amount not yet refunded, per payment what it still holds, and the corrections so far. Open
// corrections count too (a card refund waiting for the terminal): the same goods or money cannot
// be promised twice while one is in flight.
import type { DocumentView } from '../../preload/contract/views';
import type { CorrectionView, RefundableLineView, RefundablePaymentView, RefundableSaleView } from '../../preload/contract/refund-views';
import { ServiceError } from '../common/service-error';
import { documentView } from '../documents/document-view';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { countedInPieces, refundableAmount, returnableQty, type SalePayment, type SoldLine } from './refund-math';
import { paymentFor, planParts } from './correction-parts';
import { paymentProvenance, NO_PROVENANCE, type Provenance } from './tender-provenance';

export interface RefundState {
  sale: DocumentView;
  lines: SoldLine[];
  /** Each with the electronic money inside it (an exchange credit carries the tenders of the goods returned). */
  payments: (SalePayment & { provenance: Provenance })[];
  corrections: CorrectionView[];
}

/**
 * The completed sale `saleId` of this register (`registerId`) and what of it is still refundable;
 * refuses anything but a completed sale of this register: money goes back from this drawer and
 * this terminal only against what this till took.
 */
export function refundState(db: Db, saleId: string, registerId: string): RefundState {
  const sale = documentView(db, saleId);
  if (sale.registerId !== registerId) throw new ServiceError('refund.other_register', { registerId: sale.registerId });
  if (sale.kind !== 'sale') throw new ServiceError('refund.not_a_sale', { kind: sale.kind });
  if (sale.status !== 'completed') throw new ServiceError('refund.sale_not_completed');
  const taken = new Map(
    (
      sql(
        db,
        `SELECT l.original_line_id AS id, SUM(l.qty_milli) AS qty, SUM(l.total_minor) AS total, SUM(l.tax_minor) AS tax
           FROM document_lines l JOIN documents d ON d.pk = l.document_pk
          WHERE d.original_document_id = ? AND d.status IN ('open', 'completed') AND l.original_line_id IS NOT NULL
          GROUP BY l.original_line_id`,
      ).all(saleId) as { id: number; qty: number; total: number; tax: number }[]
    ).map((r) => [r.id, r]),
  );
  const given = new Map(
    (
      sql(
        db,
        `SELECT p.original_payment_id AS id, SUM(p.amount_minor) AS amount
           FROM payments p JOIN documents d ON d.pk = p.document_pk
          WHERE d.original_document_id = ? AND d.status IN ('open', 'completed') AND p.original_payment_id IS NOT NULL
          GROUP BY p.original_payment_id`,
      ).all(saleId) as { id: number; amount: number }[]
    ).map((r) => [r.id, r.amount]),
  );
  // A card or wallet part still on its way back (the terminal or the provider has not confirmed
  // it) has no payment yet, only its place in the correction's plan: promised all the same.
  for (const open of sql(
    db,
    `SELECT c.document_id AS id FROM correction_plans c JOIN documents d ON d.id = c.document_id
      WHERE d.original_document_id = ? AND d.status = 'open'`,
  ).all(saleId) as { id: string }[]) {
    for (const part of planParts(db, open.id) ?? []) {
      if (paymentFor(db, open.id, part.paymentId, part.afterPaymentId)) continue;
      given.set(part.paymentId, (given.get(part.paymentId) ?? 0) + part.amountMinor);
    }
  }
  const corrections = sql(
    db,
    `SELECT id, kind, status, receipt_no AS receiptNo, total_minor AS totalMinor, completed_at AS completedAt, reason
       FROM documents WHERE original_document_id = ? AND status IN ('open', 'completed') ORDER BY opened_at`,
  ).all(saleId) as CorrectionView[];
  const provenance = paymentProvenance(
    db,
    saleId,
    sale.payments.map((p) => ({ paymentId: p.id, method: p.method, amountMinor: p.amountMinor })),
  );
  return {
    sale,
    lines: sale.lines.map((l) => {
      const t = taken.get(l.id);
      // A price adjustment takes money but no goods: its lines carry quantity 0.
      return {
        lineId: l.id,
        qtyMilli: l.qtyMilli,
        totalMinor: l.totalMinor,
        taxMinor: l.taxMinor,
        returnedQtyMilli: t?.qty ?? 0,
        refundedMinor: t?.total ?? 0,
        refundedTaxMinor: t?.tax ?? 0,
      };
    }),
    payments: sale.payments.map((p) => ({
      paymentId: p.id,
      method: p.method,
      amountMinor: p.amountMinor,
      refundedMinor: given.get(p.id) ?? 0,
      provenance: provenance.get(p.id) ?? NO_PROVENANCE,
    })),
    corrections,
  };
}

export function refundableView(state: RefundState, voidable: boolean, voidDayClosed: boolean): RefundableSaleView {
  const lines: RefundableLineView[] = state.sale.lines.map((l, i) => {
    const sold = state.lines[i] as SoldLine;
    return {
      lineId: l.id,
      name: l.name,
      sku: l.sku,
      unitPriceMinor: l.unitPriceMinor,
      soldByWeight: l.soldByWeight,
      wholePieces: countedInPieces(l),
      soldQtyMilli: l.qtyMilli,
      paidMinor: l.totalMinor,
      returnedQtyMilli: sold.returnedQtyMilli,
      refundedMinor: sold.refundedMinor,
      returnableQtyMilli: returnableQty(sold),
      refundableMinor: refundableAmount(sold),
    };
  });
  const payments: RefundablePaymentView[] = state.sale.payments.map((p, i) => {
    const sp = state.payments[i] as SalePayment;
    return {
      paymentId: p.id,
      method: p.method,
      amountMinor: p.amountMinor,
      refundedMinor: sp.refundedMinor,
      refundableMinor: sp.amountMinor - sp.refundedMinor,
      maskedPan: p.card?.maskedPan ?? null,
      brand: p.card?.brand ?? null,
      scanProvider: p.scan?.provider ?? null,
    };
  });
  return { sale: state.sale, lines, payments, corrections: state.corrections, voidable, voidDayClosed };
}
