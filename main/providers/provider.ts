// One interface for every scan-to-pay provider, so the register's payment logic (main/scan-pay)
// never sees XML, RSA or a provider's error list. Each adapter turns its provider's answers into
// these outcomes; the meaning of each outcome is the register's rule of what to do next:
//   paid     - money taken: check the amount, book it.
//   waiting  - the customer is entering a password (USERPAYING / 10003): query again.
//   failed   - refused for certain, nothing taken: the next scan gets a new order number.
//   unknown  - anything else (system error, timeout, lost reply, bad signature, "already paid"):
//              query, never re-send the payment.
import type { PaymentProvider } from '../../preload/contract/payment-code';

export type { PaymentProvider };

/** Why a payment was refused, as a translation key under `scanpay.reason.` plus the provider's own code. */
export type RefusalReason =
  'insufficient_balance' | 'code_expired' | 'code_invalid' | 'risk_control' | 'card_not_supported' | 'order_closed' | 'configuration' | 'refused';

export interface TradeFacts {
  /** The provider's transaction id (WeChat transaction_id, Alipay trade_no). */
  transactionId: string;
  /** What the provider says it took, in fen. */
  amountMinor: number;
  /** Masked payer as the provider gives it (Alipay buyer_logon_id), or null. */
  payer: string | null;
}

export type PayOutcome =
  | { kind: 'paid'; trade: TradeFacts }
  | { kind: 'waiting'; providerCode: string }
  | { kind: 'failed'; reason: RefusalReason; providerCode: string; message: string | null }
  | { kind: 'unknown'; providerCode: string };

export type QueryOutcome =
  | { kind: 'paid'; trade: TradeFacts }
  | { kind: 'waiting'; providerCode: string }
  /** Closed or reversed: no money was taken (or it was given back). */
  | { kind: 'closed'; providerCode: string }
  /** Failed at the bank; the money may still have moved, so the order must be reversed. */
  | { kind: 'payerror'; providerCode: string }
  | { kind: 'not_found'; providerCode: string }
  | { kind: 'unknown'; providerCode: string };

export type ReverseOutcome =
  /** Closed; `refunded` when the provider gave money back because the order had been paid. */
  | { kind: 'done'; refunded: boolean }
  /** The provider asks for the same reverse again (recall=Y, retry_flag=Y, "user is paying"). */
  | { kind: 'retry'; providerCode: string }
  | { kind: 'not_found'; providerCode: string }
  | { kind: 'unknown'; providerCode: string };

export type RefundOutcome =
  | { kind: 'done'; refundId: string | null }
  /** Accepted, not final yet: ask again later with the same refund number. */
  | { kind: 'pending'; providerCode: string }
  | { kind: 'failed'; providerCode: string; message: string | null }
  | { kind: 'unknown'; providerCode: string };

export interface PayRequest {
  outTradeNo: string;
  authCode: string;
  amountMinor: number;
  subject: string;
  storeId: string;
  terminalId: string;
}

export interface RefundRequest {
  outTradeNo: string;
  outRefundNo: string;
  /** The order's whole amount (WeChat needs it beside the refund amount). */
  totalMinor: number;
  refundMinor: number;
  reason: string;
}

export interface ProviderTimings {
  /** Ask again this often while the customer enters a password. */
  pollMs: number;
  /** Give up waiting for the password after this long (from the payment call), then reverse. */
  waitLimitMs: number;
  /** After an unknown answer to the payment call, wait this long before the first query. */
  unknownDelayMs: number;
  /** Reverse no sooner than this after the payment call (WeChat: 15 s). */
  reverseAfterMs: number;
  /** How often a reverse is repeated while the provider asks for it, and the pause between. */
  reverseAttempts: number;
  reverseRetryMs: number;
  /** A payment code lives this long: an order the provider never saw is surely dead after it. */
  codeLifeMs: number;
}

export interface ScanPayProvider {
  readonly id: PaymentProvider;
  readonly timings: ProviderTimings;
  pay(request: PayRequest): Promise<PayOutcome>;
  query(outTradeNo: string): Promise<QueryOutcome>;
  reverse(outTradeNo: string): Promise<ReverseOutcome>;
  /** Refunds are deduplicated by `outRefundNo`: repeating the same request refunds once. */
  refund(request: RefundRequest): Promise<RefundOutcome>;
}

/** WeChat's documented pacing: query every ~5 s for 30 s (up to 45 s), reverse no sooner than 15 s. */
export const WECHAT_TIMINGS: ProviderTimings = {
  pollMs: 5000,
  waitLimitMs: 45_000,
  unknownDelayMs: 5000,
  reverseAfterMs: 15_000,
  reverseAttempts: 10,
  reverseRetryMs: 2000,
  codeLifeMs: 60_000,
};

/** Alipay's face-to-face SDK: query 5 times 5 s apart, cancel right after the last query. */
export const ALIPAY_TIMINGS: ProviderTimings = {
  pollMs: 5000,
  waitLimitMs: 30_000,
  unknownDelayMs: 5000,
  reverseAfterMs: 0,
  reverseAttempts: 10,
  reverseRetryMs: 2000,
  codeLifeMs: 60_000,
};

/** fen → "12.34" for Alipay, which counts in yuan with two decimals. */
export function yuan(amountMinor: number): string {
  const sign = amountMinor < 0 ? '-' : '';
  const abs = Math.abs(amountMinor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** "12.34" → 1234, or null when it is not an amount with at most two decimals. */
export function fenOfYuan(text: string | undefined): number | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
