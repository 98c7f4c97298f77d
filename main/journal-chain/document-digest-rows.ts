// The document digest's definition, pure: from the digested columns of a document, its lines and
// its payments to the SHA-256 its `<kind>.completed` entry chains. The register computes it from
// its ledger (documents/document-digest.ts); HQ recomputes it from the rows an upload carries, so
// a document changed on the way no longer matches its entry.
import { hash } from 'node:crypto';

// These columns, in this order, JSON-encoded as arrays (integers, text and nulls only, so
// JSON.stringify is deterministic). Never reorder or extend a list: a new column means a new
// version tag, and verification keeps reading the old one for old entries.
export const DOCUMENT_DIGEST_VERSION = 'ringup.document.v1';
export const DIGEST_DOCUMENT_COLUMNS = [
  'id', 'kind', 'status', 'register_id', 'receipt_no', 'business_day', 'shift_id', 'operator_id', 'original_document_id', 'opened_at', 'completed_at', 'note',
  'order_discount', 'prices_include_tax', 'gross_minor', 'discount_minor', 'tax_minor', 'total_minor', 'rounding_minor', 'change_minor', 'grand_total_minor',
  'reason', 'approver_id', 'request_key',
] as const; // prettier-ignore
export const DIGEST_LINE_COLUMNS = [
  'id', 'position', 'product_id', 'sku', 'name', 'qty_milli', 'unit_price_minor', 'tax_rate_bp', 'discount', 'original_line_id',
  'gross_minor', 'line_discount_minor', 'order_discount_minor', 'total_minor', 'tax_minor', 'restock',
] as const; // prettier-ignore
export const DIGEST_PAYMENT_COLUMNS = [
  'id',
  'method',
  'amount_minor',
  'tendered_minor',
  'change_minor',
  'card',
  'created_at',
  'original_payment_id',
  'scan',
] as const;
// Columns added after v1: document_lines.scale_label and sold_by_weight (schema 11) and
// documents.training (schema 12). They join the digest only when one of them differs from its
// default, so a document that does not use them keeps its v1 digest and every digest already in a
// journal still verifies; one that does is covered, and setting or clearing them breaks it.
export const DIGEST_LINE_EXTENSION_COLUMNS = ['scale_label', 'sold_by_weight'] as const;

export type DigestValue = string | number | null;

/** The digested columns, as the ledger holds them: lines carry their v1 columns then their extensions. */
export interface DigestRows {
  document: DigestValue[];
  training: number;
  lines: DigestValue[][];
  payments: DigestValue[][];
}

const LINE_V1_WIDTH = DIGEST_LINE_COLUMNS.length;
const num = (v: DigestValue | undefined) => (typeof v === 'number' ? v : 0);
const saleOrder = (a: readonly DigestValue[], b: readonly DigestValue[]) => num(a[1]) - num(b[1]) || num(a[0]) - num(b[0]);
const idOrder = (a: readonly DigestValue[], b: readonly DigestValue[]) => num(a[0]) - num(b[0]);

/** The rows sorted; the rows themselves, not a copy, when they already are (as the ledger reads them). */
function sorted(rows: readonly DigestValue[][], order: (a: readonly DigestValue[], b: readonly DigestValue[]) => number): readonly DigestValue[][] {
  for (let i = 1; i < rows.length; i++) if (order(rows[i - 1] ?? [], rows[i] ?? []) > 0) return [...rows].sort(order);
  return rows;
}

/** Lines in sale order (position, then id), as the digest takes them. */
export const linesInSaleOrder = (lines: readonly DigestValue[][]) => sorted(lines, saleOrder);
/** Payments by id, as the digest takes them. */
export const paymentsById = (payments: readonly DigestValue[][]) => sorted(payments, idOrder);

/** Lines in sale order (position, then id) and payments by id, whatever order the rows came in. */
export function documentDigestOfRows(rows: DigestRows): string {
  const lines = linesInSaleOrder(rows.lines);
  const payments = paymentsById(rows.payments);
  const lineExtensions = lines.filter((r) => r[LINE_V1_WIDTH] !== null || r[LINE_V1_WIDTH + 1] !== 0).map((r) => [r[0], ...r.slice(LINE_V1_WIDTH)]);
  const parts: unknown[] = [DOCUMENT_DIGEST_VERSION, rows.document, lines.map((r) => r.slice(0, LINE_V1_WIDTH)), payments];
  if (lineExtensions.length > 0 || rows.training !== 0) parts.push({ lines: lineExtensions, ...(rows.training !== 0 ? { training: rows.training } : {}) });
  return hash('sha256', JSON.stringify(parts), 'hex');
}
