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

declare module '../ledger/journal-payloads' {
  interface JournalPayloads extends Record<CardIntentMoveKind, CardIntentMoved> {
    'card.intent_created': { intentId: number; saleId: string; amountMinor: number; operatorId: number; previousReceiptNo: number | null };
    'card.signature_confirmed': { intentId: number; saleId: string; operatorId: number; receiptNo: number | null };
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
