// HQ reads a document sent as its digested columns alone into the document it stores, and holds
// it to the same limits as the wire holds a document sent whole: each column changed to a value
// the whole form's schema refuses makes no document either.
import { describe, expect, it } from 'vitest';
import { wireDocument, type WireDocument } from '../../preload/contract/hq-wire';
import {
  DIGEST_DOCUMENT_COLUMNS,
  DIGEST_LINE_COLUMNS,
  DIGEST_PAYMENT_COLUMNS,
  type DigestRows,
  type DigestValue,
} from '../../main/journal-chain/document-digest-rows';
import { documentFromDigestRows } from '../../hq/ingest/document-from-digest-rows';

const document: DigestValue[] = [
  'd-1', 'sale', 'completed', 'R1', 7, '2026-11-29', 3, 2, null, 1764400000000, 1764400060000, null,
  null, 1, 1200, 0, 138, 1200, 0, 300, 5400, null, null, 'k1',
]; // prettier-ignore
const line2: DigestValue[] = [12, 2, 6, null, '袋 Bag', 1000, 0, 0, null, null, 0, 0, 0, 0, 0, 0, null, 0];
const line1: DigestValue[] = [11, 1, 5, '6901234567892', '可乐 Cola', 2000, 600, 1300, null, null, 1200, 0, 0, 1200, 138, 0, null, 0];
const payment: DigestValue[] = [21, 'cash', 1200, 1500, 300, null, 1764400059000, null, null];
const rows = (): DigestRows => ({ document: [...document], training: 0, lines: [[...line2], [...line1]], payments: [[...payment]] });

// The same document whole, written out by hand from the columns above.
const whole = (): WireDocument => ({
  id: 'd-1',
  seq: 40,
  kind: 'sale',
  registerId: 'R1',
  receiptNo: 7,
  businessDay: '2026-11-29',
  shiftId: 3,
  operatorId: 2,
  originalDocumentId: null,
  openedAt: 1764400000000,
  completedAt: 1764400060000,
  grossMinor: 1200,
  discountMinor: 0,
  taxMinor: 138,
  totalMinor: 1200,
  roundingMinor: 0,
  changeMinor: 300,
  grandTotalMinor: 5400,
  lines: [
    { sku: '6901234567892', name: '可乐 Cola', qtyMilli: 2000, unitPriceMinor: 600, taxRateBp: 1300, totalMinor: 1200, taxMinor: 138 },
    { sku: null, name: '袋 Bag', qtyMilli: 1000, unitPriceMinor: 0, taxRateBp: 0, totalMinor: 0, taxMinor: 0 },
  ],
  payments: [{ method: 'cash', amountMinor: 1200, tenderedMinor: 1500, changeMinor: 300, createdAt: 1764400059000 }],
});

describe('documentFromDigestRows', () => {
  it('reads the document HQ stores, lines in sale order, a training number positive', () => {
    const r = rows();
    expect(documentFromDigestRows({ seq: 40, digestRows: r })).toEqual(wireDocument.parse({ ...whole(), digestRows: r }));
    const training = rows();
    training.document[DIGEST_DOCUMENT_COLUMNS.indexOf('receipt_no')] = -7;
    training.training = 1;
    expect(documentFromDigestRows({ seq: 40, digestRows: training })).toMatchObject({ receiptNo: 7 });
  });

  const cases: { where: 'document' | 'line' | 'payment'; column: string; value: DigestValue; field: string }[] = [
    { where: 'document', column: 'id', value: '', field: 'id' },
    { where: 'document', column: 'id', value: 'x'.repeat(65), field: 'id' },
    { where: 'document', column: 'kind', value: 'gift', field: 'kind' },
    { where: 'document', column: 'register_id', value: 'x'.repeat(17), field: 'registerId' },
    { where: 'document', column: 'receipt_no', value: 0, field: 'receiptNo' },
    { where: 'document', column: 'receipt_no', value: 1.5, field: 'receiptNo' },
    { where: 'document', column: 'receipt_no', value: '7', field: 'receiptNo' },
    { where: 'document', column: 'business_day', value: '2026-1-29', field: 'businessDay' },
    { where: 'document', column: 'shift_id', value: 'a', field: 'shiftId' },
    { where: 'document', column: 'operator_id', value: null, field: 'operatorId' },
    { where: 'document', column: 'original_document_id', value: 5, field: 'originalDocumentId' },
    { where: 'document', column: 'original_document_id', value: 'x'.repeat(65), field: 'originalDocumentId' },
    { where: 'document', column: 'opened_at', value: null, field: 'openedAt' },
    { where: 'document', column: 'gross_minor', value: 2 ** 60, field: 'grossMinor' },
    { where: 'document', column: 'grand_total_minor', value: 1.5, field: 'grandTotalMinor' },
    { where: 'line', column: 'sku', value: 5, field: 'sku' },
    { where: 'line', column: 'sku', value: 'x'.repeat(65), field: 'sku' },
    { where: 'line', column: 'name', value: null, field: 'name' },
    { where: 'line', column: 'name', value: 'x'.repeat(401), field: 'name' },
    { where: 'line', column: 'qty_milli', value: '1000', field: 'qtyMilli' },
    { where: 'line', column: 'tax_minor', value: null, field: 'taxMinor' },
    { where: 'payment', column: 'method', value: 'cheque', field: 'method' },
    { where: 'payment', column: 'amount_minor', value: 1.5, field: 'amountMinor' },
    { where: 'payment', column: 'created_at', value: null, field: 'createdAt' },
  ];

  it.each(cases)('makes no document of a $where whose $column is $value, as the whole form refuses its $field', ({ where, column, value, field }) => {
    const r = rows();
    const w = whole() as unknown as Record<string, unknown> & { lines: Record<string, unknown>[]; payments: Record<string, unknown>[] };
    if (where === 'document') {
      r.document[DIGEST_DOCUMENT_COLUMNS.indexOf(column as (typeof DIGEST_DOCUMENT_COLUMNS)[number])] = value;
      w[field] = value;
    } else if (where === 'line') {
      const first = r.lines[1] ?? [];
      first[DIGEST_LINE_COLUMNS.indexOf(column as (typeof DIGEST_LINE_COLUMNS)[number])] = value;
      Object.assign(w.lines[0] ?? {}, { [field]: value });
    } else {
      const first = r.payments[0] ?? [];
      first[DIGEST_PAYMENT_COLUMNS.indexOf(column as (typeof DIGEST_PAYMENT_COLUMNS)[number])] = value;
      Object.assign(w.payments[0] ?? {}, { [field]: value });
    }
    expect(wireDocument.safeParse({ ...w, digestRows: r }).success).toBe(false);
    expect(documentFromDigestRows({ seq: 40, digestRows: r })).toBeNull();
  });

  it('makes no document of rows of another width', () => {
    for (const cut of ['document', 'lines', 'payments'] as const) {
      const r = rows();
      if (cut === 'document') r.document.pop();
      else r[cut][0]?.pop();
      expect(documentFromDigestRows({ seq: 40, digestRows: r })).toBeNull();
    }
  });
});
