// A restore's swap of the ledger, made atomic across a crash or power cut at any point. Before the
// first rename, a small marker beside the ledger names the verified staged ledger, where the
// current ledger goes and what the restore records; it is removed only once the restored ledger is
// in place and recorded. At start-up, before the ledger is opened, a marker left behind means the
// swap is finished (the staged ledger is still there) or undone (it is not, and the ledger moved
// aside goes back): the register never opens an empty ledger beside the real books.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { openLedger, type Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import type { Logger } from '../log';
import './backup-journal';
import { getBackupLast, setBackupLast, STATUS_FILE, writeAnchor } from './backup-store';
import { journalHead } from './journal-chain';
import { asideName, ledgerFilesAt, moveWithSidecars, putLedgerInPlace } from './ledger-files';
import { fsyncDir, fsyncFile } from './snapshot';

export const RESTORE_INTENT_FILE = 'restore-intent.json';

const recordSchema = z.object({
  bundle: z.string(),
  bundleRegisterId: z.string(),
  toSeq: z.number().int(),
  headHash: z.string(),
  /** When the bundle was made: the restored ledger's last good backup is that old. */
  madeAt: z.number(),
  bytes: z.number(),
  from: z.string(),
  to: z.string(),
  asMove: z.boolean(),
  operatorId: z.number().int().nullable(),
});

const intentSchema = z.object({
  version: z.literal(1),
  /** 'swap': the restored ledger is going in; 'undo': it would not open, the previous one goes back. */
  phase: z.enum(['swap', 'undo']),
  /** The verified ledger, relative to the data folder (in backup-work/, on the ledger's file system). */
  staged: z.string(),
  /** The name the current ledger is moved to; null until the register has chosen it (nothing moved yet). */
  aside: z.string().nullable(),
  /** Where a restored ledger that would not open goes (phase 'undo'), chosen before it moves. */
  undoneTo: z.string().nullable(),
  record: recordSchema,
});

export type RestoreRecord = z.infer<typeof recordSchema>;
export type RestoreIntent = z.infer<typeof intentSchema>;

function intentFile(dataDir: string): string {
  return join(dataDir, RESTORE_INTENT_FILE);
}

/** Writes the marker through a temporary file, flushed, so that it is either the old one, the new one or none. */
export function writeRestoreIntent(dataDir: string, intent: RestoreIntent): void {
  const file = intentFile(dataDir);
  const fd = openSync(`${file}.tmp`, 'w');
  try {
    writeSync(fd, `${JSON.stringify(intentSchema.parse(intent))}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${file}.tmp`, file);
  fsyncDir(dataDir);
}

/** The marker of an unfinished restore, or null. One that cannot be read stops the start: guessing could lose the books. */
export function readRestoreIntent(dataDir: string): RestoreIntent | null {
  const file = intentFile(dataDir);
  if (!existsSync(file)) return null;
  const parsed = intentSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a restore marker this register can read; move it away only after checking the ledger files`);
  return parsed.data;
}

export function clearRestoreIntent(dataDir: string): void {
  rmSync(intentFile(dataDir), { force: true });
  fsyncDir(dataDir);
}

/** The marker of the restore of `staged`, with the name the current ledger will move to chosen and written down. */
export function planSwap(ledgerFile: string, staged: string, at: number): RestoreIntent {
  const dataDir = dirname(ledgerFile);
  const intent = readRestoreIntent(dataDir);
  if (!intent || join(dataDir, intent.staged) !== staged) throw new Error(`no restore marker for ${basename(staged)}`);
  if (intent.aside !== null) return intent;
  const planned = { ...intent, aside: basename(asideName(ledgerFile, at)) };
  writeRestoreIntent(dataDir, planned);
  return planned;
}

/** Moves the current ledger aside and the staged one in; repeatable after a crash part-way. */
export function carryOutSwap(ledgerFile: string, intent: RestoreIntent): void {
  const dataDir = dirname(ledgerFile);
  if (intent.aside === null) throw new Error('the restore marker names no place for the current ledger');
  moveWithSidecars(ledgerFile, join(dataDir, intent.aside));
  putLedgerInPlace(join(dataDir, intent.staged), ledgerFile);
}

/** The restored ledger would not open: it is moved aside in turn and the previous one put back. */
export function undoSwap(ledgerFile: string, intent: RestoreIntent, at: number): void {
  const dataDir = dirname(ledgerFile);
  const aside = intent.aside === null ? null : join(dataDir, intent.aside);
  if (aside && ledgerFilesAt(aside)) {
    const undoneTo = intent.undoneTo ?? basename(asideName(ledgerFile, at));
    if (intent.phase !== 'undo' || intent.undoneTo === null) writeRestoreIntent(dataDir, { ...intent, phase: 'undo', undoneTo });
    // A ledger is where its main file is: sidecars move before it, so a WAL under the ledger's name
    // without the file is the previous ledger's, already on its way back, and stays.
    if (existsSync(ledgerFile)) moveWithSidecars(ledgerFile, join(dataDir, undoneTo));
    moveWithSidecars(aside, ledgerFile);
  }
  clearRestoreIntent(dataDir);
}

/** True if the restored ledger has its restore journalled already (the entry right after the bundle's head). */
function restoreJournalled(db: Db, toSeq: number): boolean {
  return db.prepare("SELECT 1 FROM journal WHERE seq > ? AND kind = 'backup.restored' LIMIT 1").get(toSeq) !== undefined;
}

/**
 * Records the restore in the restored ledger: the journal entry saying where it came from and where
 * the replaced ledger went, the bundle as its last good backup (it was copied before the bundle was
 * recorded), and the anchor file beside it. Repeatable: a start-up after a crash finishes it.
 */
export function recordRestore(db: Db, dataDir: string, record: RestoreRecord, movedAsideTo: string | null): void {
  if (!restoreJournalled(db, record.toSeq)) {
    db.transaction(() => {
      const head = journalHead(db);
      appendJournal(db, 'backup.restored', {
        operatorId: record.operatorId,
        bundle: record.bundle,
        bundleRegisterId: record.bundleRegisterId,
        headSeq: head.seq,
        headHash: head.hash,
        asMove: record.asMove,
        movedAsideTo,
      });
      const last = getBackupLast(db);
      setBackupLast(db, {
        ...last,
        lastGood: {
          at: record.madeAt,
          folder: dirname(record.bundle),
          file: record.bundle,
          bytes: record.bytes,
          from: record.from,
          to: record.to,
          headSeq: record.toSeq,
          trigger: 'manual',
          headHash: record.headHash,
        },
        coveredSeq: Math.max(last.coveredSeq, record.toSeq),
      });
    })();
  }
  writeAnchor(dataDir, { seq: record.toSeq, hash: record.headHash, file: record.bundle });
  // On disk before the marker goes: a previous ledger's anchor would make the restored books look older than their backup.
  fsyncFile(join(dataDir, STATUS_FILE));
  fsyncDir(dataDir);
}

/** Opens the ledger in place and records the restore in it; false if it will not open or is not the restored ledger. */
function recordInPlace(ledgerFile: string, intent: RestoreIntent, log: Logger): boolean {
  const dataDir = dirname(ledgerFile);
  let db: Db;
  try {
    db = openLedger(ledgerFile);
  } catch (error) {
    log.error('restore: the restored ledger does not open', error);
    return false;
  }
  try {
    const hash = db.prepare('SELECT hash FROM journal WHERE seq = ?').pluck().get(intent.record.toSeq);
    if (hash !== intent.record.headHash) return false;
    const aside = intent.aside === null ? null : join(dataDir, intent.aside);
    recordRestore(db, dataDir, intent.record, aside && existsSync(aside) ? aside : null);
    return true;
  } finally {
    db.close();
  }
}

/** Staged ledgers older versions left in the data folder (a restore killed in its verify). */
function removeStrayStaged(ledgerFile: string): void {
  const dataDir = dirname(ledgerFile);
  // Without the ledger, a stray staged copy may be all there is: it stays for whoever looks.
  if (!existsSync(ledgerFile)) return;
  for (const name of readdirSync(dataDir)) {
    if (/^restoring-\d+\.sqlite(-wal|-shm|-journal)?$/.test(name)) rmSync(join(dataDir, name), { force: true });
  }
}

/**
 * Start-up, before the ledger is opened: settles a restore a crash or power cut interrupted, so
 * that the register opens either the restored ledger (recorded as restored) or the previous one.
 */
export function settleUnfinishedRestore(ledgerFile: string, log: Logger, clock: () => number): void {
  if (ledgerFile === ':memory:') return;
  const dataDir = dirname(ledgerFile);
  if (!existsSync(dataDir)) return;
  rmSync(`${intentFile(dataDir)}.tmp`, { force: true });
  let intent = readRestoreIntent(dataDir);
  if (!intent) {
    removeStrayStaged(ledgerFile);
    return;
  }
  const staged = join(dataDir, intent.staged);
  log.info(`restore of ${intent.record.bundle} interrupted (${intent.phase}): settling it before the ledger opens`);
  if (intent.phase === 'swap' && existsSync(staged)) {
    if (intent.aside === null) intent = planSwap(ledgerFile, staged, clock());
    carryOutSwap(ledgerFile, intent);
  } else if (intent.aside === null) {
    // Marked, but stopped before anything moved: the ledger in place is the one the register had.
    clearRestoreIntent(dataDir);
    return;
  }
  if (intent.phase === 'swap' && existsSync(ledgerFile) && recordInPlace(ledgerFile, intent, log)) {
    clearRestoreIntent(dataDir);
    log.info(`restore of ${intent.record.bundle} finished`);
    return;
  }
  const aside = intent.aside === null ? null : join(dataDir, intent.aside);
  if (!existsSync(ledgerFile) && !(aside && ledgerFilesAt(aside))) {
    throw new Error(`restore marker ${intentFile(dataDir)} names neither a staged nor a moved-aside ledger, and there is no ledger`);
  }
  undoSwap(ledgerFile, intent, clock());
  log.info(`restore of ${intent.record.bundle} undone: the previous ledger is back`);
}
