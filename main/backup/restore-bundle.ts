// Restoring a bundle: verified in the worker with its snapshot kept, refused while a sale is open,
// when it would take sales out of books that pass their checks, when it is another register's
// without the owner confirming a move, or from a newer schema; then put in the ledger's place and
// recorded as the last good backup (at the time it was made) so the register goes on with the
// same chain. The snapshot is staged in backup-work/ (cleared at start-up, on the ledger's file
// system) and the swap is marked in the data folder first (restore-intent.ts), so a crash at any
// point leaves the previous ledger or the restored one, never neither.
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { BackupStep, BundleReportView, LedgerCheckView, RestoreView } from '../../preload/contract/backup-views';
import { ServiceError } from '../common/service-error';
import { LATEST_VERSION } from '../ledger/migrations';
import { toServiceError } from './backup-failure';
import type { RecordContext } from './backup-records';
import { journalHead } from './journal-chain';
import { clearRestoreIntent, readRestoreIntent, recordRestore, writeRestoreIntent, type RestoreRecord } from './restore-intent';
import { compareSnapshot, refuseIfLosing } from './restore-guard';
import { refuseOnOpenWork } from './restore-open-work';
import { runInWorker } from './worker-client';

export interface RestoreContext extends RecordContext {
  /** Closes the ledger, moves it aside, puts `staged` in its place and reopens the register on it. */
  replaceLedger(staged: string): Promise<{ movedAsideTo: string | null }>;
}

/** When the bundle was made (its manifest), else the time of its last journal entry: the last good backup is that old. */
function bundleMadeAt(report: BundleReportView, snap: Database.Database): number {
  const made = report.createdAt === null ? Number.NaN : Date.parse(report.createdAt);
  if (Number.isFinite(made)) return made;
  return (snap.prepare('SELECT at FROM journal WHERE seq = ?').pluck().get(report.toSeq) as number | undefined) ?? 0;
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
  const staged = join(job.workDir, `restoring-${ctx.clock()}.sqlite`);
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
    const madeAt = bundleMadeAt(report, snap);
    snap.close();
    if (schema > LATEST_VERSION) throw new ServiceError('backup.newer_schema', { schema, known: LATEST_VERSION });
    openWork();
    progress('restore', 0.9);
    const record: RestoreRecord = {
      bundle: file,
      bundleRegisterId: report.registerId,
      toSeq: report.toSeq,
      headHash: report.headHash,
      madeAt,
      bytes: statSync(file).size,
      from: report.from ?? '',
      to: report.to ?? '',
      asMove: comparison?.move === true,
      operatorId,
    };
    let moved: { movedAsideTo: string | null };
    try {
      // From here a crash is settled at start-up: the marker says what goes where.
      writeRestoreIntent(ctx.dataDir, { version: 1, phase: 'swap', staged: relative(ctx.dataDir, staged), aside: null, undoneTo: null, record });
      moved = await ctx.replaceLedger(staged);
    } catch (error) {
      // A marker that moved nothing yet is dropped; one of a swap under way stays for start-up to settle.
      if (readRestoreIntent(ctx.dataDir)?.aside === null) clearRestoreIntent(ctx.dataDir);
      ctx.log.error('restore: the ledger could not be replaced', error);
      throw new ServiceError('backup.restore_failed', { reason: (error as Error).message.slice(0, 160) });
    }
    const db = ctx.db();
    const head = journalHead(db);
    recordRestore(db, ctx.dataDir, record, moved.movedAsideTo);
    clearRestoreIntent(ctx.dataDir);
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
    // Kept only while an unfinished swap's marker still needs it.
    if (!readRestoreIntent(ctx.dataDir)) rmSync(staged, { force: true });
  }
}
