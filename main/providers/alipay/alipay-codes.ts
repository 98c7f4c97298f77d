// What Alipay's answers mean for the register, pure (fields as the SDK returns them, camelCased).
// As Alipay's own face-to-face SDK does: 10000 paid, 10003 waiting for the buyer, 20000 and
// ACQ.SYSTEM_ERROR unknown (query), any other 40004 a refusal.
import type { PayOutcome, QueryOutcome, RefundOutcome, RefusalReason, ReverseOutcome, TradeFacts } from '../provider';
import { fenOfYuan } from '../provider';

export interface AlipayReply {
  code?: string;
  msg?: string;
  subCode?: string;
  subMsg?: string;
  tradeNo?: string;
  totalAmount?: string;
  buyerLogonId?: string;
  tradeStatus?: string;
  retryFlag?: string;
  action?: string;
  fundChange?: string;
  refundStatus?: string;
}

const REFUSED: Record<string, RefusalReason> = {
  'ACQ.BUYER_BALANCE_NOT_ENOUGH': 'insufficient_balance',
  'ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH': 'insufficient_balance',
  'ACQ.PAYMENT_AUTH_CODE_INVALID': 'code_expired',
  'ACQ.BUYER_ENABLE_STATUS_FORBID': 'risk_control',
  'ACQ.PAYMENT_FAIL': 'risk_control',
  'ACQ.BUYER_PAYMENT_AMOUNT_DAY_LIMIT_ERROR': 'risk_control',
  'ACQ.BUYER_PAYMENT_AMOUNT_MONTH_LIMIT_ERROR': 'risk_control',
  'ACQ.ERROR_BUYER_CERTIFY_LEVEL_LIMIT': 'risk_control',
  'ACQ.INVALID_PARAMETER': 'configuration',
  'ACQ.ACCESS_FORBIDDEN': 'configuration',
  'ACQ.SELLER_BALANCE_NOT_ENOUGH': 'refused',
};

/** Sub-codes of 40004 that leave the outcome open: the register queries. */
const ASK_AGAIN = new Set(['ACQ.SYSTEM_ERROR', 'ACQ.TRADE_HAS_SUCCESS', 'ACQ.TRADE_HAS_CLOSE', 'ACQ.CONTEXT_INCONSISTENT', 'ACQ.TRADE_STATUS_ERROR']);

function trade(r: AlipayReply): TradeFacts | null {
  const amount = fenOfYuan(r.totalAmount);
  if (!r.tradeNo || amount === null) return null;
  return { transactionId: r.tradeNo, amountMinor: amount, payer: r.buyerLogonId ?? null };
}

function codeOf(r: AlipayReply): string {
  return r.subCode ? `${r.code ?? '?'}:${r.subCode}` : (r.code ?? 'NO_CODE');
}

export function payOutcome(r: AlipayReply): PayOutcome {
  if (r.code === '10000') {
    const t = trade(r);
    return t ? { kind: 'paid', trade: t } : { kind: 'unknown', providerCode: '10000_WITHOUT_TRADE' };
  }
  if (r.code === '10003') return { kind: 'waiting', providerCode: '10003' };
  if (r.code === '40004' && r.subCode && !ASK_AGAIN.has(r.subCode)) {
    return { kind: 'failed', reason: REFUSED[r.subCode] ?? 'refused', providerCode: codeOf(r), message: r.subMsg ?? null };
  }
  // The gateway refused the call itself (bad key, bad app id): nothing was processed.
  if (r.code === '40001' || r.code === '40002' || r.code === '40006')
    return { kind: 'failed', reason: 'configuration', providerCode: codeOf(r), message: r.subMsg ?? null };
  return { kind: 'unknown', providerCode: codeOf(r) };
}

export function queryOutcome(r: AlipayReply): QueryOutcome {
  if (r.code === '10000') {
    switch (r.tradeStatus) {
      case 'TRADE_SUCCESS':
      case 'TRADE_FINISHED': {
        const t = trade(r);
        return t ? { kind: 'paid', trade: t } : { kind: 'unknown', providerCode: 'PAID_WITHOUT_TRADE' };
      }
      case 'WAIT_BUYER_PAY':
        return { kind: 'waiting', providerCode: 'WAIT_BUYER_PAY' };
      case 'TRADE_CLOSED':
        return { kind: 'closed', providerCode: 'TRADE_CLOSED' };
      default:
        return { kind: 'unknown', providerCode: r.tradeStatus ?? 'NO_TRADE_STATUS' };
    }
  }
  if (r.subCode === 'ACQ.TRADE_NOT_EXIST') return { kind: 'not_found', providerCode: codeOf(r) };
  return { kind: 'unknown', providerCode: codeOf(r) };
}

export function cancelOutcome(r: AlipayReply): ReverseOutcome {
  if (r.code === '10000') return r.retryFlag === 'Y' ? { kind: 'retry', providerCode: 'RETRY_FLAG' } : { kind: 'done', refunded: r.action === 'refund' };
  if (r.subCode === 'ACQ.TRADE_NOT_EXIST') return { kind: 'not_found', providerCode: codeOf(r) };
  if (r.retryFlag === 'Y' || r.subCode === 'ACQ.SYSTEM_ERROR' || r.code === '20000') return { kind: 'retry', providerCode: codeOf(r) };
  return { kind: 'unknown', providerCode: codeOf(r) };
}

export function refundOutcome(r: AlipayReply): RefundOutcome {
  if (r.code === '10000') return r.fundChange === 'Y' ? { kind: 'done', refundId: r.tradeNo ?? null } : { kind: 'pending', providerCode: 'FUND_CHANGE_N' };
  if (r.code === '20000' || r.subCode === 'ACQ.SYSTEM_ERROR') return { kind: 'unknown', providerCode: codeOf(r) };
  return { kind: 'failed', providerCode: codeOf(r), message: r.subMsg ?? null };
}

/** alipay.trade.fastpay.refund.query: REFUND_SUCCESS (or a 10000 with the refund amount, as older replies give) is done. */
export function refundQueryOutcome(r: AlipayReply & { refundAmount?: string }): RefundOutcome {
  if (r.code !== '10000') return { kind: 'unknown', providerCode: codeOf(r) };
  if (r.refundStatus === 'REFUND_SUCCESS' || (!r.refundStatus && r.refundAmount)) return { kind: 'done', refundId: r.tradeNo ?? null };
  return { kind: 'unknown', providerCode: r.refundStatus ?? 'REFUND_NOT_FOUND' };
}
