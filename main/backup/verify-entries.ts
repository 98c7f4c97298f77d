// The bundle's files besides the manifest and the snapshot, each read once: its size and SHA-256
// against the manifest and, with the snapshot at hand, every CSV and JSON row against the snapshot's
// rows, adding the documents and payments to the per-day totals on the way. A full verification
// splits the files between two threads (verify-bundle.ts): each part goes through its files in the
// zip's order and stops at its first problem, which the caller weighs by its place in the zip.
import type Database from 'better-sqlite3';
import { csvName, jsonName, MANIFEST_FILE, type Manifest } from './bundle-format';
import type { TotalsBuilder } from './day-totals';
import { hashEntry } from './entry-hash';
import { csvChecker, jsonChecker } from './row-checkers';
import { Problem } from './verify-problem';
import { tableRows } from './verify-snapshot';
import type { OpenZip } from './zip-reader';

export interface EntryProblem {
  /** The file's place in the zip: of two parts' problems, the earlier file's is the one named. */
  index: number;
  problem: Problem;
}

export interface RowSource {
  db: Database.Database;
  csvTotals: TotalsBuilder;
  jsonTotals: TotalsBuilder;
}

export function tableOf(name: string, manifest: Manifest): { name: string; kind: 'csv' | 'json' } | null {
  for (const table of Object.keys(manifest.tables)) {
    if (name === csvName(table)) return { name: table, kind: 'csv' };
    if (name === jsonName(table)) return { name: table, kind: 'json' };
  }
  return null;
}

/** Checks the files `take` accepts, in the zip's order; null when none has a problem. */
export async function checkEntries(
  zip: OpenZip,
  manifest: Manifest,
  rows: RowSource | null,
  take: (name: string) => boolean,
  counted: (n: number) => void,
): Promise<EntryProblem | null> {
  const iterators: Iterator<unknown[]>[] = [];
  try {
    for (const [index, entry] of zip.entries.entries()) {
      const name = entry.fileName;
      if (name === MANIFEST_FILE || name === manifest.snapshot.file || !take(name)) continue;
      try {
        const table = rows ? tableOf(name, manifest) : null;
        if (!table || !rows) {
          await hashEntry(zip, entry, manifest, counted);
          continue;
        }
        const source = tableRows(rows.db, table.name, manifest);
        if (source.rows) iterators.push(source.rows);
        const check =
          table.kind === 'csv'
            ? csvChecker(name, manifest, table.name, source, rows.csvTotals)
            : jsonChecker(name, manifest, table.name, source, rows.jsonTotals);
        await hashEntry(zip, entry, manifest, counted, check.feed, check.end);
      } catch (error) {
        if (error instanceof Problem) return { index, problem: error };
        throw error;
      }
    }
    return null;
  } finally {
    // An open statement iterator keeps the connection busy; a problem can stop one midway.
    for (const it of iterators) it.return?.();
  }
}
