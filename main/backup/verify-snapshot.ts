// The bundle's snapshot: integrity, the journal chain against the manifest's range and head, the
// register, the rows of each exported table as the writer selected them, and the per-day totals.
import Database from 'better-sqlite3';
import { getSettings } from '../settings/settings';
import type { DayTotals, Manifest } from './bundle-format';
import { TotalsBuilder } from './day-totals';
import { EXPORT_TABLES, exportFrom } from './export-tables';
import { hashBefore, verifyChain } from './journal-chain';
import { integrityProblem } from './snapshot';
import { Problem, problem } from './verify-problem';

export function checkSnapshot(path: string, manifest: Manifest): Database.Database {
  const file = manifest.snapshot.file;
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const damage = integrityProblem(db);
    if (damage) throw problem('snapshot_damaged', { file, detail: damage.slice(0, 200), reason: 'integrity' });
  } catch (error) {
    if (error instanceof Problem) throw error;
    const message = (error as Error).message;
    throw problem('snapshot_damaged', { file, detail: message.slice(0, 200), reason: /not a database/i.test(message) ? 'not_database' : 'integrity' });
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

/** The snapshot's rows of a table for the bundle's range, as the writer selected them. */
export function tableRows(db: Database.Database, table: string, manifest: Manifest): { columns: string[]; rows: Iterator<unknown[]> | null } {
  const def = EXPORT_TABLES.find((t) => t.name === table);
  const columns = manifest.tables[table]?.columns ?? [];
  // A table this version does not know (a newer Ringup's) is checked by hash and row count only.
  if (!def) return { columns, rows: null };
  const params = { from: manifest.businessDays.from, to: manifest.businessDays.to, fromSeq: manifest.journal.fromSeq, toSeq: manifest.journal.toSeq };
  const quoted = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
  try {
    const select = db.prepare(`SELECT ${quoted} FROM ${exportFrom(db, def)} WHERE ${def.where} ORDER BY ${def.orderBy}`).raw();
    return { columns, rows: (select.iterate(params) as IterableIterator<unknown[]>)[Symbol.iterator]() };
  } catch (error) {
    throw problem('columns_differ', { file: manifest.snapshot.file, detail: `${table}: ${(error as Error).message.slice(0, 160)}` });
  }
}

/** Payments with their document's UUID, whichever schema the snapshot has (export-tables.ts). */
function paymentsSource(db: Database.Database): string {
  const payments = EXPORT_TABLES.find((t) => t.name === 'payments');
  if (!payments) throw new Error('the bundle exports no payments table');
  return exportFrom(db, payments);
}

export function snapshotTotals(db: Database.Database, manifest: Manifest): Record<string, DayTotals> {
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
    .prepare(
      `SELECT document_id, method, amount_minor FROM ${paymentsSource(db)} WHERE document_id IN (SELECT id FROM documents WHERE business_day BETWEEN :from AND :to)`,
    )
    .iterate(range) as IterableIterator<{ document_id: string; method: string; amount_minor: number }>)
    totals.addPayment({ documentId: p.document_id, method: p.method, amountMinor: p.amount_minor });
  return totals.result();
}
