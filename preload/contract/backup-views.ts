// The daily transaction backup as the register reports it: configuration, the last good and
// failed exports, a running job's progress, a bundle's verification, the ledger's self-check.

/** The word typed to confirm a restore, the same in every language so that a test can type it. */
export const RESTORE_CONFIRMATION = 'RESTORE';

export type BackupTrigger = 'manual' | 'scheduled' | 'day_close';

export interface BackupConfigView {
  /** The folder bundles are written to (a USB stick, a network share); null until the owner picks one. */
  folder: string | null;
  /** HH:MM in the store's time zone for the automatic daily backup; null = none. */
  scheduleAt: string | null;
  /** How many bundles of this register to keep in the folder; older ones go once a newer one verified. */
  keep: number;
}

/** A bundle that was written and verified. */
export interface BackupRecordView {
  at: number;
  folder: string;
  file: string;
  bytes: number;
  from: string;
  to: string;
  headSeq: number;
  trigger: BackupTrigger;
}

export interface BackupFailureView {
  at: number;
  folder: string | null;
  /** An error code (`backup.disk_full`, ...), translated under errors. */
  code: string;
  /** The code's parameters (the OS's reason for `backup.write_failed`), as ErrorParams (not imported: result.ts imports this file's domain); absent in records older than them. */
  params?: Record<string, string | number | boolean | null>;
  trigger: BackupTrigger;
}

export type BackupJob = 'export' | 'verify' | 'restore' | 'check';

/** Translated as `backup.step.<step>`. */
export type BackupStep = 'snapshot' | 'check' | 'tables' | 'verify' | 'finish' | 'read' | 'hashes' | 'chain' | 'rows' | 'restore';

export interface BackupProgressView {
  job: BackupJob;
  step: BackupStep;
  /** 0..1 over the whole job. */
  fraction: number;
}

export interface BackupStatusView {
  lastGood: BackupRecordView | null;
  /** The last failure, if it came after the last good backup. */
  lastFailure: BackupFailureView | null;
  /** never: no backup yet; stale: none in the last 24 h; failed: the last attempt failed. */
  warning: 'never' | 'stale' | 'failed' | null;
  running: BackupProgressView | null;
  config: BackupConfigView;
}

/** The first thing wrong with a bundle, translated as `backup.problem.<code>`. */
export interface BundleProblemView {
  code: string;
  file: string | null;
  row: number | null;
  seq: number | null;
  /** The checker's own words (a zip or SQLite library message, sizes): for the log and `npm run verify`, never shown translated. */
  detail: string | null;
  /** Why, in a stable code translated as `backup.problemReason.<reason>` with `facts` (a truncated file's missing bytes). */
  reason?: string | null;
  facts?: Record<string, string | number> | null;
}

export interface BundleReportView {
  ok: boolean;
  file: string;
  problem: BundleProblemView | null;
  registerId: string | null;
  from: string | null;
  to: string | null;
  fromSeq: number | null;
  toSeq: number | null;
  headHash: string | null;
  createdAt: string | null;
  files: number;
  /** A bundle that verifies, compared with the ledger in place (the register's verify and restore only). */
  comparison?: RestoreComparisonView | null;
}

/**
 * A verified bundle against the ledger in place. no_ledger: none that opens, or a machine never set
 * up; other_register: another register's books (a move, only over books that are empty or fail
 * their checks); same_or_newer: nothing of these books is lost; older: the books in place go on past
 * the bundle's head; diverged: they went another way.
 */
export interface RestoreComparisonView {
  relation: 'no_ledger' | 'other_register' | 'same_or_newer' | 'older' | 'diverged';
  /** The ledger in place failed its check: restoring is what it needs, so an older bundle is allowed. */
  damaged: boolean;
  /**
   * Older, diverged, or another register's over a ledger that passes its checks and holds documents
   * or an open shift: the register refuses the restore.
   */
  refused: boolean;
  /** The register the bundle belongs to. */
  bundleRegisterId: string;
  /** This machine's register id (null: no ledger that opens). */
  currentRegisterId: string | null;
  /** The bundle is another register's: a restore makes this machine that register and must be confirmed as a move. */
  move: boolean;
  /** The books in place have a shift open (its float and cash moves would leave them). */
  openShift: boolean;
  /** As printed (R1-000001); null when the bundle holds no receipt. */
  bundleLastReceipt: string | null;
  /** The time of the bundle's last journal entry (epoch ms). */
  bundleLastEntryAt: number | null;
  currentLastReceipt: string | null;
  /** Journal entries in place that the bundle does not hold. */
  entriesAfter: number;
  /** Completed documents (sales, refunds, voids) in place that the bundle does not hold. */
  documentsAfter: number;
}

export interface BundleListItem {
  file: string;
  name: string;
  bytes: number;
  registerId: string;
  from: string;
  to: string;
}

/** The ledger a restore replaced: moved under a dated name beside the new one, never deleted. */
export interface MovedAsideView {
  /** The whole path, as journalled (`backup.restored`). */
  file: string;
  /** The file's name alone (ringup-ledger.sqlite.replaced-20261126T213000Z), what the owner is told to look for. */
  name: string;
  /** The folder it is in (the register's data folder). */
  folder: string;
}

export interface RestoreView {
  registerId: string;
  headSeq: number;
  lastReceiptNo: number;
  /** Where the ledger that was replaced now lives, told to the owner on the restore's success screen; null if there was none. */
  movedAside: MovedAsideView | null;
}

/** The ledger's check at start (quick_check + the journal's tail) or the back office's full check. */
export interface LedgerCheckView {
  ok: boolean;
  /** Translated as `backup.ledgerProblem.<problem>`. */
  problem: 'unreadable' | 'quick_check' | 'integrity_check' | 'chain' | 'older_than_backup' | null;
  seq: number | null;
  detail: string | null;
  /** Entries of the journal checked. */
  entries: number;
  full: boolean;
  /** The last good bundle this machine wrote, offered for a restore. */
  lastBundle: string | null;
}
