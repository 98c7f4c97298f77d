// Documents as an upload carries them: how one is checked against the entry that completed it
// (the entry is covered by the hash, the record is not) and how it is stored. Entries come in
// three shapes (main/documents/document-journal.ts): lines copied (the oldest), totals copied
// beside the digest, and the slim entry that names the document and chains its digest alone.
import type { PoolClient } from 'pg';
import type { WireDocument } from '../../preload/contract/hq-wire';
import { digestDiffers } from './document-digest-check';
import type { ParsedEntry } from './parsed-entry';

export const DOCUMENT_KINDS = ['sale.completed', 'refund.completed', 'void.completed'] as const;

/** The slim entry: the digest binds every column, so the document is checked against it whole. */
interface SlimEntryData {
  saleId: string;
  receiptNo: number;
  documentSha256: string;
  training?: true;
}

interface DocumentEntryData {
  saleId: string;
  registerId: string;
  receiptNo: number;
  businessDay: string;
  shiftId?: number;
  operatorId: number;
  /** Entries written before the document digest carried a copy of the lines. */
  lines?: { sku: string | null; name: string; qtyMilli: number; unitPriceMinor: number; taxRateBp: number; totalMinor: number; taxMinor: number }[];
  /** Since the digest: the tax per rate and the amount per tender (main/documents/document-journal.ts). */
  taxes?: { rateBp: number; baseMinor: number; taxMinor: number }[];
  totalMinor: number;
  taxMinor: number;
  discountMinor: number;
  roundingMinor: number;
  payments: { method: string; amountMinor: number; tenderedMinor?: number; changeMinor?: number }[];
  grandTotalMinor: number;
  correction?: { originalDocumentId: string | null };
  /** Since the digest: the SHA-256 of every column of the document, its lines and its payments. */
  documentSha256?: string;
}

/** The first field where the document differs from its completing entry, or null. */
export function documentDiffers(doc: WireDocument, entry: ParsedEntry): string | null {
  if (entry.kind !== `${doc.kind}.completed`) return 'kind';
  if (!('totalMinor' in entry.data)) return slimEntryDiffers(doc, entry, entry.data as unknown as SlimEntryData);
  const d = entry.data as unknown as DocumentEntryData;
  const scalar: [string, unknown, unknown][] = [
    ['id', doc.id, d.saleId],
    ['registerId', doc.registerId, d.registerId],
    ['receiptNo', doc.receiptNo, d.receiptNo],
    ['businessDay', doc.businessDay, d.businessDay],
    ['operatorId', doc.operatorId, d.operatorId],
    ['totalMinor', doc.totalMinor, d.totalMinor],
    ['taxMinor', doc.taxMinor, d.taxMinor],
    ['discountMinor', doc.discountMinor, d.discountMinor],
    ['roundingMinor', doc.roundingMinor, d.roundingMinor],
    ['grandTotalMinor', doc.grandTotalMinor, d.grandTotalMinor],
    ['completedAt', doc.completedAt, entry.at],
    ['originalDocumentId', doc.originalDocumentId, d.correction ? d.correction.originalDocumentId : null],
    ['payments', doc.payments.length, d.payments?.length],
  ];
  if (d.shiftId !== undefined) scalar.push(['shiftId', doc.shiftId, d.shiftId]);
  for (const [field, a, b] of scalar) if (a !== b) return field;
  for (const [i, p] of doc.payments.entries()) {
    const e = d.payments[i];
    if (!e) return `payments.${i}`;
    for (const f of ['method', 'amountMinor', 'tenderedMinor', 'changeMinor'] as const) if (e[f] !== undefined && p[f] !== e[f]) return `payments.${i}.${f}`;
  }
  if (d.lines) return linesDiffer(doc, d.lines);
  if (typeof d.documentSha256 === 'string') {
    const field = digestDiffers(doc, d.documentSha256);
    if (field) return field;
  }
  return taxesDiffer(doc, d.taxes ?? []);
}

/**
 * A slim entry copies no figure to compare: the digest it chains must hold for the uploaded
 * columns (digestDiffers: every column of the document, its lines and payments, and its training
 * mark), the fields it does name must be the document's, and the lines must add up to the
 * document's total and tax, as for an entry that copied them.
 */
function slimEntryDiffers(doc: WireDocument, entry: ParsedEntry, d: SlimEntryData): string | null {
  if (typeof d.documentSha256 !== 'string') return 'digest';
  const scalar: [string, unknown, unknown][] = [
    ['id', doc.id, d.saleId],
    ['receiptNo', doc.receiptNo, d.receiptNo],
    ['completedAt', doc.completedAt, entry.at],
    ['training', (doc.digestRows?.training ?? 0) !== 0, d.training === true],
  ];
  for (const [field, a, b] of scalar) if (a !== b) return field;
  const field = digestDiffers(doc, d.documentSha256);
  if (field) return field;
  if (doc.lines.reduce((s, l) => s + l.taxMinor, 0) !== doc.taxMinor) return 'taxes';
  return doc.lines.reduce((s, l) => s + l.totalMinor, 0) === doc.totalMinor ? null : 'lines';
}

function linesDiffer(doc: WireDocument, lines: NonNullable<DocumentEntryData['lines']>): string | null {
  if (doc.lines.length !== lines.length) return 'lines';
  for (const [i, l] of doc.lines.entries()) {
    const e = lines[i];
    if (!e) return `lines.${i}`;
    for (const f of ['sku', 'name', 'qtyMilli', 'unitPriceMinor', 'taxRateBp', 'totalMinor', 'taxMinor'] as const) if (l[f] !== e[f]) return `lines.${i}.${f}`;
  }
  return null;
}

/**
 * An entry with the document's digest names no lines; the lines must still add up, rate by rate,
 * to the tax the entry chained, and to its total (the digest, recomputed above, already binds
 * them; this names the figure that is off).
 */
function taxesDiffer(doc: WireDocument, taxes: NonNullable<DocumentEntryData['taxes']>): string | null {
  const byRate = new Map<number, number>();
  for (const l of doc.lines) byRate.set(l.taxRateBp, (byRate.get(l.taxRateBp) ?? 0) + l.taxMinor);
  for (const t of taxes) {
    if ((byRate.get(t.rateBp) ?? 0) !== t.taxMinor) return `taxes.${t.rateBp}`;
    byRate.delete(t.rateBp);
  }
  for (const [rate, tax] of byRate) if (tax !== 0) return `taxes.${rate}`;
  const linesTotal = doc.lines.reduce((s, l) => s + l.totalMinor, 0);
  return linesTotal === doc.totalMinor ? null : 'lines';
}

export async function insertDocuments(client: PoolClient, registerId: string, docs: readonly WireDocument[]): Promise<void> {
  if (docs.length === 0) return;
  const col = <T>(f: (d: WireDocument) => T) => docs.map(f);
  await client.query(
    `INSERT INTO documents (register_id, id, seq, kind, local_register_id, receipt_no, business_day, shift_id, operator_id, original_document_id,
       opened_at, completed_at, gross_minor, discount_minor, tax_minor, total_minor, rounding_minor, change_minor, grand_total_minor)
     SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::int[], $7::text[], $8::int[], $9::int[], $10::text[],
       $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[], $16::bigint[], $17::bigint[], $18::bigint[], $19::bigint[])`,
    [
      registerId,
      col((d) => d.id),
      col((d) => d.seq),
      col((d) => d.kind),
      col((d) => d.registerId),
      col((d) => d.receiptNo),
      col((d) => d.businessDay),
      col((d) => d.shiftId),
      col((d) => d.operatorId),
      col((d) => d.originalDocumentId),
      col((d) => d.openedAt),
      col((d) => d.completedAt),
      col((d) => d.grossMinor),
      col((d) => d.discountMinor),
      col((d) => d.taxMinor),
      col((d) => d.totalMinor),
      col((d) => d.roundingMinor),
      col((d) => d.changeMinor),
      col((d) => d.grandTotalMinor),
    ],
  );
  const lines = docs.flatMap((d) => d.lines.map((l, i) => ({ doc: d.id, i, l })));
  if (lines.length > 0) {
    await client.query(
      `INSERT INTO document_lines (register_id, document_id, position, sku, name, qty_milli, unit_price_minor, tax_rate_bp, total_minor, tax_minor)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::int[], $9::bigint[], $10::bigint[])`,
      [
        registerId,
        lines.map((x) => x.doc),
        lines.map((x) => x.i),
        lines.map((x) => x.l.sku),
        lines.map((x) => x.l.name),
        lines.map((x) => x.l.qtyMilli),
        lines.map((x) => x.l.unitPriceMinor),
        lines.map((x) => x.l.taxRateBp),
        lines.map((x) => x.l.totalMinor),
        lines.map((x) => x.l.taxMinor),
      ],
    );
  }
  const pays = docs.flatMap((d) => d.payments.map((p, i) => ({ doc: d.id, i, p })));
  if (pays.length > 0) {
    await client.query(
      `INSERT INTO document_payments (register_id, document_id, position, method, amount_minor, tendered_minor, change_minor, created_at)
       SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[])`,
      [
        registerId,
        pays.map((x) => x.doc),
        pays.map((x) => x.i),
        pays.map((x) => x.p.method),
        pays.map((x) => x.p.amountMinor),
        pays.map((x) => x.p.tenderedMinor),
        pays.map((x) => x.p.changeMinor),
        pays.map((x) => x.p.createdAt),
      ],
    );
  }
}
