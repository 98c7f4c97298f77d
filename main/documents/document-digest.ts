// The SHA-256 of a completed document as the ledger holds it: its row, its lines and its
// payments, every column. The `<kind>.completed` journal entry carries this digest instead of a
// copy of the document, and the hash chain covers the entry, so:
//  - an edit of the journal entry breaks the chain (verifyJournal), as before;
//  - an edit of any column of the document, its lines or its payments no longer matches the
//    digest in the chain (verifyDocuments names the entry), where a copy in the journal only
//    let someone who thought to compare them notice;
//  - the document itself travels with the journal (backup, HQ upload), and whoever receives it
//    recomputes the digest to know it is the one that was completed.
// Finding another document with the same SHA-256 is not feasible, so this is as strong as the
// copy it replaces, and HQ can still recompute any total from the uploaded documents.
import { hash } from 'node:crypto';
import type { Db } from '../ledger/db';
import { sql } from '../ledger/statements';

// The digest's definition: these columns, in this order, JSON-encoded as arrays (integers, text
// and nulls only, so JSON.stringify is deterministic). Never reorder or extend a list: a new
// column means a new version tag, and verification keeps reading the old one for old entries.
export const DOCUMENT_DIGEST_VERSION = 'ringup.document.v1';
const DOCUMENT_COLUMNS =
  'id, kind, status, register_id, receipt_no, business_day, shift_id, operator_id, original_document_id, opened_at, completed_at, note, ' +
  'order_discount, prices_include_tax, gross_minor, discount_minor, tax_minor, total_minor, rounding_minor, change_minor, grand_total_minor, ' +
  'reason, approver_id, request_key';
const LINE_COLUMNS =
  'id, position, product_id, sku, name, qty_milli, unit_price_minor, tax_rate_bp, discount, original_line_id, ' +
  'gross_minor, line_discount_minor, order_discount_minor, total_minor, tax_minor, restock';
const PAYMENT_COLUMNS = 'id, method, amount_minor, tendered_minor, change_minor, card, created_at, original_payment_id, scan';
// Columns added after v1: document_lines.scale_label and sold_by_weight (schema 11) and
// documents.training (schema 12). They join the digest only when one of them differs from its
// default, so a document that does not use them keeps its v1 digest and every digest already in a
// journal still verifies; one that does is covered, and setting or clearing them breaks it.
const LINE_EXTENSION_COLUMNS = 'scale_label, sold_by_weight';
const LINE_V1_WIDTH = LINE_COLUMNS.split(',').length;

/** The digest of document `id` as it is in the ledger now; null if there is no such document. */
export function documentDigest(db: Db, id: string): string | null {
  const row = sql(db, `SELECT ${DOCUMENT_COLUMNS}, training FROM documents WHERE id = ?`).raw().get(id) as unknown[] | undefined;
  if (!row) return null;
  const doc = row.slice(0, -1);
  const training = row[row.length - 1] as number;
  // In sale order (position, then id) and payments by id, sorted here rather than by ORDER BY
  // (see documents/document-rows.ts documentLines for why).
  const rows = (sql(db, `SELECT ${LINE_COLUMNS}, ${LINE_EXTENSION_COLUMNS} FROM document_lines WHERE document_id = ?`).raw().all(id) as number[][]).sort(
    (a, b) => (a[1] ?? 0) - (b[1] ?? 0) || (a[0] ?? 0) - (b[0] ?? 0),
  );
  const lines = rows.map((r) => r.slice(0, LINE_V1_WIDTH));
  const lineExtensions = rows.filter((r) => r[LINE_V1_WIDTH] !== null || r[LINE_V1_WIDTH + 1] !== 0).map((r) => [r[0], ...r.slice(LINE_V1_WIDTH)]);
  const payments = (sql(db, `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE document_id = ?`).raw().all(id) as number[][]).sort(
    (a, b) => (a[0] ?? 0) - (b[0] ?? 0),
  );
  const parts: unknown[] = [DOCUMENT_DIGEST_VERSION, doc, lines, payments];
  if (lineExtensions.length > 0 || training !== 0) parts.push({ lines: lineExtensions, ...(training !== 0 ? { training } : {}) });
  return hash('sha256', JSON.stringify(parts), 'hex');
}
