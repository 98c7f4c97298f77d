// What the register reports about card payments and the terminal. Card data here is what the
// terminal returned for receipts: a masked PAN (at most first 6 / last 4), never a full number.
import type { CardReconciliationView } from './day-close-views';

export type CardIntentState = 'created' | 'sent' | 'in_progress' | 'approved' | 'declined' | 'aborted' | 'failed' | 'unknown';

/** One authorization the register asked the terminal for, and what became of it. */
export interface CardIntentView {
  id: number;
  saleId: string;
  amountMinor: number;
  startedAt: number;
  state: CardIntentState;
  /** Translation key of the last step the terminal reported (`terminal.step.*`). */
  lastStep: string | null;
  /** Translation key of the terminal's reason (`terminal.result.*`) for a decline or abort. */
  reason: string | null;
  resultCode: number | null;
  receiptNo: number | null;
  trace: number | null;
  authCode: string | null;
  maskedPan: string | null;
  brand: string | null;
  terminalId: string | null;
  signatureRequired: boolean;
  signatureConfirmed: boolean;
  /** Approved and booked on the sale as a payment. An approval without one needs a supervisor. */
  paymentRecorded: boolean;
  /**
   * The terminal approved another amount or currency than asked for: held for a supervisor, never
   * booked; `reason` says which, and whether the register's reversal went through.
   */
  approvalMismatch: boolean;
}

export type TerminalConfigView =
  | { kind: 'none' }
  | { kind: 'serial'; path: string; baudRate?: number | undefined; parity?: 'none' | 'even' | 'odd' | undefined; stopBits?: 1 | 2 | undefined }
  | { kind: 'tcp'; host: string; port: number };

/** The terminal's end-of-day (batch close) result, kept for the day close. */
export interface TerminalBatchView {
  id: number;
  businessDay: string;
  closedAt: number;
  terminalId: string | null;
  totalMinor: number;
  count: number;
  brands: { brand: string; count: number; amountMinor: number }[];
  receiptLines: string[];
  /** The terminal's receipt numbers the batch holds (null when it was empty). */
  receiptFrom: number | null;
  receiptTo: number | null;
  /**
   * The batch set against the card payments and refunds the register booked for the same period
   * (since the batch before it), by the same reconciliation the day close's Z makes.
   */
  comparison: CardReconciliationView;
}

export interface CardAbortView {
  /** False when no card payment was running for that sale. */
  sent: boolean;
}
