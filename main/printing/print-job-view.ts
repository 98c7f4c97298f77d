// A print job as the queue shows it: what it puts on paper in the owner's terms (receipt
// R1-000001, X report of the day, Z report #3, a paid-out slip), read from the job's row, its
// document and, for a cash movement's slip and kick, the movement. `reason` stays the internal key.
import type { PrintJobPaper, PrintJobView } from '../../preload/contract/printer';
import type { CashMovementKind } from '../../preload/contract/shift-views';
import { formatReceiptNo } from '../../preload/contract/receipt-no';

export interface JobRow {
  id: number;
  kind: 'receipt' | 'drawer' | 'report';
  document_id: string | null;
  copy_no: number;
  state: PrintJobView['state'];
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  reason: string | null;
  operator_id: number | null;
  created_at: number;
  finished_at: number | null;
  /** The document's number, positive (training numbers are kept negated). */
  receipt_no: number | null;
  /** The document's own number as kept: negative for a training receipt. */
  doc_receipt_no: number | null;
  doc_kind: 'sale' | 'refund' | 'void' | null;
  doc_register: string | null;
  movement_kind: CashMovementKind | null;
  movement_minor: number | null;
  content: string | null;
}

// Training numbers are kept negated (ledger/migrations/012-training.ts). A cash movement's jobs carry
// `cash:<movement id>` (paper-queue.ts); the movement is matched on its operator too, so a no-sale
// whose typed reason happens to read the same is not taken for one.
export const SELECT_JOBS = `SELECT j.*, ABS(d.receipt_no) AS receipt_no, d.receipt_no AS doc_receipt_no, d.kind AS doc_kind, d.register_id AS doc_register,
  m.kind AS movement_kind, m.amount_minor AS movement_minor
  FROM print_jobs j LEFT JOIN documents d ON d.id = j.document_id
  LEFT JOIN cash_movements m ON j.document_id IS NULL AND j.reason GLOB 'cash:[0-9]*' AND m.id = CAST(substr(j.reason, 6) AS INTEGER) AND m.operator_id IS j.operator_id`;

function paperOf(row: JobRow): PrintJobPaper {
  const document = row.doc_kind && row.doc_register ? { kind: row.doc_kind, receiptNo: formatReceiptNo(row.doc_register, row.doc_receipt_no) } : null;
  const movement = { movement: row.movement_kind, amountMinor: row.movement_minor };
  if (row.kind === 'receipt') return { what: 'receipt', document };
  if (row.kind === 'drawer') {
    if (row.document_id !== null) return { what: 'drawer', document };
    return row.movement_kind !== null ? { what: 'cashDrawer', ...movement } : { what: 'noSale' };
  }
  const reason = row.reason ?? '';
  const x = /^x:(shift|day)$/.exec(reason);
  if (x) return { what: 'x', scope: x[1] as 'shift' | 'day' };
  const z = /^z:(\d+)$/.exec(reason);
  if (z) return { what: 'z', zNo: Number(z[1]) };
  if (/^cash:\d+$/.test(reason)) return { what: 'cashSlip', ...movement };
  return { what: 'other' };
}

export function jobView(row: JobRow): PrintJobView {
  return {
    id: row.id,
    kind: row.kind,
    saleId: row.document_id,
    receiptNo: row.receipt_no,
    copyNo: row.copy_no,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    reason: row.reason,
    paper: paperOf(row),
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
