// Journal kinds of the link to HQ (see ledger/journal-payloads.ts).
import type { DownKind, DownSkip } from '../../preload/contract/hq-wire';

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    /** The owner enrolled this register with HQ (the key itself is never journalled). */
    'sync.enrolled': {
      operatorId: number;
      hqUrl: string;
      registerId: string;
      shopId: string;
      /** As HQ named the shop then; absent from an older HQ. */ shopName?: string;
    };
    /** A version from HQ took effect here: prices, operators or settings changed at its stated time. */
    'sync.version_applied': {
      version: number;
      kind: DownKind;
      effectiveAt: number;
      items: number;
      /** What this register's rules refused of the version (each product or setting by name), when anything. */
      skipped?: DownSkip[];
      /** A version published later that took effect at or before this one's moment: this one's catalog or keys it sets were left out. */
      supersededBy?: number;
      /**
       * An operators version that would have left no active owner was applied without its entries
       * for these owners (main/sync/apply-operators.ts).
       */
      keptOwners?: string[];
      /**
       * Operators whose entry was left out because this till changed them itself after HQ last
       * did (main/sync/operator-changes.ts): the newer change wins, whichever arrives last.
       */
      keptLocal?: string[];
    };
    /**
     * The owner took this register out of the chain (main/sync/withdraw.ts): the link and its key
     * are gone, the journal stays. hqWithdrawnAt: HQ's moment, null when withdrawn here only
     * (HQ could not be reached). notUploaded: entries HQ never got.
     */
    'sync.withdrawn': {
      operatorId: number;
      hqUrl: string;
      registerId: string;
      shopId: string;
      ackedSeq: number;
      notUploaded: number;
      versionsDropped: number;
      hqWithdrawnAt: number | null;
    };
  }
}

export {};
