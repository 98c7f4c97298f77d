// The sale side of scan-to-pay: an attempt row first, then the provider, then the payment — and
// for every answer that is not a clear "paid" or "refused", the provider's own books decide:
// query until paid or the customer's time is up, then reverse (WeChat) / cancel (Alipay).
// Rules: a payment request is sent once per attempt and never again; an attempt whose outcome is
// unknown is queried, then closed with the provider; after a crash every open attempt goes back
// to the query step; what the provider took is booked on the sale or given back, never lost.
import { randomBytes } from 'node:crypto';
import type { CompletionView } from '../../preload/contract/views';
import type { ScanAttemptView } from '../../preload/contract/scan-pay-views';
import { classifyCode, maskPaymentCode } from '../../preload/contract/payment-code';
import type { Db } from '../ledger/database';
import type { Logger } from '../log';
import type { EventBus } from '../common/event-bus';
import { ServiceError } from '../common/service-error';
import { openIntentFor } from '../card/card-intents';
import { documentView, findDocument } from '../documents/document-view';
import { getSettings } from '../settings/settings';
import { requireOpenShift } from '../shift/shift-rows';
import type { Actor } from '../sale/sale';
import { recordScanPayment } from '../sale/tender';
import type { PaymentProvider, QueryOutcome, ScanPayProvider, TradeFacts } from '../providers/provider';
import {
  attemptsOf,
  attemptView,
  createAttempt,
  getAttempt,
  moveAttempt,
  openAttemptFor,
  openAttempts,
  type AttemptFacts,
  type AttemptRow,
} from './scan-attempts';
import type { AttemptState } from './attempt-machine';

/** Where an attempt is; tests use it to crash the register at exact moments. */
export type ScanMoment = AttemptState | 'query' | 'reverse' | 'completed';

export interface ScanPaymentDeps {
  db: Db;
  events: EventBus;
  log: Logger;
  clock: () => number;
  provider: (id: PaymentProvider) => ScanPayProvider | null;
  onMoment?: (moment: ScanMoment, attemptId: number) => void;
  /** Pause between rounds of settling attempts left open (after a crash, or a reverse that must be repeated). */
  sweepMs?: number;
}

type Ending = { kind: 'paid'; completion: CompletionView } | { kind: 'settled'; error: ServiceError };

interface Active {
  attemptId: number;
  saleId: string;
  cancelled: boolean;
  wake: (() => void) | null;
}

function outTradeNo(registerId: string, id: number): string {
  // ≤ 32 characters of letters, digits and "_": both providers' rule. Unique by the attempt id and
  // a random tail (two registers with the same id, or a ledger restored from a backup, never collide).
  const reg = registerId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
  return `RU${reg}_${id.toString(36)}_${randomBytes(6).toString('hex')}`.slice(0, 32);
}

export class ScanPayments {
  private readonly active = new Map<number, Active>();
  /** When the provider was last asked about each attempt (query or reverse), for the owner's list of attempts still settling. */
  private readonly checkedAt = new Map<number, number>();
  private recovering: Promise<void> | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: ScanPaymentDeps) {}

  private moment(m: ScanMoment, attemptId: number): void {
    try {
      this.deps.onMoment?.(m, attemptId);
    } catch {
      // observers never break a payment
    }
  }

  private move(id: number, to: Exclude<AttemptState, 'created'>, facts: AttemptFacts = {}): AttemptRow {
    const row = this.deps.db.transaction(() => moveAttempt(this.deps.db, id, to, facts, this.deps.clock()))();
    this.moment(to, id);
    return row;
  }

  private step(saleId: string, key: string, deadlineAt?: number): void {
    this.deps.events.emit('payment.step', { saleId, key, ...(deadlineAt ? { deadlineAt } : {}) });
  }

  /** Takes the scanned code for what the sale still owes (or `amountMinor` of it). */
  async pay(
    actor: Actor,
    input: { saleId: string; code: string; provider?: PaymentProvider | undefined; amountMinor?: number | undefined; idempotencyKey: string },
  ): Promise<CompletionView> {
    const { db } = this.deps;
    if (this.recovering) await this.recovering;
    const code = classifyCode(input.code);
    if (code.kind !== 'payment') throw new ServiceError('scanpay.not_a_payment_code');
    let providerId: PaymentProvider;
    if (code.provider === 'unionpay') throw new ServiceError('scanpay.provider_unsupported', { provider: 'unionpay' });
    if (code.provider === 'unknown') {
      // A prefix the register does not know: the cashier says whose it is (or the provider will answer).
      if (!input.provider) throw new ServiceError('scanpay.provider_unknown', { maskedCode: maskPaymentCode(code.digits) });
      providerId = input.provider;
    } else providerId = code.provider;
    const provider = this.deps.provider(providerId);
    if (!provider) throw new ServiceError('scanpay.not_configured', { provider: providerId });
    if ([...this.active.values()].some((a) => a.saleId === input.saleId)) throw new ServiceError('scanpay.busy');

    const attempt = db.transaction(() => {
      const doc = findDocument(db, input.saleId);
      if (doc.status !== 'open' || doc.kind !== 'sale')
        throw new ServiceError(doc.status === 'completed' ? 'sale.already_paid' : 'sale.not_open', { saleId: input.saleId });
      if (doc.held_at !== null) throw new ServiceError('sale.held', { saleId: input.saleId });
      const view = documentView(db, input.saleId);
      if (view.lines.length === 0) throw new ServiceError('sale.empty');
      if (view.remainingMinor <= 0) throw new ServiceError('sale.already_paid');
      const amount = input.amountMinor ?? view.remainingMinor;
      if (amount > view.remainingMinor) throw new ServiceError('scanpay.amount_exceeds_due', { dueMinor: view.remainingMinor });
      // Checked before the provider hears of it: a payment that could not be booked would have to be reversed.
      requireOpenShift(db, doc.register_id);
      const card = openIntentFor(db, input.saleId);
      if (card) throw new ServiceError('terminal.intent_unresolved', { intentId: card.id });
      const open = openAttemptFor(db, input.saleId);
      if (open) throw new ServiceError('scanpay.attempt_unresolved', { attemptId: open.id });
      const next = (db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM scan_attempts').get() as { n: number }).n;
      return createAttempt(
        db,
        {
          saleId: input.saleId,
          provider: providerId,
          outTradeNo: outTradeNo(getSettings(db).registerId, next),
          idempotencyKey: input.idempotencyKey,
          amountMinor: amount,
          maskedCode: maskPaymentCode(code.digits),
          operatorId: actor.id,
        },
        this.deps.clock(),
      );
    })();
    const active: Active = { attemptId: attempt.id, saleId: input.saleId, cancelled: false, wake: null };
    this.active.set(attempt.id, active);
    try {
      this.moment('created', attempt.id);
      const settings = getSettings(db);
      // Committed before the request leaves: from here on the provider may hold an order under this number.
      const sent = this.move(attempt.id, 'sent', { sentAt: this.deps.clock() });
      this.step(input.saleId, 'scanpay.step.sending');
      const first = await provider.pay({
        outTradeNo: sent.out_trade_no,
        authCode: code.digits,
        amountMinor: sent.amount_minor,
        subject: settings.storeName,
        storeId: settings.registerId,
        terminalId: settings.registerId,
      });
      let ending: Ending;
      if (this.stopped) ending = this.leftOpen(attempt.id);
      else if (first.kind === 'paid') ending = await this.settlePaid(attempt.id, first.trade, 'provider', provider);
      else if (first.kind === 'failed') {
        this.move(attempt.id, 'failed', { reason: `scanpay.reason.${first.reason}`, providerCode: first.providerCode, resolvedBy: 'provider' });
        ending = {
          kind: 'settled',
          error: new ServiceError('scanpay.declined', { reason: `scanpay.reason.${first.reason}`, providerCode: first.providerCode }),
        };
      } else {
        this.move(attempt.id, first.kind === 'waiting' ? 'waiting' : 'unknown', { providerCode: first.providerCode });
        ending = await this.follow(attempt.id, provider, first.kind === 'unknown', active);
      }
      if (ending.kind === 'settled') throw ending.error;
      return ending.completion;
    } finally {
      this.active.delete(attempt.id);
      this.emitSale(input.saleId);
    }
  }

  private emitSale(saleId: string): void {
    try {
      this.deps.events.emit('sale.changed', documentView(this.deps.db, saleId));
    } catch {
      // the sale view is a courtesy to the windows
    }
  }

  /** The cashier cancels while the customer is entering the password: stop waiting, close the order. */
  cancel(saleId: string): { sent: boolean } {
    const a = [...this.active.values()].find((x) => x.saleId === saleId);
    if (!a) return { sent: false };
    a.cancelled = true;
    a.wake?.();
    return { sent: true };
  }

  private sleep(ms: number, active: Active | null): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        if (active) active.wake = null;
        resolve();
      }
      if (active) active.wake = done;
    });
  }

  /**
   * Queries until the provider says paid, closed or failed, or the customer's time is up (or the
   * cashier cancels); then one last query and the reverse. Never sends the payment again.
   */
  private async follow(id: number, provider: ScanPayProvider, unknownFirst: boolean, active: Active | null): Promise<Ending> {
    const t = provider.timings;
    const row = getAttempt(this.deps.db, id);
    const sentAt = row.sent_at ?? row.started_at;
    const deadline = sentAt + t.waitLimitMs;
    if (unknownFirst) {
      this.step(row.sale_id, 'scanpay.step.checking');
      await this.sleep(t.unknownDelayMs, active);
    }
    let why = 'scanpay.reason.password_timeout';
    for (;;) {
      if (this.stopped) return this.leftOpen(id);
      if (active?.cancelled) {
        why = 'scanpay.reason.cancelled';
        break;
      }
      const q = await this.query(id, provider);
      if (this.stopped) return this.leftOpen(id);
      if (q.kind === 'paid') return this.settlePaid(id, q.trade, active ? 'provider' : 'recovery', provider);
      if (q.kind === 'closed') return this.settleClosed(id, q.providerCode, active ? 'provider' : 'recovery');
      if (q.kind === 'payerror') {
        why = 'scanpay.reason.payerror';
        break;
      }
      if (q.kind === 'not_found' && this.deps.clock() - sentAt > t.codeLifeMs) {
        // The provider never saw it, and the code is long dead: close the number as a fence and stop.
        why = 'scanpay.reason.not_received';
        break;
      }
      if (q.kind === 'waiting') {
        if (getAttempt(this.deps.db, id).state !== 'waiting') this.move(id, 'waiting', { providerCode: q.providerCode });
        this.step(row.sale_id, 'scanpay.step.password', deadline);
      }
      if (this.deps.clock() >= deadline && q.kind !== 'not_found' && q.kind !== 'unknown') break;
      // Unknown answers and unknown orders keep asking past the deadline only until the code's life is over.
      if (this.deps.clock() >= sentAt + Math.max(t.waitLimitMs, t.codeLifeMs) * 2) break;
      await this.sleep(Math.min(t.pollMs, Math.max(0, deadline - this.deps.clock()) || t.pollMs), active);
    }
    if (this.stopped) return this.leftOpen(id);
    // Last look right before closing: a payment made in the final second is booked, not reversed.
    if (why !== 'scanpay.reason.payerror') {
      const last = await this.query(id, provider);
      if (this.stopped) return this.leftOpen(id);
      if (last.kind === 'paid') return this.settlePaid(id, last.trade, active ? 'provider' : 'recovery', provider);
      if (last.kind === 'closed') return this.settleClosed(id, last.providerCode, active ? 'provider' : 'recovery');
    }
    return this.reverse(id, provider, why, active ? (why === 'scanpay.reason.cancelled' ? 'cashier' : 'provider') : 'recovery');
  }

  /** The register is closing: the attempt stays open in the ledger and the next start settles it. */
  private leftOpen(id: number): Ending {
    return { kind: 'settled', error: new ServiceError('scanpay.outcome_unknown', { attemptId: id }) };
  }

  private async query(id: number, provider: ScanPayProvider): Promise<QueryOutcome> {
    this.moment('query', id);
    this.checkedAt.set(id, this.deps.clock());
    return provider.query(getAttempt(this.deps.db, id).out_trade_no);
  }

  private settleClosed(id: number, providerCode: string, by: AttemptFacts['resolvedBy']): Ending {
    const row = this.move(id, 'failed', { reason: 'scanpay.reason.order_closed', providerCode, ...(by ? { resolvedBy: by } : {}) });
    return { kind: 'settled', error: new ServiceError('scanpay.declined', { reason: row.reason ?? 'scanpay.reason.order_closed', providerCode }) };
  }

  /**
   * Books what the provider took: the payment and the attempt commit together. When it cannot be
   * booked (another amount than asked, the sale no longer open or owing less), it is given back
   * through the provider instead.
   */
  private async settlePaid(id: number, trade: TradeFacts, by: 'provider' | 'recovery', provider: ScanPayProvider): Promise<Ending> {
    const { db } = this.deps;
    const booked = db.transaction((): { problem: string } | { completion: CompletionView } => {
      const row = getAttempt(db, id);
      if (trade.amountMinor !== row.amount_minor) return { problem: 'scanpay.reason.amount_mismatch' };
      const doc = findDocument(db, row.sale_id);
      if (doc.status !== 'open' || documentView(db, row.sale_id).remainingMinor < row.amount_minor) return { problem: 'scanpay.reason.not_bookable' };
      const settings = getSettings(db);
      const done = recordScanPayment(
        { db, now: this.deps.clock(), settings, actor: { id: row.operator_id, role: 'cashier' } },
        {
          saleId: row.sale_id,
          amountMinor: row.amount_minor,
          scan: { provider: row.provider, transactionId: trade.transactionId, outTradeNo: row.out_trade_no, payer: trade.payer },
        },
      );
      moveAttempt(
        db,
        id,
        'paid',
        { transactionId: trade.transactionId, payer: trade.payer, paidMinor: trade.amountMinor, paymentId: done.paymentId, resolvedBy: by },
        this.deps.clock(),
      );
      return { completion: done.completion };
    })();
    if ('problem' in booked) {
      this.deps.log.info(`scan attempt ${id}: paid but ${booked.problem}; giving it back through the provider`);
      db.transaction(() =>
        moveAttempt(db, id, 'reversing', { reason: booked.problem, transactionId: trade.transactionId, paidMinor: trade.amountMinor }, this.deps.clock()),
      )();
      this.moment('reversing', id);
      return this.reverse(id, provider, booked.problem, by);
    }
    this.moment('paid', id);
    this.moment('completed', id);
    return { kind: 'paid', completion: booked.completion };
  }

  /** Closes the order with the provider, repeating while it asks; an order it never saw is closed as a fence. */
  private async reverse(id: number, provider: ScanPayProvider, why: string, by: AttemptFacts['resolvedBy']): Promise<Ending> {
    const t = provider.timings;
    let row = getAttempt(this.deps.db, id);
    if (row.state !== 'reversing') row = this.move(id, 'reversing', { reason: why });
    this.step(row.sale_id, 'scanpay.step.reversing');
    // WeChat: no reverse sooner than 15 s after the payment call.
    const earliest = (row.sent_at ?? row.started_at) + t.reverseAfterMs;
    await this.sleep(earliest - this.deps.clock(), null);
    for (let i = 0; i < t.reverseAttempts; i++) {
      if (this.stopped) return this.leftOpen(id);
      this.moment('reverse', id);
      this.checkedAt.set(id, this.deps.clock());
      const r = await provider.reverse(row.out_trade_no);
      if (this.stopped) return this.leftOpen(id);
      if (r.kind === 'done') {
        this.move(id, 'reversed', { providerCode: r.refunded ? 'REFUNDED' : 'CLOSED', ...(by ? { resolvedBy: by } : {}) });
        return {
          kind: 'settled',
          error: new ServiceError(why === 'scanpay.reason.cancelled' ? 'scanpay.cancelled' : 'scanpay.reversed', { reason: row.reason ?? why }),
        };
      }
      if (r.kind === 'not_found') {
        this.move(id, 'failed', { reason: 'scanpay.reason.not_received', providerCode: r.providerCode, ...(by ? { resolvedBy: by } : {}) });
        return { kind: 'settled', error: new ServiceError('scanpay.reversed', { reason: 'scanpay.reason.not_received' }) };
      }
      await this.sleep(t.reverseRetryMs, null);
    }
    // Still open with the provider: the sweeper tries again; the sale waits.
    this.kickSweeper();
    return { kind: 'settled', error: new ServiceError('scanpay.outcome_unknown', { attemptId: id }) };
  }

  /** Since this start: when the provider was last asked about the attempt, and whether a cashier is waiting on it now. */
  progress(id: number): { lastCheckedAt: number | null; live: boolean } {
    return { lastCheckedAt: this.checkedAt.get(id) ?? null, live: this.active.has(id) };
  }

  attempts(saleId: string): ScanAttemptView[] {
    return attemptsOf(this.deps.db, saleId).map(attemptView);
  }

  /** At start-up and whenever an attempt is left open: every open attempt goes back to the query step. Single flight. */
  recover(): Promise<void> {
    if (this.recovering) return this.recovering;
    this.recovering = this.recoverOpen()
      .catch((e: unknown) => this.deps.log.error('scan-to-pay recovery failed', e))
      .finally(() => {
        this.recovering = null;
        if (!this.stopped && openAttempts(this.deps.db).some((r) => !this.active.has(r.id))) this.kickSweeper();
      });
    return this.recovering;
  }

  private kickSweeper(): void {
    if (this.sweeper || this.stopped) return;
    this.sweeper = setTimeout(() => {
      this.sweeper = null;
      void this.recover();
    }, this.deps.sweepMs ?? 10_000);
  }

  private async recoverOpen(): Promise<void> {
    const open = openAttempts(this.deps.db).filter((r) => !this.active.has(r.id));
    for (const row of open) {
      if (this.stopped) return;
      if (row.state === 'created') {
        // Written but never sent: `sent` is committed before the request leaves.
        this.move(row.id, 'failed', { reason: 'scanpay.reason.not_sent', resolvedBy: 'recovery' });
        continue;
      }
      const provider = this.deps.provider(row.provider);
      if (!provider) continue;
      this.deps.log.info(`scan attempt ${row.id} (${row.state}): asking ${row.provider}`);
      if (row.state === 'reversing') await this.reverse(row.id, provider, row.reason ?? 'scanpay.reason.recovered', 'recovery');
      else await this.follow(row.id, provider, false, null);
      this.emitSale(row.sale_id);
    }
  }

  /** Stops asking; open attempts stay open (nothing is reversed because the register closes). */
  stop(): void {
    this.stopped = true;
    if (this.sweeper) clearTimeout(this.sweeper);
    this.sweeper = null;
    for (const a of this.active.values()) a.wake?.();
  }
}
