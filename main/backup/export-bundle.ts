// Writing one bundle: snapshot, CSV and JSON of the range, manifest last, all into a hidden
// partial file in the target folder, which is flushed, read back and checked against its manifest,
// and only then renamed to its final name. A bundle under its final name is always complete: a
// crash, a full disk or a pulled USB stick leaves at most the hidden partial, never a half bundle.
// Runs in the backup worker thread (backup-worker.ts), away from the register's event loop.
import Database from 'better-sqlite3';
import { createReadStream, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupStep } from '../../preload/contract/backup-views';
import { businessDayOf, businessDayRule } from '../business-day/business-day';
import { getSettings } from '../settings/settings';
import { BackupFailure, folderFailure } from './backup-failure';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleFileName,
  MANIFEST_FILE,
  parseBundleFileName,
  partialFileName,
  SNAPSHOT_FILE,
  type Manifest,
} from './bundle-format';
import { TotalsBuilder } from './day-totals';
import { hashBefore } from './journal-chain';
import { dayOfEntry, journalRange } from './journal-range';
import { fsyncDir, fsyncFile, takeSnapshot } from './snapshot';
import { planTables, writeTableEntries } from './table-entries';
import { verifyBundle } from './verify-bundle';
import { ZipWriter, type EntryWrite } from './zip-writer';

export type ProgressReport = (step: BackupStep, fraction: number) => void;

export interface ExportJob {
  ledgerFile: string;
  /** A local folder for the snapshot while it is made (the data folder, never the target). */
  workDir: string;
  folder: string;
  /** Business days, or (automatic backups) everything after the last bundle's head up to today. */
  range: { from: string; to: string } | { afterSeq: number };
  now: number;
  appVersion: string;
}

export interface ExportResult {
  file: string;
  folder: string;
  name: string;
  bytes: number;
  registerId: string;
  from: string;
  to: string;
  fromSeq: number;
  toSeq: number;
  headHash: string;
  snapshotHeadSeq: number;
}

// Rough shares of the whole job for the progress bar.
const SHARE = { snapshot: 0.25, tables: 0.5, verify: 0.2 };

export async function exportBundle(job: ExportJob, progress: ProgressReport = () => undefined): Promise<ExportResult> {
  try {
    if (!statSync(job.folder).isDirectory()) throw new BackupFailure('backup.folder_is_file', { folder: job.folder });
  } catch (error) {
    throw folderFailure(error, job.folder);
  }
  mkdirSync(job.workDir, { recursive: true });
  const snapshotPath = join(job.workDir, `snapshot-${process.pid}-${job.now}.sqlite`);
  let partial: string | null = null;
  let writer: ZipWriter | null = null;
  try {
    progress('snapshot', 0);
    await takeSnapshot(job.ledgerFile, snapshotPath);
    progress('tables', SHARE.snapshot);

    const snap = new Database(snapshotPath, { readonly: true, fileMustExist: true });
    let manifest: Manifest;
    let name: string;
    try {
      const settings = getSettings(snap);
      const rule = businessDayRule(settings);
      const today = businessDayOf(job.now, rule);
      const days = resolveDays(snap, job, today, rule);
      const range = journalRange(snap, days.from, days.to, rule);
      const startHash = hashBefore(snap, range.fromSeq);
      const headHash = range.toSeq === range.fromSeq - 1 ? startHash : hashBefore(snap, range.toSeq + 1);
      if (startHash === null || headHash === null) throw new BackupFailure('backup.ledger_damaged', { seq: range.fromSeq, detail: 'gap' });
      const params = { from: days.from, to: days.to, fromSeq: range.fromSeq, toSeq: range.toSeq };
      const plans = planTables(snap, params);
      const totalRows = plans.reduce((s, p) => s + p.rows * 2, 0) || 1;
      const snapshotHead = snap.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM journal').get() as { seq: number };

      name = bundleFileName(settings.registerId, days.from, days.to, job.now);
      removeStalePartials(job.folder, settings.registerId);
      partial = join(job.folder, partialFileName(name));
      try {
        writer = new ZipWriter(partial, job.now);
      } catch (error) {
        throw folderFailure(error, job.folder);
      }
      const zip = writer;
      await zip.entry(SNAPSHOT_FILE, async (write) => {
        for await (const chunk of createReadStream(snapshotPath, { highWaterMark: 1 << 20 })) await write(chunk as Buffer);
      });

      let rowsDone = 0;
      const tick = () => progress('tables', SHARE.snapshot + (SHARE.tables * rowsDone) / totalRows);
      const totals = new TotalsBuilder(days.from, days.to);
      const tables = await writeTableEntries(zip, snap, plans, params, totals, (count) => {
        rowsDone += count;
        tick();
      });

      manifest = {
        format: BUNDLE_FORMAT,
        formatVersion: BUNDLE_FORMAT_VERSION,
        createdAt: new Date(job.now).toISOString(),
        app: { name: 'Ringup', version: job.appVersion },
        registerId: settings.registerId,
        store: { name: settings.storeName, currency: settings.currency, timeZone: settings.timeZone, businessDayStartsAt: settings.businessDayStartsAt },
        businessDays: days,
        journal: { fromSeq: range.fromSeq, toSeq: range.toSeq, startHash, headHash, snapshotHeadSeq: snapshotHead.seq },
        snapshot: { file: SNAPSHOT_FILE, schemaVersion: snap.pragma('user_version', { simple: true }) as number },
        tables,
        totals: totals.result(),
        files: zip.files,
      };
    } finally {
      snap.close();
    }
    try {
      await writer.finish(MANIFEST_FILE, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
      fsyncFile(partial);
    } catch (error) {
      throw folderFailure(error, job.folder);
    }

    progress('verify', SHARE.snapshot + SHARE.tables);
    const written = partial;
    const report = await verifyBundle(written, { level: 'hashes', workDir: job.workDir }, (f) =>
      progress('verify', SHARE.snapshot + SHARE.tables + SHARE.verify * f),
    ).catch((error: unknown) => {
      // The partial we just wrote is gone: the folder went with it (a pulled stick, an unmounted share).
      throw exists(job.folder) ? folderFailure(error, job.folder) : new BackupFailure('backup.folder_missing', { folder: job.folder });
    });
    if (!report.ok) throw new BackupFailure('backup.write_failed', { folder: job.folder, reason: report.problem?.code ?? 'verify' });

    progress('finish', SHARE.snapshot + SHARE.tables + SHARE.verify);
    // A bundle of the same days made within the same second (an owner pressing twice on a small
    // ledger) takes the next copy number rather than failing or replacing the first.
    let final = join(job.folder, name);
    try {
      for (let copy = 2; exists(final); copy++) {
        if (copy > 999) throw new BackupFailure('backup.write_failed', { folder: job.folder, reason: 'exists' });
        name = bundleFileName(manifest.registerId, manifest.businessDays.from, manifest.businessDays.to, job.now, copy);
        final = join(job.folder, name);
      }
      renameSync(partial, final);
      partial = null;
      fsyncDir(job.folder);
    } catch (error) {
      throw folderFailure(error, job.folder);
    }
    progress('finish', 1);
    return {
      file: final,
      folder: job.folder,
      name,
      bytes: statSync(final).size,
      registerId: manifest.registerId,
      from: manifest.businessDays.from,
      to: manifest.businessDays.to,
      fromSeq: manifest.journal.fromSeq,
      toSeq: manifest.journal.toSeq,
      headHash: manifest.journal.headHash,
      snapshotHeadSeq: manifest.journal.snapshotHeadSeq,
    };
  } catch (error) {
    await writer?.abort();
    if (partial) rmSync(partial, { force: true });
    throw error instanceof BackupFailure ? error : folderFailure(error, job.folder);
  } finally {
    rmSync(snapshotPath, { force: true });
    rmSync(`${snapshotPath}.tmp`, { force: true });
  }
}

function resolveDays(db: Database.Database, job: ExportJob, today: string, rule: ReturnType<typeof businessDayRule>): { from: string; to: string } {
  if ('from' in job.range) {
    if (job.range.from > job.range.to) throw new BackupFailure('backup.bad_range', { from: job.range.from, to: job.range.to });
    return { from: job.range.from, to: job.range.to };
  }
  // Automatic: from the day of the first entry no bundle holds yet, so nothing is ever left out.
  const firstNew = dayOfEntry(db, job.range.afterSeq + 1, rule);
  const from = firstNew !== null && firstNew < today ? firstNew : today;
  return { from, to: today };
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A partial left by an export of this register that was killed: it can never complete now. */
function removeStalePartials(folder: string, registerId: string): void {
  for (const entry of readdirSync(folder)) {
    if (!entry.startsWith('.') || !entry.endsWith('.partial')) continue;
    const parsed = parseBundleFileName(entry.slice(1, -'.partial'.length));
    if (parsed?.registerId === registerId) rmSync(join(folder, entry), { force: true });
  }
}

export type { EntryWrite };
