// A finished exchange as the cashier sees it, rebuilt from its `exchanges` row and its two
// documents: for a retried request that finds its exchange done (exchange.ts), and for an exchange
// whose difference went back to the card (card-back-exchange.ts). One builder, so both answer alike.
import type { ExchangeDoneView } from '../../preload/contract/exchange-views';
import { documentView } from '../documents/document-view';
import type { Db } from '../ledger/database';

/** The columns of an `exchanges` row that the view needs. */
export interface ExchangeLink {
  id: string;
  refund_document_id: string;
  sale_document_id: string;
  credit_minor: number;
  difference_minor: number;
}

export function exchangeDoneView(db: Db, link: ExchangeLink, differenceTo: 'cash' | 'card'): ExchangeDoneView {
  const refund = documentView(db, link.refund_document_id);
  const sale = documentView(db, link.sale_document_id);
  const toCard = differenceTo === 'card';
  return {
    exchangeId: link.id,
    refund,
    sale,
    creditMinor: link.credit_minor,
    saleTotalMinor: sale.totals.totalMinor,
    differenceMinor: link.difference_minor,
    cashDifferenceMinor: link.difference_minor,
    // What the terminal gave back; any rest of the difference was cash (the completion shows it apart).
    ...(toCard ? { toCardMinor: refund.payments.filter((p) => p.method === 'card').reduce((s, p) => s + p.amountMinor, 0) } : {}),
    // A view rebuilt after the fact: any approval was given when the exchange was done.
    approvalReasons: [],
    // Money back to a card is no change out of the drawer.
    changeMinor: toCard ? 0 : sale.changeMinor,
  };
}
