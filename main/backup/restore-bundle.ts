// Restoring a bundle: verified in the worker with its snapshot kept, refused while a sale is open,
// when it would take sales out of books that pass their checks, when it is another register's
// without the owner confirming a move, or from a newer schema; then put in the ledger's place and
// recorded as the last good backup (at the time it was made) so the register goes on with the
// same chain.
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupStep, BundleReportView, LedgerCheckView, RestoreView } from '../../preload/contract/backup-views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/db';
import { appendJournal } from '../ledger/journal';
import { LATEST_VERSION } from '../ledger/migrations';
import { toServiceError } from './backup-failure';
import './backup-journal';
import type { RecordContext } from './backup-records';
import { getBackupLast, setBackupLast, writeAnchor } from './backup-store';
import { journalHead } from './journal-chain';
import { compareSnapshot, refuseIfLosing } from './restore-guard';
import { refuseOnOpenWork } from './restore-open-work';
import { runInWorker } from './worker-client';

export interface RestoreContext extends RecordContext {
  /** Closes the ledger, moves it aside, puts `staged` in its place and reopens the register on it. */
  replaceLedger(staged: string): Promise<{ movedAsideTo: string | null }>;
}

/** When the bundle was made (its manifest), else the time of its last journal entry: the last good backup is that old. */
function bundleMadeAt(report: BundleReportView, db: Db): number {
  const made = report.createdAt === null ? Number.NaN : Date.parse(report.createdAt);
  if (Number.isFinite(made)) return made;
  return (db.prepare('SELECT at FROM journal WHERE seq = ?').pluck().get(report.toSeq) as number | undefined) ?? 0;
}

export async function restoreBundle(
  ctx: RestoreContext,
  job: { file: string; asMove: boolean; operatorId: number | null; workDir: string },
  progress: (step: BackupStep, fraction: number) => void,
  /** The register's ledger check: read for an unreadable ledger, replaced once the restore is in place. */
  ledger: { current: () => LedgerCheckView; restored: (check: LedgerCheckView) => void },
): Promise<RestoreView> {
  const { file, asMove, operatorId } = job;
  mkdirSync(job.workDir, { recursive: true });
  const staged = join(ctx.dataDir, `restoring-${ctx.clock()}.sqlite`);
  const openWork = (): void => {
    if (ledger.current().ok) refuseOnOpenWork(ctx.db());
  };
  openWork();
  try {
    const report = await runInWorker<BundleReportView>(
      { kind: 'verify', file, options: { level: 'full', workDir: job.workDir, keepSnapshotAs: staged } },
      (_step, f) => progress('verify', f * 0.9),
    ).catch((error: unknown) => {
      throw toServiceError(error);
    });
    if (!report.ok || report.registerId === null || report.toSeq === null || report.headHash === null) {
      const p = report.problem;
      throw new ServiceError('backup.bundle_invalid', { problem: p?.code ?? 'unknown', file: p?.file ?? null, row: p?.row ?? null, seq: p?.seq ?? null });
    }
    const check = ledger.current();
    // Another register's books, or an older copy of these, over books that pass their checks would take sales out of them.
    const comparison = compareSnapshot({ db: ctx.db(), dataDir: ctx.dataDir, check }, staged, report);
    if (comparison) refuseIfLosing(comparison);
    if (comparison?.move && !asMove) {
      throw new ServiceError('backup.other_register', { bundleRegisterId: report.registerId, registerId: comparison.currentRegisterId ?? '—' });
    }
    const snap = new Database(staged, { readonly: true, fileMustExist: true });
    const schema = snap.pragma('user_version', { simple: true }) as number;
    snap.close();
    if (schema > LATEST_VERSION) throw new ServiceError('backup.newer_schema', { schema, known: LATEST_VERSION });
    openWork();
    progress('restore', 0.9);
    let moved: { movedAsideTo: string | null };
    try {
      moved = await ctx.replaceLedger(staged);
    } catch (error) {
      ctx.log.error('restore: the ledger could not be replaced', error);
      throw new ServiceError('backup.restore_failed', { reason: (error as Error).message.slice(0, 160) });
    }
    const db = ctx.db();
    const head = journalHead(db);
    appendJournal(db, 'backup.restored', {
      operatorId,
      bundle: file,
      bundleRegisterId: report.registerId,
      headSeq: head.seq,
      headHash: head.hash,
      asMove: comparison?.move === true,
      movedAsideTo: moved.movedAsideTo,
    });
    // The restored ledger was copied before its bundle was recorded: the bundle it came from is its last good backup.
    const last = getBackupLast(db);
    setBackupLast(db, {
      ...last,
      lastGood: {
        at: bundleMadeAt(report, db),
        folder: dirname(file),
        file,
        bytes: statSync(file).size,
        from: report.from ?? '',
        to: report.to ?? '',
        headSeq: report.toSeq,
        trigger: 'manual',
        headHash: report.headHash,
      },
      coveredSeq: Math.max(last.coveredSeq, report.toSeq),
    });
    writeAnchor(ctx.dataDir, { seq: report.toSeq, hash: report.headHash, file });
    ledger.restored({ ok: true, problem: null, seq: null, detail: null, entries: head.seq, full: false, lastBundle: file });
    const counter = db.prepare('SELECT last_receipt_no FROM register_counters WHERE register_id = ?').get(report.registerId) as
      { last_receipt_no: number } | undefined;
    const aside = moved.movedAsideTo;
    return {
      registerId: report.registerId,
      headSeq: head.seq,
      lastReceiptNo: counter?.last_receipt_no ?? 0,
      movedAside: aside === null ? null : { file: aside, name: basename(aside), folder: dirname(aside) },
    };
  } finally {
    rmSync(staged, { force: true });
  }
}
