// What the customer-facing display shows: read-only, built by main from the register's sale.
import type { Locale } from './primitives';

export interface CustomerDisplayLineView {
  name: string;
  qtyMilli: number;
  /** qtyMilli is grams and the unit price is per kilogram. */
  soldByWeight: boolean;
  unitPriceMinor: number;
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
  totalMinor: number;
  /** What the customer still owes (cash rounding applied when paying cash). */
  dueMinor: number;
  changeMinor: number;
  /** The amount a scanned payment code is being charged, while it is. */
  scanPayAmountMinor: number | null;
  /** When the sale completed (done): the display returns to idle a while after. */
  completedAt: number | null;
}
