// Following a scan-to-pay attempt to its end once the payment request has left: query the
// provider until paid, closed or the customer's time is up; book what it took, or give it back
// (reverse on WeChat, cancel on Alipay). Never sends the payment again.
import type { CompletionView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import { documentView, findDocument } from '../documents/document-view';
import { getSettings } from '../settings/settings';
import { recordScanPayment } from '../sale/tender';
import type { QueryOutcome, ScanPayProvider, TradeFacts } from '../providers/provider';
import { getAttempt, moveAttempt, type AttemptFacts, type AttemptRow } from './scan-attempts';
import type { AttemptState } from './attempt-machine';
import type { Active, Ending, ScanMoment, ScanPaymentDeps } from './scan-payment-context';

/** What the settlement shares with the register's scan payments: whether they stopped, when each attempt was last asked about, and the sweeper. */
export interface SettlementHooks {
  stopped: () => boolean;
  checkedAt: Map<number, number>;
  kickSweeper: () => void;
}

export class ScanSettlement {
  constructor(
    private readonly deps: ScanPaymentDeps,
    private readonly hooks: SettlementHooks,
  ) {}

  moment(m: ScanMoment, attemptId: number): void {
    try {
      this.deps.onMoment?.(m, attemptId);
    } catch {
      // observers never break a payment
    }
  }

  move(id: number, to: Exclude<AttemptState, 'created'>, facts: AttemptFacts = {}): AttemptRow {
    const row = this.deps.db.transaction(() => moveAttempt(this.deps.db, id, to, facts, this.deps.clock()))();
    this.moment(to, id);
    return row;
  }

  step(saleId: string, key: string, deadlineAt?: number): void {
    this.deps.events.emit('payment.step', { saleId, key, ...(deadlineAt ? { deadlineAt } : {}) });
  }

  sleep(ms: number, active: Active | null): Promise<void> {
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
  async follow(id: number, provider: ScanPayProvider, unknownFirst: boolean, active: Active | null): Promise<Ending> {
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
      if (this.hooks.stopped()) return this.leftOpen(id);
      if (active?.cancelled) {
        why = 'scanpay.reason.cancelled';
        break;
      }
      const q = await this.query(id, provider);
      if (this.hooks.stopped()) return this.leftOpen(id);
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
    if (this.hooks.stopped()) return this.leftOpen(id);
    // Last look right before closing: a payment made in the final second is booked, not reversed.
    if (why !== 'scanpay.reason.payerror') {
      const last = await this.query(id, provider);
      if (this.hooks.stopped()) return this.leftOpen(id);
      if (last.kind === 'paid') return this.settlePaid(id, last.trade, active ? 'provider' : 'recovery', provider);
      if (last.kind === 'closed') return this.settleClosed(id, last.providerCode, active ? 'provider' : 'recovery');
    }
    return this.reverse(id, provider, why, active ? (why === 'scanpay.reason.cancelled' ? 'cashier' : 'provider') : 'recovery');
  }

  /** The register is closing: the attempt stays open in the ledger and the next start settles it. */
  leftOpen(id: number): Ending {
    return { kind: 'settled', error: new ServiceError('scanpay.outcome_unknown', { attemptId: id }) };
  }

  private async query(id: number, provider: ScanPayProvider): Promise<QueryOutcome> {
    this.moment('query', id);
    this.hooks.checkedAt.set(id, this.deps.clock());
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
  async settlePaid(id: number, trade: TradeFacts, by: 'provider' | 'recovery', provider: ScanPayProvider): Promise<Ending> {
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
  async reverse(id: number, provider: ScanPayProvider, why: string, by: AttemptFacts['resolvedBy']): Promise<Ending> {
    const t = provider.timings;
    let row = getAttempt(this.deps.db, id);
    if (row.state !== 'reversing') row = this.move(id, 'reversing', { reason: why });
    this.step(row.sale_id, 'scanpay.step.reversing');
    // WeChat: no reverse sooner than 15 s after the payment call.
    const earliest = (row.sent_at ?? row.started_at) + t.reverseAfterMs;
    await this.sleep(earliest - this.deps.clock(), null);
    for (let i = 0; i < t.reverseAttempts; i++) {
      if (this.hooks.stopped()) return this.leftOpen(id);
      this.moment('reverse', id);
      this.hooks.checkedAt.set(id, this.deps.clock());
      const r = await provider.reverse(row.out_trade_no);
      if (this.hooks.stopped()) return this.leftOpen(id);
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
    this.hooks.kickSweeper();
    return { kind: 'settled', error: new ServiceError('scanpay.outcome_unknown', { attemptId: id }) };
  }
}
