// A ledger that cannot be written is not a bug in the register: the disk (or the file's size
// limit) is full, or the file system failed. The cashier must hear that, with what to do,
// instead of "something went wrong".
//
// On SQLITE_FULL or SQLITE_IOERR, SQLite rolls back the failed statement or, depending on where
// it failed, the whole transaction. Code that catches such an error inside a transaction and
// carries on commits the event without the failed part (a cash movement without its slip), or,
// when the transaction is gone, runs its remaining statements in autocommit mode, each committed
// on its own. So a catch inside a transaction must let these through (`rethrowStorageFailure`).
import type { Db } from './db';
import { sql } from './statements';

export type StorageFailureCode = 'ledger.disk_full' | 'ledger.io_error';

/** The coded error for an error SQLite raised because the ledger could not be written, else null. */
export function storageFailure(error: unknown): StorageFailureCode | null {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL') return 'ledger.disk_full';
  if (/^SQLITE_(IOERR|READONLY)(_|$)/.test(code)) return 'ledger.io_error';
  return null;
}

/** For a catch inside a ledger transaction: a storage failure has already ended the transaction and must end the work too. */
export function rethrowStorageFailure(error: unknown): void {
  if (storageFailure(error)) throw error;
}

/**
 * Whether the ledger can be written, as calls find out: a storage failure raises the problem; a
 * later call that commits a change clears it, because then there is room again.
 */
export class StorageWatch {
  private problem: StorageFailureCode | null = null;

  constructor(
    private readonly db: Db,
    private readonly report: (problem: StorageFailureCode | null) => void,
  ) {}

  failed(code: StorageFailureCode): void {
    if (this.problem === code) return;
    this.problem = code;
    this.report(code);
  }

  /** Rows changed on this connection so far; only asked while a problem stands, so a healthy register pays nothing. */
  mark(): number | null {
    return this.problem === null ? null : this.changes();
  }

  /** A call that began at `mark` succeeded: if it changed rows, they were committed, and the problem is gone. */
  succeeded(mark: number | null): void {
    if (mark === null || this.problem === null || this.changes() === mark) return;
    this.problem = null;
    this.report(null);
  }

  private changes(): number {
    return (sql(this.db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  }
}

/** The register's log as the ledger sees it (the ledger imports no domain, the log included). */
interface BackgroundLog {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/**
 * A log for the parts that write in the background (print queue, card and scan-to-pay recovery,
 * HQ upload, fraud catch-up): a storage failure they log raises the same banner as a refused call,
 * and the next call that commits clears it.
 */
export function reportingStorageFailures<L extends BackgroundLog>(log: L, watch: StorageWatch): BackgroundLog {
  return {
    info: (message) => log.info(message),
    error: (message, error) => {
      log.error(message, error);
      const code = storageFailure(error);
      if (code) watch.failed(code);
    },
  };
}
