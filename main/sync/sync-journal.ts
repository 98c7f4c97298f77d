// Journal kinds of the link to HQ (see ledger/journal-payloads.ts).
import type { DownKind } from '../../preload/contract/hq-wire';

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    /** The owner enrolled this register with HQ (the key itself is never journalled). */
    'sync.enrolled': { operatorId: number; hqUrl: string; registerId: string; shopId: string };
    /**
     * A version from HQ took effect here: prices, operators or settings changed at its stated time.
     * `keptOwners`: an operators version that would have left no active owner was applied without
     * its entries for these owners (main/sync/apply-operators.ts).
     */
    'sync.version_applied': { version: number; kind: DownKind; effectiveAt: number; items: number; keptOwners?: string[] };
  }
}

export {};
