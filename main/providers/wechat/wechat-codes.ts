// What WeChat Pay v2's answers mean for the register, pure. Anything not listed as a certain
// refusal is `unknown`, which makes the register query instead of guessing: a code WeChat adds
// tomorrow can delay a payment, never lose or double one.
import type { PayOutcome, QueryOutcome, RefundOutcome, RefusalReason, ReverseOutcome, TradeFacts } from '../provider';

type Fields = Readonly<Record<string, string | undefined>>;

const REFUSED: Record<string, RefusalReason> = {
  NOTENOUGH: 'insufficient_balance',
  AUTHCODEEXPIRE: 'code_expired',
  AUTH_CODE_ERROR: 'code_invalid',
  AUTH_CODE_INVALID: 'code_invalid',
  NOTSUPORTCARD: 'card_not_supported',
  TRADE_ERROR: 'risk_control',
  BUYER_MISMATCH: 'refused',
  PARAM_ERROR: 'configuration',
  SIGNERROR: 'configuration',
  NOAUTH: 'configuration',
  APPID_NOT_EXIST: 'configuration',
  MCHID_NOT_EXIST: 'configuration',
  APPID_MCHID_NOT_MATCH: 'configuration',
  LACK_PARAMS: 'configuration',
  XML_FORMAT_ERROR: 'configuration',
  POST_DATA_EMPTY: 'configuration',
  NOT_UTF8: 'configuration',
  INVALID_REQUEST: 'configuration',
};

function trade(f: Fields): TradeFacts | null {
  const amount = Number(f.total_fee);
  if (!f.transaction_id || !Number.isSafeInteger(amount)) return null;
  const openid = f.openid ?? '';
  return { transactionId: f.transaction_id, amountMinor: amount, payer: openid.length > 8 ? `${openid.slice(0, 4)}***${openid.slice(-4)}` : null };
}

/** `return_code` FAIL: the gateway refused the request itself (bad signature, bad fields); nothing was processed. */
function gatewayRefusal(f: Fields): { kind: 'failed'; reason: RefusalReason; providerCode: string; message: string | null } | null {
  if (f.return_code === 'SUCCESS') return null;
  return { kind: 'failed', reason: 'configuration', providerCode: `return:${f.return_code ?? '?'}`, message: f.return_msg ?? null };
}

export function micropayOutcome(f: Fields): PayOutcome {
  const refused = gatewayRefusal(f);
  if (refused) return refused;
  if (f.result_code === 'SUCCESS') {
    const t = trade(f);
    return t ? { kind: 'paid', trade: t } : { kind: 'unknown', providerCode: 'SUCCESS_WITHOUT_TRADE' };
  }
  const code = f.err_code ?? 'UNKNOWN';
  if (code === 'USERPAYING') return { kind: 'waiting', providerCode: code };
  const reason = REFUSED[code];
  if (reason) return { kind: 'failed', reason, providerCode: code, message: f.err_code_des ?? null };
  // SYSTEMERROR, BANKERROR, ORDERPAID, ORDERREVERSED, ORDERCLOSED, OUT_TRADE_NO_USED and anything new: ask.
  return { kind: 'unknown', providerCode: code };
}

export function orderqueryOutcome(f: Fields): QueryOutcome {
  if (f.return_code !== 'SUCCESS') return { kind: 'unknown', providerCode: `return:${f.return_code ?? '?'}` };
  if (f.result_code !== 'SUCCESS') {
    const code = f.err_code ?? 'UNKNOWN';
    return code === 'ORDERNOTEXIST' ? { kind: 'not_found', providerCode: code } : { kind: 'unknown', providerCode: code };
  }
  const state = f.trade_state ?? '';
  switch (state) {
    // REFUND: paid, then (partly) refunded, by us through a refund of the sale.
    case 'SUCCESS':
    case 'REFUND': {
      const t = trade(f);
      return t ? { kind: 'paid', trade: t } : { kind: 'unknown', providerCode: `${state}_WITHOUT_TRADE` };
    }
    case 'NOTPAY':
    case 'USERPAYING':
      return { kind: 'waiting', providerCode: state };
    case 'CLOSED':
    case 'REVOKED':
      return { kind: 'closed', providerCode: state };
    case 'PAYERROR':
      return { kind: 'payerror', providerCode: state };
    default:
      return { kind: 'unknown', providerCode: state || 'NO_TRADE_STATE' };
  }
}

export function reverseOutcome(f: Fields): ReverseOutcome {
  if (f.return_code !== 'SUCCESS') return { kind: 'unknown', providerCode: `return:${f.return_code ?? '?'}` };
  if (f.result_code === 'SUCCESS' && f.recall !== 'Y') return { kind: 'done', refunded: false };
  const code = f.err_code ?? (f.recall === 'Y' ? 'RECALL' : 'UNKNOWN');
  if (code === 'ORDERNOTEXIST') return { kind: 'not_found', providerCode: code };
  // recall=Y asks for the same call again; so do a busy system and a customer still typing the password.
  if (f.recall === 'Y' || code === 'SYSTEMERROR' || code === 'USERPAYING') return { kind: 'retry', providerCode: code };
  return { kind: 'unknown', providerCode: code };
}

export function refundOutcome(f: Fields): RefundOutcome {
  if (f.return_code !== 'SUCCESS') return { kind: 'unknown', providerCode: `return:${f.return_code ?? '?'}` };
  if (f.result_code === 'SUCCESS') return { kind: 'pending', providerCode: 'ACCEPTED' };
  const code = f.err_code ?? 'UNKNOWN';
  if (code === 'SYSTEMERROR' || code === 'BIZERR_NEED_RETRY' || code === 'FREQUENCY_LIMITED') return { kind: 'unknown', providerCode: code };
  return { kind: 'failed', providerCode: code, message: f.err_code_des ?? null };
}

/** refundquery by out_refund_no: the first (and only) refund listed under that number. */
export function refundqueryOutcome(f: Fields): RefundOutcome {
  if (f.return_code !== 'SUCCESS') return { kind: 'unknown', providerCode: `return:${f.return_code ?? '?'}` };
  if (f.result_code !== 'SUCCESS') return { kind: 'unknown', providerCode: f.err_code ?? 'UNKNOWN' };
  const status = f.refund_status_0 ?? '';
  if (status === 'SUCCESS') return { kind: 'done', refundId: f.refund_id_0 ?? null };
  if (status === 'PROCESSING') return { kind: 'pending', providerCode: status };
  if (status === 'REFUNDCLOSE' || status === 'CHANGE') return { kind: 'failed', providerCode: status, message: null };
  return { kind: 'unknown', providerCode: status || 'NO_REFUND_STATUS' };
}
