// A restore compared with the books in place, before anything is replaced: a bundle that is an
// older copy of these very books (or of books that went another way) would take sales out of the
// live ledger and hand their receipt numbers out again. Over a ledger that passes its checks such
// a restore is refused and the refusal says what would be lost; over a damaged ledger (what a
// restore is for) it is allowed, and the owner is told where the bundle ends.
import Database from 'better-sqlite3';
import type { BundleReportView, LedgerCheckView, RestoreComparisonView } from '../../preload/contract/backup-views';
import { formatReceiptNo } from '../../preload/contract/receipt-no';
import { restoreRefusal } from '../../preload/contract/restore-refusal';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/db';
import { getSettings } from '../settings/settings';
import { readAnchor } from './backup-store';
import { journalHead } from './journal-chain';
import { selfCheck } from './ledger-check';

/**
 * Entries that record the backups themselves. A bundle cannot hold the entry of its own export,
 * and the restore records the bundle again: losing these loses nothing of the books.
 */
const BOOKKEEPING_KINDS: ReadonlySet<string> = new Set(['backup.exported', 'backup.pruned', 'backup.failed', 'backup.restored']);

type Ledger = Db;

function hashAt(db: Ledger, seq: number): string | null {
  const row = db.prepare('SELECT hash FROM journal WHERE seq = ?').get(seq) as { hash: string } | undefined;
  return row?.hash ?? null;
}

/** The last seq at which both journals hold the same entry (0: none); a hash chain that parted never meets again. */
function lastCommonSeq(a: Ledger, b: Ledger, upTo: number): number {
  let low = 0;
  let high = upTo;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const left = hashAt(a, mid);
    if (left !== null && left === hashAt(b, mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

function lastReceipt(db: Ledger, registerId: string): string | null {
  const n = db.prepare('SELECT last_receipt_no FROM register_counters WHERE register_id = ?').pluck().get(registerId) as number | undefined;
  return n ? formatReceiptNo(registerId, n) : null;
}

/** Completed documents of `current` that `snapshot` does not hold, completed at or after `since`. */
function documentsNotIn(current: Db, snapshot: Db, since: number): number {
  const inBundle = snapshot.prepare("SELECT 1 FROM documents WHERE id = ? AND status = 'completed'").pluck();
  const ids = current.prepare("SELECT id FROM documents WHERE status = 'completed' AND completed_at >= ?").pluck().all(since) as string[];
  return ids.filter((id) => inBundle.get(id) === undefined).length;
}

/**
 * Compares the ledger in place (null: none that opens) with a verified bundle's snapshot. `damaged`:
 * the ledger in place failed its start check or fails it now.
 */
export function compareWithLedger(
  current: Db | null,
  damaged: boolean,
  snapshot: Db,
  bundle: { registerId: string; toSeq: number; headHash: string },
): RestoreComparisonView {
  const lastEntry = snapshot.prepare('SELECT at FROM journal WHERE seq = ?').pluck().get(bundle.toSeq) as number | undefined;
  const registerId = current === null ? null : getSettings(current).registerId;
  const view: RestoreComparisonView = {
    relation: 'no_ledger',
    damaged,
    refused: false,
    bundleLastReceipt: lastReceipt(snapshot, bundle.registerId),
    bundleLastEntryAt: lastEntry ?? null,
    currentLastReceipt: null,
    entriesAfter: 0,
    documentsAfter: 0,
    bundleRegisterId: bundle.registerId,
    currentRegisterId: registerId,
    move: registerId !== null && registerId !== bundle.registerId,
    openShift: false,
  };
  // A machine never set up has no books to lose.
  if (current === null || registerId === null || (current.prepare('SELECT COUNT(*) FROM operators').pluck().get() as number) === 0) return view;
  view.currentLastReceipt = lastReceipt(current, registerId);
  view.openShift = (current.prepare("SELECT COUNT(*) FROM shifts WHERE state <> 'closed'").pluck().get() as number) > 0;
  if (registerId !== bundle.registerId) {
    // Another register's books take the place of these: everything here leaves the ledger. That is
    // a move for a machine whose books are empty (a new or replacement one) or fail their checks,
    // never over books in use that pass them.
    view.documentsAfter = documentsNotIn(current, snapshot, 0);
    view.entriesAfter = current.prepare('SELECT COUNT(*) FROM journal').pluck().get() as number;
    const inUse = view.documentsAfter > 0 || view.openShift;
    return { ...view, relation: 'other_register', refused: !damaged && inUse };
  }
  const head = journalHead(current);
  const common = lastCommonSeq(current, snapshot, Math.min(head.seq, bundle.toSeq));
  const parted = common < Math.min(head.seq, bundle.toSeq);
  const kinds = [...BOOKKEEPING_KINDS];
  const later = current
    .prepare(`SELECT COUNT(*) AS entries, COUNT(*) FILTER (WHERE kind NOT IN (${kinds.map(() => '?').join(', ')})) AS lost FROM journal WHERE seq > ?`)
    .get(...kinds, common) as { entries: number; lost: number };
  if (!parted && later.lost === 0) return { ...view, relation: 'same_or_newer' };
  const since = (current.prepare('SELECT at FROM journal WHERE seq = ?').pluck().get(common) as number | undefined) ?? 0;
  view.documentsAfter = documentsNotIn(current, snapshot, since);
  view.entriesAfter = later.entries;
  // Books that never issued a receipt (a machine just set up, then restored from the back office)
  // lose no sale and reuse no number: what they hold stays in the file moved aside.
  const books = view.currentLastReceipt !== null || view.documentsAfter > 0;
  return { ...view, relation: parted ? 'diverged' : 'older', refused: !damaged && books };
}

/** The refusal of a restore the comparison does not allow; nothing has been changed yet. */
export function refuseIfLosing(comparison: RestoreComparisonView): void {
  const refusal = restoreRefusal(comparison);
  if (refusal) throw new ServiceError(refusal.code, refusal.params);
}

/**
 * The comparison of a verified bundle's snapshot (a file) with the register's ledger: none when the
 * start check could not read it; damaged when the start check failed or the same check fails now.
 */
export function compareSnapshot(
  ledger: { db: Db; dataDir: string; check: LedgerCheckView },
  snapshotFile: string,
  report: BundleReportView,
): RestoreComparisonView | null {
  if (!report.ok || report.registerId === null || report.toSeq === null || report.headHash === null) return null;
  const current = ledger.check.problem === 'unreadable' ? null : ledger.db;
  const bundle = { registerId: report.registerId, toSeq: report.toSeq, headHash: report.headHash };
  const snapshot = new Database(snapshotFile, { readonly: true, fileMustExist: true });
  try {
    let damaged = !ledger.check.ok;
    if (!damaged && current !== null) {
      try {
        damaged = !selfCheck(current, readAnchor(ledger.dataDir)).ok;
      } catch {
        damaged = true;
      }
    }
    try {
      return compareWithLedger(current, damaged, snapshot, bundle);
    } catch (error) {
      // A ledger too damaged to be compared is one a restore is for: compared as none.
      if (!damaged) throw error;
      return compareWithLedger(null, true, snapshot, bundle);
    }
  } finally {
    snapshot.close();
  }
}
