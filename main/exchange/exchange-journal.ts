// Journal kind of an exchange (see ledger/journal-payloads.ts). The return and the new sale are
// journalled by the document core as any refund and sale; this entry ties them together.

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    /** Goods back from `originalDocumentId` (the refund) and new goods sold (the sale), in one transaction. */
    'exchange.completed': {
      exchangeId: string;
      originalDocumentId: string;
      refundDocumentId: string;
      saleDocumentId: string;
      creditMinor: number;
      /** > 0 the customer paid it, < 0 the customer received it. */
      differenceMinor: number;
      operatorId: number;
      approverId: number | null;
    };
    /** A begun exchange the customer gave up before paying the difference: its return and its sale cancelled together. */
    'exchange.abandoned': { exchangeId: string; refundDocumentId: string; saleDocumentId: string; operatorId: number };
  }
}

// A module, so that the declaration above adds to the ledger's interface instead of declaring a new one.
export {};
