// The records an upload carries beside its journal entries: documents (whole or as their digested
// columns), shifts and their closes, cash counts and movements, Zs.
import { z } from 'zod';
import { int, seq, text } from './hq-wire-fields';

/**
 * One digested row: up to 64 columns, each text (at most 16,384 characters), a finite number or null.
 * Checked whole in one pass: HQ reads some fifty columns per document, and a union per column
 * (trying text, then number, then null) was a third of an upload's parse.
 */
const digestRow = z.custom<(string | number | null)[]>(
  (row) =>
    Array.isArray(row) &&
    row.length <= 64 &&
    row.every((v) => v === null || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 16_384)),
  { message: 'not a digested row' },
);

/** Every column a document's digest covers: the document's, its lines' and its payments'. */
const wireDigestRows = z
  .object({
    document: digestRow,
    training: int,
    lines: z.array(digestRow).max(2000),
    payments: z.array(digestRow).max(100),
  })
  .strict();

export const wireDocument = z
  .object({
    id: z.string().min(1).max(64),
    /** The journal entry that completed it. */
    seq,
    kind: z.enum(['sale', 'refund', 'void']),
    registerId: z.string().max(16),
    receiptNo: int.min(1),
    businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    shiftId: int.nullable(),
    operatorId: int,
    originalDocumentId: z.string().max(64).nullable(),
    openedAt: int,
    completedAt: int,
    grossMinor: int,
    discountMinor: int,
    taxMinor: int,
    totalMinor: int,
    roundingMinor: int,
    changeMinor: int,
    grandTotalMinor: int,
    lines: z
      .array(
        z
          .object({
            sku: z.string().max(64).nullable(),
            name: text,
            qtyMilli: int,
            unitPriceMinor: int,
            taxRateBp: int,
            totalMinor: int,
            taxMinor: int,
          })
          .strict(),
      )
      .max(2000),
    payments: z
      .array(z.object({ method: z.enum(['cash', 'card', 'scan']), amountMinor: int, tenderedMinor: int, changeMinor: int, createdAt: int }).strict())
      .max(100),
    /**
     * Every column the document's digest covers, as the ledger holds it (main/journal-chain/document-digest-rows.ts):
     * HQ recomputes the digest its entry chained and checks the fields above against these columns.
     */
    digestRows: wireDigestRows.optional(),
  })
  .strict();
export type WireDocument = z.infer<typeof wireDocument>;

/**
 * A document whose entry chains its digest, as registers send it since HQ reads its fields from
 * the digested columns: each value travels once (the named fields above doubled them, +63% on
 * the wire) and HQ parses and compares half as much. HQ takes both forms; a document without a
 * digest (an entry written before it) still travels as a wireDocument.
 */
export const wireDigestDocument = z.object({ seq, digestRows: wireDigestRows }).strict();
export type WireDigestDocument = z.infer<typeof wireDigestDocument>;

const denominationCounts = z.array(z.object({ denominationMinor: int, count: int }).strict()).max(100);
const jsonObject = z.record(z.string(), z.unknown());

/** A shift as it opened (journal kind shift.opened); its close travels as a shiftClose. */
export const wireShift = z
  .object({
    seq,
    id: int,
    registerId: z.string().max(16),
    businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    operatorId: int,
    openedAt: int,
    floatMinor: int,
    floatSource: z.enum(['counted', 'carried']),
    carriedFromShiftId: int.nullable(),
  })
  .strict();
export type WireShift = z.infer<typeof wireShift>;

/** How a shift closed (shift.closed): the expected cash term by term and the count that stands. */
export const wireShiftClose = z
  .object({
    seq,
    shiftId: int,
    closedAt: int,
    closedBy: int,
    expectedMinor: int,
    expected: jsonObject,
    countedMinor: int.nullable(),
    differenceMinor: int.nullable(),
    forceReason: text.nullable(),
  })
  .strict();
export type WireShiftClose = z.infer<typeof wireShiftClose>;

/** A count by denomination: the opening float (shift.opened), the closing count or the recount (shift.counted). */
export const wireCashCount = z
  .object({
    seq,
    id: int,
    shiftId: int,
    purpose: z.enum(['opening', 'closing', 'recount']),
    counts: denominationCounts,
    totalMinor: int,
    operatorId: int,
    countedAt: int,
  })
  .strict();
export type WireCashCount = z.infer<typeof wireCashCount>;

/** Paid-in, paid-out, safe drop, float top-up (cash.moved). */
export const wireCashMovement = z
  .object({
    seq,
    id: int,
    shiftId: int,
    registerId: z.string().max(16),
    kind: z.enum(['paid_in', 'paid_out', 'safe_drop', 'float_top_up']),
    amountMinor: int,
    reason: text,
    operatorId: int,
    approverId: int.nullable(),
    at: int,
  })
  .strict();
export type WireCashMovement = z.infer<typeof wireCashMovement>;

/** The Z as the register stored it (day.closed), with the whole report as printed. */
export const wireZReport = z
  .object({
    seq,
    id: int,
    zNo: int.min(1),
    registerId: z.string().max(16),
    businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    closedAt: int,
    operatorId: int,
    firstReceiptNo: int.nullable(),
    lastReceiptNo: int.nullable(),
    grandTotalBeforeMinor: int,
    grandTotalAfterMinor: int,
    lastJournalSeq: int,
    shiftIds: z.array(int).max(1000),
    figures: jsonObject,
  })
  .strict();
export type WireZReport = z.infer<typeof wireZReport>;

/**
 * The records an upload carries beside its entries, by collection. A collection is filled from the
 * register's tables for the journal kinds that reference it (main/sync/upload-records.ts) and
 * checked against those entries at HQ (hq/ingest/records.ts).
 */
export const wireRecords = z
  .object({
    // The short form first: it is what registers send, and a full document fails it at once.
    documents: z
      .array(z.union([wireDigestDocument, wireDocument]))
      .max(5000)
      .default([]),
    shifts: z.array(wireShift).max(2000).default([]),
    shiftCloses: z.array(wireShiftClose).max(2000).default([]),
    cashCounts: z.array(wireCashCount).max(4000).default([]),
    cashMovements: z.array(wireCashMovement).max(2000).default([]),
    zReports: z.array(wireZReport).max(2000).default([]),
  })
  .strict();
export type WireRecords = z.infer<typeof wireRecords>;
/** Records with every document in its full form: what HQ checks and stores once it has read the short ones. */
export type NamedRecords = Omit<WireRecords, 'documents'> & { documents: WireDocument[] };
