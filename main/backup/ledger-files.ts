// The ledger file moved aside and a restored one put in its place. Moved, never deleted: the
// ledger that was replaced (even a damaged one) stays beside the new one under a dated name, with
// its WAL, for whoever needs to look at it later.
import { existsSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { fsyncDir, fsyncFile } from './snapshot';

/** `ringup-ledger.sqlite` → `ringup-ledger.sqlite.replaced-20261126T213000Z` (and its -wal / -shm); null if there was none. */
export function moveLedgerAside(ledgerFile: string, at: number): string | null {
  if (!existsSync(ledgerFile)) return null;
  const stamp = new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  let aside = `${ledgerFile}.replaced-${stamp}`;
  for (let n = 2; existsSync(aside); n++) aside = `${ledgerFile}.replaced-${stamp}-${n}`;
  for (const suffix of ['-wal', '-shm', '-journal']) if (existsSync(ledgerFile + suffix)) renameSync(ledgerFile + suffix, aside + suffix);
  renameSync(ledgerFile, aside);
  fsyncDir(dirname(ledgerFile));
  return aside;
}

/** Renames the verified snapshot (in the same folder) to the ledger's name, durably. */
export function putLedgerInPlace(staged: string, ledgerFile: string): void {
  fsyncFile(staged);
  renameSync(staged, ledgerFile);
  fsyncDir(dirname(ledgerFile));
}

/** Undoes moveLedgerAside: the file moved aside (with its WAL) goes back under the ledger's name. */
export function putLedgerBack(aside: string, ledgerFile: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) if (existsSync(aside + suffix)) renameSync(aside + suffix, ledgerFile + suffix);
  renameSync(aside, ledgerFile);
  fsyncDir(dirname(ledgerFile));
}
