// Journal kinds of scan-to-pay (see ledger/journal-payloads.ts). The payment code is journalled
// masked; credentials never appear, only the names of the fields that changed.
import type { AttemptState } from './attempt-machine';
import type { PaymentProvider } from '../providers/provider';

/** One move of a scan attempt: `scanpay.<state it moved to>`. */
export interface ScanAttemptMoved {
  attemptId: number;
  saleId: string;
  provider: PaymentProvider;
  outTradeNo: string;
  from: AttemptState;
  amountMinor: number;
  reason: string | null;
  providerCode: string | null;
  transactionId: string | null;
  payer: string | null;
  paymentId: number | null;
  resolvedBy: 'provider' | 'recovery' | 'cashier' | null;
}

export type ScanAttemptMoveKind = `scanpay.${Exclude<AttemptState, 'created'>}`;

declare module '../ledger/journal-payloads' {
  interface JournalPayloads extends Record<ScanAttemptMoveKind, ScanAttemptMoved> {
    'scanpay.attempt_created': {
      attemptId: number;
      saleId: string;
      provider: PaymentProvider;
      outTradeNo: string;
      amountMinor: number;
      maskedCode: string;
      operatorId: number;
    };
    'scanpay.refund_created': { refundId: number; documentId: string; attemptId: number; outRefundNo: string; amountMinor: number; operatorId: number };
    'scanpay.refund_moved': {
      refundId: number;
      documentId: string;
      outRefundNo: string;
      from: string;
      to: string;
      amountMinor: number;
      providerCode: string | null;
      providerRefundId: string | null;
    };
    'scanpay.settings_changed': { operatorId: number; provider: PaymentProvider; fields: string[] };
  }
}
