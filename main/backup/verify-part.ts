// The helper thread's half of a full verification (verify-bundle.ts starts it on the backup
// worker's script): as soon as the caller has written the snapshot out, its integrity_check, journal
// chain and register, then the JSON files row by row against it, while the caller checks the CSV
// files. Both halves read the whole of their files, so two cores take about half the time. What it
// returns crosses a thread: plain data, problems as their views.
import type Database from 'better-sqlite3';
import type { BundleProblemView } from '../../preload/contract/backup-views';
import type { DayTotals, Manifest } from './bundle-format';
import { TotalsBuilder } from './day-totals';
import { checkEntries, tableOf } from './verify-entries';
import { Problem } from './verify-problem';
import { checkSnapshot } from './verify-snapshot';
import { openZip } from './zip-reader';

/** The values of `VerifyPartJob.ready`'s one Int32: the caller moves it from WAIT to GO or STOP. */
export const PART_WAIT = 0;
export const PART_GO = 1;
export const PART_STOP = 2;

export interface VerifyPartJob {
  file: string;
  manifest: Manifest;
  snapshotPath: string;
  /** One Int32: PART_GO once the snapshot is written and its hash checked, PART_STOP when there is nothing to do. */
  ready: SharedArrayBuffer;
}

export interface VerifyPartResult {
  /** What checkSnapshot found: it comes before any file's problem. */
  snapshot: BundleProblemView | null;
  entry: { index: number; problem: BundleProblemView } | null;
  jsonTotals: Record<string, DayTotals> | null;
}

/** The JSON files of the bundle's tables: the helper's share. */
export function isJsonTable(name: string, manifest: Manifest): boolean {
  return tableOf(name, manifest)?.kind === 'json';
}

const REPORT_BYTES = 4 * 1024 * 1024;

/** Runs in the helper thread; `onProgress` hears the share of all the bundle's bytes read here. Null when stopped. */
export async function verifyPart(job: VerifyPartJob, onProgress: (fraction: number) => void): Promise<VerifyPartResult | null> {
  const flag = new Int32Array(job.ready);
  // This thread starts (and, run from source, compiles) while the caller writes the snapshot out;
  // blocking here blocks only the helper.
  Atomics.wait(flag, 0, PART_WAIT);
  if (Atomics.load(flag, 0) !== PART_GO) return null;
  const { manifest } = job;
  let db: Database.Database;
  try {
    db = checkSnapshot(job.snapshotPath, manifest);
  } catch (error) {
    if (error instanceof Problem) return { snapshot: error.view, entry: null, jsonTotals: null };
    throw error;
  }
  try {
    const zip = await openZip(job.file);
    try {
      const totalBytes = manifest.files.reduce((s, f) => s + f.size, 0) || 1;
      let done = 0;
      let reported = 0;
      const counted = (n: number) => {
        done += n;
        if (done - reported < REPORT_BYTES) return;
        reported = done;
        onProgress(done / totalBytes);
      };
      const jsonTotals = new TotalsBuilder(manifest.businessDays.from, manifest.businessDays.to);
      // CSV files are the caller's: this builder only stands in for checkEntries' signature.
      const csvTotals = new TotalsBuilder(manifest.businessDays.from, manifest.businessDays.to);
      const found = await checkEntries(zip, manifest, { db, csvTotals, jsonTotals }, (name) => isJsonTable(name, manifest), counted);
      return { snapshot: null, entry: found && { index: found.index, problem: found.problem.view }, jsonTotals: jsonTotals.result() };
    } finally {
      zip.close();
    }
  } finally {
    db.close();
  }
}
