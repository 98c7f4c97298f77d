// What the customer-facing display shows: read-only, built by main from the register's sale.
import type { LineView, PaymentMethod } from './document-views';
import type { Discount, Locale } from './primitives';

export interface CustomerDisplayLineView {
  /** As it was rung up, in the store's language. */
  name: string;
  /** The catalog's names, so the display can show the line in the customer's language (null: an ad-hoc item). */
  names: LineView['names'];
  qtyMilli: number;
  /** qtyMilli is grams and the unit price is per kilogram. */
  soldByWeight: boolean;
  unitPriceMinor: number;
  /** The line's own discount (the receipt prints it under the line); 0 without one. */
  lineDiscountMinor: number;
  discount: Discount | null;
  /** What the line comes to after its own discount, as the cart and the receipt's 小计 count it. */
  amountMinor: number;
  /** After the order discount's share too. */
  totalMinor: number;
}

export interface CustomerDisplayView {
  /**
   * idle: no sale (store name); sale: items being rung up; paying: a scanned payment code is being
   * charged; done: thank you; return: a refund or void giving money back (lines = what goes back).
   */
  state: 'idle' | 'sale' | 'paying' | 'done' | 'return';
  storeName: string;
  storeLocale: Locale;
  /**
   * The language the display starts in, until the customer picks another on it: the receipt's
   * (what the shop hands its customers to read), else the store's.
   */
  customerLocale: Locale;
  currency: string;
  training: boolean;
  lines: CustomerDisplayLineView[];
  /** The lines after their own discounts, before the order's: the receipt's 小计. */
  subtotalMinor: number;
  orderDiscountMinor: number;
  orderDiscount: Discount | null;
  totalMinor: number;
  /** What the customer still owes (cash rounding applied when paying cash). */
  dueMinor: number;
  changeMinor: number;
  /** The amount a scanned payment code is being charged, while it is. */
  scanPayAmountMinor: number | null;
  /** When the sale completed (done): the display returns to idle a while after. */
  completedAt: number | null;
  /** A card payment (or a refund to a card) is running on the terminal: the customer is asked to present the card. */
  cardWaiting: boolean;
  /** How a done sale was paid, or where a return's money goes back to, method by method. */
  payments: CustomerDisplayPaymentView[];
  /** state return: a refund or a void, and whether all its money has gone back yet. */
  correction: { kind: 'refund' | 'void'; done: boolean } | null;
}

export interface CustomerDisplayPaymentView {
  method: PaymentMethod;
  amountMinor: number;
}
