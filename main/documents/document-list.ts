// Completed documents for the back office, each with its corrections or the sale it corrects.
import type { DocumentKind, DocumentSummaryView, PaymentMethod } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';

export interface DocumentFilter {
  registerId?: string | undefined;
  businessDay?: string | undefined;
  kind?: DocumentKind | undefined;
  operatorId?: number | undefined;
  receiptNo?: number | undefined;
  limit?: number | undefined;
  /** The training documents instead (a trainee looks up the practice sales to practise a return on). */
  training?: boolean | undefined;
}

interface Row {
  id: string;
  kind: DocumentKind;
  register_id: string;
  receipt_no: number;
  business_day: string;
  completed_at: number;
  operator_name: string | null;
  total_minor: number;
  reason: string | null;
  original_document_id: string | null;
  original_receipt_no: number | null;
  exchange_id: string | null;
  exchange_kind: DocumentKind | null;
  exchange_receipt_no: number | null;
  tenders: string | null;
}

export function listDocuments(db: Db, f: DocumentFilter): DocumentSummaryView[] {
  // Training documents are in no list that money is looked up in (returns, the back office's documents), unless asked for alone.
  const where = ["d.status = 'completed'", f.training === true ? 'd.training = 1' : 'd.training = 0'];
  const args: (string | number)[] = [];
  const add = (clause: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    args.push(value);
  };
  add('d.register_id = ?', f.registerId);
  add('d.business_day = ?', f.businessDay);
  add('d.kind = ?', f.kind);
  add('d.operator_id = ?', f.operatorId);
  add('d.receipt_no = ?', f.receiptNo);
  const rows = db
    .prepare(
      `SELECT d.id, d.kind, d.register_id, d.receipt_no, d.business_day, d.completed_at, o.name AS operator_name, d.total_minor, d.reason,
              d.original_document_id, orig.receipt_no AS original_receipt_no,
              COALESCE(xs.id, xr.id) AS exchange_id, COALESCE(xs.kind, xr.kind) AS exchange_kind,
              COALESCE(xs.receipt_no, xr.receipt_no) AS exchange_receipt_no,
              (SELECT GROUP_CONCAT(DISTINCT p.method) FROM payments p WHERE p.document_pk = d.pk) AS tenders
         FROM documents d LEFT JOIN operators o ON o.id = d.operator_id LEFT JOIN documents orig ON orig.id = d.original_document_id
              -- The other half of an exchange: the new sale of a return, the return of a new sale.
              LEFT JOIN exchanges ex1 ON ex1.refund_document_id = d.id LEFT JOIN documents xs ON xs.id = ex1.sale_document_id
              LEFT JOIN exchanges ex2 ON ex2.sale_document_id = d.id LEFT JOIN documents xr ON xr.id = ex2.refund_document_id
        WHERE ${where.join(' AND ')} ORDER BY d.completed_at DESC, ABS(d.receipt_no) DESC LIMIT ?`,
    )
    .all(...args, f.limit ?? 100) as Row[];
  const corrections = sql(
    db,
    "SELECT id, kind, receipt_no AS receiptNo, total_minor AS totalMinor FROM documents WHERE original_document_id = ? AND status = 'completed' ORDER BY completed_at",
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    registerId: r.register_id,
    receiptNo: r.receipt_no,
    businessDay: r.business_day,
    completedAt: r.completed_at,
    operatorName: r.operator_name ?? '',
    totalMinor: r.total_minor,
    tenders: (r.tenders ?? '').split(',').filter((t): t is PaymentMethod => t === 'cash' || t === 'card' || t === 'scan'),
    reason: r.reason,
    original: r.original_document_id ? { id: r.original_document_id, receiptNo: r.original_receipt_no } : null,
    exchange: r.exchange_id && r.exchange_kind ? { id: r.exchange_id, kind: r.exchange_kind, receiptNo: r.exchange_receipt_no } : null,
    corrections: r.kind === 'sale' ? (corrections.all(r.id) as DocumentSummaryView['corrections']) : [],
  }));
}
