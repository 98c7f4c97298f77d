// The schema upgrade a new Ringup brings, apart from opening the register, so that the desktop
// shell can run it on a worker thread while its window says what is happening. On a year's ledger
// a step that rebuilds tables takes seconds; the Electron main thread is the window's thread too,
// and one busy that long leaves a blank, frozen window (Windows calls it "Not Responding").
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { openLedger } from './database';
import { LATEST_VERSION } from './migrations';

/**
 * True when the file holds a ledger of an older schema, so that opening it will upgrade it. A new,
 * current, newer or unreadable file is false: opening the register handles each of those and says why.
 */
export function ledgerNeedsUpgrade(file: string): boolean {
  if (file === ':memory:' || !existsSync(file)) return false;
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      return version > 0 && version < LATEST_VERSION;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** Opens the ledger as the register does (which brings its schema up to date) and closes it again. */
export function upgradeLedger(file: string): { from: number; to: number } {
  const before = new Database(file, { fileMustExist: true });
  let from: number;
  try {
    from = before.pragma('user_version', { simple: true }) as number;
  } finally {
    before.close();
  }
  const db = openLedger(file);
  try {
    return { from, to: db.pragma('user_version', { simple: true }) as number };
  } finally {
    db.close();
  }
}
