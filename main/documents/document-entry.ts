// The figures of a completed document that the readers of the journal add up (fraud rules, their
// recomputation), whatever the shape of its `<kind>.completed` entry: the two older shapes copy
// them, the slim one names the document and its digest, and the figures come from its rows (which
// verifyDocuments proves are the ones the digest chained).
import type { PaymentMethod } from '../../preload/contract/views';
import type { Db } from '../ledger/db';
import { sql } from '../ledger/statements';
import { copiesFigures, type AnyDocumentCompleted } from './document-journal';

export interface DocumentFigures {
  registerId: string;
  operatorId: number;
  businessDay: string;
  /** Positive, whatever the kind. */
  totalMinor: number;
  discountMinor: number;
  /** What 改价 took off its lines (0 when no price was overridden). */
  overrideMinor: number;
  /** Per payment, in the order taken. */
  payments: { method: PaymentMethod; amountMinor: number }[];
  originalDocumentId: string | null;
}

/** Figures by document id; null for a document the ledger does not hold. */
export type DocumentFiguresOf = (id: string) => DocumentFigures | null;

/** The figures an older entry copies; null for a slim entry (read them from the rows). */
export function figuresOfEntry(d: AnyDocumentCompleted): DocumentFigures | null {
  if (!copiesFigures(d)) return null;
  return {
    registerId: d.registerId,
    operatorId: d.operatorId,
    businessDay: d.businessDay,
    totalMinor: Math.abs(d.totalMinor),
    discountMinor: d.discountMinor,
    overrideMinor: 'overrideMinor' in d ? (d.overrideMinor ?? 0) : 0,
    payments: d.payments.map((p) => ({ method: p.method, amountMinor: p.amountMinor })),
    originalDocumentId: d.correction?.originalDocumentId ?? null,
  };
}

/** The figures of `d`: from the entry when it copies them, else from the document's rows. */
export function figuresOf(d: AnyDocumentCompleted, rows: DocumentFiguresOf): DocumentFigures {
  const figures = figuresOfEntry(d) ?? rows(d.saleId);
  if (!figures) throw new Error(`journal entry names document ${d.saleId}, which the ledger does not hold`);
  return figures;
}

interface FiguresRow {
  id: string;
  register_id: string;
  operator_id: number;
  business_day: string;
  total_minor: number;
  discount_minor: number;
  override_minor: number | null;
  original_document_id: string | null;
}

const FIGURES = `d.id, d.register_id, d.operator_id, d.business_day, d.total_minor, d.discount_minor, d.override_minor, d.original_document_id`;

function figuresOfRow(r: FiguresRow, payments: DocumentFigures['payments']): DocumentFigures {
  return {
    registerId: r.register_id,
    operatorId: r.operator_id,
    businessDay: r.business_day,
    totalMinor: Math.abs(r.total_minor),
    discountMinor: r.discount_minor,
    overrideMinor: r.override_minor ?? 0,
    payments,
    originalDocumentId: r.original_document_id,
  };
}

/** One completed document's figures, for the entry just appended (the live watch). */
export function documentFigures(db: Db, id: string): DocumentFigures | null {
  const row = sql(db, `SELECT ${FIGURES}, d.pk FROM documents d WHERE d.id = ? AND d.status = 'completed'`).get(id) as
    (FiguresRow & { pk: number }) | undefined;
  if (!row) return null;
  const payments = sql(db, 'SELECT method, amount_minor AS amountMinor FROM payments WHERE document_pk = ? ORDER BY id').all(
    row.pk,
  ) as DocumentFigures['payments'];
  return figuresOfRow(row, payments);
}

/**
 * Every completed document's figures in two queries, for a pass over the whole journal (the
 * recomputation): one lookup per entry would be a query storm on a year of sales.
 */
export function allDocumentFigures(db: Db): DocumentFiguresOf {
  const payments = new Map<string, DocumentFigures['payments']>();
  const pays = sql(
    db,
    "SELECT d.id, p.method, p.amount_minor AS amountMinor FROM payments p JOIN documents d ON d.pk = p.document_pk WHERE d.status = 'completed' ORDER BY p.id",
  ).all() as { id: string; method: PaymentMethod; amountMinor: number }[];
  for (const p of pays) {
    const list = payments.get(p.id) ?? [];
    if (list.length === 0) payments.set(p.id, list);
    list.push({ method: p.method, amountMinor: p.amountMinor });
  }
  const figures = new Map<string, DocumentFigures>();
  for (const r of sql(db, `SELECT ${FIGURES} FROM documents d WHERE d.status = 'completed'`).all() as FiguresRow[])
    figures.set(r.id, figuresOfRow(r, payments.get(r.id) ?? []));
  return (id) => figures.get(id) ?? null;
}
