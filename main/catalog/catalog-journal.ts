// Journal kinds of the catalog (see ledger/journal-payloads.ts).

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    // operatorId null: the demo catalog, seeded by no one.
    'catalog.imported': { operatorId: number | null; rows: number };
  }
}

// A module, so that the declaration above adds to the ledger's interface instead of declaring a new one.
export {};
