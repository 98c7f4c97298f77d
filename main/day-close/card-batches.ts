// The card side of a Z: the terminal's end-of-day batches no Z has reconciled yet, and the card
// payments the register booked over the same time, as the reconciliation compares them.
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import type { ReconBatch, ReconPayment } from './card-reconciliation';
import { lastZ } from './z-store';

/** A terminal_batches row. */
interface BatchRow {
  id: number;
  closed_at: number;
  terminal_id: string | null;
  total_minor: number;
  totals: string;
  receipt_from: number | null;
  receipt_to: number | null;
}

/** Terminal batches not reconciled by any Z yet, and the card payments booked since the last one that was. */
export function pendingCardBatches(
  db: Db,
  registerId: string,
): { batches: ReconBatch[]; lastBatchId: number | null; payments: (since: number, upto: number) => ReconPayment[]; since: number } {
  const prevBatch = lastZ(db, registerId)?.last_batch_id ?? 0;
  const rows = sql(db, 'SELECT * FROM terminal_batches WHERE id > ? ORDER BY id').all(prevBatch) as BatchRow[];
  const since = (sql(db, 'SELECT closed_at FROM terminal_batches WHERE id = ?').get(prevBatch) as { closed_at: number } | undefined)?.closed_at ?? 0;
  const batches = rows.map(reconBatch);
  return {
    batches,
    lastBatchId: batches.length ? (batches[batches.length - 1]?.id ?? null) : null,
    since,
    payments: (from, upto) => cardPaymentsBetween(db, registerId, from, upto),
  };
}

/** A stored terminal batch as the reconciliation reads it. */
export function reconBatch(r: BatchRow): ReconBatch {
  return {
    id: r.id,
    closedAt: r.closed_at,
    terminalId: r.terminal_id,
    totalMinor: r.total_minor,
    brands: JSON.parse(r.totals) as ReconBatch['brands'],
    receiptFrom: r.receipt_from,
    receiptTo: r.receipt_to,
  };
}

type CardRow = {
  id: number;
  kind: ReconPayment['documentKind'];
  receipt_no: number;
  amount_minor: number;
  card: string | null;
  original_payment_id: number | null;
  intent_kind: 'payment' | 'refund' | 'reversal' | null;
};

/**
 * The register's card payments and refunds booked after `since` up to `upto` (inclusive), as the
 * reconciliation reads them. Practice ones are left out: the training simulator took them, the
 * terminal never saw them, and the Z's card tender leaves them out too.
 */
export function cardPaymentsBetween(db: Db, registerId: string, since: number, upto: number): ReconPayment[] {
  const rows = sql(
    db,
    `SELECT p.id, d.kind, d.receipt_no, p.amount_minor, p.card, p.original_payment_id,
            (SELECT i.kind FROM card_intents i WHERE i.payment_id = p.id) AS intent_kind
       FROM payments p JOIN documents d ON d.pk = p.document_pk
      WHERE p.method = 'card' AND p.created_at > ? AND p.created_at <= ? AND d.register_id = ? AND d.status = 'completed' AND d.training = 0 ORDER BY p.id`,
  ).all(since, upto, registerId) as CardRow[];
  return rows.map(reconPayment);
}

function reconPayment(r: CardRow): ReconPayment {
  const card = r.card ? (JSON.parse(r.card) as { brand?: string | null; terminalReceiptNo?: string | null }) : {};
  const no = card.terminalReceiptNo ? Number(card.terminalReceiptNo) : null;
  return {
    paymentId: r.id,
    documentKind: r.kind,
    documentReceiptNo: r.receipt_no,
    brand: card.brand ?? null,
    amountMinor: r.amount_minor,
    terminalReceiptNo: no !== null && Number.isFinite(no) ? no : null,
    originalPaymentId: r.original_payment_id,
    byReversal: r.intent_kind === 'reversal',
  };
}
