// The sale side of card payments: intent first, then the terminal, then the payment — and after
// a crash or a lost line, recovery from the terminal's own account of its last transaction.
// Rule one: an authorization is never sent twice for the same sale while an earlier one may
// still have charged the card (the unique index on open intents enforces it in SQLite too), and
// nothing here ever resends one automatically.
import type { CardIntentView } from '../../preload/contract/card-views';
import type { CompletionView } from '../../preload/contract/views';
import type { TerminalClient, TerminalTransaction } from '../hardware/terminal/client';
import type { TerminalResult } from '../hardware/terminal/result';
import { canMove, stateForFailure, type IntentState } from '../hardware/terminal/intent-machine';
import { approvalMismatch } from '../hardware/terminal/approval-check';
import type { Actor } from '../sale/sale';
import { findDocument, documentView } from '../documents/document-view';
import { refuseWhileExchangeWaits } from '../documents/exchange-wait';
import { ServiceError } from '../common/service-error';
import { partAmount } from '../payments/part-amount';
import { requireOpenShift } from '../shift/shift-rows';
import {
  createIntent,
  getIntent,
  heldForMismatch,
  intentView,
  lastKnownReceiptNo,
  moveIntent,
  openIntentFor,
  unresolvedIntents,
  type IntentRow,
} from './card-intents';
import { toFacts } from './card-facts';
import { holdMismatch, settleApproved } from './card-settlement';
import { recoverOpenIntents } from './card-recovery';
import { outcomeUnknown } from './card-outcome-errors';
import { confirmSignature, resolveIntent } from './card-supervisor';
import { inTransaction, reportMoment, type CardPaymentDeps, type PaymentMoment } from './card-payment-context';
import { CANCEL_GRACE_MS, SILENCE_NOTICE_MS, SilenceWatch } from './terminal-silence';

export type { CardPaymentDeps, PaymentMoment };

/** Status enquiries after the cashier stopped waiting: a terminal still silent is not waited for again. */
const QUICK_RECOVERY_ATTEMPTS = 2;

interface PayContext {
  now: number;
  actor: Actor;
}

export class CardPayments {
  private active: { saleId: string; intentId: number; client: TerminalClient; watch: SilenceWatch } | null = null;
  private recovering: Promise<void> | null = null;
  /** The first intent this run of the register creates: any before it was cut off by a restart. */
  private readonly firstIntentHere: number;

  constructor(private readonly deps: CardPaymentDeps) {
    this.firstIntentHere = deps.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 FROM card_intents').pluck().get() as number;
  }

  private moment(m: PaymentMoment, intentId: number): void {
    reportMoment(this.deps, m, intentId);
  }

  private tx<T>(fn: () => T): T {
    return inTransaction(this.deps, fn);
  }

  /** Pays what is still owed on the sale by card, or `amountMinor` of it (the rest by another tender). */
  async pay(ctx: PayContext, input: { saleId: string; idempotencyKey: string; amountMinor?: number | undefined }): Promise<CompletionView> {
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
      refuseWhileExchangeWaits(db, input.saleId);
      const view = documentView(db, input.saleId);
      if (view.lines.length === 0) throw new ServiceError('sale.empty');
      if (view.remainingMinor <= 0) throw new ServiceError('sale.already_paid');
      const amountMinor = partAmount(view.remainingMinor, input.amountMinor, 'terminal.amount_exceeds_due');
      // Checked before the terminal hears of it: an approval that could not be booked would need a supervisor.
      requireOpenShift(db, doc.register_id);
      const open = openIntentFor(db, input.saleId);
      if (open) throw new ServiceError('terminal.intent_unresolved', { intentId: open.id });
      return createIntent(
        db,
        {
          saleId: input.saleId,
          idempotencyKey: input.idempotencyKey,
          amountMinor,
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
    command: (onStep: (step: { key: string; status: number }) => void) => Promise<TerminalResult<TerminalTransaction>>,
    actor: Actor | null,
  ): Promise<CompletionView> {
    const { db } = this.deps;
    // The screen speaks when the terminal goes quiet, long before the protocol gives up (terminal-silence.ts).
    const watch = new SilenceWatch({
      noticeMs: this.deps.silenceNoticeMs ?? SILENCE_NOTICE_MS,
      graceMs: this.deps.cancelGraceMs ?? CANCEL_GRACE_MS,
      say: (key) => this.deps.events.emit('payment.step', { saleId: intent.sale_id, key }),
      stopWaiting: () => client.stopWaiting(),
    });
    this.active = { saleId: intent.sale_id, intentId: intent.id, client, watch };
    try {
      this.moment('created', intent.id);
      this.tx(() => moveIntent(db, intent.id, 'sent', {}, this.deps.clock()));
      this.moment('sent', intent.id);
      let progressed = false;
      const r = await command((step) => {
        watch.heard(step.status);
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
        if (mismatch) throw await holdMismatch(this.deps, intent.id, client, mismatch, toFacts(r.value));
        return settleApproved(this.deps, intent.id, toFacts(r.value), 'terminal', null, actor);
      }
      return await this.settleFailure(intent.id, r.error, watch.gaveUp);
    } finally {
      watch.stop();
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
  private async settleFailure(intentId: number, error: { code: string; params: Record<string, unknown> }, gaveUp = false): Promise<CompletionView> {
    const { db } = this.deps;
    const current = getIntent(db, intentId).state;
    let to = stateForFailure(error);
    if (!canMove(current, to)) to = 'unknown';
    const reason = typeof error.params.reason === 'string' ? error.params.reason : null;
    const resultCode = typeof error.params.resultCode === 'number' ? error.params.resultCode : null;
    this.tx(() => moveIntent(db, intentId, to, { reason, resultCode, resolvedBy: to === 'unknown' ? undefined : 'terminal' }, this.deps.clock()));
    this.moment(to, intentId);
    if (to === 'declined') throw new ServiceError('terminal.declined', { reason: reason ?? 'terminal.result.declined' });
    if (to === 'aborted') {
      const why = reason ?? 'terminal.result.aborted';
      // "Cancelled" is the headline already: only a reason that says more is shown after it (terminal.aborted_plain).
      const params = { reason: why, byCashier: error.params.byCashier === true };
      throw new ServiceError('terminal.aborted', why === 'terminal.result.aborted' ? { ...params, scope: 'plain' } : params);
    }
    if (to === 'failed') throw new ServiceError(error.code === 'terminal.busy' ? 'terminal.busy' : 'terminal.failed', { reason: error.code });
    // Outcome unknown: ask the terminal right away if the line is still up; never resend. After the
    // cashier stopped waiting on a silent terminal, briefly: what it cannot prove goes to a supervisor.
    this.active = null;
    const ready = this.deps.terminal();
    if (ready) await this.recover(ready, gaveUp ? QUICK_RECOVERY_ATTEMPTS : undefined);
    const after = getIntent(db, intentId);
    if (after.state === 'approved' && after.payment_id !== null) return this.completionOf(after.sale_id);
    if (after.state === 'declined') throw new ServiceError('terminal.declined', { reason: after.reason ?? 'terminal.result.declined' });
    if (heldForMismatch(after)) throw new ServiceError('terminal.approval_mismatch', { intentId, reason: after.reason ?? '' });
    throw outcomeUnknown(intentId, after.kind);
  }

  private completionOf(saleId: string): CompletionView {
    const sale = documentView(this.deps.db, saleId);
    return { sale, receiptNo: sale.receiptNo, changeMinor: 0 };
  }

  /** The cashier presses Cancel: ask the terminal to stop. The terminal decides; the payment call reports how it ended. */
  async abort(saleId: string): Promise<{ sent: boolean }> {
    const a = this.active;
    if (!a || a.saleId !== saleId) return { sent: false };
    // Acknowledged on the screen at once, whatever the terminal does with it.
    a.watch.cancelPressed();
    const r = await a.client.abort();
    return { sent: r.ok && r.value.sent };
  }

  /** After (re)connecting: settle what a crash or a lost line left open. Single flight. */
  recover(client: TerminalClient, attempts?: number): Promise<void> {
    if (this.recovering) return this.recovering;
    this.recovering = recoverOpenIntents(this.deps, client, this.active?.intentId, attempts, this.firstIntentHere)
      .catch((e: unknown) => this.deps.log.error('card payment recovery failed', e))
      .finally(() => {
        this.recovering = null;
      });
    return this.recovering;
  }

  unresolved(): CardIntentView[] {
    return unresolvedIntents(this.deps.db).map(intentView);
  }

  /** A supervisor settles an intent after checking the terminal. */
  resolve(actor: Actor, input: { intentId: number; outcome: 'approved' | 'declined'; authCode?: string | undefined }): CardIntentView {
    return resolveIntent(this.deps, actor, input, this.active?.intentId);
  }

  /** The cashier checked the customer's signature on the merchant copy. */
  confirmSignature(actor: Actor, saleId: string, now: number): CardIntentView[] {
    return confirmSignature(this.deps, actor, saleId, now);
  }
}
