// Money in or out on an open document: a payment row, and the view that includes it. A sale's
// payments take money; a refund's give it back, each part naming the sale payment it returns.
import type { DocumentView, PaymentView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { withPayments } from './document-view';

/** Records `payment` on `view`'s document (triggers refuse a closed one) and answers with the view that includes it. */
export function takePayment(db: Db, view: DocumentView, payment: Omit<PaymentView, 'id'>, now: number, cashStep: number): DocumentView {
  const info = sql(
    db,
    'INSERT INTO payments (document_pk, method, amount_minor, tendered_minor, change_minor, card, scan, original_payment_id, created_at) VALUES ((SELECT pk FROM documents WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    view.id,
    payment.method,
    payment.amountMinor,
    payment.tenderedMinor,
    payment.changeMinor,
    payment.card ? JSON.stringify(payment.card) : null,
    payment.scan ? JSON.stringify(payment.scan) : null,
    payment.originalPaymentId,
    now,
  );
  return withPayments(view, [...view.payments, { id: Number(info.lastInsertRowid), ...payment }], cashStep);
}
