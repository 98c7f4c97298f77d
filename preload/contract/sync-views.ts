import type { DownKind, DownSkip } from './hq-wire';

/** The register's link to HQ as the back office shows it. */
export interface SyncStatusView {
  enrolled: boolean;
  hqUrl: string | null;
  /** HQ's names for this register and its shop. */
  registerId: string | null;
  shopId: string | null;
  /** The shop's name as HQ gave it last (at enrolment, or a rename at HQ since); null when HQ did not say (an older HQ). */
  shopName: string | null;
  /** The newest journal entry here, and the newest HQ has acknowledged holding. */
  localSeq: number;
  ackedSeq: number;
  pendingEntries: number;
  ackedAt: number | null;
  /** idle: nothing wrong (maybe entries waiting for the next try); retrying: HQ could not be reached; refused: HQ refused our chain, the owner must look. */
  state: 'not_enrolled' | 'idle' | 'retrying' | 'refused';
  /** The last attempt's refusal (sync.* or hq.* code with its parameters), translated like any refusal. */
  /** A CallError (not imported: result.ts imports every domain's error codes, this one's included). */
  lastError: { code: string; params: Record<string, string | number | boolean | null> } | null;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  /** The last version of catalog, operators and settings pulled from HQ; versions waiting for their moment. */
  downVersion: number;
  pulledAt: number | null;
  pendingVersions: number;
  /**
   * The last operators version applied here would have left the till without an active owner, so
   * it was applied without its entries for these owners (they kept role, PIN and badge); null when
   * it applied in full. HQ's list and the till differ until HQ sends one that keeps an owner.
   */
  keptOwners: { version: number; names: string[] } | null;
  /**
   * Operators the last operators version applied here named but left as the till has them: the
   * till's own change of them (a PIN reset, a role, a deactivation) is newer than HQ's (see
   * main/sync/apply-operators.ts). Null when it applied every operator it named.
   */
  keptLocal: { version: number; names: string[] } | null;
  /** The latest versions from HQ of which this register skipped something (a product, a setting), newest first: never silently. */
  skippedInVersions: { version: number; kind: DownKind; appliedAt: number; skipped: DownSkip[] }[];
}
