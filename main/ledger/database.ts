import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations';
import type { Db } from './db';
import { LedgerOpenError } from './open-error';

export { LedgerOpenError };

export type { Db } from './db';

/** Bytes the WAL file is cut back to after a checkpoint (the 1000-page autocheckpoint fills about 4 MB). */
export const WAL_SIZE_LIMIT = 4 * 1024 * 1024;

/**
 * Opens the ledger file with the durability the register depends on. better-sqlite3 reopens a
 * WAL database at synchronous=NORMAL, which can lose the last commits on power loss, so FULL is
 * set on every open and read back: a sale the cashier saw complete must survive a power cut.
 */
export function openLedger(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // The WAL is checkpointed every 1000 pages (SQLite's default) and then reused from its start,
    // but never shrinks by itself: one big transaction (a catalog import) would leave it that big
    // for good. Once checkpointed, it is cut back to this size.
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
    // A page cache that holds the catalog's indexes (SQLite's default is 2 MB): a scan or a
    // keystroke's search then reads memory, not the disk, even on a 100,000-product catalog.
    db.pragma('cache_size = -131072');
    assertPragmas(db, file === ':memory:');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertPragmas(db: Db, inMemory: boolean): void {
  const journal = db.pragma('journal_mode', { simple: true });
  const sync = db.pragma('synchronous', { simple: true });
  const fk = db.pragma('foreign_keys', { simple: true });
  // 2 = FULL. An in-memory database reports journal_mode "memory"; that is only used by unit tests.
  if ((!inMemory && journal !== 'wal') || sync !== 2 || fk !== 1) {
    throw new LedgerOpenError(
      'ledger.pragma_not_applied',
      `ledger pragmas not applied: journal_mode=${String(journal)} synchronous=${String(sync)} foreign_keys=${String(fk)}`,
    );
  }
}
