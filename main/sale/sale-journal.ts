// Journal kinds of the open sale (see ledger/journal-payloads.ts). Completion is the document
// core's (documents/document-journal.ts).

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    /** Removing a line before payment: the classic way to pocket a sale, so it is kept. */
    'sale.line_removed': {
      saleId: string;
      operatorId: number;
      line: { name: string; sku: string | null; qtyMilli: number; unitPriceMinor: number; totalMinor: number };
    };
  }
}

// A module, so that the declaration above adds to the ledger's interface instead of declaring a new one.
export {};
