// The backup bundle's layout, shared by the writer, the verifier and docs/backup-format.md. A
// bundle is one .zip: the ledger snapshot, CSV and JSON of the covered business days, and
// manifest.json written last, which names every other file with its size and SHA-256. Anyone can
// check it with sha256sum, sqlite3 and a short script; nothing here needs Ringup's code.

export const BUNDLE_FORMAT = 'ringup-backup';
/** Raised only when a reader of the old version could misread a new bundle. */
export const BUNDLE_FORMAT_VERSION = 1;

export const MANIFEST_FILE = 'manifest.json';
export const SNAPSHOT_FILE = 'ledger.sqlite';

export interface ManifestFile {
  name: string;
  size: number;
  sha256: string;
}

/** Figures of one business day, from its completed documents and their payments. */
export interface DayTotals {
  documents: number;
  /** Per document kind (sale, refund, void): how many, and the sums of their frozen totals. */
  kinds: Record<string, { count: number; totalMinor: number; taxMinor: number }>;
  /** Per payment method (cash, card): how many payments, and the sum applied to documents. */
  payments: Record<string, { count: number; amountMinor: number }>;
}

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  createdAt: string;
  app: { name: string; version: string };
  registerId: string;
  store: { name: string; currency: string; timeZone: string; businessDayStartsAt: string };
  businessDays: { from: string; to: string };
  /**
   * The journal entries of those days: seq fromSeq..toSeq (empty when toSeq = fromSeq - 1).
   * startHash is the chain hash just before fromSeq (64 zeros at the very start), headHash the
   * hash of toSeq: the chain head at the end of the range. The snapshot holds the whole chain.
   */
  journal: { fromSeq: number; toSeq: number; startHash: string; headHash: string; snapshotHeadSeq: number };
  snapshot: { file: string; schemaVersion: number };
  /** Rows in each exported table's CSV and JSON; tables the ledger does not have yet are not listed. */
  tables: Record<string, { rows: number; columns: string[] }>;
  totals: Record<string, DayTotals>;
  files: ManifestFile[];
}

export function csvName(table: string): string {
  return `${table}.csv`;
}

export function jsonName(table: string): string {
  return `${table}.json`;
}

/**
 * `ringup-R1-2026-11-26-20261126T213000Z.zip`: register, days, creation instant (UTC, sortable).
 * A second bundle of the same days made within the same second is `…Z-2.zip`, and so on.
 */
export function bundleFileName(registerId: string, from: string, to: string, createdAt: number, copy = 1): string {
  const days = from === to ? from : `${from}_${to}`;
  return `ringup-${registerId}-${days}-${stamp(createdAt)}${copy > 1 ? `-${copy}` : ''}.zip`;
}

function stamp(at: number): string {
  return new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const BUNDLE_NAME = /^ringup-([A-Za-z0-9-]{1,16}?)-(\d{4}-\d{2}-\d{2})(?:_(\d{4}-\d{2}-\d{2}))?-(\d{8}T\d{6}Z)(?:-(\d{1,3}))?\.zip$/;

/**
 * This register's bundles in a folder, recognised by name; anything else there is not ours to touch.
 * `stamp` sorts in creation order: the instant, then the copy number within that second.
 */
export function parseBundleFileName(name: string): { registerId: string; from: string; to: string; stamp: string } | null {
  const m = BUNDLE_NAME.exec(name);
  if (!m) return null;
  return { registerId: m[1] ?? '', from: m[2] ?? '', to: m[3] ?? m[2] ?? '', stamp: `${m[4] ?? ''}-${(m[5] ?? '1').padStart(3, '0')}` };
}

/** Where a bundle is written until it is complete and verified; never the final name. */
export function partialFileName(finalName: string): string {
  return `.${finalName}.partial`;
}
