// Money back through a scan-to-pay provider: one row per refunded part, each with its own refund
// number (out_refund_no / out_request_no), written before the request leaves and reused on every
// retry, so the provider refunds each part exactly once however often it is asked.
import type { ScanDetailsView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { ServiceError } from '../common/service-error';
import type { RefundOutcome, ScanPayProvider, PaymentProvider } from '../providers/provider';
import { attemptByPayment, type AttemptRow } from './scan-attempts';

export type ScanRefundState = 'created' | 'sent' | 'pending' | 'done' | 'failed';

export interface ScanRefundRow {
  id: number;
  document_id: string;
  attempt_id: number;
  original_payment_id: number;
  out_refund_no: string;
  amount_minor: number;
  state: ScanRefundState;
  provider_code: string | null;
  refund_id: string | null;
  operator_id: number;
  created_at: number;
}

/** Writes the refund rows of a correction's scan parts (inside the transaction that opens the correction). */
export function createScanRefunds(
  db: Db,
  documentId: string,
  parts: readonly { paymentId: number; amountMinor: number }[],
  operatorId: number,
  now: number,
): void {
  for (const part of parts) {
    const attempt = attemptByPayment(db, part.paymentId);
    if (!attempt) throw new ServiceError('refund.provider_refused', { providerCode: 'NO_ATTEMPT' });
    const count = (sql(db, 'SELECT COUNT(*) AS n FROM scan_refunds WHERE attempt_id = ?').get(attempt.id) as { n: number }).n;
    const outRefundNo = `${attempt.out_trade_no}R${count + 1}`;
    const info = sql(
      db,
      `INSERT INTO scan_refunds (document_id, attempt_id, original_payment_id, out_refund_no, amount_minor, state, operator_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'created', ?, ?, ?)`,
    ).run(documentId, attempt.id, part.paymentId, outRefundNo, part.amountMinor, operatorId, now, now);
    appendJournal(
      db,
      'scanpay.refund_created',
      { refundId: Number(info.lastInsertRowid), documentId, attemptId: attempt.id, outRefundNo, amountMinor: part.amountMinor, operatorId },
      now,
    );
  }
}

export function scanRefundsOf(db: Db, documentId: string): ScanRefundRow[] {
  return sql(db, 'SELECT * FROM scan_refunds WHERE document_id = ? ORDER BY id').all(documentId) as ScanRefundRow[];
}

function attemptOf(db: Db, id: number): AttemptRow {
  return sql(db, 'SELECT * FROM scan_attempts WHERE id = ?').get(id) as AttemptRow;
}

function moveRefund(db: Db, row: ScanRefundRow, to: ScanRefundState, providerCode: string | null, refundId: string | null, now: number): void {
  db.transaction(() => {
    sql(
      db,
      'UPDATE scan_refunds SET state = ?, provider_code = COALESCE(?, provider_code), refund_id = COALESCE(?, refund_id), updated_at = ? WHERE id = ?',
    ).run(to, providerCode, refundId, now, row.id);
    appendJournal(
      db,
      'scanpay.refund_moved',
      {
        refundId: row.id,
        documentId: row.document_id,
        outRefundNo: row.out_refund_no,
        from: row.state,
        to,
        amountMinor: row.amount_minor,
        providerCode,
        providerRefundId: refundId,
      },
      now,
    );
  })();
}

/** What a refund part puts on the correction's payment (the receipt shows it). */
export function refundDetails(db: Db, row: ScanRefundRow): ScanDetailsView {
  const attempt = attemptOf(db, row.attempt_id);
  return { provider: attempt.provider, transactionId: row.refund_id, outTradeNo: row.out_refund_no, payer: attempt.payer };
}

/**
 * Sends one part (again) with its own refund number, until the provider confirms or refuses it
 * or `attempts` run out (then it stays open and is asked again later).
 */
export async function sendScanRefund(
  db: Db,
  row: ScanRefundRow,
  provider: (id: PaymentProvider) => ScanPayProvider | null,
  options: { clock: () => number; attempts: number; retryMs: number; reason: string },
): Promise<ScanRefundState> {
  if (row.state === 'done' || row.state === 'failed') return row.state;
  const attempt = attemptOf(db, row.attempt_id);
  const p = provider(attempt.provider);
  if (!p) return row.state;
  let current: ScanRefundRow = row;
  if (current.state === 'created') {
    moveRefund(db, current, 'sent', null, null, options.clock());
    current = { ...current, state: 'sent' };
  }
  for (let i = 0; i < options.attempts; i++) {
    const r: RefundOutcome = await p.refund({
      outTradeNo: attempt.out_trade_no,
      outRefundNo: current.out_refund_no,
      totalMinor: attempt.amount_minor,
      refundMinor: current.amount_minor,
      reason: options.reason,
    });
    if (!db.open) return current.state;
    if (r.kind === 'done') {
      moveRefund(db, current, 'done', null, r.refundId, options.clock());
      return 'done';
    }
    if (r.kind === 'failed') {
      moveRefund(db, current, 'failed', r.providerCode, null, options.clock());
      return 'failed';
    }
    if (r.kind === 'pending' && current.state !== 'pending') {
      moveRefund(db, current, 'pending', r.providerCode, null, options.clock());
      current = { ...current, state: 'pending' };
    }
    await new Promise((res) => setTimeout(res, options.retryMs));
  }
  return current.state;
}
