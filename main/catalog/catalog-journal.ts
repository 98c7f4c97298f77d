// Journal kinds of the catalog (see ledger/journal-payloads.ts).

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    // operatorId null: the demo catalog, seeded by no one. priceChanges: the prices the file changed.
    'catalog.imported': { operatorId: number | null; rows: number; priceChanges?: { sku: string; fromMinor: number; toMinor: number }[] };
    'catalog.product_created': { productId: number; sku: string; priceMinor: number; soldBy: 'piece' | 'weight'; operatorId: number };
    /** Field by field, old → new (names, codes, tax rate, category, sold by piece or weight); prices have their own kind. */
    'catalog.product_updated': { productId: number; sku: string; changes: FieldChanges; operatorId: number };
    'catalog.product_active': { productId: number; sku: string; active: boolean; operatorId: number };
    /** Old and new price and when the new one counts; `scheduled` when that is later than the change. */
    'catalog.price_changed': {
      productId: number;
      sku: string;
      fromMinor: number;
      toMinor: number;
      effectiveAt: number;
      scheduled: boolean;
      replacesChangeId?: number;
      operatorId: number | null;
    };
    'catalog.tax_rate_saved': { rateBp: number; from: string | null; to: string; operatorId: number };
    'catalog.tax_rate_removed': { rateBp: number; label: string; operatorId: number };
    'catalog.category_saved': { categoryId: number; changes: FieldChanges; operatorId: number };
  }
}

// A module, so that the declaration above adds to the ledger's interface instead of declaring a new one.
export {};
