// The backup as a long-lived part of the register: runs exports (by the owner, on schedule, after
// a day close), verifications, restores and the full ledger check, one at a time, in the backup
// worker; publishes progress and status to the windows; records every outcome (journal, status,
// the anchor file beside the ledger) and applies retention after a verified export.
import type { ErrorParams } from '../../preload/contract/result';
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, statSync } from 'node:fs';
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
import { appendJournal } from '../ledger/journal';
import { LATEST_VERSION } from '../ledger/migrations';
import type { Logger } from '../log';
import { getSettings } from '../settings/settings';
import { BackupFailure } from './backup-failure';
import './backup-journal';
import { getBackupConfig, getBackupLast, readAnchor, setBackupConfig, setBackupLast, writeAnchor } from './backup-store';
import type { ExportJob, ExportResult } from './export-bundle';
import { journalHead } from './journal-chain';
import { listBundles, pruneBundles } from './retention';
import { runInWorker } from './worker-client';

const DAY_MS = 86_400_000;
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

  constructor(private readonly o: BackupServiceOptions) {
    this.dataDir = dirname(o.ledgerFile);
    this.workDir = join(this.dataDir, 'backup-work');
    this.check = o.startCheck;
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

  setConfig(config: BackupConfigView, operatorId: number): BackupConfigView {
    if (config.folder !== null && !isAbsolute(config.folder)) throw new ServiceError('backup.folder_not_absolute', { folder: config.folder });
    const saved = setBackupConfig(this.o.db(), config, operatorId);
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
      throw toServiceError(new BackupFailure('backup.folder_missing', { folder: where }), error);
    }
  }

  /** Exports business days from..to (default: today) now, and resolves with the bundle written. */
  async run(range: { from?: string | undefined; to?: string | undefined }, trigger: BackupTrigger, operatorId: number | null): Promise<BackupRecordView> {
    const db = this.o.db();
    const today = businessDayOf(this.o.clock(), businessDayRule(getSettings(db)));
    const from = range.from ?? range.to ?? today;
    const to = range.to ?? (range.from && range.from > today ? range.from : today);
    return this.export({ from, to }, trigger, operatorId);
  }

  /** The automatic backup: everything no bundle covers yet, up to today. */
  async runAutomatic(trigger: Exclude<BackupTrigger, 'manual'>): Promise<BackupRecordView> {
    return this.export({ afterSeq: getBackupLast(this.o.db()).coveredSeq }, trigger, null);
  }

  async verify(file: string): Promise<BundleReportView> {
    if (!isAbsolute(file)) throw new ServiceError('backup.folder_not_absolute', { folder: file });
    return this.exclusive('verify', async (progress) => {
      try {
        return await runInWorker<BundleReportView>({ kind: 'verify', file, options: { level: 'full', workDir: this.workDir } }, progress);
      } catch (error) {
        throw toServiceError(error);
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
      mkdirSync(this.workDir, { recursive: true });
      const staged = join(this.dataDir, `restoring-${this.o.clock()}.sqlite`);
      try {
        const report = await runInWorker<BundleReportView>(
          { kind: 'verify', file, options: { level: 'full', workDir: this.workDir, keepSnapshotAs: staged } },
          (_step, f) => progress('verify', f * 0.9),
        ).catch((error: unknown) => {
          throw toServiceError(error);
        });
        if (!report.ok || report.registerId === null || report.toSeq === null || report.headHash === null) {
          const p = report.problem;
          throw new ServiceError('backup.bundle_invalid', { problem: p?.code ?? 'unknown', file: p?.file ?? null, row: p?.row ?? null, seq: p?.seq ?? null });
        }
        const current = this.check.problem === 'unreadable' ? null : getSettings(this.o.db()).registerId;
        if (current !== null && current !== report.registerId && !asMove) {
          throw new ServiceError('backup.other_register', { bundleRegisterId: report.registerId, registerId: current });
        }
        const snap = new Database(staged, { readonly: true, fileMustExist: true });
        const schema = snap.pragma('user_version', { simple: true }) as number;
        snap.close();
        if (schema > LATEST_VERSION) throw new ServiceError('backup.newer_schema', { schema, known: LATEST_VERSION });
        progress('restore', 0.9);
        let moved: { movedAsideTo: string | null };
        try {
          moved = await this.o.replaceLedger(staged);
        } catch (error) {
          this.o.log.error('restore: the ledger could not be replaced', error);
          throw new ServiceError('backup.restore_failed', { reason: (error as Error).message.slice(0, 160) });
        }
        const db = this.o.db();
        const head = journalHead(db);
        appendJournal(db, 'backup.restored', {
          operatorId,
          bundle: file,
          bundleRegisterId: report.registerId,
          headSeq: head.seq,
          headHash: head.hash,
          asMove,
          movedAsideTo: moved.movedAsideTo,
        });
        // The restored ledger was copied before its bundle was recorded: the bundle it came from is its last good backup.
        const last = getBackupLast(db);
        setBackupLast(db, {
          ...last,
          lastGood: {
            at: this.o.clock(),
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
        writeAnchor(this.dataDir, { seq: report.toSeq, hash: report.headHash, file });
        this.check = { ok: true, problem: null, seq: null, detail: null, entries: head.seq, full: false, lastBundle: file };
        const counter = db.prepare('SELECT last_receipt_no FROM register_counters WHERE register_id = ?').get(report.registerId) as
          { last_receipt_no: number } | undefined;
        return { registerId: report.registerId, headSeq: head.seq, lastReceiptNo: counter?.last_receipt_no ?? 0, movedAsideTo: moved.movedAsideTo };
      } finally {
        rmSync(staged, { force: true });
      }
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
    return this.exclusive('export', async (progress) => {
      const at = this.o.clock();
      try {
        if (!config.folder) throw new BackupFailure('backup.no_folder');
        if (!this.check.ok) throw new BackupFailure('backup.ledger_damaged', { seq: this.check.seq, detail: this.check.problem });
        const job: ExportJob = { ledgerFile: this.o.ledgerFile, workDir: this.workDir, folder: config.folder, range, now: at, appVersion: this.o.appVersion };
        const result = await runInWorker<ExportResult>({ kind: 'export', job }, progress);
        return this.recordSuccess(result, trigger, operatorId, config.keep, at);
      } catch (error) {
        const failure = error instanceof BackupFailure ? error : null;
        if (!failure) this.o.log.error('backup failed', error);
        this.recordFailure(
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

  private recordSuccess(result: ExportResult, trigger: BackupTrigger, operatorId: number | null, keep: number, at: number): BackupRecordView {
    const db = this.o.db();
    const record: BackupRecordView & { headHash: string } = {
      at: this.o.clock(),
      folder: result.folder,
      file: result.file,
      bytes: result.bytes,
      from: result.from,
      to: result.to,
      headSeq: result.toSeq,
      trigger,
      headHash: result.headHash,
    };
    const today = businessDayOf(at, businessDayRule(getSettings(db)));
    db.transaction(() => {
      const last = getBackupLast(db);
      // Only a bundle that reaches the present moves the automatic backup's starting point.
      const coveredSeq = result.to >= today ? Math.max(last.coveredSeq, result.toSeq) : last.coveredSeq;
      setBackupLast(db, { ...last, lastGood: record, coveredSeq });
      appendJournal(db, 'backup.exported', {
        trigger,
        operatorId,
        folder: result.folder,
        file: result.name,
        bytes: result.bytes,
        from: result.from,
        to: result.to,
        fromSeq: result.fromSeq,
        toSeq: result.toSeq,
        headHash: result.headHash,
      });
    })();
    try {
      writeAnchor(this.dataDir, { seq: result.toSeq, hash: result.headHash, file: result.file });
    } catch (error) {
      this.o.log.error('backup: could not write the status file beside the ledger', error);
    }
    try {
      const removed = pruneBundles(result.folder, result.registerId, keep);
      if (removed.length > 0) appendJournal(db, 'backup.pruned', { folder: result.folder, files: removed, keptNewest: result.name });
    } catch (error) {
      // Retention is housekeeping: the new bundle is good whatever happens to the old ones.
      this.o.log.error('backup: retention could not remove old bundles', error);
    }
    return withoutHash(record);
  }

  private recordFailure(trigger: BackupTrigger, operatorId: number | null, folder: string | null, code: string, params: ErrorParams): void {
    try {
      const db = this.o.db();
      db.transaction(() => {
        setBackupLast(db, { ...getBackupLast(db), lastFailure: { at: this.o.clock(), folder, code, params, trigger } });
        appendJournal(db, 'backup.failed', { trigger, operatorId, folder, code });
      })();
    } catch (error) {
      this.o.log.error('backup: could not record a failed backup', error);
    }
  }

  /** One job at a time; progress and status go to every window. */
  private async exclusive<T>(job: BackupJob, work: (progress: (step: BackupStep, fraction: number) => void) => Promise<T>): Promise<T> {
    if (this.running) throw new ServiceError('backup.busy', { job: this.running.job });
    this.running = { job, step: job === 'export' ? 'snapshot' : job === 'check' ? 'check' : 'read', fraction: 0 };
    this.publishStatus();
    try {
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
    const db = this.o.db();
    const config = getBackupConfig(db);
    if (!config.scheduleAt || !config.folder) return;
    const settings = getSettings(db);
    const { date, time } = localDateTime(this.o.clock(), settings.timeZone);
    const last = getBackupLast(db);
    if (time < config.scheduleAt || last.scheduledOn === date) return;
    setBackupLast(db, { ...last, scheduledOn: date });
    await this.runAutomatic('scheduled').catch((error: unknown) => this.o.log.info(`scheduled backup failed: ${(error as Error).message}`));
  }
}

function withoutHash(record: BackupRecordView & { headHash?: string }): BackupRecordView {
  const { headHash: _hash, ...view } = record;
  return view;
}

function localDateTime(at: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(new Date(at))
    .reduce<Record<string, string>>((acc, p) => ((acc[p.type] = p.value), acc), {});
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

function toServiceError(error: unknown, cause?: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  if (error instanceof BackupFailure) return new ServiceError(error.code, error.params);
  throw cause ?? error;
}
