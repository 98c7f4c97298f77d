// Journal kinds of card payments and the terminal (see ledger/journal-payloads.ts). Only
// identifiers and the masked PAN, exactly what a receipt may show.
import type { IntentState } from '../hardware/terminal/intent-machine';

/** One move of a card intent: `card.<state it moved to>`. */
export interface CardIntentMoved {
  intentId: number;
  saleId: string;
  from: IntentState;
  amountMinor: number;
  step: string | null;
  resultCode: number | null;
  reason: string | null;
  receiptNo: number | null;
  trace: number | null;
  authCode: string | null;
  maskedPan: string | null;
  terminalId: string | null;
  resolvedBy: 'terminal' | 'recovery' | 'supervisor' | null;
  resolverId: number | null;
  paymentId: number | null;
}

export type CardIntentMoveKind = `card.${IntentState}`;

export interface CardReversal {
  intentId: number;
  saleId: string;
  /** The terminal receipt number of the approval reversed. */
  receiptNo: number | null;
  reversalReceiptNo: number | null;
  reason: string;
  error: string | null;
}

declare module '../ledger/journal-payloads' {
  interface JournalPayloads extends Record<CardIntentMoveKind, CardIntentMoved> {
    /** `kind` and `originalPaymentId` only for a refund or a reversal (money back to a card). */
    'card.intent_created': {
      intentId: number;
      saleId: string;
      amountMinor: number;
      operatorId: number;
      previousReceiptNo: number | null;
      kind?: 'refund' | 'reversal';
      originalPaymentId?: number | null;
    };
    'card.signature_confirmed': { intentId: number; saleId: string; operatorId: number; receiptNo: number | null };
    /** The terminal approved another amount or currency than asked for: held for a supervisor, not booked. */
    'card.approval_mismatch': {
      intentId: number;
      saleId: string;
      field: 'amount' | 'currency';
      requestedMinor: number;
      /** ISO 4217 numeric */
      requestedCurrency: number;
      approvedMinor: number | null;
      approvedCurrency: number | null;
      receiptNo: number | null;
      trace: number | null;
      terminalId: string | null;
    };
    /** The register's reversal (06 30) of a held approval went through, or did not (`error` says why). */
    'card.reversed': CardReversal;
    'card.reversal_failed': CardReversal;
    'terminal.end_of_day': {
      batchId: number;
      businessDay: string;
      terminalId: string | null;
      totalMinor: number;
      count: number;
      brands: { brand: string; count: number; amountMinor: number }[];
      operatorId: number;
    };
  }
}
