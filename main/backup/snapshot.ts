// A consistent copy of the whole ledger, taken with SQLite's online backup API from a connection of
// its own, never by copying the file (a copy taken mid-transaction is corrupt). All pages are
// copied in one step, under one read transaction: in WAL mode the register keeps writing meanwhile,
// and the copy is the ledger as it stood when the step began. The copy is switched out of WAL so
// that it is one self-contained file, checked (integrity_check and the journal chain), flushed to
// disk and only then renamed to its final name.
import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { BackupFailure } from './backup-failure';
import { verifyChain } from './journal-chain';

/** sqlite3_backup_step's page count for "everything at once" (better-sqlite3 caps the rate there). */
const ALL_PAGES = 0x7fffffff;

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in `dir` durable. Windows cannot open a folder for this; NTFS journals renames itself. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `integrity_check`'s verdict: null when it says ok, else its first complaint. */
export function integrityProblem(db: Database.Database, pragma: 'integrity_check' | 'quick_check' = 'integrity_check'): string | null {
  const rows = db.pragma(`${pragma}(1)`) as { [key: string]: string }[];
  const first = rows[0] ? Object.values(rows[0])[0] : 'no answer';
  return first === 'ok' ? null : String(first);
}

/**
 * Writes the snapshot to `target` (through `target`.tmp) and returns its journal head. Throws a
 * BackupFailure: `backup.snapshot_failed` when the copy cannot be made, `backup.ledger_damaged`
 * when the copy shows a damaged ledger (a bundle of a broken ledger is never written).
 */
export async function takeSnapshot(ledgerFile: string, target: string): Promise<{ headSeq: number; headHash: string }> {
  const tmp = `${target}.tmp`;
  rmSync(tmp, { force: true });
  try {
    const source = new Database(ledgerFile, { readonly: true, fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      await source.backup(tmp, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
  } catch (error) {
    rmSync(tmp, { force: true });
    throw new BackupFailure('backup.snapshot_failed', { reason: (error as Error).message.slice(0, 160) });
  }
  let head: { headSeq: number; headHash: string };
  try {
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
      const problem = integrityProblem(copy);
      if (problem) throw new BackupFailure('backup.ledger_damaged', { detail: problem.slice(0, 160), seq: null });
      const chain = verifyChain(copy);
      if (!chain.ok) throw new BackupFailure('backup.ledger_damaged', { detail: chain.reason, seq: chain.firstBadSeq });
      head = { headSeq: chain.lastSeq, headHash: chain.lastHash };
    } finally {
      copy.close();
    }
    fsyncFile(tmp);
    renameSync(tmp, target);
    fsyncDir(dirname(target));
  } catch (error) {
    rmSync(tmp, { force: true });
    if (error instanceof BackupFailure) throw error;
    throw new BackupFailure('backup.snapshot_failed', { reason: (error as Error).message.slice(0, 160) });
  }
  return head;
}
