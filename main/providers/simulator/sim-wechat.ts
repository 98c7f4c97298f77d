// The simulator's WeChat Pay v2 side: XML in and out, signed with the merchant key (MD5 or
// HMAC-SHA256), err_code values as the real API documents them.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { wechatSign, wechatVerify } from '../wechat/wechat-sign';
import { fromWechatXml, toWechatXml } from '../wechat/wechat-xml';
import type { SimOrder } from './sim-books';
import { loseRefundReply, playFirstPay, type FirstPayOutcome, type SimState } from './sim-state';

const WECHAT_CODE = /^1[0-5]\d{16}$/;

/** err_code and err_code_des of a first payment that is not answered with the trade. */
const WECHAT_FIRST_PAY_ERRORS: Record<Exclude<FirstPayOutcome, 'paid' | 'reply_lost'>, [string, string]> = {
  paying: ['USERPAYING', '需要用户输入支付密码'],
  insufficient_balance: ['NOTENOUGH', '余额不足'],
  code_expired: ['AUTHCODEEXPIRE', '二维码已过期，请用户在微信上刷新后再试'],
  risk_control: ['TRADE_ERROR', '交易错误：风险控制'],
  system_error: ['SYSTEMERROR', '接口返回错误'],
  already_paid: ['ORDERPAID', '订单已支付'],
  unscripted: ['SYSTEMERROR', '系统错误'],
};

function wechatReply(state: SimState, res: ServerResponse, fields: Record<string, string>, options: { lose?: boolean } = {}): void {
  const full: Record<string, string> = { return_code: 'SUCCESS', return_msg: 'OK', ...fields, nonce_str: randomBytes(8).toString('hex') };
  if (full.return_code === 'SUCCESS') {
    if (state.signType === 'HMAC-SHA256') full.sign_type = 'HMAC-SHA256';
    full.sign = wechatSign(full, state.wechatKey, state.signType);
  }
  if (options.lose) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(toWechatXml(full));
}

/** One WeChat Pay v2 request: checks the signature, answers from the books. */
export function handleWechat(state: SimState, path: string, body: string, res: ServerResponse): void {
  const f = fromWechatXml(body);
  if (!f) return void res.writeHead(200).end(toWechatXml({ return_code: 'FAIL', return_msg: 'XML_FORMAT_ERROR' }));
  if (!wechatVerify(f, state.wechatKey, state.signType)) return void res.writeHead(200).end(toWechatXml({ return_code: 'FAIL', return_msg: '签名错误' }));
  const base = { appid: f.appid ?? '', mch_id: f.mch_id ?? '' };
  const no = f.out_trade_no ?? '';
  state.calls.push({ provider: 'wechat', method: path, outTradeNo: no || null });
  const fail = (code: string, des: string, extra: Record<string, string> = {}) =>
    wechatReply(state, res, { ...base, result_code: 'FAIL', err_code: code, err_code_des: des, ...extra });
  const tradeFields = (o: SimOrder) => ({
    ...base,
    result_code: 'SUCCESS',
    openid: o.payer,
    trade_type: 'MICROPAY',
    bank_type: 'CMC',
    total_fee: String(o.amountMinor),
    cash_fee: String(o.amountMinor),
    transaction_id: o.transactionId,
    out_trade_no: o.outTradeNo,
    time_end: '20261201120000',
  });

  switch (path) {
    case '/pay/micropay': {
      const amount = Number(f.total_fee);
      const code = f.auth_code ?? '';
      if (!no || !Number.isSafeInteger(amount) || amount <= 0 || !f.spbill_create_ip) return fail('PARAM_ERROR', '参数错误');
      const existing = state.books.get('wechat', no);
      if (existing) {
        state.books.advance(existing);
        if (existing.state === 'reversed') return fail('ORDERREVERSED', '订单已撤销');
        if (existing.state === 'closed') return fail('ORDERCLOSED', '订单已关闭');
        if (existing.amountMinor !== amount) return fail('OUT_TRADE_NO_USED', '商户订单号重复');
        if (existing.state === 'paid') return wechatReply(state, res, tradeFields(existing));
        return fail('USERPAYING', '需要用户输入支付密码');
      }
      if (!WECHAT_CODE.test(code) || state.books.usedCodes.has(code)) return fail('AUTH_CODE_INVALID', '授权码检验错误');
      state.books.usedCodes.add(code);
      const o = state.books.create('wechat', no, amount, code);
      const outcome = playFirstPay(state.books, o);
      if (outcome === 'paid') return wechatReply(state, res, tradeFields(o));
      if (outcome === 'reply_lost') return wechatReply(state, res, tradeFields(o), { lose: true });
      const [errCode, errDes] = WECHAT_FIRST_PAY_ERRORS[outcome];
      return fail(errCode, errDes);
    }
    case '/pay/orderquery': {
      const o = state.books.get('wechat', no);
      if (!o || o.amountMinor === 0) return fail('ORDERNOTEXIST', '此交易订单号不存在');
      state.books.advance(o);
      const tradeState =
        o.state === 'paid'
          ? o.refunds.size > 0
            ? 'REFUND'
            : 'SUCCESS'
          : o.state === 'paying'
            ? 'USERPAYING'
            : o.state === 'payerror'
              ? 'PAYERROR'
              : o.state === 'reversed'
                ? 'REVOKED'
                : 'CLOSED';
      if (tradeState === 'SUCCESS' || tradeState === 'REFUND') return wechatReply(state, res, { ...tradeFields(o), trade_state: tradeState });
      return wechatReply(state, res, { ...base, result_code: 'SUCCESS', out_trade_no: no, trade_state: tradeState, total_fee: String(o.amountMinor) });
    }
    case '/secapi/pay/reverse': {
      const o = state.books.get('wechat', no);
      if (!o) {
        state.books.tombstone('wechat', no);
        return fail('ORDERNOTEXIST', '此交易订单号不存在', { recall: 'N' });
      }
      state.books.advance(o);
      o.reverseCalls += 1;
      // The customer who never enters the password keeps the order "paying" for one more round.
      if (o.scenario === 'password_never' && o.reverseCalls === 1) return fail('SYSTEMERROR', '请重试', { recall: 'Y' });
      if (o.state === 'paid') o.reversedPaid = true;
      if (o.refunds.size > 0) return fail('REVERSE_EXPIRE', '订单已退款，不能撤销', { recall: 'N' });
      o.state = 'reversed';
      return wechatReply(state, res, { ...base, result_code: 'SUCCESS', recall: 'N' });
    }
    case '/secapi/pay/refund': {
      const o = state.books.get('wechat', no);
      const refundNo = f.out_refund_no ?? '';
      const fee = Number(f.refund_fee);
      if (!o || o.state !== 'paid') return fail('ORDERNOTEXIST', '订单不存在或未支付');
      if (Number(f.total_fee) !== o.amountMinor || !refundNo || !Number.isSafeInteger(fee) || fee <= 0) return fail('PARAM_ERROR', '参数错误');
      const done = o.refunds.get(refundNo);
      const closed = state.books.closedRefunds.get(refundNo);
      // A closed refund number asked again is answered as accepted; its query says it was closed.
      if (closed) {
        if (closed.fee !== fee) return fail('PARAM_ERROR', '同一退款单号金额不一致');
      } else if (done === undefined) {
        if (fee > o.amountMinor - state.books.refundedOf(o)) return fail('NOTENOUGH', '退款金额超过可退金额');
        const scripted = state.books.nextRefund();
        if (scripted === 'refuse') return fail('USER_ACCOUNT_ABNORMAL', '退款请求失败：用户账户异常');
        if (scripted === 'pending') state.books.processing.add(refundNo);
        o.refunds.set(refundNo, fee);
      } else if (done !== fee) return fail('PARAM_ERROR', '同一退款单号金额不一致');
      const lose = loseRefundReply(state, refundNo, fee);
      return wechatReply(
        state,
        res,
        {
          ...base,
          result_code: 'SUCCESS',
          out_trade_no: no,
          out_refund_no: refundNo,
          refund_id: `50${refundNo.length}${o.transactionId.slice(-12)}`,
          refund_fee: String(fee),
        },
        { lose },
      );
    }
    case '/pay/refundquery': {
      const refundNo = f.out_refund_no ?? '';
      const closed = state.books.closedRefunds.get(refundNo);
      const o = closed?.order ?? [...state.books.orders.values()].find((x) => x.provider === 'wechat' && x.refunds.has(refundNo));
      if (!o) return fail('REFUNDNOTEXIST', '退款订单查询失败');
      return wechatReply(state, res, {
        ...base,
        result_code: 'SUCCESS',
        out_trade_no: o.outTradeNo,
        refund_count: '1',
        out_refund_no_0: refundNo,
        refund_id_0: `50${refundNo.length}${o.transactionId.slice(-12)}`,
        refund_fee_0: String(closed?.fee ?? o.refunds.get(refundNo) ?? 0),
        refund_status_0: closed ? 'REFUNDCLOSE' : state.books.processing.has(refundNo) ? 'PROCESSING' : 'SUCCESS',
      });
    }
    default:
      res.writeHead(404).end();
  }
}
