// Checks a bundle and names the first thing wrong with it: the file, and where it matters the row
// or the journal seq. In order: the zip's directory, the manifest (present, last, well formed), the
// set of files, then every file's size and SHA-256; with level "full" also the snapshot
// (integrity_check, the journal chain from its first entry to the manifest's head, the register),
// every CSV and JSON row against the snapshot, and the per-day totals of the snapshot, the CSV and
// the JSON against the manifest. Each file is read once. docs/backup-format.md describes the same
// checks for standard tools.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import Papa from 'papaparse';
import type { BundleProblemView, BundleReportView } from '../../preload/contract/backup-views';
import { getSettings } from '../settings/settings';
import { BackupFailure } from './backup-failure';
import { BUNDLE_FORMAT_VERSION, csvName, jsonName, MANIFEST_FILE, type DayTotals, type Manifest } from './bundle-format';
import { TotalsBuilder, totalsDifference } from './day-totals';
import { EXPORT_TABLES } from './export-tables';
import { hashBefore, verifyChain } from './journal-chain';
import { manifestSchema } from './manifest-schema';
import { fsyncFile, integrityProblem } from './snapshot';
import { cellValue, expectedCell, type CellValue } from './table-text';
import { openZip, type OpenZip, type ZipEntry } from './zip-reader';

export interface VerifyOptions {
  /** hashes: the zip, the manifest and every file's SHA-256 (right after writing); full: everything. */
  level: 'hashes' | 'full';
  /** A local folder for the snapshot while it is checked. */
  workDir: string;
  /** Keep the checked snapshot here when the bundle verifies (a restore's next step). */
  keepSnapshotAs?: string;
}

const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

class Problem extends Error {
  constructor(readonly view: BundleProblemView) {
    super(view.code);
  }
}

function problem(code: string, at: { file?: string | null; row?: number | null; seq?: number | null; detail?: string | null } = {}): Problem {
  return new Problem({ code, file: at.file ?? null, row: at.row ?? null, seq: at.seq ?? null, detail: at.detail ?? null });
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

async function readManifest(zip: OpenZip): Promise<Manifest> {
  const names = zip.entries.map((e) => e.fileName);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw problem('duplicate_entry', { file: name });
    seen.add(name);
  }
  const entry = zip.entries.find((e) => e.fileName === MANIFEST_FILE);
  if (!entry) throw problem('manifest_missing', { file: MANIFEST_FILE });
  if (zip.entries[zip.entries.length - 1] !== entry) throw problem('manifest_not_last', { file: MANIFEST_FILE });
  if (entry.uncompressedSize > MAX_MANIFEST_BYTES) throw problem('manifest_invalid', { file: MANIFEST_FILE, detail: 'too large' });
  let text: string;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.read(entry)) chunks.push(chunk as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    throw problem('entry_unreadable', { file: MANIFEST_FILE, detail: (error as Error).message.slice(0, 200) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw problem('manifest_invalid', { file: MANIFEST_FILE, detail: (error as Error).message.slice(0, 200) });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw problem('manifest_invalid', { file: MANIFEST_FILE, detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` });
  }
  if (parsed.data.formatVersion > BUNDLE_FORMAT_VERSION) throw problem('format_newer', { file: MANIFEST_FILE, detail: String(parsed.data.formatVersion) });
  return parsed.data;
}

/** The zip must hold exactly the manifest's files and the manifest. */
function matchEntries(entries: readonly ZipEntry[], manifest: Manifest): Map<string, ZipEntry> {
  const byName = new Map(entries.map((e) => [e.fileName, e]));
  const listed = new Set<string>();
  for (const f of manifest.files) {
    if (listed.has(f.name)) throw problem('manifest_invalid', { file: MANIFEST_FILE, detail: `${f.name} listed twice` });
    listed.add(f.name);
    if (!byName.has(f.name)) throw problem('missing_file', { file: f.name });
  }
  for (const e of entries) if (e.fileName !== MANIFEST_FILE && !listed.has(e.fileName)) throw problem('unexpected_file', { file: e.fileName });
  if (!listed.has(manifest.snapshot.file)) throw problem('missing_file', { file: manifest.snapshot.file });
  return byName;
}

interface ContentCheck {
  feed: (chunk: Buffer) => void | Promise<unknown>;
  end: () => void | Promise<void>;
}

/**
 * Reads one entry once: its size and SHA-256 against the manifest, and its content through `feed`.
 * A content problem found on the way is reported only after the hash: a file whose hash is wrong
 * is named as such (the row where it first differs goes along, when known).
 */
async function hashEntry(
  zip: OpenZip,
  entry: ZipEntry,
  manifest: Manifest,
  counted: (n: number) => void,
  feed?: ContentCheck['feed'],
  end?: ContentCheck['end'],
): Promise<void> {
  const name = entry.fileName;
  const listed = manifest.files.find((f) => f.name === name);
  if (!listed) throw problem('unexpected_file', { file: name });
  if (entry.uncompressedSize !== listed.size) throw problem('size_mismatch', { file: name, detail: `${entry.uncompressedSize} != ${listed.size}` });
  const hash = createHash('sha256');
  let size = 0;
  let content: Problem | null = null;
  let stream: Readable;
  try {
    stream = await zip.read(entry);
  } catch (error) {
    throw problem('entry_unreadable', { file: name, detail: (error as Error).message.slice(0, 200) });
  }
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      size += bytes.length;
      counted(bytes.length);
      if (feed && !content) {
        try {
          await feed(bytes);
        } catch (error) {
          if (!(error instanceof Problem)) throw error;
          content = error;
        }
      }
    }
  } catch (error) {
    if (error instanceof Problem) throw error;
    throw problem('entry_unreadable', { file: name, detail: (error as Error).message.slice(0, 200) });
  }
  if (size !== listed.size) throw problem('size_mismatch', { file: name, detail: `${size} != ${listed.size}` });
  if (!content && end) {
    try {
      await end();
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      content = error;
    }
  }
  if (hash.digest('hex') !== listed.sha256) throw problem('hash_mismatch', { file: name, row: content?.view.row ?? null });
  if (content) throw content;
}

function checkSnapshot(path: string, manifest: Manifest): Database.Database {
  const file = manifest.snapshot.file;
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const damage = integrityProblem(db);
    if (damage) throw problem('snapshot_damaged', { file, detail: damage.slice(0, 200) });
  } catch (error) {
    if (error instanceof Problem) throw error;
    throw problem('snapshot_damaged', { file, detail: (error as Error).message.slice(0, 200) });
  }
  const { fromSeq, toSeq, startHash, headHash, snapshotHeadSeq } = manifest.journal;
  const upToHead = verifyChain(db, 1, toSeq);
  if (!upToHead.ok) throw problem('chain_broken', { file, seq: upToHead.firstBadSeq, detail: upToHead.reason });
  if (upToHead.lastSeq !== toSeq || upToHead.lastHash !== headHash) throw problem('head_mismatch', { file, seq: toSeq });
  if (hashBefore(db, fromSeq) !== startHash) throw problem('start_mismatch', { file, seq: fromSeq - 1 });
  const rest = verifyChain(db, toSeq + 1);
  if (!rest.ok) throw problem('chain_broken', { file, seq: rest.firstBadSeq, detail: rest.reason });
  if (rest.lastSeq !== snapshotHeadSeq) throw problem('head_mismatch', { file, seq: rest.lastSeq, detail: `snapshot head ${snapshotHeadSeq}` });
  if (getSettings(db).registerId !== manifest.registerId) throw problem('register_mismatch', { file, detail: getSettings(db).registerId });
  return db;
}

function tableOf(name: string, manifest: Manifest): { name: string; kind: 'csv' | 'json' } | null {
  for (const table of Object.keys(manifest.tables)) {
    if (name === csvName(table)) return { name: table, kind: 'csv' };
    if (name === jsonName(table)) return { name: table, kind: 'json' };
  }
  return null;
}

/** The snapshot's rows of a table for the bundle's range, as the writer selected them. */
function tableRows(db: Database.Database, table: string, manifest: Manifest): { columns: string[]; rows: Iterator<unknown[]> | null } {
  const def = EXPORT_TABLES.find((t) => t.name === table);
  const columns = manifest.tables[table]?.columns ?? [];
  // A table this version does not know (a newer Ringup's) is checked by hash and row count only.
  if (!def) return { columns, rows: null };
  const params = { from: manifest.businessDays.from, to: manifest.businessDays.to, fromSeq: manifest.journal.fromSeq, toSeq: manifest.journal.toSeq };
  const quoted = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
  try {
    const select = db.prepare(`SELECT ${quoted} FROM "${table}" WHERE ${def.where} ORDER BY ${def.orderBy}`).raw();
    return { columns, rows: (select.iterate(params) as IterableIterator<unknown[]>)[Symbol.iterator]() };
  } catch (error) {
    throw problem('columns_differ', { file: manifest.snapshot.file, detail: `${table}: ${(error as Error).message.slice(0, 160)}` });
  }
}

function totalsRow(table: string, columns: readonly string[], totals: TotalsBuilder, file: string): ((row: CellValue[], n: number) => void) | null {
  const at = (c: string) => columns.indexOf(c);
  const int = (value: CellValue, n: number, column: string): number => {
    const number = typeof value === 'number' ? value : Number(value);
    if (!Number.isSafeInteger(number)) throw problem('rows_differ', { file, row: n, detail: column });
    return number;
  };
  if (table === 'documents') {
    // `training` arrived with schema 12: a bundle from before has no such column and no training documents.
    const [id, kind, day, total, tax, training] = ['id', 'kind', 'business_day', 'total_minor', 'tax_minor', 'training'].map<number>(at);
    return (r, n) => {
      if (
        !totals.addDocument({
          id: String(r[id!]),
          kind: String(r[kind!]),
          businessDay: String(r[day!]),
          totalMinor: int(r[total!] ?? 0, n, 'total_minor'),
          taxMinor: int(r[tax!] ?? 0, n, 'tax_minor'),
          training: training! >= 0 && Number(r[training!]) === 1,
        })
      )
        throw problem('rows_differ', { file, row: n, detail: 'business_day' });
    };
  }
  if (table === 'payments') {
    const [doc, method, amount] = ['document_id', 'method', 'amount_minor'].map<number>(at);
    return (r, n) => {
      if (!totals.addPayment({ documentId: String(r[doc!]), method: String(r[method!]), amountMinor: int(r[amount!] ?? 0, n, 'amount_minor') }))
        throw problem('rows_differ', { file, row: n, detail: 'document_id' });
    };
  }
  return null;
}

/** CSV: BOM, the manifest's columns as header, then each row as the snapshot's row would be written. */
function csvChecker(
  file: string,
  manifest: Manifest,
  table: string,
  source: { columns: string[]; rows: Iterator<unknown[]> | null },
  totals: TotalsBuilder,
): ContentCheck {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false }) as unknown as NodeJS.ReadWriteStream;
  const decoder = new StringDecoder('utf8');
  const expectedRows = manifest.tables[table]?.rows ?? 0;
  const addTotals = totalsRow(table, source.columns, totals, file);
  let first = true;
  let header = true;
  let n = 0;
  let failure: Problem | null = null;
  const onRow = (cells: string[]) => {
    if (failure) return;
    try {
      if (header) {
        header = false;
        if (cells.join('\u0000') !== source.columns.join('\u0000')) throw problem('columns_differ', { file, row: 0 });
        return;
      }
      // Papaparse reports the empty line after the last CRLF as one empty cell.
      if (cells.length === 1 && cells[0] === '') return;
      n += 1;
      if (cells.length !== source.columns.length) throw problem('csv_malformed', { file, row: n });
      if (source.rows) {
        const next = source.rows.next();
        if (next.done) throw problem('row_count', { file, row: n });
        const values = next.value.map(cellValue);
        const column = values.findIndex((v, i) => expectedCell(v) !== cells[i]);
        if (column >= 0) throw problem('rows_differ', { file, row: n, detail: source.columns[column] ?? null });
        addTotals?.(values, n);
      }
    } catch (error) {
      failure = error as Problem;
    }
  };
  parser.on('data', onRow);
  parser.on('error', () => (failure ??= problem('csv_malformed', { file, row: n + 1 })));
  return {
    feed: (chunk) => {
      let bytes = chunk;
      if (first) {
        first = false;
        if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw problem('csv_malformed', { file, row: 0, detail: 'no BOM' });
        bytes = bytes.subarray(3);
      }
      // Decoded here: papaparse decodes each chunk alone, which splits a Chinese character cut by a chunk boundary.
      parser.write(decoder.write(bytes));
      if (failure) throw failure;
    },
    end: async () => {
      const ended = new Promise<void>((resolve) => parser.once('end', () => resolve()));
      const rest = decoder.end();
      if (rest) parser.write(rest);
      parser.end();
      await ended;
      if (failure) throw failure;
      if (n !== expectedRows) throw problem('row_count', { file, row: n, detail: `${n} != ${expectedRows}` });
      if (source.rows && !source.rows.next().done) throw problem('row_count', { file, row: n + 1 });
    },
  };
}

/** JSON: "[", one row object per line (columns in order) followed by "," except the last, "]". */
function jsonChecker(
  file: string,
  manifest: Manifest,
  table: string,
  source: { columns: string[]; rows: Iterator<unknown[]> | null },
  totals: TotalsBuilder,
): ContentCheck {
  const decoder = new StringDecoder('utf8');
  const expectedRows = manifest.tables[table]?.rows ?? 0;
  const addTotals = totalsRow(table, source.columns, totals, file);
  let buffered = '';
  let line = 0;
  let n = 0;
  let closed = false;
  let lastHadComma = false;
  const onLine = (text: string) => {
    line += 1;
    if (line === 1) {
      if (text !== '[') throw problem('json_malformed', { file, row: 0 });
      return;
    }
    if (closed) throw problem('json_malformed', { file, row: n + 1, detail: 'after ]' });
    if (text === ']') {
      if (lastHadComma) throw problem('json_malformed', { file, row: n });
      closed = true;
      return;
    }
    if (n > 0 && !lastHadComma) throw problem('json_malformed', { file, row: n });
    n += 1;
    lastHadComma = text.endsWith(',');
    let object: unknown;
    try {
      object = JSON.parse(lastHadComma ? text.slice(0, -1) : text);
    } catch {
      throw problem('json_malformed', { file, row: n });
    }
    if (typeof object !== 'object' || object === null || Array.isArray(object)) throw problem('json_malformed', { file, row: n });
    const keys = Object.keys(object);
    if (keys.join('\u0000') !== source.columns.join('\u0000')) throw problem('columns_differ', { file, row: n });
    const values = keys.map((k) => (object as Record<string, CellValue>)[k] ?? null);
    if (source.rows) {
      const next = source.rows.next();
      if (next.done) throw problem('row_count', { file, row: n });
      const expected = next.value.map(cellValue);
      const column = expected.findIndex((v, i) => v !== values[i]);
      if (column >= 0) throw problem('rows_differ', { file, row: n, detail: source.columns[column] ?? null });
    }
    addTotals?.(values, n);
  };
  return {
    feed: (chunk) => {
      buffered += decoder.write(chunk);
      let nl = buffered.indexOf('\n');
      let start = 0;
      while (nl >= 0) {
        onLine(buffered.slice(start, nl));
        start = nl + 1;
        nl = buffered.indexOf('\n', start);
      }
      buffered = buffered.slice(start);
    },
    end: () => {
      buffered += decoder.end();
      if (buffered !== '' || !closed) throw problem('json_malformed', { file, row: n + 1, detail: 'not closed' });
      if (n !== expectedRows) throw problem('row_count', { file, row: n, detail: `${n} != ${expectedRows}` });
      if (source.rows && !source.rows.next().done) throw problem('row_count', { file, row: n + 1 });
    },
  };
}

function snapshotTotals(db: Database.Database, manifest: Manifest): Record<string, DayTotals> {
  const totals = new TotalsBuilder(manifest.businessDays.from, manifest.businessDays.to);
  const range = { from: manifest.businessDays.from, to: manifest.businessDays.to };
  // SELECT *: a snapshot from before schema 12 has no training column (and no training documents).
  for (const d of db.prepare('SELECT * FROM documents WHERE business_day BETWEEN :from AND :to').iterate(range) as IterableIterator<{
    id: string;
    kind: string;
    business_day: string;
    total_minor: number;
    tax_minor: number;
    training?: number;
  }>)
    totals.addDocument({ id: d.id, kind: d.kind, businessDay: d.business_day, totalMinor: d.total_minor, taxMinor: d.tax_minor, training: d.training === 1 });
  for (const p of db
    .prepare('SELECT document_id, method, amount_minor FROM payments WHERE document_id IN (SELECT id FROM documents WHERE business_day BETWEEN :from AND :to)')
    .iterate(range) as IterableIterator<{ document_id: string; method: string; amount_minor: number }>)
    totals.addPayment({ documentId: p.document_id, method: p.method, amountMinor: p.amount_minor });
  return totals.result();
}
