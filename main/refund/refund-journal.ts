// Journal kinds of corrections beyond their completion (see documents/document-journal.ts).

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    /** A refund or void whose card part the terminal refused (or that never left): nothing was given back. */
    'refund.cancelled': { documentId: string; kind: 'refund' | 'void'; originalDocumentId: string | null; intentId: number; reason: string | null };
  }
}

// A module, so that the declaration above adds to the ledger's interface instead of declaring a new one.
export {};
