// The backup as a long-lived part of the register: runs exports (by the owner, on schedule, after
// a day close), verifications, restores and the full ledger check, one at a time, in the backup
// worker; publishes progress and status to the windows; records every outcome (journal, status,
// the anchor file beside the ledger) and applies retention after a verified export.
import { rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type {
  BackupConfigView,
  BackupJob,
  BackupProgressView,
  BackupRecordView,
  BackupStatusView,
  BackupStep,
  BackupTrigger,
  BundleListItem,
  BundleReportView,
  LedgerCheckView,
  RestoreView,
} from '../../preload/contract/backup-views';
import { businessDayOf, businessDayRule } from '../business-day/business-day';
import type { EventBus } from '../common/event-bus';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/db';
import type { Logger } from '../log';
import { getSettings } from '../settings/settings';
import { BackupFailure, folderFailure, toServiceError } from './backup-failure';
import { recordFailure, recordSuccess, withoutHash } from './backup-records';
import { claimScheduledRun } from './backup-schedule';
import { getBackupConfig, getBackupLast, readAnchor, setBackupConfig } from './backup-store';
import type { ExportJob, ExportResult } from './export-bundle';
import { restoreBundle, type RestoreContext } from './restore-bundle';
import { compareSnapshot } from './restore-guard';
import { listBundles } from './retention';
import { runInWorker } from './worker-client';

const DAY_MS = 86_400_000;

/** True for a path that is a file or lies under one; a folder not there yet (a stick not plugged in) may be saved. */
function isFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOTDIR';
  }
}
const SCHEDULE_POLL_MS = 30_000;

export interface BackupServiceOptions {
  /** The register's ledger connection now (a restore replaces it). */
  db: () => Db;
  ledgerFile: string;
  events: EventBus;
  log: Logger;
  clock: () => number;
  appVersion: string;
  /** The check made when the register opened the ledger. */
  startCheck: LedgerCheckView;
  /**
   * Closes the ledger and everything using it, moves the ledger file aside (never deleting it),
   * puts `staged` in its place and opens the register on it; returns where the old file went.
   */
  replaceLedger(staged: string): Promise<{ movedAsideTo: string | null }>;
  schedulePollMs?: number;
}

export class BackupService {
  private running: BackupProgressView | null = null;
  private lastEmit = 0;
  private timer: NodeJS.Timeout | null = null;
  private check: LedgerCheckView;
  readonly dataDir: string;
  readonly workDir: string;
  private readonly ctx: RestoreContext;

  constructor(private readonly o: BackupServiceOptions) {
    this.dataDir = dirname(o.ledgerFile);
    this.workDir = join(this.dataDir, 'backup-work');
    this.check = o.startCheck;
    this.ctx = { db: () => o.db(), dataDir: this.dataDir, log: o.log, clock: () => o.clock(), replaceLedger: (staged) => o.replaceLedger(staged) };
    // A worker killed with the register leaves its snapshot here; nothing else writes this folder.
    if (o.ledgerFile !== ':memory:') rmSync(this.workDir, { recursive: true, force: true });
  }

  /** The register's ledger connection now. */
  db(): Db {
    return this.o.db();
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.maybeScheduled(), this.o.schedulePollMs ?? SCHEDULE_POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The start check (or the last full check); selling waits on it being ok. */
  ledgerCheck(): LedgerCheckView {
    return this.check;
  }

  status(): BackupStatusView {
    const db = this.o.db();
    const last = getBackupLast(db);
    const config = getBackupConfig(db);
    const now = this.o.clock();
    const failedLast = last.lastFailure !== null && (last.lastGood === null || last.lastFailure.at > last.lastGood.at);
    const warning = failedLast ? 'failed' : last.lastGood === null ? 'never' : now - last.lastGood.at > DAY_MS ? 'stale' : null;
    const lastGood = last.lastGood ? withoutHash(last.lastGood) : null;
    return { lastGood, lastFailure: failedLast ? last.lastFailure : null, warning, running: this.running, config };
  }

  getConfig(): BackupConfigView {
    return getBackupConfig(this.o.db());
  }

  /**
   * Saves where and when backups go. A folder is required: saving none used to switch every backup
   * off, the daily one included, under "saved"; a path that is a file is refused as well.
   */
  setConfig(config: BackupConfigView, operatorId: number): BackupConfigView {
    const folder = config.folder?.trim() ?? '';
    if (folder === '') throw new ServiceError('backup.folder_required');
    if (!isAbsolute(folder)) throw new ServiceError('backup.folder_not_absolute', { folder });
    if (isFile(folder)) throw new ServiceError('backup.folder_is_file', { folder });
    const saved = setBackupConfig(this.o.db(), { ...config, folder }, operatorId);
    this.publishStatus();
    return saved;
  }

  list(folder?: string): BundleListItem[] {
    const where = folder ?? getBackupConfig(this.o.db()).folder;
    if (!where) throw new ServiceError('backup.no_folder');
    if (!isAbsolute(where)) throw new ServiceError('backup.folder_not_absolute', { folder: where });
    try {
      return listBundles(where);
    } catch (error) {
      throw toServiceError(folderFailure(error, where), error);
    }
  }

  /** Exports business days from..to (default: today) now, and resolves with the bundle written. */
  async run(range: { from?: string | undefined; to?: string | undefined }, trigger: BackupTrigger, operatorId: number | null): Promise<BackupRecordView> {
    const db = this.o.db();
    const today = businessDayOf(this.o.clock(), businessDayRule(getSettings(db)));
    const from = range.from ?? range.to ?? today;
    const to = range.to ?? (range.from && range.from > today ? range.from : today);
    // Refused before anything is written or recorded: a bundle named for a day to come would count
    // as the last good backup (and towards the bundles kept); a reversed range is a typing slip.
    if (to > today) throw new ServiceError('backup.range_in_future', { day: to, today });
    if (from > to) throw new ServiceError('backup.bad_range', { from, to });
    return this.export({ from, to }, trigger, operatorId);
  }

  /** The automatic backup: everything no bundle covers yet, up to today. */
  async runAutomatic(trigger: Exclude<BackupTrigger, 'manual'>): Promise<BackupRecordView> {
    return this.export({ afterSeq: getBackupLast(this.o.db()).coveredSeq }, trigger, null);
  }

  async verify(file: string): Promise<BundleReportView> {
    if (!isAbsolute(file)) throw new ServiceError('backup.folder_not_absolute', { folder: file });
    return this.exclusive('verify', async (progress) => {
      // The snapshot stays a moment after the check: the owner sees what a restore would do before confirming it.
      const kept = join(this.workDir, `compare-${this.o.clock()}.sqlite`);
      try {
        const report = await runInWorker<BundleReportView>(
          { kind: 'verify', file, options: { level: 'full', workDir: this.workDir, keepSnapshotAs: kept } },
          progress,
        );
        return { ...report, comparison: compareSnapshot({ db: this.o.db(), dataDir: this.dataDir, check: this.check }, kept, report) };
      } catch (error) {
        throw toServiceError(error);
      } finally {
        rmSync(kept, { force: true });
      }
    });
  }

  /**
   * Restores a bundle that verifies: the current ledger is moved aside, the bundle's snapshot takes
   * its place, and the register goes on with the same receipt numbers and journal chain. A bundle
   * of another register is refused unless the owner confirms that this machine takes its place.
   */
  async restore(file: string, asMove: boolean, operatorId: number | null): Promise<RestoreView> {
    if (!isAbsolute(file)) throw new ServiceError('backup.folder_not_absolute', { folder: file });
    return this.exclusive('restore', async (progress) => {
      return restoreBundle(this.ctx, { file, asMove, operatorId, workDir: this.workDir }, progress, {
        current: () => this.check,
        restored: (check) => (this.check = check),
      });
    });
  }

  /** integrity_check and the whole chain, off the main thread; a failure makes the register refuse to sell. */
  async fullCheck(): Promise<LedgerCheckView> {
    return this.exclusive('check', async (progress) => {
      const result = await runInWorker<LedgerCheckView>({ kind: 'check', ledgerFile: this.o.ledgerFile }, progress).catch((error: unknown) => {
        throw toServiceError(error);
      });
      const view = { ...result, lastBundle: readAnchor(this.dataDir)?.file ?? null };
      if (!view.ok || !this.check.ok) this.check = view;
      return view;
    });
  }

  private async export(range: ExportJob['range'], trigger: BackupTrigger, operatorId: number | null): Promise<BackupRecordView> {
    const db = this.o.db();
    const config = getBackupConfig(db);
    // No folder chosen yet is setup still to do, not a backup that failed: nothing is recorded.
    const folder = config.folder;
    if (!folder) throw new ServiceError('backup.no_folder');
    return this.exclusive('export', async (progress) => {
      const at = this.o.clock();
      try {
        if (!this.check.ok) throw new BackupFailure('backup.ledger_damaged', { seq: this.check.seq, detail: this.check.problem });
        const job: ExportJob = { ledgerFile: this.o.ledgerFile, workDir: this.workDir, folder, range, now: at, appVersion: this.o.appVersion };
        const result = await runInWorker<ExportResult>({ kind: 'export', job }, progress);
        return recordSuccess(this.ctx, result, trigger, operatorId, config.keep, at);
      } catch (error) {
        const failure = error instanceof BackupFailure ? error : null;
        if (!failure) this.o.log.error('backup failed', error);
        recordFailure(
          this.ctx,
          trigger,
          operatorId,
          config.folder,
          failure?.code ?? 'backup.write_failed',
          failure?.params ?? { folder: config.folder ?? '', reason: 'internal' },
        );
        throw toServiceError(error);
      }
    });
  }

  /** One job at a time; progress and status go to every window. */
  private async exclusive<T>(job: BackupJob, work: (progress: (step: BackupStep, fraction: number) => void) => Promise<T>): Promise<T> {
    if (this.running) throw new ServiceError('backup.busy', { job: this.running.job });
    this.running = { job, step: job === 'export' ? 'snapshot' : job === 'check' ? 'check' : 'read', fraction: 0 };
    this.publishStatus();
    try {
      // The job's thread starts in a turn of its own: starting a thread costs milliseconds on this
      // one, and together with the checks and the status above it made the longest pause a sale
      // could meet during an export (15-36 ms on the bench machine, against a goal of 10).
      await new Promise<void>((resolve) => setImmediate(resolve));
      return await work((step, fraction) => this.progress(job, step, fraction));
    } finally {
      this.running = null;
      this.publishStatus();
    }
  }

  private progress(job: BackupJob, step: BackupStep, fraction: number): void {
    const changed = this.running?.step !== step;
    this.running = { job, step, fraction };
    const now = Date.now();
    // A year's export reports thousands of steps; the windows need a few a second.
    if (!changed && now - this.lastEmit < 100 && fraction < 1) return;
    this.lastEmit = now;
    this.o.events.emit('backup.progress', this.running);
  }

  publishStatus(): void {
    try {
      this.o.events.emit('backup.status', this.status());
    } catch (error) {
      this.o.log.error('backup: status not published', error);
    }
  }

  /** The daily backup at the configured time (store time zone), once a day. */
  async maybeScheduled(): Promise<void> {
    if (this.running || !this.check.ok) return;
    if (!claimScheduledRun(this.o.db(), this.o.clock())) return;
    await this.runAutomatic('scheduled').catch((error: unknown) => this.o.log.info(`scheduled backup failed: ${(error as Error).message}`));
  }
}
