// The intent journal: one row per authorization the register asks the terminal for, written
// before the command leaves and moved forward at every step. Every transition is journalled in
// the same transaction as the row change. Rows carry masked card data only.
import type { CardIntentView } from '../../preload/contract/card-views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { canMove, type IntentState } from '../hardware/terminal/intent-machine';
import { ServiceError } from '../common/service-error';

/** A card payment takes money; a refund (06 31) or a reversal (06 30) gives it back. */
export type IntentKind = 'payment' | 'refund' | 'reversal';

export interface IntentRow {
  id: number;
  /** The document the money belongs to: the sale for a payment, the refund or void for the others. */
  sale_id: string;
  kind: IntentKind;
  /** Refunds and reversals: the sale's card payment given back. */
  original_payment_id: number | null;
  idempotency_key: string;
  amount_minor: number;
  operator_id: number;
  started_at: number;
  previous_receipt_no: number | null;
  state: IntentState;
  resolved_by: string | null;
  last_step: string | null;
  result_code: number | null;
  reason: string | null;
  receipt_no: number | null;
  trace: number | null;
  auth_code: string | null;
  masked_pan: string | null;
  brand: string | null;
  terminal_id: string | null;
  entry_mode: string | null;
  signature_required: number;
  signature_confirmed_by: number | null;
  receipt_lines: string | null;
  payment_id: number | null;
}

/** What the terminal told us about an approved (or declined) transaction; all of it printable on a receipt. */
export interface TerminalFacts {
  resultCode?: number | null;
  reason?: string | null;
  receiptNo?: number | null;
  trace?: number | null;
  authCode?: string | null;
  maskedPan?: string | null;
  brand?: string | null;
  terminalId?: string | null;
  entryMode?: string | null;
  signatureRequired?: boolean;
  receiptLines?: string[];
  /** Printed on the slip; kept on the payment, not on the intent row. */
  merchantNo?: string | null;
  referenceNo?: string | null;
}

export function getIntent(db: Db, id: number): IntentRow {
  const row = sql(db, 'SELECT * FROM card_intents WHERE id = ?').get(id) as IntentRow | undefined;
  if (!row) throw new ServiceError('terminal.intent_not_found', { intentId: id });
  return row;
}

/** The sale's authorization that is not settled yet, if any (at most one: a unique index says so). */
export function openIntentFor(db: Db, saleId: string): IntentRow | undefined {
  return sql(db, "SELECT * FROM card_intents WHERE sale_id = ? AND state IN ('created', 'sent', 'in_progress', 'unknown')").get(saleId) as
    IntentRow | undefined;
}

export function openIntents(db: Db): IntentRow[] {
  return sql(db, "SELECT * FROM card_intents WHERE state IN ('created', 'sent', 'in_progress', 'unknown') ORDER BY id").all() as IntentRow[];
}

/**
 * Held for a supervisor because the terminal approved another amount or currency than asked for
 * (reason `terminal.result.{amount,currency}_mismatch[_reversed|_not_reversed]`). It stays open
 * (`unknown`) so the sale takes no other payment until a person has checked the terminal, and
 * recovery leaves it alone: the terminal's last transaction is its reversal, not a payment.
 */
export function heldForMismatch(row: Pick<IntentRow, 'state' | 'reason'>): boolean {
  return row.state === 'unknown' && /^terminal\.result\.(amount|currency)_mismatch/.test(row.reason ?? '');
}

/** Records how the register's reversal of a mismatched approval went, on the row (its reason) and in the journal. */
export function noteReversal(
  db: Db,
  id: number,
  r: { reason: string; reversed: boolean; receiptNo: number | null; reversalReceiptNo: number | null; error: string | null },
  now: number,
): void {
  const row = getIntent(db, id);
  sql(db, 'UPDATE card_intents SET reason = ?, updated_at = ? WHERE id = ?').run(r.reason, now, id);
  appendJournal(
    db,
    r.reversed ? 'card.reversed' : 'card.reversal_failed',
    { intentId: id, saleId: row.sale_id, receiptNo: r.receiptNo, reversalReceiptNo: r.reversalReceiptNo, reason: r.reason, error: r.error },
    now,
  );
}

/** Needs a supervisor: outcome unknown, or approved by the terminal but not booked on a sale. */
export function unresolvedIntents(db: Db): IntentRow[] {
  return sql(db, "SELECT * FROM card_intents WHERE state = 'unknown' OR (state = 'approved' AND payment_id IS NULL) ORDER BY id").all() as IntentRow[];
}

/**
 * The terminal's receipt number of the last transaction we know of. Stored with a new intent so
 * recovery can tell "the terminal's last transaction is still the old one" = ours never booked.
 */
export function lastKnownReceiptNo(db: Db): number | null {
  const row = sql(db, 'SELECT receipt_no FROM card_intents WHERE receipt_no IS NOT NULL ORDER BY id DESC LIMIT 1').get() as { receipt_no: number } | undefined;
  return row?.receipt_no ?? null;
}

/** A terminal receipt number already booked for another intent: that transaction is not ours. */
export function receiptNoTaken(db: Db, receiptNo: number, exceptId: number): boolean {
  return sql(db, "SELECT 1 FROM card_intents WHERE receipt_no = ? AND id <> ? AND state = 'approved'").get(receiptNo, exceptId) !== undefined;
}

export function createIntent(
  db: Db,
  input: {
    saleId: string;
    idempotencyKey: string;
    amountMinor: number;
    operatorId: number;
    previousReceiptNo: number | null;
    kind?: IntentKind;
    originalPaymentId?: number | null;
  },
  now: number,
): IntentRow {
  const kind = input.kind ?? 'payment';
  const info = sql(
    db,
    "INSERT INTO card_intents (sale_id, idempotency_key, amount_minor, operator_id, started_at, previous_receipt_no, kind, original_payment_id, state, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'created', ?)",
  ).run(input.saleId, input.idempotencyKey, input.amountMinor, input.operatorId, now, input.previousReceiptNo, kind, input.originalPaymentId ?? null, now);
  const id = Number(info.lastInsertRowid);
  appendJournal(
    db,
    'card.intent_created',
    {
      intentId: id,
      saleId: input.saleId,
      amountMinor: input.amountMinor,
      operatorId: input.operatorId,
      previousReceiptNo: input.previousReceiptNo,
      ...(kind === 'payment' ? {} : { kind, originalPaymentId: input.originalPaymentId ?? null }),
    },
    now,
  );
  return getIntent(db, id);
}

/**
 * Moves an intent to `to` (refusing moves the state machine forbids), stores what the terminal
 * reported and journals the transition. Call inside the transaction that makes any related
 * change (a recorded payment), so they commit together.
 */
export function moveIntent(
  db: Db,
  id: number,
  to: IntentState,
  facts: TerminalFacts & { step?: string | null; resolvedBy?: 'terminal' | 'recovery' | 'supervisor'; resolverId?: number | null; paymentId?: number | null },
  now: number,
): IntentRow {
  const row = getIntent(db, id);
  if (row.state !== to && !canMove(row.state, to)) throw new ServiceError('terminal.intent_settled', { intentId: id, state: row.state });
  sql(
    db,
    `UPDATE card_intents SET state = ?, last_step = COALESCE(?, last_step), result_code = COALESCE(?, result_code), reason = COALESCE(?, reason),
       receipt_no = COALESCE(?, receipt_no), trace = COALESCE(?, trace), auth_code = COALESCE(?, auth_code), masked_pan = COALESCE(?, masked_pan),
       brand = COALESCE(?, brand), terminal_id = COALESCE(?, terminal_id), entry_mode = COALESCE(?, entry_mode),
       signature_required = MAX(signature_required, ?), receipt_lines = COALESCE(?, receipt_lines), payment_id = COALESCE(?, payment_id),
       resolved_by = COALESCE(?, resolved_by), resolver_id = COALESCE(?, resolver_id), updated_at = ? WHERE id = ?`,
  ).run(
    to,
    facts.step ?? null,
    facts.resultCode ?? null,
    facts.reason ?? null,
    facts.receiptNo ?? null,
    facts.trace ?? null,
    facts.authCode ?? null,
    facts.maskedPan ?? null,
    facts.brand ?? null,
    facts.terminalId ?? null,
    facts.entryMode ?? null,
    facts.signatureRequired ? 1 : 0,
    facts.receiptLines ? JSON.stringify(facts.receiptLines) : null,
    facts.paymentId ?? null,
    facts.resolvedBy ?? null,
    facts.resolverId ?? null,
    now,
    id,
  );
  // The journal gets identifiers and the masked PAN only, exactly what a receipt may show.
  appendJournal(
    db,
    `card.${to}`,
    {
      intentId: id,
      saleId: row.sale_id,
      from: row.state,
      amountMinor: row.amount_minor,
      step: facts.step ?? null,
      resultCode: facts.resultCode ?? null,
      reason: facts.reason ?? null,
      receiptNo: facts.receiptNo ?? null,
      trace: facts.trace ?? null,
      authCode: facts.authCode ?? null,
      maskedPan: facts.maskedPan ?? null,
      terminalId: facts.terminalId ?? null,
      resolvedBy: facts.resolvedBy ?? null,
      resolverId: facts.resolverId ?? null,
      paymentId: facts.paymentId ?? null,
    },
    now,
  );
  return getIntent(db, id);
}

export function intentView(row: IntentRow): CardIntentView {
  return {
    id: row.id,
    saleId: row.sale_id,
    amountMinor: row.amount_minor,
    startedAt: row.started_at,
    state: row.state,
    lastStep: row.last_step,
    reason: row.reason,
    resultCode: row.result_code,
    receiptNo: row.receipt_no,
    trace: row.trace,
    authCode: row.auth_code,
    maskedPan: row.masked_pan,
    brand: row.brand,
    terminalId: row.terminal_id,
    signatureRequired: row.signature_required === 1,
    signatureConfirmed: row.signature_confirmed_by !== null,
    paymentRecorded: row.payment_id !== null,
    approvalMismatch: heldForMismatch(row),
  };
}
