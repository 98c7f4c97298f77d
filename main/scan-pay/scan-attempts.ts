// Scan attempt rows: one per scanned code, written (and committed at FULL) before the payment
// request leaves, moved forward at every step with a journal entry in the same transaction.
import type { ScanAttemptView } from '../../preload/contract/scan-pay-views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { ServiceError } from '../common/service-error';
import type { PaymentProvider } from '../providers/provider';
import { canMoveAttempt, type AttemptState } from './attempt-machine';

export interface AttemptRow {
  id: number;
  sale_id: string;
  provider: PaymentProvider;
  out_trade_no: string;
  idempotency_key: string;
  amount_minor: number;
  masked_code: string;
  operator_id: number;
  started_at: number;
  sent_at: number | null;
  state: AttemptState;
  reason: string | null;
  provider_code: string | null;
  transaction_id: string | null;
  payer: string | null;
  paid_minor: number | null;
  payment_id: number | null;
  resolved_by: 'provider' | 'recovery' | 'cashier' | null;
  updated_at: number;
}

const OPEN = "('created', 'sent', 'waiting', 'unknown', 'reversing')";

export function getAttempt(db: Db, id: number): AttemptRow {
  const row = sql(db, 'SELECT * FROM scan_attempts WHERE id = ?').get(id) as AttemptRow | undefined;
  if (!row) throw new Error(`scan attempt ${id} not found`);
  return row;
}

/** The sale's attempt not settled with the provider yet (at most one: a unique index says so). */
export function openAttemptFor(db: Db, saleId: string): AttemptRow | undefined {
  return sql(db, `SELECT * FROM scan_attempts WHERE sale_id = ? AND state IN ${OPEN}`).get(saleId) as AttemptRow | undefined;
}

export function openAttempts(db: Db): AttemptRow[] {
  return sql(db, `SELECT * FROM scan_attempts WHERE state IN ${OPEN} ORDER BY id`).all() as AttemptRow[];
}

export function attemptsOf(db: Db, saleId: string): AttemptRow[] {
  return sql(db, 'SELECT * FROM scan_attempts WHERE sale_id = ? ORDER BY id DESC').all(saleId) as AttemptRow[];
}

export function attemptByPayment(db: Db, paymentId: number): AttemptRow | undefined {
  return sql(db, 'SELECT * FROM scan_attempts WHERE payment_id = ?').get(paymentId) as AttemptRow | undefined;
}

export function createAttempt(
  db: Db,
  input: { saleId: string; provider: PaymentProvider; outTradeNo: string; idempotencyKey: string; amountMinor: number; maskedCode: string; operatorId: number },
  now: number,
): AttemptRow {
  const info = sql(
    db,
    `INSERT INTO scan_attempts (sale_id, provider, out_trade_no, idempotency_key, amount_minor, masked_code, operator_id, started_at, state, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'created', ?)`,
  ).run(input.saleId, input.provider, input.outTradeNo, input.idempotencyKey, input.amountMinor, input.maskedCode, input.operatorId, now, now);
  const id = Number(info.lastInsertRowid);
  appendJournal(
    db,
    'scanpay.attempt_created',
    {
      attemptId: id,
      saleId: input.saleId,
      provider: input.provider,
      outTradeNo: input.outTradeNo,
      amountMinor: input.amountMinor,
      maskedCode: input.maskedCode,
      operatorId: input.operatorId,
    },
    now,
  );
  return getAttempt(db, id);
}

export interface AttemptFacts {
  reason?: string | null;
  providerCode?: string | null;
  transactionId?: string | null;
  payer?: string | null;
  paidMinor?: number | null;
  paymentId?: number | null;
  resolvedBy?: 'provider' | 'recovery' | 'cashier';
  sentAt?: number;
}

/** Moves an attempt (refusing what the machine forbids) and journals it; call inside the transaction of any related change. */
export function moveAttempt(db: Db, id: number, to: Exclude<AttemptState, 'created'>, facts: AttemptFacts, now: number): AttemptRow {
  const row = getAttempt(db, id);
  // Another USERPAYING while waiting, or a settled attempt settled again: nothing new to record.
  if (row.state === to) return row;
  if (!canMoveAttempt(row.state, to)) throw new ServiceError('scanpay.attempt_unresolved', { attemptId: id, state: row.state });
  sql(
    db,
    `UPDATE scan_attempts SET state = ?, reason = COALESCE(?, reason), provider_code = COALESCE(?, provider_code), transaction_id = COALESCE(?, transaction_id),
       payer = COALESCE(?, payer), paid_minor = COALESCE(?, paid_minor), payment_id = COALESCE(?, payment_id), resolved_by = COALESCE(?, resolved_by),
       sent_at = COALESCE(?, sent_at), updated_at = ? WHERE id = ?`,
  ).run(
    to,
    facts.reason ?? null,
    facts.providerCode ?? null,
    facts.transactionId ?? null,
    facts.payer ?? null,
    facts.paidMinor ?? null,
    facts.paymentId ?? null,
    facts.resolvedBy ?? null,
    facts.sentAt ?? null,
    now,
    id,
  );
  appendJournal(
    db,
    `scanpay.${to}`,
    {
      attemptId: id,
      saleId: row.sale_id,
      provider: row.provider,
      outTradeNo: row.out_trade_no,
      from: row.state,
      amountMinor: row.amount_minor,
      reason: facts.reason ?? null,
      providerCode: facts.providerCode ?? null,
      transactionId: facts.transactionId ?? null,
      payer: facts.payer ?? null,
      paymentId: facts.paymentId ?? null,
      resolvedBy: facts.resolvedBy ?? null,
    },
    now,
  );
  return getAttempt(db, id);
}

export function attemptView(r: AttemptRow): ScanAttemptView {
  return {
    id: r.id,
    saleId: r.sale_id,
    provider: r.provider,
    outTradeNo: r.out_trade_no,
    amountMinor: r.amount_minor,
    maskedCode: r.masked_code,
    startedAt: r.started_at,
    state: r.state,
    reason: r.reason,
    providerCode: r.provider_code,
    transactionId: r.transaction_id,
    payer: r.payer,
    paymentRecorded: r.payment_id !== null,
  };
}
