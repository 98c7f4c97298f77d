// The journal as the audit trail reads it: filtered by time, kind, operator, register and
// document, a page at a time; and the chain checked in steps, so the screen can show progress on
// a year of entries and name the first one that does not hold.
import type { JournalEntryView, JournalPageView, JournalVerifyStepView } from '../../preload/contract/audit-views';
import type { Db } from '../ledger/database';
import { checkEntry, GENESIS_HASH, type ChainEntry } from '../journal-chain/chain';
import { sql } from '../ledger/statements';
import { getSettings } from '../settings/settings';
import { DOCUMENT_ENTRY_KINDS, INDEXED_KINDS, isIndexedKind } from '../ledger/journal-kind-index';

export interface JournalFilter {
  fromAt?: number | undefined;
  toAt?: number | undefined;
  kinds?: string[] | undefined;
  operatorId?: number | undefined;
  registerId?: string | undefined;
  documentId?: string | undefined;
}

// The fields entries name their operator and document by, across the domains' kinds. The operator
// is who acted: an entry about an operator (a PIN reset, a deactivation, training switched on for
// them) names them in `operatorId` and who did it in `by`, so `by` comes first. A slim
// `<kind>.completed` entry names only its document: its operator, approver, register and original
// are the document row's (doc_*, joined below; the entry's digest binds them).
const OPERATOR = "COALESCE(json_extract(payload, '$.data.by'), json_extract(payload, '$.data.operatorId'), doc_operator)";
// An approved action names its approver on its own, a correction inside its `correction`.
const APPROVER = "COALESCE(json_extract(payload, '$.data.approverId'), json_extract(payload, '$.data.correction.approverId'), doc_approver)";
const DOCUMENT = "COALESCE(json_extract(payload, '$.data.saleId'), json_extract(payload, '$.data.documentId'))";
const ORIGINAL = "COALESCE(json_extract(payload, '$.data.correction.originalDocumentId'), doc_original)";
// One primary-key lookup per completed document's entry, in the same query: no query per entry.
const ENTRIES = `SELECT c.seq, c.at, c.kind, c.payload, c.prev_hash, c.hash, d.operator_id AS doc_operator, d.approver_id AS doc_approver,
    d.register_id AS doc_register, d.original_document_id AS doc_original, d.receipt_no AS doc_receipt_no, d.total_minor AS doc_total,
    d.training AS doc_training
  FROM journal_chain c LEFT JOIN documents d
    ON c.kind IN (${DOCUMENT_ENTRY_KINDS.map((k) => `'${k}'`).join(', ')}) AND d.id = json_extract(c.payload, '$.data.saleId')`;

export function listJournal(db: Db, filter: JournalFilter & { afterSeq?: number | undefined; limit?: number | undefined }): JournalPageView {
  const register = registerOfEntry(db);
  const where = ['seq > ?'];
  const args: (string | number)[] = [...register.args, filter.afterSeq ?? 0];
  if (filter.fromAt !== undefined) {
    where.push('at >= ?');
    args.push(filter.fromAt);
  }
  if (filter.toAt !== undefined) {
    where.push('at <= ?');
    args.push(filter.toAt);
  }
  if (filter.kinds && filter.kinds.length > 0) {
    where.push(`kind IN (${filter.kinds.map(() => '?').join(', ')})`);
    args.push(...filter.kinds);
    // Kinds other than a document's are found through journal_kind, whose condition the query must state.
    if (filter.kinds.every(isIndexedKind)) where.push(INDEXED_KINDS);
  }
  if (filter.operatorId !== undefined) {
    where.push(`${OPERATOR} = ?`);
    args.push(filter.operatorId);
  }
  if (filter.registerId !== undefined) {
    where.push('register_id = ?');
    args.push(filter.registerId);
  }
  if (filter.documentId !== undefined) {
    where.push(`(${DOCUMENT} = ? OR ${ORIGINAL} = ?)`);
    args.push(filter.documentId, filter.documentId);
  }
  const limit = filter.limit ?? 200;
  const rows = db
    .prepare(
      `WITH j AS (SELECT *, ${register.sql} AS register_id FROM (${ENTRIES}))
       SELECT seq, at, kind, payload, prev_hash, hash, ${OPERATOR} AS operator_id, ${APPROVER} AS approver_id, register_id, ${DOCUMENT} AS document_id,
              doc_register, doc_receipt_no, doc_total, doc_training
         FROM j WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`,
    )
    .all(...args, limit + 1) as {
    seq: number;
    at: number;
    kind: string;
    payload: string;
    prev_hash: string;
    hash: string;
    operator_id: number | null;
    approver_id: number | null;
    register_id: string | null;
    document_id: string | null;
    doc_register: string | null;
    doc_receipt_no: number | null;
    doc_total: number | null;
    doc_training: number | null;
  }[];
  const names = new Map((sql(db, 'SELECT id, name FROM operators').all() as { id: number; name: string }[]).map((o) => [o.id, o.name]));
  const entries: JournalEntryView[] = rows.slice(0, limit).map((r) => {
    const data = (JSON.parse(r.payload) as { data: unknown }).data;
    const subjectId = subjectOf(data, r.operator_id);
    return {
      seq: r.seq,
      at: r.at,
      kind: r.kind,
      operatorId: typeof r.operator_id === 'number' ? r.operator_id : null,
      operatorName: typeof r.operator_id === 'number' ? (names.get(r.operator_id) ?? null) : null,
      subjectId,
      subjectName: subjectId === null ? null : (names.get(subjectId) ?? null),
      approverId: typeof r.approver_id === 'number' ? r.approver_id : null,
      approverName: typeof r.approver_id === 'number' ? (names.get(r.approver_id) ?? null) : null,
      registerId: typeof r.register_id === 'string' ? r.register_id : null,
      documentId: typeof r.document_id === 'string' ? r.document_id : null,
      document:
        r.doc_register !== null && r.doc_receipt_no !== null && r.doc_total !== null
          ? { registerId: r.doc_register, receiptNo: r.doc_receipt_no, training: r.doc_training === 1, totalMinor: r.doc_total }
          : null,
      data,
      payload: r.payload,
      prevHash: r.prev_hash,
      hash: r.hash,
    };
  });
  const head = (sql(db, 'SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
  // journal_kind leaves the document entries out (ledger/journal-kind-index.ts): their kinds come from the documents completed.
  const kinds = sql(
    db,
    `SELECT DISTINCT kind FROM journal WHERE ${INDEXED_KINDS}
     UNION SELECT DISTINCT kind || '.completed' FROM documents WHERE status = 'completed' ORDER BY 1`,
  )
    .pluck()
    .all() as string[];
  return { entries, more: rows.length > limit, head, kinds };
}

/**
 * The register an entry belongs to. A ledger is one register's: an entry that names no register
 * (a drawer opening, a settings change, a card decline, a login) was written by this register,
 * under the number it had then. The number changes only by a journalled settings change, so the
 * entries up to and including each renaming carry its old number, those after the last the
 * current one. Entries that name their register keep it; a completed document's is its row's.
 */
function registerOfEntry(db: Db): { sql: string; args: (string | number)[] } {
  const renames = sql(
    db,
    `SELECT seq, json_extract(payload, '$.data.changes.registerId.from') AS before FROM journal
      WHERE kind = 'settings.changed' AND ${INDEXED_KINDS} AND json_extract(payload, '$.data.changes.registerId') IS NOT NULL ORDER BY seq`,
  ).all() as { seq: number; before: string }[];
  const then = renames.length === 0 ? '?' : `CASE ${renames.map(() => 'WHEN seq <= ? THEN ?').join(' ')} ELSE ? END`;
  return {
    sql: `COALESCE(json_extract(payload, '$.data.registerId'), doc_register, ${then})`,
    args: [...renames.flatMap((r) => [r.seq, r.before]), getSettings(db).registerId],
  };
}

type Reason = NonNullable<JournalVerifyStepView['bad']>['reason'];

/** Checks up to `max` entries from `fromSeq`, each against the one before, as verifyJournal does. */
export function verifyStep(db: Db, fromSeq: number, prevHash: string, max: number): JournalVerifyStepView {
  const total = (sql(db, 'SELECT COALESCE(MAX(seq), 0) FROM journal').pluck().get() as number) ?? 0;
  if (fromSeq === 1 && prevHash !== GENESIS_HASH) return { checked: 0, total, next: null, bad: { seq: 1, reason: 'prev_hash_mismatch' } };
  const rows = sql(db, 'SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain WHERE seq >= ? ORDER BY seq LIMIT ?').all(
    fromSeq,
    max,
  ) as ChainEntry[];
  let expected = fromSeq;
  let prev = prevHash;
  for (const entry of rows) {
    // The same check as the whole-ledger verification and HQ's (journal-chain/chain.ts).
    const reason: Reason | null = checkEntry(entry, expected, prev);
    if (reason) return { checked: expected - 1, total, next: null, bad: { seq: reason === 'gap' ? expected : entry.seq, reason } };
    prev = entry.hash;
    expected += 1;
  }
  const checked = expected - 1;
  return { checked, total, next: checked >= total ? null : { seq: expected, prevHash: prev }, bad: null };
}

/** The operator an entry is about, where it names one (`operatorId`) other than who acted. */
function subjectOf(data: unknown, actor: number | null): number | null {
  const about = typeof data === 'object' && data !== null ? (data as { operatorId?: unknown }).operatorId : undefined;
  return typeof about === 'number' && about !== actor ? about : null;
}
