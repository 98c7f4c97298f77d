// Refunds, returns and voids as the register shows them. Amounts are positive: a refund's
// documents, lines and payments say how much went back; their kind says which way.
import type { DocumentKind, DocumentStatus, DocumentView, PaymentMethod } from './document-views';

export interface RefundableLineView {
  lineId: number;
  name: string;
  sku: string | null;
  unitPriceMinor: number;
  /** A weighed line: its quantities are kilograms (shown "0.452 kg × ¥9.80/kg"). */
  soldByWeight: boolean;
  /** Comes back in whole pieces only (refund.qty_whole_pieces): a line sold in whole pieces, not weighed. */
  wholePieces: boolean;
  soldQtyMilli: number;
  /** What the customer paid for the line (after discounts). */
  paidMinor: number;
  returnedQtyMilli: number;
  refundedMinor: number;
  returnableQtyMilli: number;
  refundableMinor: number;
}

export interface RefundablePaymentView {
  paymentId: number;
  method: PaymentMethod;
  amountMinor: number;
  refundedMinor: number;
  refundableMinor: number;
  maskedPan: string | null;
  brand: string | null;
  /** The wallet a scan-to-pay part was paid from (and goes back to); null for cash and card. */
  scanProvider: 'wechat' | 'alipay' | null;
}

export interface CorrectionView {
  id: string;
  kind: DocumentKind;
  status: DocumentStatus;
  receiptNo: number | null;
  totalMinor: number | null;
  completedAt: number | null;
  reason: string | null;
}

/** A completed sale as a refund starts from it. */
export interface RefundableSaleView {
  sale: DocumentView;
  lines: RefundableLineView[];
  payments: RefundablePaymentView[];
  corrections: CorrectionView[];
  /** Whole-sale void possible: today's business day, nothing corrected yet. */
  voidable: boolean;
  /** Not voidable because its business day is closed (a Z took it): the screen says to use a return. */
  voidDayClosed: boolean;
}

export interface RefundTenderView {
  /** The sale payment this part gives back; null for a refund without receipt. */
  paymentId: number | null;
  method: PaymentMethod;
  amountMinor: number;
}

/** What a refund would do, before it is done: the cashier sees it, the supervisor approves it. */
export interface RefundPlanView {
  lines: { lineId: number | null; name: string; qtyMilli: number; totalMinor: number; taxMinor: number }[];
  totalMinor: number;
  tenders: RefundTenderView[];
  roundingMinor: number;
  /** Why a supervisor must approve (`refund.approval.*`): empty when the cashier may do it alone. */
  approvalReasons: string[];
}

/** One row of the back office's document list, with what corrects it or what it corrects. */
export interface DocumentSummaryView {
  id: string;
  kind: DocumentKind;
  registerId: string;
  receiptNo: number;
  businessDay: string;
  completedAt: number;
  operatorName: string;
  totalMinor: number;
  tenders: PaymentMethod[];
  reason: string | null;
  original: { id: string; receiptNo: number | null } | null;
  /** The other half of an exchange (换货): the new sale of a return, or the return of a new sale. */
  exchange: { id: string; kind: DocumentKind; receiptNo: number | null } | null;
  corrections: { id: string; kind: DocumentKind; receiptNo: number | null; totalMinor: number | null }[];
}
