// Journal kinds of the document core (see ledger/journal-payloads.ts): one entry per completed
// document, written in the completing transaction. It carries what the receipt carries, so the
// journal alone can recompute every day's figures.
import type { DocumentKind, PaymentMethod } from '../../preload/contract/views';

export interface DocumentCompleted {
  /** The document's id (named for the sale, the first kind, in every kind's entry). */
  saleId: string;
  registerId: string;
  receiptNo: number;
  businessDay: string;
  /** The drawer's shift it was taken in. */
  shiftId: number;
  operatorId: number;
  lines: { sku: string | null; name: string; qtyMilli: number; unitPriceMinor: number; taxRateBp: number; totalMinor: number; taxMinor: number }[];
  totalMinor: number;
  taxMinor: number;
  discountMinor: number;
  roundingMinor: number;
  /** Money in for a sale, money out for a refund or void. */
  payments: { method: PaymentMethod; amountMinor: number; tenderedMinor: number; changeMinor: number; authCode: string | null }[];
  grandTotalMinor: number;
  /** Refunds and voids: what they correct, why, and the supervisor who approved it (null: no approval needed). */
  correction?: { originalDocumentId: string | null; reason: string | null; approverId: number | null };
}

/** `sale.completed`, `refund.completed`, `void.completed`. */
export type DocumentCompletedKind = `${DocumentKind}.completed`;

declare module '../ledger/journal-payloads' {
  // Only an interface can add to the ledger's JournalPayloads; this one adds all three kinds at once.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface JournalPayloads extends Record<DocumentCompletedKind, DocumentCompleted> {}
}
