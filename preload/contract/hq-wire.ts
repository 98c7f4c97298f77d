// What registers and HQ say to each other over HTTP, defined once for both ends (main/sync and
// hq/). Every answer is the same envelope as the register's calls: { ok, value } or
// { ok: false, error: { code, params } }. Amounts are integer minor units; documents are stored
// positive and their kind says which way the money went.
import { z } from 'zod';

/** Paths of HQ's API. Register calls other than enrolment are signed (see journal-chain/request-signature). */
export const hqPaths = {
  enrol: '/api/enrol',
  upload: '/api/upload',
  down: '/api/down',
  /** The owner's read-only overview, asked for through an enrolled register (signed like its uploads). */
  overview: '/api/owner/overview',
} as const;

/** Headers of a signed request. */
export const hqHeaders = {
  register: 'x-ringup-register',
  time: 'x-ringup-time',
  nonce: 'x-ringup-nonce',
  signature: 'x-ringup-signature',
} as const;

/** HQ's refusals, translated in the register's locales because the upload status shows them. */
export const hqErrors = [
  'hq.invalid_input',
  'hq.unsigned',
  'hq.bad_signature',
  'hq.replayed',
  'hq.clock_skew',
  'hq.unknown_register',
  'hq.enrol_code_invalid',
  'hq.gap',
  'hq.fork',
  'hq.tampered',
  'hq.record_missing',
  'hq.record_mismatch',
  'hq.too_large',
  'hq.forbidden',
  'hq.not_found',
  'hq.internal',
] as const;
export type HqErrorCode = (typeof hqErrors)[number];

export type HqResult<T> = { ok: true; value: T } | { ok: false; error: { code: HqErrorCode; params: Record<string, string | number | boolean | null> } };

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const int = z.number().int();
const seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const text = z.string().max(400);

/** HQ's own name for a register (unique in the chain) and for a shop. */
export const hqId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/);

export const enrolRequest = z.object({ code: z.string().regex(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){2}$/), localRegisterId: z.string().max(16) }).strict();
export interface EnrolResponse {
  registerId: string;
  shopId: string;
  /** The register's HMAC key, hex; HQ never shows it again. */
  secret: string;
  serverTime: number;
}

export const wireEntry = z
  .object({
    seq,
    at: int,
    kind: z.string().min(1).max(64),
    payload: z
      .string()
      .min(2)
      .max(256 * 1024),
    prev_hash: hex64,
    hash: hex64,
  })
  .strict();
export type WireEntry = z.infer<typeof wireEntry>;

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

export const MAX_UPLOAD_ENTRIES = 2000;

export const uploadRequest = z
  .object({
    registerId: hqId,
    entries: z.array(wireEntry).min(1).max(MAX_UPLOAD_ENTRIES),
    records: wireRecords,
  })
  .strict();
export type UploadRequest = z.input<typeof uploadRequest>;

/** What HQ holds of a register's chain after the request: the register acknowledges up to here. */
export interface HqHead {
  seq: number;
  hash: string;
}
export interface UploadResponse {
  head: HqHead;
  /** Entries this request added (0 for a repeat). */
  added: number;
}

export const downRequest = z.object({ registerId: hqId, after: z.number().int().min(0) }).strict();

export const downKinds = ['catalog', 'operators', 'settings'] as const;
export type DownKind = (typeof downKinds)[number];

export const catalogBody = z
  .object({
    taxRates: z.array(z.object({ rateBp: int.min(0).max(10_000), label: z.string().min(1).max(40) }).strict()).max(50),
    products: z
      .array(
        z
          .object({
            sku: z.string().min(1).max(64),
            barcode: z
              .string()
              .regex(/^[0-9A-Za-z-]{1,64}$/)
              .nullable(),
            nameZh: z.string().max(200).nullable(),
            nameEn: z.string().max(200).nullable(),
            priceMinor: int.min(0).max(9_999_999_999),
            taxRateBp: int.min(0).max(10_000),
          })
          .strict(),
      )
      .max(100_000),
  })
  .strict();

export const operatorsBody = z
  .object({
    operators: z
      .array(
        z
          .object({
            name: z.string().min(1).max(80),
            role: z.enum(['cashier', 'supervisor', 'owner']),
            /** scrypt of the PIN, hex, with its salt and parameters: HQ never sends a PIN. */
            pinHash: z.string().regex(/^[0-9a-f]{32,256}$/),
            pinSalt: z.string().regex(/^[0-9a-f]{16,128}$/),
            pinParams: z.object({ N: int, r: int, p: int, keylen: int }).strict(),
            active: z.boolean(),
          })
          .strict(),
      )
      .max(1000),
  })
  .strict();

/** The store settings HQ sets for all its registers; the register's own id and devices stay local. */
export const settingsBody = z
  .object({
    settings: z
      .object({
        storeName: z.string().min(1).max(80),
        storeAddress: z.string().max(200),
        storeTaxId: z.string().max(40),
        currency: z.string().regex(/^[A-Z]{3}$/),
        pricesIncludeTax: z.boolean(),
        cashRoundingStepMinor: int.min(0).max(100),
        cashierDiscountLimitBp: int.min(0).max(10_000),
        receiptFooter: z.string().max(200),
        timeZone: z.string().min(1).max(64),
        businessDayStartsAt: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/),
      })
      .partial()
      .strict(),
  })
  .strict();

export const downVersion = z.discriminatedUnion('kind', [
  z.object({ version: int.min(1), kind: z.literal('catalog'), effectiveAt: int, body: catalogBody }).strict(),
  z.object({ version: int.min(1), kind: z.literal('operators'), effectiveAt: int, body: operatorsBody }).strict(),
  z.object({ version: int.min(1), kind: z.literal('settings'), effectiveAt: int, body: settingsBody }).strict(),
]);
export type DownVersion = z.infer<typeof downVersion>;

export interface DownResponse {
  versions: DownVersion[];
  /** More versions wait after the last one given. */
  more: boolean;
  serverTime: number;
}

export const overviewRequest = z.object({ registerId: hqId, day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict();

/** Sums of Zs: what a day or a month adds up to at HQ. */
export interface HqFigure {
  netMinor: number;
  documentCount: number;
  zCount: number;
}

/** HQ's answer to the owner's back office: figures per shop and register, the consistency check's differences, open alerts. */
export interface OwnerOverview {
  day: string;
  month: string;
  serverTime: number;
  shops: {
    shopId: string;
    name: string;
    day: HqFigure;
    month: HqFigure;
    registers: {
      registerId: string;
      name: string;
      enrolled: boolean;
      headSeq: number;
      lastUploadAt: number | null;
      openAlerts: number;
      day: HqFigure;
      month: HqFigure;
    }[];
  }[];
  zChecked: number;
  /** A Z that its register's uploaded documents do not add up to, field by field. */
  differences: { registerId: string; zNo: number; businessDay: string; field: string; z: number | null; documents: number | null }[];
  /** Open alerts (forks, tampered or forged uploads), newest last; their evidence stays at HQ. */
  alerts: { id: number; kind: string; registerId: string | null; params: Record<string, unknown>; raisedAt: number }[];
}
