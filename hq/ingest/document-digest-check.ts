// A document whose entry chains its digest is checked whole: HQ recomputes the digest from the
// digested columns the upload carries, then checks that the fields it stores are those columns.
// A document changed anywhere on the way (a column HQ does not even store) no longer matches.
import type { WireDocument } from '../../preload/contract/hq-wire';
import { hasDigestWidths, inDigestOrder, isReadFromRows } from './document-from-digest-rows';
import {
  DIGEST_DOCUMENT_COLUMNS,
  DIGEST_LINE_COLUMNS,
  DIGEST_PAYMENT_COLUMNS,
  documentDigestOfRows,
  type DigestValue,
} from '../../main/journal-chain/document-digest-rows';

const column =
  <C extends string>(names: readonly C[], row: readonly DigestValue[]) =>
  (name: C) =>
    row[names.indexOf(name)];

/** The first field that differs from the digested columns (or `digest` when the digest does not hold), or null. */
export function digestDiffers(doc: WireDocument, documentSha256: string): string | null {
  const rows = doc.digestRows;
  if (!rows) return 'digest';
  if (!hasDigestWidths(rows)) return 'digest';
  if (documentDigestOfRows(rows) !== documentSha256) return 'digest';
  if (isReadFromRows(doc)) return null;

  const d = column(DIGEST_DOCUMENT_COLUMNS, rows.document);
  // A training document's number is kept negated in the ledger; the upload says it positive.
  const receiptNo = d('receipt_no');
  const pairs: [string, unknown, DigestValue | undefined][] = [
    ['id', doc.id, d('id')],
    ['kind', doc.kind, d('kind')],
    ['registerId', doc.registerId, d('register_id')],
    ['receiptNo', doc.receiptNo, typeof receiptNo === 'number' ? Math.abs(receiptNo) : receiptNo],
    ['businessDay', doc.businessDay, d('business_day')],
    ['shiftId', doc.shiftId, d('shift_id')],
    ['operatorId', doc.operatorId, d('operator_id')],
    ['originalDocumentId', doc.originalDocumentId, d('original_document_id')],
    ['openedAt', doc.openedAt, d('opened_at')],
    ['completedAt', doc.completedAt, d('completed_at')],
    ['grossMinor', doc.grossMinor, d('gross_minor')],
    ['discountMinor', doc.discountMinor, d('discount_minor')],
    ['taxMinor', doc.taxMinor, d('tax_minor')],
    ['totalMinor', doc.totalMinor, d('total_minor')],
    ['roundingMinor', doc.roundingMinor, d('rounding_minor')],
    ['changeMinor', doc.changeMinor, d('change_minor')],
    ['grandTotalMinor', doc.grandTotalMinor, d('grand_total_minor')],
    ['lines', doc.lines.length, rows.lines.length],
    ['payments', doc.payments.length, rows.payments.length],
  ];
  const { lines, payments } = inDigestOrder(rows);
  doc.lines.forEach((l, i) => {
    const r = column(DIGEST_LINE_COLUMNS, lines[i] ?? []);
    pairs.push(
      [`lines.${i}.sku`, l.sku, r('sku')],
      [`lines.${i}.name`, l.name, r('name')],
      [`lines.${i}.qtyMilli`, l.qtyMilli, r('qty_milli')],
      [`lines.${i}.unitPriceMinor`, l.unitPriceMinor, r('unit_price_minor')],
      [`lines.${i}.taxRateBp`, l.taxRateBp, r('tax_rate_bp')],
      [`lines.${i}.totalMinor`, l.totalMinor, r('total_minor')],
      [`lines.${i}.taxMinor`, l.taxMinor, r('tax_minor')],
    );
  });
  doc.payments.forEach((p, i) => {
    const r = column(DIGEST_PAYMENT_COLUMNS, payments[i] ?? []);
    pairs.push(
      [`payments.${i}.method`, p.method, r('method')],
      [`payments.${i}.amountMinor`, p.amountMinor, r('amount_minor')],
      [`payments.${i}.tenderedMinor`, p.tenderedMinor, r('tendered_minor')],
      [`payments.${i}.changeMinor`, p.changeMinor, r('change_minor')],
      [`payments.${i}.createdAt`, p.createdAt, r('created_at')],
    );
  });
  for (const [field, wire, digested] of pairs) if (wire !== digested) return `digest.${field}`;
  return null;
}
