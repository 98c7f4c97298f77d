// Checks a bundle and names the first thing wrong with it: the file, and where it matters the row
// or the journal seq. In order: the zip's directory, the manifest (present, last, well formed), the
// set of files, then every file's size and SHA-256; with level "full" also the snapshot
// (integrity_check, the journal chain from its first entry to the manifest's head, the register),
// every CSV and JSON row against the snapshot, and the per-day totals of the snapshot, the CSV and
// the JSON against the manifest. Each file is read once; with level "full" on two threads (see
// checkFull). docs/backup-format.md describes the same checks for standard tools.
import Database from 'better-sqlite3';
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { BundleReportView } from '../../preload/contract/backup-views';
import { BackupFailure } from './backup-failure';
import { csvName, jsonName, type DayTotals, type Manifest } from './bundle-format';
import { TotalsBuilder, totalsDifference } from './day-totals';
import { hashEntry } from './entry-hash';
import { fsyncFile } from './snapshot';
import { checkEntries, type EntryProblem } from './verify-entries';
import { matchEntries, readManifest } from './verify-manifest';
import { isJsonTable, PART_GO, PART_STOP, PART_WAIT, type VerifyPartResult } from './verify-part';
import { Problem, problem, readFailure } from './verify-problem';
import { checkSnapshot, snapshotTotals } from './verify-snapshot';
import { runWorker, type RunningWorker } from './worker-run';
import { openZip, type OpenZip } from './zip-reader';

export interface VerifyOptions {
  /** hashes: the zip, the manifest and every file's SHA-256 (right after writing); full: everything. */
  level: 'hashes' | 'full';
  /** A local folder for the snapshot while it is checked. */
  workDir: string;
  /** Keep the checked snapshot here when the bundle verifies (a restore's next step). */
  keepSnapshotAs?: string;
  /** Level full: from this many bytes of content on, a helper thread takes half the checks (tests set 0). */
  helperFromBytes?: number;
}

// A helper thread starts in some 50 ms built (more from source, where it compiles); a month's
// bundle (about 50 MiB unpacked) takes a second or more to check.
const HELPER_FROM_BYTES = 32 * 1024 * 1024;

export async function verifyBundle(file: string, options: VerifyOptions, onProgress: (fraction: number) => void = () => undefined): Promise<BundleReportView> {
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    throw new BackupFailure('backup.bundle_not_found', { file });
  }
  const report: BundleReportView = {
    ok: false,
    file,
    problem: null,
    registerId: null,
    from: null,
    to: null,
    fromSeq: null,
    toSeq: null,
    headHash: null,
    createdAt: null,
    files: 0,
  };
  mkdirSync(options.workDir, { recursive: true });
  const snapshotPath = join(options.workDir, `verify-${process.pid}-${Date.now()}.sqlite`);
  let zip: OpenZip | null = null;
  let snapshot: Database.Database | null = null;
  // The helper thread's go-ahead (verify-part.ts): PART_STOP on every way out that did not give it.
  const ready = new SharedArrayBuffer(4);
  const signal = (value: number) => {
    const flag = new Int32Array(ready);
    if (Atomics.compareExchange(flag, 0, PART_WAIT, value) === PART_WAIT) Atomics.notify(flag, 0);
  };
  let helper: RunningWorker<VerifyPartResult | null> | null = null;
  let helperShare = 0;
  try {
    try {
      zip = await openZip(file);
    } catch (error) {
      throw problem('zip_unreadable', { file: null, ...readFailure(error) });
    }
    const manifest = await readManifest(zip);
    Object.assign(report, {
      registerId: manifest.registerId,
      from: manifest.businessDays.from,
      to: manifest.businessDays.to,
      fromSeq: manifest.journal.fromSeq,
      toSeq: manifest.journal.toSeq,
      headHash: manifest.journal.headHash,
      createdAt: manifest.createdAt,
      files: manifest.files.length,
    });
    const entries = matchEntries(zip.entries, manifest);
    const totalBytes = manifest.files.reduce((s, f) => s + f.size, 0) || 1;
    let doneBytes = 0;
    const counted = (n: number) => {
      doneBytes += n;
      onProgress(Math.min(1, doneBytes / totalBytes + helperShare));
    };

    // The snapshot first: the CSV and JSON rows are checked against it.
    const snapshotEntry = entries.get(manifest.snapshot.file);
    if (!snapshotEntry) throw problem('missing_file', { file: manifest.snapshot.file });
    if (options.level === 'hashes') {
      await hashEntry(zip, snapshotEntry, manifest, counted);
      const found = await checkEntries(zip, manifest, null, () => true, counted);
      if (found) throw found.problem;
    } else {
      // A bundle of a day or a week is checked on this thread alone: starting a helper would cost
      // more than it saves.
      const parallel = totalBytes >= (options.helperFromBytes ?? HELPER_FROM_BYTES);
      if (parallel) {
        // The helper starts now so that it is ready when the snapshot is written.
        helper = runWorker<VerifyPartResult | null>({ kind: 'verify-part', part: { file, manifest, snapshotPath, ready } }, (_step, fraction) => {
          helperShare = fraction;
          counted(0);
        });
        // Its failure is awaited in checkFull; until then it must not count as unhandled.
        helper.result.catch(() => undefined);
      }
      const out = createWriteStream(snapshotPath, { flags: 'wx' });
      await hashEntry(zip, snapshotEntry, manifest, counted, (chunk) => {
        if (!out.write(chunk)) return new Promise<void>((r) => out.once('drain', () => r()));
      });
      out.end();
      await finished(out);
      if (helper) {
        signal(PART_GO);
        snapshot = await checkFull(zip, manifest, snapshotPath, helper.result, counted);
      } else snapshot = await checkInOrder(zip, manifest, snapshotPath, counted);
    }
    report.ok = true;
    if (options.keepSnapshotAs && snapshot) {
      snapshot.close();
      snapshot = null;
      fsyncFile(snapshotPath);
      renameSync(snapshotPath, options.keepSnapshotAs);
    }
    onProgress(1);
    return report;
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    report.problem = error.view;
    return report;
  } finally {
    signal(PART_STOP);
    helper?.stop();
    snapshot?.close();
    zip?.close();
    rmSync(snapshotPath, { force: true });
    rmSync(`${snapshotPath}-journal`, { force: true });
  }
}

/**
 * The checks that need the snapshot, on two threads: the helper checks the snapshot itself and the
 * JSON files, this thread the CSV and other files and the snapshot's totals. The problem named is
 * the one a check in order would have met first: the snapshot's, then the earliest file's (each
 * part stops at its first), then the totals of the CSV, the JSON and the snapshot. Returns the
 * snapshot's connection, for the caller to close.
 */
async function checkFull(
  zip: OpenZip,
  manifest: Manifest,
  snapshotPath: string,
  helper: Promise<VerifyPartResult | null>,
  counted: (n: number) => void,
): Promise<Database.Database> {
  const days = manifest.businessDays;
  const csvTotals = new TotalsBuilder(days.from, days.to);
  // The JSON files are the helper's: this builder only stands in for checkEntries' signature.
  const jsonTotals = new TotalsBuilder(days.from, days.to);
  let db: Database.Database | null = null;
  let mine: EntryProblem | null = null;
  let snapshotSums: Record<string, DayTotals> | null = null;
  // A damaged snapshot can make this thread's reads fail; the helper's verdict on it comes first.
  let failure: { error: unknown } | null = null;
  try {
    db = new Database(snapshotPath, { readonly: true, fileMustExist: true });
    mine = await checkEntries(zip, manifest, { db, csvTotals, jsonTotals }, (name) => !isJsonTable(name, manifest), counted);
    if (!mine && manifest.tables.documents) snapshotSums = snapshotTotals(db, manifest);
  } catch (error) {
    failure = { error };
  }
  const part = await helper.catch((error: unknown) => {
    db?.close();
    throw error;
  });
  try {
    if (!part) throw new Error('the verification helper stopped');
    if (part.snapshot) throw new Problem(part.snapshot);
    if (failure) throw failure.error;
    const first = [mine && { index: mine.index, problem: mine.problem.view }, part.entry].filter((p) => p !== null).sort((a, b) => a.index - b.index)[0];
    if (first) throw new Problem(first.problem);
    checkTotals(manifest, csvTotals.result(), part.jsonTotals ?? {}, snapshotSums ?? {});
  } catch (error) {
    db?.close();
    throw error;
  }
  if (!db) throw new Error('no snapshot connection');
  return db;
}

/** The same checks in order on this thread: the snapshot, every file, the totals. */
async function checkInOrder(zip: OpenZip, manifest: Manifest, snapshotPath: string, counted: (n: number) => void): Promise<Database.Database> {
  const db = checkSnapshot(snapshotPath, manifest);
  try {
    const days = manifest.businessDays;
    const csvTotals = new TotalsBuilder(days.from, days.to);
    const jsonTotals = new TotalsBuilder(days.from, days.to);
    const found = await checkEntries(zip, manifest, { db, csvTotals, jsonTotals }, () => true, counted);
    if (found) throw found.problem;
    if (manifest.tables.documents) checkTotals(manifest, csvTotals.result(), jsonTotals.result(), snapshotTotals(db, manifest));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The per-day totals of the CSV, the JSON and the snapshot against the manifest's, in that order. */
function checkTotals(manifest: Manifest, csv: Record<string, DayTotals>, json: Record<string, DayTotals>, snapshot: Record<string, DayTotals>): void {
  if (!manifest.tables.documents) return;
  for (const [source, totals] of [
    [csvName('documents'), csv],
    [jsonName('documents'), json],
    [manifest.snapshot.file, snapshot],
  ] as const) {
    const diff = totalsDifference(manifest.totals, totals);
    if (diff)
      throw problem('totals_mismatch', { file: source, detail: `${diff.day} ${diff.field}`, reason: 'totals', facts: { day: diff.day, field: diff.field } });
  }
}
