// The simulator's Alipay side: gateway.do with form parameters in, JSON out, RSA2 both ways
// (the register's app key on requests, Alipay's own key on replies), sub_code values as documented.
import { createSign, createVerify } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { fenOfYuan, yuan } from '../provider';
import type { SimOrder } from './sim-books';
import { loseRefundReply, playFirstPay, type FirstPayOutcome, type SimState } from './sim-state';

const ALIPAY_CODE = /^(2[5-9]|30)\d{14,22}$/;

/** sub_code and sub_msg of a first payment that Alipay refuses as a business failure. */
const ALIPAY_FIRST_PAY_ERRORS: Record<Exclude<FirstPayOutcome, 'paid' | 'reply_lost' | 'paying' | 'system_error'>, [string, string]> = {
  insufficient_balance: ['ACQ.BUYER_BALANCE_NOT_ENOUGH', '买家余额不足'],
  code_expired: ['ACQ.PAYMENT_AUTH_CODE_INVALID', '支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款'],
  risk_control: ['ACQ.PAYMENT_FAIL', '支付失败（风险控制）'],
  already_paid: ['ACQ.TRADE_HAS_SUCCESS', '交易已被支付'],
  unscripted: ['ACQ.SYSTEM_ERROR', '系统错误'],
};

function alipayReply(
  state: SimState,
  res: ServerResponse,
  method: string,
  body: Record<string, string>,
  options: { lose?: boolean; unsigned?: boolean } = {},
): void {
  const key = `${method.replaceAll('.', '_')}_response`;
  const inner = JSON.stringify(body);
  const sign = createSign('RSA-SHA256').update(inner, 'utf8').sign(state.alipayKeys.privateKey, 'base64');
  if (options.lose) {
    res.socket?.destroy();
    return;
  }
  const text = options.unsigned ? `{"${key}":${inner}}` : `{"${key}":${inner},"sign":"${sign}"}`;
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(text);
}

/** One Alipay gateway.do request: checks the RSA2 signature, answers from the books. */
export function handleAlipay(state: SimState, url: URL, body: string, res: ServerResponse): void {
  const params: Record<string, string> = {};
  for (const [k, v] of url.searchParams) params[k] = v;
  for (const [k, v] of new URLSearchParams(body)) params[k] = v;
  const method = params.method ?? '';
  const signed = Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k] ?? ''}`)
    .join('&');
  const signatureOk = !!params.sign && createVerify('RSA-SHA256').update(signed, 'utf8').verify(state.appKeys.publicKey, params.sign, 'base64');
  if (!signatureOk || params.sign_type !== 'RSA2') {
    return alipayReply(
      state,
      res,
      method,
      { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-signature', sub_msg: '验签出错' },
      { unsigned: true },
    );
  }
  let biz: Record<string, string>;
  try {
    biz = JSON.parse(params.biz_content ?? '{}') as Record<string, string>;
  } catch {
    return alipayReply(state, res, method, { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-parameter', sub_msg: 'biz_content' });
  }
  const no = biz.out_trade_no ?? '';
  state.calls.push({ provider: 'alipay', method, outTradeNo: no || null });
  const reply = (b: Record<string, string>, o: { lose?: boolean } = {}) => alipayReply(state, res, method, b, o);
  const fail = (sub: string, subMsg: string, extra: Record<string, string> = {}) =>
    reply({ code: '40004', msg: 'Business Failed', sub_code: sub, sub_msg: subMsg, ...extra });
  const tradeFields = (o: SimOrder) => ({
    code: '10000',
    msg: 'Success',
    trade_no: o.transactionId,
    out_trade_no: o.outTradeNo,
    buyer_logon_id: o.payer,
    total_amount: yuan(o.amountMinor),
    receipt_amount: yuan(o.amountMinor),
    gmt_payment: '2026-12-01 12:00:00',
  });

  switch (method) {
    case 'alipay.trade.pay': {
      const amount = fenOfYuan(biz.total_amount);
      const code = biz.auth_code ?? '';
      if (!no || amount === null || amount <= 0 || biz.scene !== 'bar_code') return fail('ACQ.INVALID_PARAMETER', '参数无效');
      const existing = state.books.get('alipay', no);
      if (existing) {
        state.books.advance(existing);
        if (existing.state === 'reversed' || existing.state === 'closed') return fail('ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
        if (existing.amountMinor !== amount) return fail('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改');
        if (existing.state === 'paid') return fail('ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
        return reply({ code: '10003', msg: ' order success pay inprocess', out_trade_no: no, trade_no: existing.transactionId, total_amount: yuan(amount) });
      }
      if (!ALIPAY_CODE.test(code) || state.books.usedCodes.has(code)) return fail('ACQ.PAYMENT_AUTH_CODE_INVALID', '支付授权码无效');
      state.books.usedCodes.add(code);
      const o = state.books.create('alipay', no, amount, code);
      const outcome = playFirstPay(state.books, o);
      if (outcome === 'paid') return reply(tradeFields(o));
      if (outcome === 'reply_lost') return reply(tradeFields(o), { lose: true });
      if (outcome === 'paying')
        return reply({ code: '10003', msg: ' order success pay inprocess', out_trade_no: no, trade_no: o.transactionId, total_amount: yuan(amount) });
      if (outcome === 'system_error') return reply({ code: '20000', msg: 'Service Currently Unavailable', sub_code: 'aop.unknow-error', sub_msg: '系统繁忙' });
      const [subCode, subMsg] = ALIPAY_FIRST_PAY_ERRORS[outcome];
      return fail(subCode, subMsg);
    }
    case 'alipay.trade.query': {
      const o = state.books.get('alipay', no);
      if (!o || o.amountMinor === 0) return fail('ACQ.TRADE_NOT_EXIST', '交易不存在');
      state.books.advance(o);
      // Alipay has no PAYERROR: a failed bank step leaves the trade waiting until it is cancelled.
      const status = o.state === 'paid' ? 'TRADE_SUCCESS' : o.state === 'paying' || o.state === 'payerror' ? 'WAIT_BUYER_PAY' : 'TRADE_CLOSED';
      if (status === 'TRADE_SUCCESS') return reply({ ...tradeFields(o), trade_status: status });
      return reply({ code: '10000', msg: 'Success', out_trade_no: no, trade_no: o.transactionId, trade_status: status, total_amount: yuan(o.amountMinor) });
    }
    case 'alipay.trade.cancel': {
      const o = state.books.get('alipay', no);
      if (!o) {
        state.books.tombstone('alipay', no);
        return fail('ACQ.TRADE_NOT_EXIST', '交易不存在');
      }
      state.books.advance(o);
      o.reverseCalls += 1;
      if (o.scenario === 'password_never' && o.reverseCalls === 1) return reply({ code: '10000', msg: 'Success', out_trade_no: no, retry_flag: 'Y' });
      if (o.refunds.size > 0) return fail('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
      const wasPaid = o.state === 'paid';
      if (wasPaid) o.reversedPaid = true;
      o.state = 'reversed';
      return reply({ code: '10000', msg: 'Success', out_trade_no: no, trade_no: o.transactionId, retry_flag: 'N', action: wasPaid ? 'refund' : 'close' });
    }
    case 'alipay.trade.refund': {
      const o = state.books.get('alipay', no);
      const refundNo = biz.out_request_no ?? '';
      const fee = fenOfYuan(biz.refund_amount);
      if (!o || o.state !== 'paid') return fail('ACQ.TRADE_NOT_EXIST', '交易不存在');
      if (!refundNo || fee === null || fee <= 0) return fail('ACQ.INVALID_PARAMETER', '参数无效');
      const done = o.refunds.get(refundNo);
      let fundChange = 'N';
      if (done === undefined) {
        if (fee > o.amountMinor - state.books.refundedOf(o)) return fail('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
        // Alipay answers a refund at once: a scripted refusal is the merchant's balance, and it has no processing state to play.
        if (state.books.nextRefund() === 'refuse') return fail('ACQ.SELLER_BALANCE_NOT_ENOUGH', '卖家余额不足');
        o.refunds.set(refundNo, fee);
        fundChange = 'Y';
      }
      const lose = loseRefundReply(state, refundNo, fee);
      return reply(
        {
          code: '10000',
          msg: 'Success',
          trade_no: o.transactionId,
          out_trade_no: no,
          buyer_logon_id: o.payer,
          fund_change: fundChange,
          refund_fee: yuan(state.books.refundedOf(o)),
        },
        { lose },
      );
    }
    case 'alipay.trade.fastpay.refund.query': {
      const o = state.books.get('alipay', no);
      const refundNo = biz.out_request_no ?? '';
      const fee = o?.refunds.get(refundNo);
      if (!o || fee === undefined) return reply({ code: '10000', msg: 'Success', out_trade_no: no });
      return reply({
        code: '10000',
        msg: 'Success',
        trade_no: o.transactionId,
        out_trade_no: no,
        out_request_no: refundNo,
        refund_amount: yuan(fee),
        refund_status: 'REFUND_SUCCESS',
      });
    }
    default:
      return alipayReply(state, res, method, { code: '40004', msg: 'Business Failed', sub_code: 'isv.invalid-method', sub_msg: '不存在的方法名' });
  }
}
