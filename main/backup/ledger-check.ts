// The ledger's own checks. At every start (self-check): quick_check, the journal's tail (the last
// entries, back to the last day close), and that the journal still holds the head of the last
// bundle this machine wrote (a ledger that lost entries, or an older copy put in its place, fails
// here). In the back office (full): integrity_check and the whole chain, with progress.
import Database from 'better-sqlite3';
import type { LedgerCheckView } from '../../preload/contract/backup-views';
import type { Db } from '../ledger/db';
import { INDEXED_KINDS } from '../ledger/journal-kind-index';
import { integrityProblem } from './snapshot';
import { journalHead, verifyChain } from './journal-chain';

/** How many of the newest journal entries every start re-hashes: milliseconds, whatever the ledger's age. */
export const TAIL_ENTRIES = 500;

/**
 * Journal kinds of a day close (Z report). The tail check reaches back to the last of them, so the
 * chain from the last closure to now is always proven at start. The day close adds its kind here.
 */
export const CLOSURE_KINDS: readonly string[] = [];

export interface BackupAnchor {
  seq: number;
  hash: string;
  file: string;
}

function view(partial: Partial<LedgerCheckView> & Pick<LedgerCheckView, 'ok' | 'full'>, lastBundle: string | null): LedgerCheckView {
  return { problem: null, seq: null, detail: null, entries: 0, lastBundle, ...partial };
}

/** The start check, on the register's own connection (a few milliseconds plus quick_check). */
export function selfCheck(db: Db, anchor: BackupAnchor | null): LedgerCheckView {
  const lastBundle = anchor?.file ?? null;
  let damage: string | null;
  try {
    damage = integrityProblem(db, 'quick_check');
  } catch (error) {
    damage = (error as Error).message;
  }
  if (damage) return view({ ok: false, full: false, problem: 'quick_check', detail: damage.slice(0, 200) }, lastBundle);
  const head = journalHead(db);
  let from = Math.max(1, head.seq - TAIL_ENTRIES + 1);
  if (CLOSURE_KINDS.length > 0) {
    const closure = db
      .prepare(`SELECT MAX(seq) FROM journal WHERE kind IN (${CLOSURE_KINDS.map(() => '?').join(', ')}) AND ${INDEXED_KINDS}`)
      .pluck()
      .get(...CLOSURE_KINDS) as number | null;
    if (closure !== null) from = Math.min(from, closure);
  }
  const chain = verifyChain(db, from);
  if (!chain.ok) return view({ ok: false, full: false, problem: 'chain', seq: chain.firstBadSeq, detail: chain.reason, entries: chain.entries }, lastBundle);
  if (anchor) {
    const row = db.prepare('SELECT hash FROM journal WHERE seq = ?').get(anchor.seq) as { hash: string } | undefined;
    if (!row || row.hash !== anchor.hash)
      return view({ ok: false, full: false, problem: 'older_than_backup', seq: anchor.seq, entries: chain.entries }, lastBundle);
  }
  return view({ ok: true, full: false, entries: chain.entries }, lastBundle);
}

/** The full check, on a read-only connection of its own (run in the backup worker). */
export function fullCheck(ledgerFile: string, onProgress: (fraction: number) => void): LedgerCheckView {
  const db = new Database(ledgerFile, { readonly: true, fileMustExist: true });
  try {
    onProgress(0);
    const damage = integrityProblem(db);
    if (damage) return view({ ok: false, full: true, problem: 'integrity_check', detail: damage.slice(0, 200) }, null);
    const total = journalHead(db).seq || 1;
    onProgress(0.5);
    const chain = verifyChain(db, 1, undefined, (n) => onProgress(0.5 + (0.5 * n) / total));
    if (!chain.ok) return view({ ok: false, full: true, problem: 'chain', seq: chain.firstBadSeq, detail: chain.reason, entries: chain.entries }, null);
    onProgress(1);
    return view({ ok: true, full: true, entries: chain.entries }, null);
  } finally {
    db.close();
  }
}
