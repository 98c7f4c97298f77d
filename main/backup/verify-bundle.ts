// Checks a bundle and names the first thing wrong with it: the file, and where it matters the row
// or the journal seq. In order: the zip's directory, the manifest (present, last, well formed), the
// set of files, then every file's size and SHA-256; with level "full" also the snapshot
// (integrity_check, the journal chain from its first entry to the manifest's head, the register),
// every CSV and JSON row against the snapshot, and the per-day totals of the snapshot, the CSV and
// the JSON against the manifest. Each file is read once. docs/backup-format.md describes the same
// checks for standard tools.
import type Database from 'better-sqlite3';
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { BundleReportView } from '../../preload/contract/backup-views';
import { BackupFailure } from './backup-failure';
import { csvName, jsonName, MANIFEST_FILE, type Manifest } from './bundle-format';
import { TotalsBuilder, totalsDifference } from './day-totals';
import { hashEntry } from './entry-hash';
import { csvChecker, jsonChecker } from './row-checkers';
import { fsyncFile } from './snapshot';
import { matchEntries, readManifest } from './verify-manifest';
import { Problem, problem } from './verify-problem';
import { checkSnapshot, snapshotTotals, tableRows } from './verify-snapshot';
import { openZip, type OpenZip } from './zip-reader';

export interface VerifyOptions {
  /** hashes: the zip, the manifest and every file's SHA-256 (right after writing); full: everything. */
  level: 'hashes' | 'full';
  /** A local folder for the snapshot while it is checked. */
  workDir: string;
  /** Keep the checked snapshot here when the bundle verifies (a restore's next step). */
  keepSnapshotAs?: string;
}

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
  const iterators: Iterator<unknown[]>[] = [];
  const closeIterators = () => {
    // An open statement iterator keeps the connection busy; a problem can stop one midway.
    for (const it of iterators.splice(0)) it.return?.();
  };
  try {
    try {
      zip = await openZip(file);
    } catch (error) {
      throw problem('zip_unreadable', { file: null, detail: (error as Error).message.slice(0, 200) });
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
      onProgress(Math.min(1, doneBytes / totalBytes));
    };

    // The snapshot first: the CSV and JSON rows are checked against it.
    const snapshotEntry = entries.get(manifest.snapshot.file);
    if (!snapshotEntry) throw problem('missing_file', { file: manifest.snapshot.file });
    if (options.level === 'full') {
      const out = createWriteStream(snapshotPath, { flags: 'wx' });
      await hashEntry(zip, snapshotEntry, manifest, counted, (chunk) => {
        if (!out.write(chunk)) return new Promise<void>((r) => out.once('drain', () => r()));
      });
      out.end();
      await finished(out);
      snapshot = checkSnapshot(snapshotPath, manifest);
    } else await hashEntry(zip, snapshotEntry, manifest, counted);

    const csvTotals = new TotalsBuilder(manifest.businessDays.from, manifest.businessDays.to);
    const jsonTotals = new TotalsBuilder(manifest.businessDays.from, manifest.businessDays.to);
    for (const entry of zip.entries) {
      const name = entry.fileName;
      if (name === MANIFEST_FILE || name === manifest.snapshot.file) continue;
      const table = snapshot ? tableOf(name, manifest) : null;
      if (!table || !snapshot) {
        await hashEntry(zip, entry, manifest, counted);
        continue;
      }
      const rows = tableRows(snapshot, table.name, manifest);
      if (rows.rows) iterators.push(rows.rows);
      const check = table.kind === 'csv' ? csvChecker(name, manifest, table.name, rows, csvTotals) : jsonChecker(name, manifest, table.name, rows, jsonTotals);
      await hashEntry(zip, entry, manifest, counted, check.feed, check.end);
    }
    if (snapshot) {
      for (const [source, totals] of [
        [csvName('documents'), csvTotals.result()],
        [jsonName('documents'), jsonTotals.result()],
        [manifest.snapshot.file, snapshotTotals(snapshot, manifest)],
      ] as const) {
        if (!manifest.tables.documents) break;
        const diff = totalsDifference(manifest.totals, totals);
        if (diff) throw problem('totals_mismatch', { file: source, detail: `${diff.day} ${diff.field}` });
      }
    }
    report.ok = true;
    closeIterators();
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
    closeIterators();
    snapshot?.close();
    zip?.close();
    rmSync(snapshotPath, { force: true });
    rmSync(`${snapshotPath}-journal`, { force: true });
  }
}

function tableOf(name: string, manifest: Manifest): { name: string; kind: 'csv' | 'json' } | null {
  for (const table of Object.keys(manifest.tables)) {
    if (name === csvName(table)) return { name: table, kind: 'csv' };
    if (name === jsonName(table)) return { name: table, kind: 'json' };
  }
  return null;
}
