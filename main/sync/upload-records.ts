// The records an upload carries beside the journal, listed in one place: for each collection of
// the wire contract, the journal kinds that reference it and how a record is read from the
// ledger. HQ checks each record against its (hashed) entry.
import type { NamedRecords, WireDocument, WireRecords } from '../../preload/contract/hq-wire';
import type { Db } from '../ledger/database';
import type { JournalEntry } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { documentDigestRows } from '../documents/document-digest';
import { readCashCount, readCashMovement, readShift, readShiftClose, readZReport } from './upload-cash-records';

interface RecordSource<C extends keyof WireRecords> {
  collection: C;
  kinds: readonly string[];
  read(db: Db, entry: JournalEntry, data: Record<string, unknown>): WireRecords[C][number];
}

function readDocument(db: Db, entry: JournalEntry, data: Record<string, unknown>): WireDocument {
  const id = String(data.saleId);
  const d = sql(db, 'SELECT * FROM documents WHERE id = ?').get(id) as
    | {
        id: string;
        kind: WireDocument['kind'];
        register_id: string;
        receipt_no: number;
        business_day: string;
        shift_id: number | null;
        operator_id: number;
        original_document_id: string | null;
        opened_at: number;
        completed_at: number;
        gross_minor: number;
        discount_minor: number;
        tax_minor: number;
        total_minor: number;
        rounding_minor: number;
        change_minor: number;
        grand_total_minor: number;
      }
    | undefined;
  if (!d) throw new Error(`journal entry ${entry.seq} names document ${id}, which the ledger does not hold`);
  const lines = sql(
    db,
    'SELECT sku, name, qty_milli, unit_price_minor, tax_rate_bp, total_minor, tax_minor FROM document_lines WHERE document_pk = (SELECT pk FROM documents WHERE id = ?) ORDER BY position, id',
  ).all(id) as { sku: string | null; name: string; qty_milli: number; unit_price_minor: number; tax_rate_bp: number; total_minor: number; tax_minor: number }[];
  const payments = sql(
    db,
    'SELECT method, amount_minor, tendered_minor, change_minor, created_at FROM payments WHERE document_pk = (SELECT pk FROM documents WHERE id = ?) ORDER BY id',
  ).all(id) as {
    method: 'cash' | 'card' | 'scan';
    amount_minor: number;
    tendered_minor: number;
    change_minor: number;
    created_at: number;
  }[];
  return {
    id: d.id,
    seq: entry.seq,
    kind: d.kind,
    registerId: d.register_id,
    // A training document's number is kept negated in the ledger (migrations/012-training.ts); its entry says it positive.
    receiptNo: Math.abs(d.receipt_no),
    businessDay: d.business_day,
    shiftId: d.shift_id,
    operatorId: d.operator_id,
    originalDocumentId: d.original_document_id,
    openedAt: d.opened_at,
    completedAt: d.completed_at,
    grossMinor: d.gross_minor,
    discountMinor: d.discount_minor,
    taxMinor: d.tax_minor,
    totalMinor: d.total_minor,
    roundingMinor: d.rounding_minor,
    changeMinor: d.change_minor,
    grandTotalMinor: d.grand_total_minor,
    lines: lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      qtyMilli: l.qty_milli,
      unitPriceMinor: l.unit_price_minor,
      taxRateBp: l.tax_rate_bp,
      totalMinor: l.total_minor,
      taxMinor: l.tax_minor,
    })),
    payments: payments.map((p) => ({
      method: p.method,
      amountMinor: p.amount_minor,
      tenderedMinor: p.tendered_minor,
      changeMinor: p.change_minor,
      createdAt: p.created_at,
    })),
    digestRows: documentDigestRows(db, id) ?? undefined,
  };
}

const documents: RecordSource<'documents'> = { collection: 'documents', kinds: ['sale.completed', 'refund.completed', 'void.completed'], read: readDocument };

const shifts: RecordSource<'shifts'> = { collection: 'shifts', kinds: ['shift.opened'], read: readShift };
const shiftCloses: RecordSource<'shiftCloses'> = { collection: 'shiftCloses', kinds: ['shift.closed'], read: readShiftClose };
const cashCounts: RecordSource<'cashCounts'> = { collection: 'cashCounts', kinds: ['shift.opened', 'shift.counted'], read: readCashCount };
const cashMovements: RecordSource<'cashMovements'> = { collection: 'cashMovements', kinds: ['cash.moved'], read: readCashMovement };
const zReports: RecordSource<'zReports'> = { collection: 'zReports', kinds: ['day.closed'], read: readZReport };

export const uploadRecordSources = [documents, shifts, shiftCloses, cashCounts, cashMovements, zReports] as const;

/**
 * The records the given entries reference, gathered by collection, as the register uploads them:
 * a document whose digest the ledger holds travels as its digested columns alone (HQ reads its
 * fields from them), so each value crosses the wire once.
 */
export function recordsFor(db: Db, entries: readonly JournalEntry[]): WireRecords {
  const records = namedRecordsFor(db, entries);
  return { ...records, documents: records.documents.map((d) => (d.digestRows ? { seq: d.seq, digestRows: d.digestRows } : d)) };
}

/**
 * The same records with every document whole, its named fields beside its digested columns: what
 * registers uploaded before HQ read documents from their columns (HQ still takes it), and the
 * rows HQ stores.
 */
export function namedRecordsFor(db: Db, entries: readonly JournalEntry[]): NamedRecords {
  const records: NamedRecords = { documents: [], shifts: [], shiftCloses: [], cashCounts: [], cashMovements: [], zReports: [] };
  for (const entry of entries) {
    let data: Record<string, unknown> | null = null;
    for (const source of uploadRecordSources) {
      if (!source.kinds.includes(entry.kind)) continue;
      data ??= (JSON.parse(entry.payload) as { data: Record<string, unknown> }).data;
      (records[source.collection] as unknown[]).push(source.read(db, entry, data));
    }
  }
  return records;
}
