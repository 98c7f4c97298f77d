// Journal kinds of the document core (see ledger/journal-payloads.ts): one entry per completed
// document, written in the completing transaction. It binds the document to the hash chain by the
// SHA-256 of every column of it, its lines and its payments (documents/document-digest.ts) and
// names it (id, receipt number); every figure is read from the document rows, which the digest
// proves unchanged. Entries written before keep their shapes (totals copied, or lines copied), and
// every reader accepts all three (documents/document-entry.ts).
import type { DocumentKind, PaymentMethod } from '../../preload/contract/views';

export interface DocumentCompleted {
  /** The document's id (named for the sale, the first kind, in every kind's entry). */
  saleId: string;
  /**
   * Its number in the register's series, as the receipt prints it (positive for a training
   * document too): what an auditor finds a receipt's entry by, and what shows a gap or a repeat
   * in the series from the journal alone.
   */
  receiptNo: number;
  /** documentDigest() of the completed document: every column of it, its lines and its payments. */
  documentSha256: string;
  /**
   * A training document: journalled and backed up like any other, added up by no figure. Absent
   * on every real document, so it costs them nothing. Kept because the receipt number alone
   * would read as one of the real series (training has its own), and because the readers that
   * must skip practice before looking at any row (fraud watch, HQ) tell it from the entry.
   */
  training?: true;
}

/**
 * The shape `<kind>.completed` had from the lean-ledger schema (6) until the slim entry: the
 * digest beside a copy of what the day close adds up. Entries written then keep it.
 */
export interface TotalsDocumentCompleted {
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
 * payments and no digest. Entries written then keep it.
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

/** What a `<kind>.completed` entry may hold: the register writes the first, ledgers keep the others. */
export type AnyDocumentCompleted = DocumentCompleted | TotalsDocumentCompleted | LegacyDocumentCompleted;

/** An entry that copies the document's figures (both older shapes) rather than only naming it. */
export function copiesFigures(d: AnyDocumentCompleted): d is TotalsDocumentCompleted | LegacyDocumentCompleted {
  return 'totalMinor' in d;
}

/** `sale.completed`, `refund.completed`, `void.completed`. */
export type DocumentCompletedKind = `${DocumentKind}.completed`;

export const documentCompletedKinds: readonly DocumentCompletedKind[] = ['sale.completed', 'refund.completed', 'void.completed'];

declare module '../ledger/journal-payloads' {
  // Only an interface can add to the ledger's JournalPayloads; this one adds all three kinds at once.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface JournalPayloads extends Record<DocumentCompletedKind, AnyDocumentCompleted> {}
}
