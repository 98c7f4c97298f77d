// Journal kinds of corrections beyond their completion (see documents/document-journal.ts).

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    /**
     * A refund or void whose first card part the terminal refused (or that never left), or whose
     * first payment-code refund the provider refused: nothing was given back. `intentId` names the
     * card intent, `scanRefundId` the refused payment-code refund (entries before it had only cards).
     */
    'refund.cancelled': {
      documentId: string;
      kind: 'refund' | 'void';
      originalDocumentId: string | null;
      intentId: number | null;
      scanRefundId?: number;
      reason: string | null;
    };
    /**
     * A card or payment-code part of a correction that the terminal or provider refused, given back
     * in cash instead, with the supervisor who allowed it (the cashier, when one did it alone).
     */
    'refund.part_in_cash': {
      documentId: string;
      kind: 'refund' | 'void';
      originalPaymentId: number;
      method: 'card' | 'scan';
      amountMinor: number;
      operatorId: number;
      approverId: number | null;
    };
  }
}

// A module, so that the declaration above adds to the ledger's interface instead of declaring a new one.
export {};
