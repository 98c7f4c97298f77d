// What the register sends back: plain data, computed in main. The renderer displays these
// as they are; it never recomputes a total.
import type { Discount, Locale, Role } from './primitives';

export interface OperatorView {
  id: number;
  name: string;
  role: Role;
  active: boolean;
  locked: boolean;
}

/** The OS the register runs on, as far as the screens care (serial port names, USB printer devices). */
export type RegisterPlatform = 'linux' | 'win32' | 'darwin' | 'other';

export interface SessionView {
  /** No operator exists yet: the first run must create the owner. */
  needsSetup: boolean;
  operator: OperatorView | null;
  registerId: string;
  storeName: string;
  currency: string;
  storeLocale: Locale;
  /** The register's OS (main's, which may not be the browser's in browser mode). */
  platform: RegisterPlatform;
}

export interface TaxRateView {
  rateBp: number;
  label: string;
}

export interface ProductView {
  id: number;
  sku: string;
  barcode: string | null;
  nameZh: string | null;
  nameEn: string | null;
  priceMinor: number;
  taxRateBp: number;
}

export interface SaleLineView {
  id: number;
  productId: number | null;
  sku: string | null;
  name: string;
  qtyMilli: number;
  unitPriceMinor: number;
  taxRateBp: number;
  discount: Discount | null;
  grossMinor: number;
  lineDiscountMinor: number;
  /** This line's share of the order discount. */
  orderDiscountMinor: number;
  totalMinor: number;
  taxMinor: number;
}

export interface TaxBreakdownView {
  rateBp: number;
  /** Amount the tax was computed on (tax-inclusive prices: the gross including tax). */
  baseMinor: number;
  taxMinor: number;
}

export interface TotalsView {
  grossMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  taxBreakdown: TaxBreakdownView[];
}

export type PaymentMethod = 'cash' | 'card';

export interface PaymentView {
  id: number;
  method: PaymentMethod;
  amountMinor: number;
  tenderedMinor: number;
  changeMinor: number;
  card: CardDetailsView | null;
}

export interface CardDetailsView {
  maskedPan: string | null;
  brand: string | null;
  authCode: string | null;
  trace: string | null;
  terminalReceiptNo: string | null;
  terminalId: string | null;
  entryMode: string | null;
  signatureRequired: boolean;
  /** The terminal's own receipt lines (masked), printed by us when the terminal does not print. */
  receiptLines?: string[];
}

export type DocumentKind = 'sale' | 'refund' | 'void';
export type DocumentStatus = 'open' | 'completed' | 'cancelled';

export interface SaleView {
  id: string;
  kind: DocumentKind;
  status: DocumentStatus;
  registerId: string;
  receiptNo: number | null;
  businessDay: string | null;
  operatorId: number;
  operatorName: string;
  openedAt: number;
  completedAt: number | null;
  note: string | null;
  orderDiscount: Discount | null;
  lines: SaleLineView[];
  totals: TotalsView;
  payments: PaymentView[];
  paidMinor: number;
  /** What is still owed before the sale can complete (0 when paid). */
  remainingMinor: number;
  /** What settles the rest in cash: remainingMinor rounded to the store's cash step. */
  cashDueMinor: number;
  /** Cash rounding applied when the last tender was cash (may be negative). */
  roundingMinor: number;
  changeMinor: number;
  grandTotalMinor: number | null;
}

export interface CompletionView {
  sale: SaleView;
  /** Set when the tender completed the sale. */
  receiptNo: number | null;
  changeMinor: number;
}

export interface CsvImportReport {
  imported: number;
  errors: { row: number; code: string; field: string; value: string }[];
}

export interface StoreSettings {
  storeName: string;
  storeAddress: string;
  storeTaxId: string;
  storeLocale: Locale;
  currency: string;
  pricesIncludeTax: boolean;
  /** 0 = no cash rounding; e.g. 10 rounds cash due to 0.10. */
  cashRoundingStepMinor: number;
  /** Largest discount a cashier may give without a supervisor, in basis points. */
  cashierDiscountLimitBp: number;
  receiptFooter: string;
  registerId: string;
  /** Open the drawer automatically when a sale has a cash tender. */
  drawerOnCash: boolean;
}

export interface JournalVerification {
  ok: boolean;
  entries: number;
  firstBadSeq: number | null;
  /** gap: an entry is missing; the others: that entry was changed. Translated as `journal.break.<reason>`. */
  reason: 'gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'payload_not_canonical' | 'fields_differ' | null;
}
