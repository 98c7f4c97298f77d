// What the customer-facing display shows: read-only, built by main from the register's sale.
import type { Discount, Locale } from './primitives';

export interface CustomerDisplayLineView {
  name: string;
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
  /** idle: no sale (store name); sale: items being rung up; paying: a scanned payment code is being charged; done: thank you. */
  state: 'idle' | 'sale' | 'paying' | 'done';
  storeName: string;
  storeLocale: Locale;
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
}
