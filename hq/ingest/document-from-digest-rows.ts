// A document sent as its digested columns alone (wireDigestDocument): HQ reads the fields it
// stores from the columns and holds them to the limits the wire sets for a document sent whole
// (wireDocument). The columns are already text, numbers or null, so the limits are checked here in
// one pass rather than by building the whole document and parsing it again: that parse was the
// largest part of checking an upload's records. test/unit/hq-document-from-digest-rows.test.ts
// keeps the two sets of limits the same.
import type { WireDigestDocument, WireDocument } from '../../preload/contract/hq-wire';
import {
  DIGEST_DOCUMENT_COLUMNS,
  DIGEST_LINE_COLUMNS,
  DIGEST_LINE_EXTENSION_COLUMNS,
  DIGEST_PAYMENT_COLUMNS,
  linesInSaleOrder,
  paymentsById,
  type DigestRows,
  type DigestValue,
} from '../../main/journal-chain/document-digest-rows';

const positions = <C extends string>(names: readonly C[]) => Object.fromEntries(names.map((n, i) => [n, i])) as Record<C, number>;
const D = positions(DIGEST_DOCUMENT_COLUMNS);
const L = positions(DIGEST_LINE_COLUMNS);
const P = positions(DIGEST_PAYMENT_COLUMNS);
const LINE_WIDTH = DIGEST_LINE_COLUMNS.length + DIGEST_LINE_EXTENSION_COLUMNS.length;

const int = (v: DigestValue | undefined): v is number => Number.isSafeInteger(v);
const text = (v: DigestValue | undefined, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Documents HQ read from their digested columns: their fields are those columns by construction. */
const readFromRows = new WeakSet<WireDocument>();
export const isReadFromRows = (doc: WireDocument): boolean => readFromRows.has(doc);

export function hasDigestWidths(rows: DigestRows): boolean {
  return (
    rows.document.length === DIGEST_DOCUMENT_COLUMNS.length &&
    rows.lines.every((l) => l.length === LINE_WIDTH) &&
    rows.payments.every((p) => p.length === DIGEST_PAYMENT_COLUMNS.length)
  );
}

/** Lines in sale order (position, then id) and payments by id, as the digest sorts them and the upload lists them. */
export function inDigestOrder(rows: DigestRows): { lines: readonly DigestValue[][]; payments: readonly DigestValue[][] } {
  return { lines: linesInSaleOrder(rows.lines), payments: paymentsById(rows.payments) };
}

const FIGURES = [
  'opened_at',
  'completed_at',
  'gross_minor',
  'discount_minor',
  'tax_minor',
  'total_minor',
  'rounding_minor',
  'change_minor',
  'grand_total_minor',
] as const;
const LINE_FIGURES = ['qty_milli', 'unit_price_minor', 'tax_rate_bp', 'total_minor', 'tax_minor'] as const;
const PAYMENT_FIGURES = ['amount_minor', 'tendered_minor', 'change_minor', 'created_at'] as const;

/**
 * The document whole, or null when its columns do not make one the wire would take (the upload is
 * then refused as a document whose digest does not hold). Its digest, and its fields against its
 * entry, are checked afterwards like any other document's.
 */
export function documentFromDigestRows(short: WireDigestDocument): WireDocument | null {
  const rows = short.digestRows;
  if (!hasDigestWidths(rows) || rows.lines.length > 2000 || rows.payments.length > 100) return null;
  const r = rows.document;
  const id = r[D.id];
  const kind = r[D.kind];
  const registerId = r[D.register_id];
  const receiptNo = r[D.receipt_no];
  const businessDay = r[D.business_day];
  const shiftId = r[D.shift_id];
  const operatorId = r[D.operator_id];
  const originalDocumentId = r[D.original_document_id];
  if (
    !text(id, 1, 64) ||
    !(kind === 'sale' || kind === 'refund' || kind === 'void') ||
    !text(registerId, 0, 16) ||
    // A training document's number is kept negated in the ledger; HQ stores it positive.
    !int(receiptNo) ||
    Math.abs(receiptNo) < 1 ||
    !(typeof businessDay === 'string' && DAY.test(businessDay)) ||
    !(shiftId === null || int(shiftId)) ||
    !int(operatorId) ||
    !(originalDocumentId === null || text(originalDocumentId, 0, 64)) ||
    !FIGURES.every((c) => int(r[D[c]]))
  )
    return null;
  const { lines, payments } = inDigestOrder(rows);
  const named: WireDocument['lines'] = [];
  for (const l of lines) {
    const sku = l[L.sku];
    const name = l[L.name];
    if (!(sku === null || text(sku, 0, 64)) || !text(name, 0, 400) || !LINE_FIGURES.every((c) => int(l[L[c]]))) return null;
    named.push({
      sku,
      name,
      qtyMilli: l[L.qty_milli] as number,
      unitPriceMinor: l[L.unit_price_minor] as number,
      taxRateBp: l[L.tax_rate_bp] as number,
      totalMinor: l[L.total_minor] as number,
      taxMinor: l[L.tax_minor] as number,
    });
  }
  const paid: WireDocument['payments'] = [];
  for (const p of payments) {
    const method = p[P.method];
    if (!(method === 'cash' || method === 'card' || method === 'scan') || !PAYMENT_FIGURES.every((c) => int(p[P[c]]))) return null;
    paid.push({
      method,
      amountMinor: p[P.amount_minor] as number,
      tenderedMinor: p[P.tendered_minor] as number,
      changeMinor: p[P.change_minor] as number,
      createdAt: p[P.created_at] as number,
    });
  }
  const figure = (c: (typeof FIGURES)[number]) => r[D[c]] as number;
  const doc: WireDocument = {
    id,
    seq: short.seq,
    kind,
    registerId,
    receiptNo: Math.abs(receiptNo),
    businessDay,
    shiftId,
    operatorId,
    originalDocumentId,
    openedAt: figure('opened_at'),
    completedAt: figure('completed_at'),
    grossMinor: figure('gross_minor'),
    discountMinor: figure('discount_minor'),
    taxMinor: figure('tax_minor'),
    totalMinor: figure('total_minor'),
    roundingMinor: figure('rounding_minor'),
    changeMinor: figure('change_minor'),
    grandTotalMinor: figure('grand_total_minor'),
    lines: named,
    payments: paid,
    digestRows: rows,
  };
  readFromRows.add(doc);
  return doc;
}
