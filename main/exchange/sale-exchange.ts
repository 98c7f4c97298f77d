// The exchange a sale is the new half of, as a window that did not begin it sees it: the payment
// screen says it pays an exchange's difference, and the completion names both documents.
import type { SaleExchangeView } from '../../preload/contract/exchange-views';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';

interface Row {
  refund_id: string;
  refund_status: SaleExchangeView['refundStatus'];
  refund_receipt_no: number | null;
  reason: string;
  original_id: string;
  original_register_id: string;
  original_receipt_no: number | null;
  credit_minor: number;
  difference_minor: number;
}

/**
 * The new sale's payment that is the returned goods' credit. Both ways of exchanging take it first,
 * on a sale that has no payment yet (exchange.ts refuses one that has), so it is the sale's first.
 */
export function exchangeCreditPaymentId(db: Db, saleId: string): number | null {
  return (sql(db, 'SELECT MIN(id) FROM payments WHERE document_pk = (SELECT pk FROM documents WHERE id = ?)').pluck().get(saleId) as number | null) ?? null;
}

export function saleExchange(db: Db, saleId: string): SaleExchangeView | null {
  const row = sql(
    db,
    `SELECT r.id AS refund_id, r.status AS refund_status, r.receipt_no AS refund_receipt_no, r.reason, o.id AS original_id,
            o.register_id AS original_register_id, o.receipt_no AS original_receipt_no, e.credit_minor, e.difference_minor
       FROM exchanges e JOIN documents r ON r.id = e.refund_document_id JOIN documents o ON o.id = e.original_document_id
      WHERE e.sale_document_id = ?`,
  ).get(saleId) as Row | undefined;
  if (!row) return null;
  const lines = sql(
    db,
    'SELECT original_line_id AS lineId, qty_milli AS qtyMilli, restock FROM document_lines WHERE document_pk = (SELECT pk FROM documents WHERE id = ?) ORDER BY id',
  ).all(row.refund_id) as { lineId: number; qtyMilli: number; restock: number | null }[];
  return {
    originalSaleId: row.original_id,
    originalRegisterId: row.original_register_id,
    originalReceiptNo: row.original_receipt_no,
    refundId: row.refund_id,
    refundStatus: row.refund_status,
    refundReceiptNo: row.refund_receipt_no,
    creditMinor: row.credit_minor,
    creditPaymentId: exchangeCreditPaymentId(db, saleId),
    differenceMinor: row.difference_minor,
    reason: row.reason,
    lines: lines.map((l) => ({ lineId: l.lineId, qtyMilli: l.qtyMilli, restock: l.restock === 1 })),
  };
}
