// The sale side of card payments: intent first, then the terminal, then the payment — and after
// a crash or a lost line, recovery from the terminal's own account of its last transaction.
// Rule one: an authorization is never sent twice for the same sale while an earlier one may
// still have charged the card (the unique index on open intents enforces it in SQLite too), and
// nothing here ever resends one automatically.
import type { CardIntentView } from '../../preload/contract/card-views';
import type { CardDetailsView, CompletionView, StoreSettings } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import type { Logger } from '../log';
import type { TerminalClient, TerminalTransaction } from '../hardware/terminal/client';
import type { TerminalResult } from '../hardware/terminal/result';
import { canMove, stateForFailure, type IntentState } from '../hardware/terminal/intent-machine';
import { matchRecoveredTransaction, type RecoveryVerdict } from '../hardware/terminal/recovery';
import { RESULT } from '../hardware/terminal/codes';
import { approvalMismatch, type ApprovalMismatch } from '../hardware/terminal/approval-check';
import type { EventBus } from '../common/event-bus';
import type { Actor } from '../sale/sale';
import { recordCardPayment } from '../sale/tender';
import { takePayment } from '../documents/document-payments';
import { findDocument, documentView } from '../documents/document-view';
import { ServiceError } from '../common/service-error';
import { getSettings } from '../settings/settings';
import { requireOpenShift } from '../shift/shift-rows';
import {
  createIntent,
  getIntent,
  heldForMismatch,
  intentView,
  lastKnownReceiptNo,
  moveIntent,
  noteReversal,
  openIntentFor,
  openIntents,
  receiptNoTaken,
  unresolvedIntents,
  type IntentKind,
  type IntentRow,
  type TerminalFacts,
} from './card-intents';

/** Where a payment is; tests use it to crash the register at exact moments. */
export type PaymentMoment = IntentState | `step:${string}` | 'completed';

export interface CardPaymentDeps {
  db: Db;
  events: EventBus;
  log: Logger;
  clock: () => number;
  /** The terminal ready for a command, or null. */
  terminal: () => TerminalClient | null;
  configured: () => boolean;
  /** Called after each committed transition (and each terminal step). */
  onMoment?: (moment: PaymentMoment, intentId: number) => void;
  /** Status enquiry retries while the terminal is still busy after a crash. */
  recoveryAttempts?: number;
  recoveryDelayMs?: number;
}

interface PayContext {
  now: number;
  actor: Actor;
}

function cardDetails(tx: TerminalTransaction | TerminalFacts, kind: IntentKind): CardDetailsView & { receiptLines: string[] } {
  const f = toFacts(tx);
  return {
    transaction: kind === 'payment' ? 'sale' : kind,
    maskedPan: f.maskedPan ?? null,
    brand: f.brand ?? null,
    authCode: f.authCode ?? null,
    trace: f.trace == null ? null : String(f.trace),
    terminalReceiptNo: f.receiptNo == null ? null : String(f.receiptNo),
    terminalId: f.terminalId ?? null,
    entryMode: f.entryMode ?? null,
    merchantNo: f.merchantNo ?? null,
    referenceNo: f.referenceNo ?? null,
    signatureRequired: f.signatureRequired ?? false,
    receiptLines: f.receiptLines ?? [],
  };
}

function toFacts(tx: TerminalTransaction | TerminalFacts): TerminalFacts {
  if (!('receipt' in tx)) return tx;
  return {
    resultCode: tx.resultCode,
    reason: tx.result,
    receiptNo: tx.receiptNo,
    trace: tx.trace,
    authCode: tx.authCode,
    maskedPan: tx.maskedPan,
    brand: tx.brand ?? tx.cardName,
    terminalId: tx.terminalId,
    entryMode: tx.entryMode,
    signatureRequired: tx.signatureRequired,
    // ZVT has no retrieval reference number; the turnover record number (BMP 88) is the
    // terminal's own reference for the booking, and the VU number (BMP 2A) is the merchant's.
    merchantNo: tx.vuNumber || null,
    referenceNo: tx.turnoverNo == null ? null : String(tx.turnoverNo),
    receiptLines: [...tx.receipt.lines, ...tx.receipt.blocks.flatMap((b) => b.lines)].map((l) => l.text),
  };
}

function factsOfRow(row: IntentRow): TerminalFacts {
  return {
    receiptNo: row.receipt_no,
    trace: row.trace,
    authCode: row.auth_code,
    maskedPan: row.masked_pan,
    brand: row.brand,
    terminalId: row.terminal_id,
    entryMode: row.entry_mode,
    signatureRequired: row.signature_required === 1,
    receiptLines: row.receipt_lines ? (JSON.parse(row.receipt_lines) as string[]) : [],
  };
}

export class CardPayments {
  private active: { saleId: string; intentId: number; client: TerminalClient } | null = null;
  private recovering: Promise<void> | null = null;

  constructor(private readonly deps: CardPaymentDeps) {}

  private moment(m: PaymentMoment, intentId: number): void {
    try {
      this.deps.onMoment?.(m, intentId);
    } catch {
      // observers never break a payment
    }
  }

  private tx<T>(fn: () => T): T {
    return this.deps.db.transaction(fn)();
  }

  /** Pays what is still owed on the sale by card. */
  async pay(ctx: PayContext, input: { saleId: string; idempotencyKey: string }): Promise<CompletionView> {
    const { db } = this.deps;
    // Recovery talks to the terminal first: a payment must not start while it might still find ours.
    if (this.recovering) await this.recovering;
    if (!this.deps.configured()) throw new ServiceError('terminal.not_configured');
    const client = this.deps.terminal();
    if (!client) throw new ServiceError('terminal.not_connected');
    if (this.active) throw new ServiceError('terminal.busy');

    const intent = this.tx(() => {
      const doc = findDocument(db, input.saleId);
      if (doc.status !== 'open') throw new ServiceError(doc.status === 'completed' ? 'sale.already_paid' : 'sale.not_open', { saleId: input.saleId });
      if (doc.held_at !== null) throw new ServiceError('sale.held', { saleId: input.saleId });
      const view = documentView(db, input.saleId);
      if (view.lines.length === 0) throw new ServiceError('sale.empty');
      if (view.remainingMinor <= 0) throw new ServiceError('sale.already_paid');
      // Checked before the terminal hears of it: an approval that could not be booked would need a supervisor.
      requireOpenShift(db, doc.register_id);
      const open = openIntentFor(db, input.saleId);
      if (open) throw new ServiceError('terminal.intent_unresolved', { intentId: open.id });
      return createIntent(
        db,
        {
          saleId: input.saleId,
          idempotencyKey: input.idempotencyKey,
          amountMinor: view.remainingMinor,
          operatorId: ctx.actor.id,
          previousReceiptNo: lastKnownReceiptNo(db),
        },
        this.deps.clock(),
      );
    });
    return this.run(intent, client, (onStep) => client.authorize(intent.amount_minor, { onStep }), ctx.actor);
  }

  /**
   * Sends one intent's command (committed as `sent` first) and settles what the terminal answers:
   * an approval is checked against what was asked and booked, a refusal recorded, an unknown
   * outcome recovered at once. Steps go to the windows as they come.
   */
  private async run(
    intent: IntentRow,
    client: TerminalClient,
    command: (onStep: (step: { key: string }) => void) => Promise<TerminalResult<TerminalTransaction>>,
    actor: Actor | null,
  ): Promise<CompletionView> {
    const { db } = this.deps;
    this.active = { saleId: intent.sale_id, intentId: intent.id, client };
    try {
      this.moment('created', intent.id);
      this.tx(() => moveIntent(db, intent.id, 'sent', {}, this.deps.clock()));
      this.moment('sent', intent.id);
      let progressed = false;
      const r = await command((step) => {
        this.deps.events.emit('payment.step', { saleId: intent.sale_id, key: step.key });
        if (!progressed) {
          progressed = true;
          this.tx(() => moveIntent(db, intent.id, 'in_progress', { step: step.key }, this.deps.clock()));
          this.moment('in_progress', intent.id);
        }
        this.moment(`step:${step.key.replace(/^terminal\.step\./, '')}`, intent.id);
      });
      if (r.ok) {
        const mismatch = approvalMismatch({ amountMinor: intent.amount_minor, currency: client.currencyCode }, r.value);
        if (mismatch) throw await this.holdMismatch(intent.id, client, mismatch, toFacts(r.value));
        return this.settleApproved(intent.id, toFacts(r.value), 'terminal', null, actor);
      }
      return await this.settleFailure(intent.id, r.error);
    } finally {
      if (this.active?.intentId === intent.id) this.active = null;
    }
  }

  /**
   * Gives money back to a card for a refund or a void. The intent (kind refund or reversal) was
   * committed with the correction's document, before this is called; the same rules as a payment
   * hold: `sent` is committed before the command leaves, nothing is ever resent, an unknown
   * outcome is recovered from the terminal or left to a supervisor. When the terminal approves,
   * the card payment is booked on the correction and `card.approved` lets the refund domain
   * complete it in the same transaction; a decline lets it cancel the correction.
   */
  async giveBack(intentId: number, reversalOfReceiptNo: number | null): Promise<CompletionView> {
    const { db } = this.deps;
    if (this.recovering) await this.recovering;
    const intent = getIntent(db, intentId);
    const fail = (to: IntentState, reason: string) => {
      this.tx(() => moveIntent(db, intentId, to, { reason, resolvedBy: 'terminal' }, this.deps.clock()));
      this.moment(to, intentId);
    };
    if (!this.deps.configured()) {
      fail('failed', 'terminal.result.not_sent');
      throw new ServiceError('terminal.not_configured');
    }
    const client = this.deps.terminal();
    if (!client || this.active) {
      fail('failed', 'terminal.result.not_sent');
      throw new ServiceError(client ? 'terminal.busy' : 'terminal.not_connected');
    }
    const reversal = intent.kind === 'reversal' && reversalOfReceiptNo !== null;
    return this.run(
      intent,
      client,
      (onStep) => (reversal ? client.reverse(reversalOfReceiptNo, { onStep }) : client.refund(intent.amount_minor, { onStep })),
      null,
    );
  }

  /** A refused, aborted or lost command: record it, and recover at once when the outcome is unknown. */
  private async settleFailure(intentId: number, error: { code: string; params: Record<string, unknown> }): Promise<CompletionView> {
    const { db } = this.deps;
    const current = getIntent(db, intentId).state;
    let to = stateForFailure(error);
    if (!canMove(current, to)) to = 'unknown';
    const reason = typeof error.params.reason === 'string' ? error.params.reason : null;
    const resultCode = typeof error.params.resultCode === 'number' ? error.params.resultCode : null;
    this.tx(() => moveIntent(db, intentId, to, { reason, resultCode, resolvedBy: to === 'unknown' ? undefined : 'terminal' }, this.deps.clock()));
    this.moment(to, intentId);
    if (to === 'declined') throw new ServiceError('terminal.declined', { reason: reason ?? 'terminal.result.declined' });
    if (to === 'aborted')
      throw new ServiceError('terminal.aborted', { reason: reason ?? 'terminal.result.aborted', byCashier: error.params.byCashier === true });
    if (to === 'failed') throw new ServiceError(error.code === 'terminal.busy' ? 'terminal.busy' : 'terminal.failed', { reason: error.code });
    // Outcome unknown: ask the terminal right away if the line is still up; never resend.
    this.active = null;
    const ready = this.deps.terminal();
    if (ready) await this.recover(ready);
    const after = getIntent(db, intentId);
    if (after.state === 'approved' && after.payment_id !== null) return this.completionOf(after.sale_id);
    if (after.state === 'declined') throw new ServiceError('terminal.declined', { reason: after.reason ?? 'terminal.result.declined' });
    if (heldForMismatch(after)) throw new ServiceError('terminal.approval_mismatch', { intentId, reason: after.reason ?? '' });
    throw new ServiceError('terminal.outcome_unknown', { intentId });
  }

  private completionOf(saleId: string): CompletionView {
    const sale = documentView(this.deps.db, saleId);
    return { sale, receiptNo: sale.receiptNo, changeMinor: 0 };
  }

  /** The cashier presses Cancel: ask the terminal to stop. The terminal decides; the payment call reports how it ended. */
  async abort(saleId: string): Promise<{ sent: boolean }> {
    const a = this.active;
    if (!a || a.saleId !== saleId) return { sent: false };
    const r = await a.client.abort();
    return { sent: r.ok && r.value.sent };
  }

  /**
   * Books an approval: the payment (completing the sale when it covers the rest) and the intent
   * commit together. When the sale is no longer open or owes less, the approval is kept on the
   * intent for a supervisor (who reverses it on the terminal) instead of being forced onto a sale.
   */
  private settleApproved(
    intentId: number,
    facts: TerminalFacts,
    resolvedBy: 'terminal' | 'recovery' | 'supervisor',
    resolverId: number | null,
    actor: Actor | null,
  ): CompletionView {
    const { db } = this.deps;
    const now = this.deps.clock();
    const done = this.tx(() => {
      const row = getIntent(db, intentId);
      const doc = findDocument(db, row.sale_id);
      let completion: CompletionView | null = null;
      let paymentId: number | null = null;
      if (row.kind !== 'payment') {
        // Money back to the card: booked on the correction; `card.approved` below lets the refund
        // domain complete it, in this same transaction.
        if (doc.status === 'open') {
          const view = takePayment(
            db,
            documentView(db, row.sale_id),
            {
              method: 'card',
              amountMinor: row.amount_minor,
              tenderedMinor: row.amount_minor,
              changeMinor: 0,
              card: cardDetails({ ...factsOfRow(row), ...stripNull(facts) }, row.kind),
              scan: null,
              originalPaymentId: row.original_payment_id,
            },
            now,
            0,
          );
          paymentId = view.payments[view.payments.length - 1]?.id ?? null;
        }
        moveIntent(db, intentId, 'approved', { ...facts, paymentId, resolvedBy, resolverId }, now);
        const after = documentView(db, row.sale_id);
        return after.status === 'completed' ? { sale: after, receiptNo: after.receiptNo, changeMinor: 0 } : null;
      }
      if (doc.status === 'open' && documentView(db, row.sale_id).remainingMinor >= row.amount_minor) {
        const settings: StoreSettings = getSettings(db);
        const who: Actor = actor ?? { id: row.operator_id, role: 'cashier' };
        completion = recordCardPayment(
          { db, now, settings, actor: who },
          { saleId: row.sale_id, amountMinor: row.amount_minor, card: cardDetails({ ...factsOfRow(row), ...stripNull(facts) }, row.kind) },
        );
        paymentId = (sql(db, "SELECT id FROM payments WHERE document_id = ? AND method = 'card' ORDER BY id DESC LIMIT 1").get(row.sale_id) as { id: number })
          .id;
      }
      moveIntent(db, intentId, 'approved', { ...facts, paymentId, resolvedBy, resolverId }, now);
      return completion;
    });
    this.moment('approved', intentId);
    const row = getIntent(db, intentId);
    this.deps.events.emit('sale.changed', documentView(db, row.sale_id));
    if (!done) throw new ServiceError('terminal.approved_not_booked', { intentId });
    this.moment('completed', intentId);
    return done;
  }

  /**
   * The terminal approved something else than the register asked for. Nothing is booked: the
   * intent is held (open, so the sale takes no other payment) for a supervisor, committed BEFORE
   * the register asks the terminal to reverse it (06 30, by the terminal's receipt number), so a
   * crash in between still leaves it in front of a person. Returns the error for the cashier.
   */
  private async holdMismatch(intentId: number, client: TerminalClient, mismatch: ApprovalMismatch, facts: TerminalFacts): Promise<ServiceError> {
    const { db } = this.deps;
    const held = `terminal.result.${mismatch.field}_mismatch`;
    const row = this.tx(() => {
      const moved = moveIntent(db, intentId, 'unknown', { ...facts, reason: held }, this.deps.clock());
      appendJournal(
        db,
        'card.approval_mismatch',
        {
          intentId,
          saleId: moved.sale_id,
          field: mismatch.field,
          requestedMinor: mismatch.requestedMinor,
          requestedCurrency: mismatch.requestedCurrency,
          approvedMinor: mismatch.approvedMinor,
          approvedCurrency: mismatch.approvedCurrency,
          receiptNo: facts.receiptNo ?? null,
          trace: facts.trace ?? null,
          terminalId: facts.terminalId ?? null,
        },
        this.deps.clock(),
      );
      return moved;
    });
    this.moment('unknown', intentId);
    this.deps.log.error(`card intent ${intentId}: terminal approved ${mismatch.field} other than asked; held for a supervisor`);
    let reversed = false;
    let reversalReceiptNo: number | null = null;
    let error: string | null = 'no_receipt_no';
    // Money given back to a card is not taken again by the register on its own: a person decides.
    if (row.kind !== 'payment') error = 'not_reversed_refund';
    else if (row.receipt_no !== null) {
      const rev = await client.reverse(row.receipt_no);
      reversed = rev.ok;
      reversalReceiptNo = rev.ok ? rev.value.receiptNo : null;
      error = rev.ok ? null : typeof rev.error.params.reason === 'string' ? `${rev.error.code}:${rev.error.params.reason}` : rev.error.code;
    }
    const reason = `${held}_${reversed ? 'reversed' : 'not_reversed'}`;
    this.tx(() => noteReversal(db, intentId, { reason, reversed, receiptNo: row.receipt_no, reversalReceiptNo, error }, this.deps.clock()));
    return new ServiceError('terminal.approval_mismatch', { intentId, reason });
  }

  /** After (re)connecting: settle what a crash or a lost line left open. Single flight. */
  recover(client: TerminalClient): Promise<void> {
    if (this.recovering) return this.recovering;
    this.recovering = this.recoverOpen(client)
      .catch((e: unknown) => this.deps.log.error('card payment recovery failed', e))
      .finally(() => {
        this.recovering = null;
      });
    return this.recovering;
  }

  private async recoverOpen(client: TerminalClient): Promise<void> {
    const { db } = this.deps;
    const open = openIntents(db).filter((r) => r.id !== this.active?.intentId);
    if (open.length === 0) return;
    const newest = open[open.length - 1] as IntentRow;
    // Only the newest can be the terminal's "last transaction"; older ones need a person.
    for (const row of open.slice(0, -1)) this.settleUnmatchable(row);
    // A held mismatch waits for a person, and after it the terminal's last transaction is its reversal.
    if (heldForMismatch(newest)) return;
    if (newest.state === 'created') {
      // Written but never sent: `sent` is committed before the command leaves.
      this.tx(() => moveIntent(db, newest.id, 'failed', { reason: 'terminal.result.not_sent', resolvedBy: 'recovery' }, this.deps.clock()));
      return;
    }
    const last = await client.recoverLastTransaction({ attempts: this.deps.recoveryAttempts ?? 40, delayMs: this.deps.recoveryDelayMs ?? 250 });
    let verdict: RecoveryVerdict = 'unknown';
    let facts: TerminalFacts = {};
    if (last.ok) {
      const tx = last.value;
      verdict = matchRecoveredTransaction(
        {
          amountMinor: newest.amount_minor,
          startedAt: new Date(newest.started_at),
          receiptNo: newest.receipt_no,
          trace: newest.trace,
          previousReceiptNo: newest.previous_receipt_no,
        },
        tx,
      );
      // The terminal's last transaction is one we booked for an earlier intent: ours never got that far.
      if (verdict !== 'declined' && tx?.receiptNo != null && receiptNoTaken(db, tx.receiptNo, newest.id)) verdict = 'declined';
      if (tx && verdict !== 'unknown') facts = toFacts(tx);
      if (verdict === 'declined' && (tx?.receiptNo ?? null) === newest.previous_receipt_no) facts = { reason: 'terminal.result.not_booked' };
    } else if (last.error.params.resultCode === RESULT.functionNotPossible && newest.previous_receipt_no === null && newest.receipt_no === null) {
      // The terminal has no transaction at all to repeat: ours was never booked.
      verdict = 'declined';
      facts = { reason: 'terminal.result.not_booked' };
    }
    this.deps.log.info(`card intent ${newest.id}: recovery says ${verdict}`);
    const mismatch =
      verdict === 'approved' && last.ok && last.value
        ? approvalMismatch({ amountMinor: newest.amount_minor, currency: client.currencyCode }, last.value)
        : null;
    if (mismatch) {
      await this.holdMismatch(newest.id, client, mismatch, facts);
      return;
    }
    if (verdict === 'approved') {
      try {
        this.settleApproved(newest.id, facts, 'recovery', null, null);
      } catch (e) {
        if (!(e instanceof ServiceError && e.code === 'terminal.approved_not_booked')) throw e;
      }
      return;
    }
    if (verdict === 'declined') {
      const r = this.tx(() => moveIntent(db, newest.id, 'declined', { ...facts, resolvedBy: 'recovery' }, this.deps.clock()));
      this.moment('declined', r.id);
      return;
    }
    if (newest.state !== 'unknown') this.tx(() => moveIntent(db, newest.id, 'unknown', {}, this.deps.clock()));
  }

  private settleUnmatchable(row: IntentRow): void {
    const to: IntentState = row.state === 'created' ? 'failed' : 'unknown';
    if (row.state === to) return;
    this.tx(() =>
      moveIntent(this.deps.db, row.id, to, to === 'failed' ? { reason: 'terminal.result.not_sent', resolvedBy: 'recovery' } : {}, this.deps.clock()),
    );
  }

  unresolved(): CardIntentView[] {
    return unresolvedIntents(this.deps.db).map(intentView);
  }

  /** A supervisor settles an intent after checking the terminal. */
  resolve(actor: Actor, input: { intentId: number; outcome: 'approved' | 'declined'; authCode?: string | undefined }): CardIntentView {
    const { db } = this.deps;
    const row = getIntent(db, input.intentId);
    const needsPerson = row.state === 'unknown' || (row.state === 'approved' && row.payment_id === null);
    if (!needsPerson || this.active?.intentId === row.id) throw new ServiceError('terminal.intent_settled', { intentId: row.id, state: row.state });
    // The terminal charged something else than the sale asked for: nothing to book, only to check and reverse.
    if (input.outcome === 'approved' && heldForMismatch(row)) throw new ServiceError('terminal.approval_mismatch_not_bookable', { intentId: row.id });
    if (input.outcome === 'declined') {
      if (row.state !== 'unknown') throw new ServiceError('terminal.intent_settled', { intentId: row.id, state: row.state });
      this.tx(() =>
        moveIntent(
          db,
          row.id,
          'declined',
          { reason: 'terminal.result.supervisor_declined', resolvedBy: 'supervisor', resolverId: actor.id },
          this.deps.clock(),
        ),
      );
      return intentView(getIntent(db, row.id));
    }
    try {
      this.settleApproved(row.id, input.authCode ? { authCode: input.authCode } : {}, 'supervisor', actor.id, actor);
    } catch (e) {
      // Approved, but the sale is closed: the intent says so and the supervisor reverses it on the terminal.
      if (!(e instanceof ServiceError && e.code === 'terminal.approved_not_booked')) throw e;
    }
    return intentView(getIntent(db, row.id));
  }

  /** The cashier checked the customer's signature on the merchant copy. */
  confirmSignature(actor: Actor, saleId: string, now: number): CardIntentView[] {
    const { db } = this.deps;
    return this.tx(() => {
      const rows = sql(
        db,
        "SELECT * FROM card_intents WHERE sale_id = ? AND state = 'approved' AND signature_required = 1 AND signature_confirmed_by IS NULL",
      ).all(saleId) as IntentRow[];
      if (rows.length === 0) throw new ServiceError('terminal.no_signature_pending', { saleId });
      for (const r of rows) {
        sql(db, 'UPDATE card_intents SET signature_confirmed_by = ?, updated_at = ? WHERE id = ?').run(actor.id, now, r.id);
        appendJournal(db, 'card.signature_confirmed', { intentId: r.id, saleId, operatorId: actor.id, receiptNo: r.receipt_no }, now);
      }
      return rows.map((r) => intentView(getIntent(db, r.id)));
    });
  }
}

function stripNull(f: TerminalFacts): TerminalFacts {
  const kept: TerminalFacts = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null && v !== undefined));
  return kept;
}
