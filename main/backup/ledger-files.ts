// The ledger file moved aside and a restored one put in its place. Moved, never deleted: the
// ledger that was replaced (even a damaged one) stays beside the new one under a dated name, with
// its WAL, for whoever needs to look at it later. Every move here can be repeated after a crash
// part-way through it: what has already moved is left where it is.
import { existsSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { fsyncDir, fsyncFile } from './snapshot';

/** The files SQLite keeps beside a database; they belong to it and move with it. */
const SIDECARS = ['-wal', '-shm', '-journal'] as const;

/** `ringup-ledger.sqlite` → `ringup-ledger.sqlite.replaced-20261126T213000Z`, or `…-2` if that name is taken. */
export function asideName(ledgerFile: string, at: number): string {
  const stamp = new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  let aside = `${ledgerFile}.replaced-${stamp}`;
  for (let n = 2; existsSync(aside) || SIDECARS.some((s) => existsSync(aside + s)); n++) aside = `${ledgerFile}.replaced-${stamp}-${n}`;
  return aside;
}

/**
 * Renames `from` and its sidecars to `to`. The sidecars go first: a WAL left behind under the
 * ledger's name would be read into whatever file takes that name next. A file already moved (a
 * crash part-way through) is skipped; a name that is taken is never overwritten.
 */
export function moveWithSidecars(from: string, to: string): void {
  const moves = [...SIDECARS.map((s) => [from + s, to + s] as const), [from, to] as const].filter(([source]) => existsSync(source));
  // Checked for all before any moves: a ledger never parts from its WAL over a name that was taken.
  for (const [source, target] of moves) if (existsSync(target)) throw new Error(`cannot move ${source}: ${target} is already there`);
  for (const [source, target] of moves) renameSync(source, target);
  fsyncDir(dirname(to));
  if (dirname(from) !== dirname(to)) fsyncDir(dirname(from));
}

/** True if the ledger or any of its sidecars is still under `file`. */
export function ledgerFilesAt(file: string): boolean {
  return existsSync(file) || SIDECARS.some((s) => existsSync(file + s));
}

/** `ringup-ledger.sqlite` → `ringup-ledger.sqlite.replaced-<stamp>` (and its -wal / -shm); null if there was none. */
export function moveLedgerAside(ledgerFile: string, at: number): string | null {
  if (!existsSync(ledgerFile)) return null;
  const aside = asideName(ledgerFile, at);
  moveWithSidecars(ledgerFile, aside);
  return aside;
}

/** Renames the verified snapshot (on the ledger's file system) to the ledger's name, durably. */
export function putLedgerInPlace(staged: string, ledgerFile: string): void {
  if (existsSync(staged)) fsyncFile(staged);
  moveWithSidecars(staged, ledgerFile);
}

/** Undoes moveLedgerAside: the file moved aside (with its WAL) goes back under the ledger's name. */
export function putLedgerBack(aside: string, ledgerFile: string): void {
  moveWithSidecars(aside, ledgerFile);
}
