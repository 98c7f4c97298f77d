// What a receipt is built from, shared by the parts that build it (receipt-model.ts and
// receipt-tenders.ts): the options a print asks for and the context every part reads.
import type { DocumentView, StoreSettings } from '../../../preload/contract/views';
import type { TerminalLinesPlacement } from './card-slip';
import type { Translate } from './receipt-strings';

export interface ReceiptOptions {
  /** IANA zone the store's receipts are dated in (e.g. 'Asia/Shanghai'); keeps output deterministic. */
  timeZone: string;
  /** Reprints: 1 for the first duplicate, 2 for the second, … null/absent for the original. */
  duplicateCopy?: number | null;
  /** Refunds: the original sale's receipt number (DocumentView does not carry it). */
  refundOf?: { registerId: string; receiptNo: number } | null;
  /**
   * Exchanges (换货): the other document of the pair, printed on each so either receipt finds the
   * other. On the new sale, `creditPaymentId` is the payment that is the returned goods' credit: a
   * cash payment in the ledger (so the drawer counts only the difference), but no cash the
   * customer handed over, so it prints as the credit it is. On the return, `creditedMinor` is how
   * much of its (cash) refund that credit took: money that went into the new sale, not out of the
   * drawer, so it prints as credited to that sale and only the rest as cash refunded.
   */
  exchangeWith?: { registerId: string; receiptNo: number; creditPaymentId?: number | null; creditedMinor?: number | null } | null;
  /** Which copies repeat the terminal's own receipt lines (a printer setting); absent = none. */
  terminalLines?: TerminalLinesPlacement;
}

/** What every part of a receipt is built from: the document, the store, the options and the wording. */
export interface ReceiptContext {
  sale: DocumentView;
  store: StoreSettings;
  options: ReceiptOptions;
  t: Translate;
  money: (amountMinor: number) => string;
  /**
   * The document's own amounts: negative on a correction (money going back to the customer), so
   * that a return or void reads as the opposite of its sale and its figures add up as signed.
   */
  signed: (amountMinor: number) => string;
  sign: 1 | -1;
}
