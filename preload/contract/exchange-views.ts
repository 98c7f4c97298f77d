// Exchanges as the register shows them.
import type { DocumentView } from './document-views';

/** An exchange as done or as it would be done: what comes back, what is sold, and who pays whom. */
export interface ExchangeView {
  /** What the returned goods are worth to the customer (the return's cash, pro rata and rounded as a return would be). */
  creditMinor: number;
  /** The new goods' total. */
  saleTotalMinor: number;
  /** > 0 the customer pays it, < 0 the customer receives it, 0 no money moves. */
  differenceMinor: number;
  /**
   * The difference as cash: when the customer pays it, rounded to the store's cash step (what cash
   * is asked and accepted, as a plain cash sale rounds its total); otherwise the same as differenceMinor.
   * A card or scan-to-pay payment pays differenceMinor exactly.
   */
  cashDifferenceMinor: number;
  /** Why a supervisor must approve (`refund.approval.*`): empty when the cashier may do it alone. */
  approvalReasons: string[];
  /**
   * Owed to the customer: what goes back to the card the returned goods were paid with when the
   * difference goes there (exactly, no cash rounding); null or absent when it cannot (no card, or
   * less card money in the return than the difference).
   */
  toCardMinor?: number | null;
  /**
   * Beside toCardMinor, what the card cannot take, handed back in cash (rounded to the store's
   * coins): the returned goods were paid part by card, part in cash. Absent when the card takes it all.
   */
  toCardCashMinor?: number;
}

export interface ExchangeDoneView extends ExchangeView {
  exchangeId: string;
  refund: DocumentView;
  sale: DocumentView;
  /** Cash handed back over what the customer tendered for the difference. */
  changeMinor: number;
}

/**
 * The exchange a sale is the new half of, begun for a difference paid on the payment screen (card
 * or scan-to-pay): what a window that did not begin it (reloaded, or opened meanwhile) needs to
 * show the payment as the exchange's, and its completion as both documents.
 */
export interface SaleExchangeView {
  /** The sale whose goods came back, and its receipt as printed (register and number). */
  originalSaleId: string;
  originalRegisterId: string;
  originalReceiptNo: number | null;
  /** The return: open while the difference is unpaid, completed with the sale (then numbered). */
  refundId: string;
  refundStatus: 'open' | 'completed' | 'cancelled';
  refundReceiptNo: number | null;
  creditMinor: number;
  /** The sale's payment that is that credit: shown as the credit, not as cash handed over. */
  creditPaymentId: number | null;
  differenceMinor: number;
  /** The return's reason code (`refund.reason.<code>`); spelled as a string here: refund.ts imports these views. */
  reason: string;
  /** The original's lines coming back, as the return screen chose them. */
  lines: { lineId: number; qtyMilli: number; restock: boolean }[];
}
