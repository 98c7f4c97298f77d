import type { Db } from './database';
import { sql } from './statements';

/**
 * Runs a cart edit with synchronous=NORMAL. In WAL mode that commit is still safe against a
 * crash of the register process (the WAL is in the OS cache); only a power cut in the next
 * moment could lose it, and then only an unpaid cart line. Everything that moves money — a
 * payment, a completed sale, a day close — commits at FULL, which is restored before this returns
 * and which the ledger opened with.
 */
export function withCartDurability<T>(db: Db, edit: () => T): T {
  // Inside a transaction SQLite refuses to change the level: the edit commits with the caller's
  // transaction, at the caller's level (a money call's, which the router holds at FULL).
  if (db.inTransaction) return edit();
  // Cached statements: db.pragma() compiles its statement anew on every call.
  sql(db, 'PRAGMA synchronous = NORMAL').run();
  try {
    return edit();
  } finally {
    sql(db, 'PRAGMA synchronous = FULL').run();
  }
}

/** Guard for money commits: refuses to run if anything left the connection below FULL. */
export function assertFullDurability(db: Db): void {
  if (sql(db, 'PRAGMA synchronous').pluck().get() !== 2) throw new Error('money commit attempted below synchronous=FULL');
}
