// Journal kinds of the document core (see ledger/journal-payloads.ts): one entry per completed
// document, written in the completing transaction. It carries what the day close and HQ add up
// (receipt number, business day, operator, totals by tax rate and by tender, the grand total),
// so the journal alone can recompute every day's figures, and the SHA-256 of the document
// itself (documents/document-digest.ts) instead of a copy of its lines: the document is bound to
// the hash chain at a third of the bytes.
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
  totalMinor: number;
  taxMinor: number;
  discountMinor: number;
  /** What 改价 (price overrides) took off the lines; absent when nothing was overridden. */
  overrideMinor?: number;
  roundingMinor: number;
  /** Per tax rate: the base and the tax, as the receipt prints them. */
  taxes: { rateBp: number; baseMinor: number; taxMinor: number }[];
  /** Per payment, in the order taken: what was applied to the document (money in for a sale, money out for a refund or void). */
  payments: { method: PaymentMethod; amountMinor: number }[];
  grandTotalMinor: number;
  /** documentDigest() of the completed document: every column of it, its lines and its payments. */
  documentSha256: string;
  /** A training document: journalled and backed up like any other, added up by no figure. */
  training?: true;
  /** Refunds and voids: what they correct, why, and the supervisor who approved it (null: no approval needed). */
  correction?: { originalDocumentId: string | null; reason: string | null; approverId: number | null };
}

/**
 * The shape `<kind>.completed` had before the lean-ledger schema (6): a copy of the lines and
 * payments and no digest. Entries written then keep it; a reader that adds up the journal
 * accepts both (a `documentSha256` tells them apart).
 */
export interface LegacyDocumentCompleted {
  saleId: string;
  registerId: string;
  receiptNo: number;
  businessDay: string;
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

export const documentCompletedKinds: readonly DocumentCompletedKind[] = ['sale.completed', 'refund.completed', 'void.completed'];

declare module '../ledger/journal-payloads' {
  // Only an interface can add to the ledger's JournalPayloads; this one adds all three kinds at once.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface JournalPayloads extends Record<DocumentCompletedKind, DocumentCompleted> {}
}
