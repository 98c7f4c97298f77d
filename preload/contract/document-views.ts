// Documents (sale, refund, void) as the register computes them: lines, totals, payments.
// The renderer displays these as they are; it never recomputes a total.
import type { Discount } from './primitives';

export interface LineView {
  id: number;
  productId: number | null;
  sku: string | null;
  /** What the receipt prints: the product's name in the store's language when it was added. */
  name: string;
  /**
   * The catalog's names of the product, so a screen can show the line in the cashier's language
   * (an English UI in a Chinese store); null for an ad-hoc item.
   */
  names: { zh: string | null; en: string | null } | null;
  qtyMilli: number;
  unitPriceMinor: number;
  /** The unit price the line was rung up at before a 改价 (price override); null when it was not overridden. */
  listUnitPriceMinor: number | null;
  taxRateBp: number;
  discount: Discount | null;
  /** A refund or void line: the sold line it corrects. */
  originalLineId: number | null;
  /** A returned line: goods back to stock (true) or damaged (false); null on a sale. */
  restock: boolean | null;
  /** The scale label the line was rung up from (weighed or priced goods), if any. */
  scaleLabel: string | null;
  /** The quantity is a weight: qtyMilli is grams, the unit price is per kilogram. */
  soldByWeight: boolean;
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

export type PaymentMethod = 'cash' | 'card' | 'scan';

export interface PaymentView {
  id: number;
  method: PaymentMethod;
  amountMinor: number;
  tenderedMinor: number;
  changeMinor: number;
  card: CardDetailsView | null;
  /** Scan-to-pay: the provider, its transaction id and the masked payer, for the receipt. */
  scan: ScanDetailsView | null;
  /** A refund's part: the sale payment it gives back (cash given for a card payment says so here). */
  originalPaymentId: number | null;
}

export interface CardDetailsView {
  maskedPan: string | null;
  brand: string | null;
  authCode: string | null;
  trace: string | null;
  terminalReceiptNo: string | null;
  terminalId: string | null;
  entryMode: string | null;
  /** What the terminal did: a sale (消费), a refund (退货) or a reversal (撤销); absent on older payments. */
  transaction?: 'sale' | 'refund' | 'reversal';
  /** The acquirer's merchant number (ZVT BMP 2A), when the terminal sends one. */
  merchantNo?: string | null;
  /** The terminal's turnover record number (ZVT BMP 88), printed as the reference number. */
  referenceNo?: string | null;
  signatureRequired: boolean;
  /** The terminal's own receipt lines (masked), printed by us when the terminal does not print. */
  receiptLines?: string[];
}

export interface ScanDetailsView {
  provider: 'wechat' | 'alipay';
  /** The provider's transaction id (WeChat transaction_id, Alipay trade_no); on a refund, its refund id. */
  transactionId: string | null;
  /** The register's order number for this attempt (out_trade_no); on a refund, the refund number. */
  outTradeNo: string;
  /** Masked, as the provider gives it (Alipay: 138****1234). */
  payer: string | null;
}

export type DocumentKind = 'sale' | 'refund' | 'void';

export type DocumentStatus = 'open' | 'completed' | 'cancelled';

export interface DocumentView {
  id: string;
  kind: DocumentKind;
  status: DocumentStatus;
  registerId: string;
  receiptNo: number | null;
  /** Rung up in training mode: its receipt number is in the training series; it counts in no figure. */
  training: boolean;
  businessDay: string | null;
  operatorId: number;
  operatorName: string;
  /** A correction (refund, void): the document it corrects. */
  originalDocumentId: string | null;
  /** A correction's reason code (`refund.reason.*`) and who approved it, if a supervisor had to. */
  reason: string | null;
  approverId: number | null;
  openedAt: number;
  completedAt: number | null;
  note: string | null;
  /** A held sale (挂单): when it was parked; null for every other document. */
  heldAt: number | null;
  orderDiscount: Discount | null;
  lines: LineView[];
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
  sale: DocumentView;
  /** Set when the tender completed the sale. */
  receiptNo: number | null;
  changeMinor: number;
  /** An exchange whose difference went back to the card: that amount (not cash handed over). */
  toCardMinor?: number;
}
