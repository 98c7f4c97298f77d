// The simulated providers' books: every order a register sent, what became of it, and the
// scripted scenario that decides its answers. Both API shapes (WeChat v2 XML, Alipay JSON) read
// and write these books; tests compare them with the register's ledger.
import { randomBytes } from 'node:crypto';
import type { PaymentProvider } from '../provider';

/** The scripted cases, chosen by the amount's last two digits (fen) as the sandboxes do, or by `script`. */
export type SimScenario =
  | 'success'
  | 'password_then_paid'
  | 'password_never'
  | 'insufficient_balance'
  | 'code_expired'
  | 'system_error_then_paid'
  | 'reply_lost'
  | 'payerror'
  | 'duplicate_order'
  | 'risk_control';

export const SCENARIO_BY_CENTS: Readonly<Record<number, SimScenario>> = {
  31: 'password_then_paid',
  32: 'password_never',
  33: 'insufficient_balance',
  34: 'code_expired',
  35: 'system_error_then_paid',
  36: 'reply_lost',
  37: 'payerror',
  38: 'duplicate_order',
  39: 'risk_control',
};

/** A refund of an amount ending in .41 loses its first reply: the register must retry with the same refund number. */
export const REFUND_RETRY_CENTS = 41;

/** What the provider makes of the next new refund numbers (`scriptRefunds`): refunded at once, refused outright, or accepted and still processing. */
export type SimRefundScenario = 'success' | 'refuse' | 'pending';

export function scenarioOf(amountMinor: number): SimScenario {
  return SCENARIO_BY_CENTS[amountMinor % 100] ?? 'success';
}

export type SimOrderState = 'paying' | 'paid' | 'payerror' | 'closed' | 'reversed';

export interface SimOrder {
  provider: PaymentProvider;
  outTradeNo: string;
  amountMinor: number;
  authCode: string;
  scenario: SimScenario;
  state: SimOrderState;
  transactionId: string;
  payer: string;
  createdAt: number;
  /** password_then_paid: paid once this moment has passed. */
  payableAt: number;
  /** Paid at some point (money moved), even if later reversed. */
  everPaid: boolean;
  /** Money given back by a reverse of a paid order. */
  reversedPaid: boolean;
  reverseCalls: number;
  refunds: Map<string, number>;
}

export interface BookEntry {
  provider: PaymentProvider;
  outTradeNo: string;
  amountMinor: number;
  state: SimOrderState;
  /** What the customer is out of pocket now: paid, not reversed, less refunds. */
  netMinor: number;
  refundedMinor: number;
  refundNos: string[];
}

export class SimBooks {
  readonly orders = new Map<string, SimOrder>();
  readonly usedCodes = new Set<string>();
  private scripted: SimScenario[] = [];
  private refundScripted: SimRefundScenario[] = [];
  /** Refund numbers accepted but still processing (the money has not reached the customer); `settleRefunds` ends them. */
  readonly processing = new Set<string>();
  /** Refund numbers that were processing and then closed without the money reaching the customer (REFUNDCLOSE). */
  readonly closedRefunds = new Map<string, { order: SimOrder; fee: number }>();
  private seq = 0;

  constructor(
    private readonly clock: () => number,
    private readonly passwordMs: number,
  ) {}

  /** The next payments take these scenarios, whatever their amounts (tests with fixed prices). */
  script(...scenarios: SimScenario[]): void {
    this.scripted.push(...scenarios);
  }

  /** The next new refund numbers take these cases (the rest are refunded at once). */
  scriptRefunds(...scenarios: SimRefundScenario[]): void {
    this.refundScripted.push(...scenarios);
  }

  /** The case a refund number the provider has not seen before plays. */
  nextRefund(): SimRefundScenario {
    return this.refundScripted.shift() ?? 'success';
  }

  /** Every refund still processing (or those of `refundNos`) ends: reaches the customer, or is closed and given back to the merchant's balance. */
  endProcessing(outcome: 'success' | 'closed', refundNos?: readonly string[]): void {
    for (const refundNo of [...this.processing]) {
      if (refundNos && !refundNos.includes(refundNo)) continue;
      const order = [...this.orders.values()].find((o) => o.refunds.has(refundNo));
      if (outcome === 'closed' && order) {
        this.closedRefunds.set(refundNo, { order, fee: order.refunds.get(refundNo) ?? 0 });
        order.refunds.delete(refundNo);
      }
      this.processing.delete(refundNo);
    }
  }

  key(provider: PaymentProvider, outTradeNo: string): string {
    return `${provider}:${outTradeNo}`;
  }

  get(provider: PaymentProvider, outTradeNo: string): SimOrder | undefined {
    return this.orders.get(this.key(provider, outTradeNo));
  }

  create(provider: PaymentProvider, outTradeNo: string, amountMinor: number, authCode: string): SimOrder {
    const scenario = this.scripted.shift() ?? scenarioOf(amountMinor);
    this.seq += 1;
    const now = this.clock();
    const order: SimOrder = {
      provider,
      outTradeNo,
      amountMinor,
      authCode,
      scenario,
      state: 'paying',
      transactionId: provider === 'wechat' ? `42000${now}${String(this.seq).padStart(6, '0')}` : `2026${now}${String(this.seq).padStart(8, '0')}`,
      payer: provider === 'wechat' ? `oSIM${randomBytes(10).toString('hex')}` : `138****${String(1000 + (this.seq % 9000))}`,
      createdAt: now,
      payableAt: now + this.passwordMs,
      everPaid: false,
      reversedPaid: false,
      reverseCalls: 0,
      refunds: new Map(),
    };
    this.orders.set(this.key(provider, outTradeNo), order);
    return order;
  }

  /** A reverse of a number the provider never saw leaves a tombstone: a late payment with it is refused. */
  tombstone(provider: PaymentProvider, outTradeNo: string): void {
    const o = this.create(provider, outTradeNo, 0, '');
    o.state = 'reversed';
  }

  markPaid(o: SimOrder): void {
    o.state = 'paid';
    o.everPaid = true;
  }

  /** Password scenarios move on with time, as the customer's phone would. */
  advance(o: SimOrder): SimOrder {
    if (o.state === 'paying' && o.scenario === 'password_then_paid' && this.clock() >= o.payableAt) this.markPaid(o);
    if (o.state === 'paying' && o.scenario === 'payerror' && this.clock() >= o.payableAt) o.state = 'payerror';
    return o;
  }

  refundedOf(o: SimOrder): number {
    let sum = 0;
    for (const v of o.refunds.values()) sum += v;
    return sum;
  }

  entries(): BookEntry[] {
    return [...this.orders.values()]
      .filter((o) => o.amountMinor > 0)
      .map((o) => {
        const refunded = this.refundedOf(o);
        const paidNow = o.state === 'paid' ? o.amountMinor : 0;
        return {
          provider: o.provider,
          outTradeNo: o.outTradeNo,
          amountMinor: o.amountMinor,
          state: o.state,
          netMinor: paidNow - refunded,
          refundedMinor: refunded,
          refundNos: [...o.refunds.keys()],
        };
      });
  }
}
