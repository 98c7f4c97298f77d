// What both simulated APIs share: the books, the keys each side signs with, the log of calls, and
// the refunds whose first reply was already lost on purpose.
import type { KeyPairKeyObjectResult } from 'node:crypto';
import type { PaymentProvider } from '../provider';
import type { WechatSignType } from '../wechat/wechat-sign';
import { REFUND_RETRY_CENTS, type SimBooks, type SimOrder } from './sim-books';

export interface SimCall {
  provider: PaymentProvider;
  method: string;
  outTradeNo: string | null;
}

export interface SimState {
  books: SimBooks;
  calls: SimCall[];
  wechatKey: string;
  signType: WechatSignType;
  /** Alipay's own key pair: it signs the replies. */
  alipayKeys: KeyPairKeyObjectResult;
  /** The register's (app) key pair: the simulator checks requests against its public half. */
  appKeys: KeyPairKeyObjectResult;
  lostRefunds: Set<string>;
}

/** A refund of an amount ending in .41 loses its first reply only: the retry with the same refund number is answered. */
export function loseRefundReply(state: SimState, refundNo: string, fee: number): boolean {
  const lose = fee % 100 === REFUND_RETRY_CENTS && !state.lostRefunds.has(refundNo);
  if (lose) state.lostRefunds.add(refundNo);
  return lose;
}

/** What the first payment request of a new order comes to, whichever API asked. */
export type FirstPayOutcome =
  'paid' | 'paying' | 'insufficient_balance' | 'code_expired' | 'risk_control' | 'system_error' | 'reply_lost' | 'already_paid' | 'unscripted';

/** Plays the order's scripted case on the books; the caller says it in its provider's words. */
export function playFirstPay(books: SimBooks, o: SimOrder): FirstPayOutcome {
  switch (o.scenario) {
    case 'success':
      books.markPaid(o);
      return 'paid';
    case 'password_then_paid':
    case 'password_never':
    case 'payerror':
      return 'paying';
    case 'insufficient_balance':
    case 'code_expired':
    case 'risk_control':
      o.state = 'closed';
      return o.scenario;
    case 'system_error_then_paid':
      books.markPaid(o);
      return 'system_error';
    case 'reply_lost':
      books.markPaid(o);
      return 'reply_lost';
    case 'duplicate_order':
      books.markPaid(o);
      return 'already_paid';
  }
  return 'unscripted';
}
