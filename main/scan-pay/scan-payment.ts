// The sale side of scan-to-pay: an attempt row first, then the provider, then the payment — and
// for every answer that is not a clear "paid" or "refused", the provider's own books decide:
// query until paid or the customer's time is up, then reverse (WeChat) / cancel (Alipay).
// Rules: a payment request is sent once per attempt and never again; an attempt whose outcome is
// unknown is queried, then closed with the provider; after a crash every open attempt goes back
// to the query step; what the provider took is booked on the sale or given back, never lost.
import type { CompletionView } from '../../preload/contract/views';
import type { ScanAttemptView } from '../../preload/contract/scan-pay-views';
import { ServiceError } from '../common/service-error';
import { documentView } from '../documents/document-view';
import { getSettings } from '../settings/settings';
import type { Actor } from '../sale/sale';
import { attemptsOf, attemptView, getAttempt, openAttempts } from './scan-attempts';
import { OPEN_ATTEMPT_STATES } from './attempt-machine';
import type { Active, Ending, ScanMoment, ScanPaymentDeps } from './scan-payment-context';
import { ScanSettlement } from './scan-settlement';
import { openAttempt, readPaymentCode, type ScanPayInput } from './scan-start';

export type { ScanMoment, ScanPaymentDeps };

export class ScanPayments {
  private readonly active = new Map<number, Active>();
  /** When the provider was last asked about each attempt (query or reverse), for the owner's list of attempts still settling. */
  private readonly checkedAt = new Map<number, number>();
  private recovering: Promise<void> | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly settle: ScanSettlement;

  constructor(private readonly deps: ScanPaymentDeps) {
    this.settle = new ScanSettlement(deps, {
      stopped: () => this.stopped,
      checkedAt: this.checkedAt,
      kickSweeper: () => this.kickSweeper(),
    });
  }

  /** Takes the scanned code for what the sale still owes (or `amountMinor` of it). */
  async pay(actor: Actor, input: ScanPayInput): Promise<CompletionView> {
    const { db } = this.deps;
    if (this.recovering) await this.recovering;
    const { digits, providerId } = readPaymentCode(input);
    const provider = this.deps.provider(providerId);
    if (!provider) throw new ServiceError('scanpay.not_configured', { provider: providerId });
    if ([...this.active.values()].some((a) => a.saleId === input.saleId)) throw new ServiceError('scanpay.busy');

    const attempt = openAttempt(this.deps, actor, input, digits, providerId);
    const active: Active = { attemptId: attempt.id, saleId: input.saleId, cancelled: false, wake: null };
    this.active.set(attempt.id, active);
    try {
      this.settle.moment('created', attempt.id);
      const settings = getSettings(db);
      // Committed before the request leaves: from here on the provider may hold an order under this number.
      const sent = this.settle.move(attempt.id, 'sent', { sentAt: this.deps.clock() });
      this.settle.step(input.saleId, 'scanpay.step.sending');
      const first = await provider.pay({
        outTradeNo: sent.out_trade_no,
        authCode: digits,
        amountMinor: sent.amount_minor,
        subject: settings.storeName,
        storeId: settings.registerId,
        terminalId: settings.registerId,
      });
      let ending: Ending;
      if (this.stopped) ending = this.settle.leftOpen(attempt.id);
      else if (first.kind === 'paid') ending = await this.settle.settlePaid(attempt.id, first.trade, 'provider', provider);
      else if (first.kind === 'failed') {
        this.settle.move(attempt.id, 'failed', { reason: `scanpay.reason.${first.reason}`, providerCode: first.providerCode, resolvedBy: 'provider' });
        ending = {
          kind: 'settled',
          error: new ServiceError('scanpay.declined', { reason: `scanpay.reason.${first.reason}`, providerCode: first.providerCode }),
        };
      } else {
        this.settle.move(attempt.id, first.kind === 'waiting' ? 'waiting' : 'unknown', { providerCode: first.providerCode });
        ending = await this.settle.follow(attempt.id, provider, first.kind === 'unknown', active);
      }
      if (ending.kind === 'settled') throw ending.error;
      return ending.completion;
    } finally {
      this.active.delete(attempt.id);
      this.forgetIfSettled(attempt.id);
      this.emitSale(input.saleId);
    }
  }

  /**
   * When an attempt was last asked about is shown only while it is open (settling-attempts.ts):
   * once it is final the time goes, or a register running for months would keep one for every
   * scanned payment that needed a password.
   */
  private forgetIfSettled(id: number): void {
    if (this.stopped || !this.deps.db.open) return;
    try {
      if (!OPEN_ATTEMPT_STATES.includes(getAttempt(this.deps.db, id).state)) this.checkedAt.delete(id);
    } catch {
      // Housekeeping only: the pay call's own answer (a sale paid) must never be lost to it; the next settle tries again.
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
        this.settle.move(row.id, 'failed', { reason: 'scanpay.reason.not_sent', resolvedBy: 'recovery' });
        this.ended(row.id, { kind: 'settled', error: new ServiceError('scanpay.declined', { reason: 'scanpay.reason.not_sent' }) });
        continue;
      }
      const provider = this.deps.provider(row.provider);
      if (!provider) continue;
      this.deps.log.info(`scan attempt ${row.id} (${row.state}): asking ${row.provider}`);
      const ending =
        row.state === 'reversing'
          ? await this.settle.reverse(row.id, provider, row.reason ?? 'scanpay.reason.recovered', 'recovery')
          : await this.settle.follow(row.id, provider, false, null);
      this.emitSale(row.sale_id);
      this.ended(row.id, ending);
      this.forgetIfSettled(row.id);
    }
  }

  /**
   * Tells the windows how an attempt settled in the background ended, as a pay call would have
   * answered. Only a final one: an attempt still open with the provider is still running for them.
   */
  private ended(id: number, ending: Ending): void {
    const row = getAttempt(this.deps.db, id);
    if (this.stopped || OPEN_ATTEMPT_STATES.includes(row.state)) return;
    try {
      this.deps.onEnded?.(row.sale_id, ending.kind === 'paid' ? ending.completion : ending.error);
    } catch (e) {
      this.deps.log.error('scan-to-pay ending not reported', e);
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
