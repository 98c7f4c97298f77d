// A local scan-to-pay provider for development, the demo and tests: one HTTP server on
// 127.0.0.1 answering both WeChat Pay v2 (XML, MD5/HMAC-SHA256) and Alipay (gateway.do, RSA2)
// as the real APIs do, checking the register's signatures and signing its own replies. Which
// case each payment plays is scripted by amount (see sim-books.ts), as the providers' sandboxes
// choose cases by amount or header.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { PaymentProvider } from '../provider';
import { fenOfYuan, yuan } from '../provider';
import { wechatSign, wechatVerify, type WechatSignType } from '../wechat/wechat-sign';
import { fromWechatXml, toWechatXml } from '../wechat/wechat-xml';
import type { WechatCredentials } from '../wechat/wechat-client';
import type { AlipayCredentials } from '../alipay/alipay-client';
import { REFUND_RETRY_CENTS, SimBooks, type BookEntry, type SimOrder, type SimScenario } from './sim-books';

export interface PaySimulatorOptions {
  port?: number;
  /** How long the customer takes to enter the password (password_then_paid, payerror). */
  passwordMs?: number;
  /** Every reply waits this long first (a provider's own latency). */
  replyDelayMs?: number;
  wechatSignType?: WechatSignType;
  clock?: () => number;
}

const WECHAT_CODE = /^1[0-5]\d{16}$/;
const ALIPAY_CODE = /^(2[5-9]|30)\d{14,22}$/;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 64 * 1024) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export class PaySimulator {
  readonly books: SimBooks;
  /** Milliseconds the simulator spent waiting on purpose (reply delays), for the bench. */
  scriptedDelayTotalMs = 0;
  /** Requests per API method, for tests that check what the register asked. */
  readonly calls: { provider: PaymentProvider; method: string; outTradeNo: string | null }[] = [];
  private readonly wechatKey = randomBytes(16).toString('hex');
  private readonly signType: WechatSignType;
  private readonly alipayKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly appKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly lostRefunds = new Set<string>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly options: PaySimulatorOptions,
    books: SimBooks,
  ) {
    this.books = books;
    this.signType = options.wechatSignType ?? 'HMAC-SHA256';
  }

  static async start(options: PaySimulatorOptions = {}): Promise<PaySimulator> {
    const clock = options.clock ?? Date.now;
    const books = new SimBooks(clock, options.passwordMs ?? 3000);
    let sim: PaySimulator | null = null;
    const server = createServer((req, res) => {
      if (sim) void sim.handle(req, res);
      else res.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    server.keepAliveTimeout = 1000;
    sim = new PaySimulator(server, (server.address() as AddressInfo).port, options, books);
    return sim;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Credentials a register needs to talk to this simulator (its keys are made anew at every start). */
  wechatCredentials(): WechatCredentials {
    return { appId: 'wxd930ea5d5a258f4f', mchId: '10000100', apiKey: this.wechatKey, signType: this.signType, certificate: null, gateway: this.url };
  }

  alipayCredentials(): AlipayCredentials {
    return {
      appId: '2021000000000001',
      privateKey: this.appKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      alipayPublicKey: this.alipayKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      gateway: `${this.url}/gateway.do`,
    };
  }

  script(...scenarios: SimScenario[]): void {
    this.books.script(...scenarios);
  }

  entries(): BookEntry[] {
    return this.books.entries();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const body = await readBody(req);
      const delay = this.options.replyDelayMs ?? 0;
      if (delay > 0) {
        this.scriptedDelayTotalMs += delay;
        await new Promise((r) => setTimeout(r, delay));
      }
      const url = new URL(req.url ?? '/', this.url);
      if (url.pathname === '/gateway.do') return this.alipay(url, body, res);
      return this.wechat(url.pathname, body, res);
    } catch {
      res.destroy();
    }
  }

  // ---- WeChat Pay v2 -------------------------------------------------------------------------

  private wechatReply(res: ServerResponse, fields: Record<string, string>, options: { lose?: boolean } = {}): void {
    const full: Record<string, string> = { return_code: 'SUCCESS', return_msg: 'OK', ...fields, nonce_str: randomBytes(8).toString('hex') };
    if (full.return_code === 'SUCCESS') {
      if (this.signType === 'HMAC-SHA256') full.sign_type = 'HMAC-SHA256';
      full.sign = wechatSign(full, this.wechatKey, this.signType);
    }
    if (options.lose) {
      res.socket?.destroy();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(toWechatXml(full));
  }

  private wechat(path: string, body: string, res: ServerResponse): void {
    const f = fromWechatXml(body);
    if (!f) return void res.writeHead(200).end(toWechatXml({ return_code: 'FAIL', return_msg: 'XML_FORMAT_ERROR' }));
    if (!wechatVerify(f, this.wechatKey, this.signType)) return void res.writeHead(200).end(toWechatXml({ return_code: 'FAIL', return_msg: '签名错误' }));
    const base = { appid: f.appid ?? '', mch_id: f.mch_id ?? '' };
    const no = f.out_trade_no ?? '';
    this.calls.push({ provider: 'wechat', method: path, outTradeNo: no || null });
    const fail = (code: string, des: string, extra: Record<string, string> = {}) =>
      this.wechatReply(res, { ...base, result_code: 'FAIL', err_code: code, err_code_des: des, ...extra });
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
        const existing = this.books.get('wechat', no);
        if (existing) {
          this.books.advance(existing);
          if (existing.state === 'reversed') return fail('ORDERREVERSED', '订单已撤销');
          if (existing.state === 'closed') return fail('ORDERCLOSED', '订单已关闭');
          if (existing.amountMinor !== amount) return fail('OUT_TRADE_NO_USED', '商户订单号重复');
          if (existing.state === 'paid') return this.wechatReply(res, tradeFields(existing));
          return fail('USERPAYING', '需要用户输入支付密码');
        }
        if (!WECHAT_CODE.test(code) || this.books.usedCodes.has(code)) return fail('AUTH_CODE_INVALID', '授权码检验错误');
        this.books.usedCodes.add(code);
        const o = this.books.create('wechat', no, amount, code);
        switch (o.scenario) {
          case 'success':
            this.books.markPaid(o);
            return this.wechatReply(res, tradeFields(o));
          case 'password_then_paid':
          case 'password_never':
          case 'payerror':
            return fail('USERPAYING', '需要用户输入支付密码');
          case 'insufficient_balance':
            o.state = 'closed';
            return fail('NOTENOUGH', '余额不足');
          case 'code_expired':
            o.state = 'closed';
            return fail('AUTHCODEEXPIRE', '二维码已过期，请用户在微信上刷新后再试');
          case 'risk_control':
            o.state = 'closed';
            return fail('TRADE_ERROR', '交易错误：风险控制');
          case 'system_error_then_paid':
            this.books.markPaid(o);
            return fail('SYSTEMERROR', '接口返回错误');
          case 'reply_lost':
            this.books.markPaid(o);
            return this.wechatReply(res, tradeFields(o), { lose: true });
          case 'duplicate_order':
            this.books.markPaid(o);
            return fail('ORDERPAID', '订单已支付');
        }
        return fail('SYSTEMERROR', '系统错误');
      }
      case '/pay/orderquery': {
        const o = this.books.get('wechat', no);
        if (!o || o.amountMinor === 0) return fail('ORDERNOTEXIST', '此交易订单号不存在');
        this.books.advance(o);
        const state =
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
        if (state === 'SUCCESS' || state === 'REFUND') return this.wechatReply(res, { ...tradeFields(o), trade_state: state });
        return this.wechatReply(res, { ...base, result_code: 'SUCCESS', out_trade_no: no, trade_state: state, total_fee: String(o.amountMinor) });
      }
      case '/secapi/pay/reverse': {
        const o = this.books.get('wechat', no);
        if (!o) {
          this.books.tombstone('wechat', no);
          return fail('ORDERNOTEXIST', '此交易订单号不存在', { recall: 'N' });
        }
        this.books.advance(o);
        o.reverseCalls += 1;
        // The customer who never enters the password keeps the order "paying" for one more round.
        if (o.scenario === 'password_never' && o.reverseCalls === 1) return fail('SYSTEMERROR', '请重试', { recall: 'Y' });
        if (o.state === 'paid') o.reversedPaid = true;
        if (o.refunds.size > 0) return fail('REVERSE_EXPIRE', '订单已退款，不能撤销', { recall: 'N' });
        o.state = 'reversed';
        return this.wechatReply(res, { ...base, result_code: 'SUCCESS', recall: 'N' });
      }
      case '/secapi/pay/refund': {
        const o = this.books.get('wechat', no);
        const refundNo = f.out_refund_no ?? '';
        const fee = Number(f.refund_fee);
        if (!o || o.state !== 'paid') return fail('ORDERNOTEXIST', '订单不存在或未支付');
        if (Number(f.total_fee) !== o.amountMinor || !refundNo || !Number.isSafeInteger(fee) || fee <= 0) return fail('PARAM_ERROR', '参数错误');
        const done = o.refunds.get(refundNo);
        if (done === undefined) {
          if (fee > o.amountMinor - this.books.refundedOf(o)) return fail('NOTENOUGH', '退款金额超过可退金额');
          o.refunds.set(refundNo, fee);
        } else if (done !== fee) return fail('PARAM_ERROR', '同一退款单号金额不一致');
        const lose = fee % 100 === REFUND_RETRY_CENTS && !this.lostRefunds.has(refundNo);
        if (lose) this.lostRefunds.add(refundNo);
        return this.wechatReply(
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
        const o = [...this.books.orders.values()].find((x) => x.provider === 'wechat' && x.refunds.has(refundNo));
        if (!o) return fail('REFUNDNOTEXIST', '退款订单查询失败');
        return this.wechatReply(res, {
          ...base,
          result_code: 'SUCCESS',
          out_trade_no: o.outTradeNo,
          refund_count: '1',
          out_refund_no_0: refundNo,
          refund_id_0: `50${refundNo.length}${o.transactionId.slice(-12)}`,
          refund_fee_0: String(o.refunds.get(refundNo) ?? 0),
          refund_status_0: 'SUCCESS',
        });
      }
      default:
        res.writeHead(404).end();
    }
  }

  // ---- Alipay ---------------------------------------------------------------------------------

  private alipayReply(res: ServerResponse, method: string, body: Record<string, string>, options: { lose?: boolean; unsigned?: boolean } = {}): void {
    const key = `${method.replaceAll('.', '_')}_response`;
    const inner = JSON.stringify(body);
    const sign = createSign('RSA-SHA256').update(inner, 'utf8').sign(this.alipayKeys.privateKey, 'base64');
    if (options.lose) {
      res.socket?.destroy();
      return;
    }
    const text = options.unsigned ? `{"${key}":${inner}}` : `{"${key}":${inner},"sign":"${sign}"}`;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(text);
  }

  private alipay(url: URL, body: string, res: ServerResponse): void {
    const params: Record<string, string> = {};
    for (const [k, v] of url.searchParams) params[k] = v;
    for (const [k, v] of new URLSearchParams(body)) params[k] = v;
    const method = params.method ?? '';
    const signed = Object.keys(params)
      .filter((k) => k !== 'sign' && params[k] !== '')
      .sort()
      .map((k) => `${k}=${params[k] ?? ''}`)
      .join('&');
    const signatureOk = !!params.sign && createVerify('RSA-SHA256').update(signed, 'utf8').verify(this.appKeys.publicKey, params.sign, 'base64');
    if (!signatureOk || params.sign_type !== 'RSA2') {
      return this.alipayReply(
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
      return this.alipayReply(res, method, { code: '40002', msg: 'Invalid Arguments', sub_code: 'isv.invalid-parameter', sub_msg: 'biz_content' });
    }
    const no = biz.out_trade_no ?? '';
    this.calls.push({ provider: 'alipay', method, outTradeNo: no || null });
    const reply = (b: Record<string, string>, o: { lose?: boolean } = {}) => this.alipayReply(res, method, b, o);
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
        const existing = this.books.get('alipay', no);
        if (existing) {
          this.books.advance(existing);
          if (existing.state === 'reversed' || existing.state === 'closed') return fail('ACQ.TRADE_HAS_CLOSE', '交易已经关闭');
          if (existing.amountMinor !== amount) return fail('ACQ.CONTEXT_INCONSISTENT', '交易信息被篡改');
          if (existing.state === 'paid') return fail('ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
          return reply({ code: '10003', msg: ' order success pay inprocess', out_trade_no: no, trade_no: existing.transactionId, total_amount: yuan(amount) });
        }
        if (!ALIPAY_CODE.test(code) || this.books.usedCodes.has(code)) return fail('ACQ.PAYMENT_AUTH_CODE_INVALID', '支付授权码无效');
        this.books.usedCodes.add(code);
        const o = this.books.create('alipay', no, amount, code);
        switch (o.scenario) {
          case 'success':
            this.books.markPaid(o);
            return reply(tradeFields(o));
          case 'password_then_paid':
          case 'password_never':
          case 'payerror':
            return reply({ code: '10003', msg: ' order success pay inprocess', out_trade_no: no, trade_no: o.transactionId, total_amount: yuan(amount) });
          case 'insufficient_balance':
            o.state = 'closed';
            return fail('ACQ.BUYER_BALANCE_NOT_ENOUGH', '买家余额不足');
          case 'code_expired':
            o.state = 'closed';
            return fail('ACQ.PAYMENT_AUTH_CODE_INVALID', '支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款');
          case 'risk_control':
            o.state = 'closed';
            return fail('ACQ.PAYMENT_FAIL', '支付失败（风险控制）');
          case 'system_error_then_paid':
            this.books.markPaid(o);
            return reply({ code: '20000', msg: 'Service Currently Unavailable', sub_code: 'aop.unknow-error', sub_msg: '系统繁忙' });
          case 'reply_lost':
            this.books.markPaid(o);
            return reply(tradeFields(o), { lose: true });
          case 'duplicate_order':
            this.books.markPaid(o);
            return fail('ACQ.TRADE_HAS_SUCCESS', '交易已被支付');
        }
        return fail('ACQ.SYSTEM_ERROR', '系统错误');
      }
      case 'alipay.trade.query': {
        const o = this.books.get('alipay', no);
        if (!o || o.amountMinor === 0) return fail('ACQ.TRADE_NOT_EXIST', '交易不存在');
        this.books.advance(o);
        // Alipay has no PAYERROR: a failed bank step leaves the trade waiting until it is cancelled.
        const status = o.state === 'paid' ? 'TRADE_SUCCESS' : o.state === 'paying' || o.state === 'payerror' ? 'WAIT_BUYER_PAY' : 'TRADE_CLOSED';
        if (status === 'TRADE_SUCCESS') return reply({ ...tradeFields(o), trade_status: status });
        return reply({ code: '10000', msg: 'Success', out_trade_no: no, trade_no: o.transactionId, trade_status: status, total_amount: yuan(o.amountMinor) });
      }
      case 'alipay.trade.cancel': {
        const o = this.books.get('alipay', no);
        if (!o) {
          this.books.tombstone('alipay', no);
          return fail('ACQ.TRADE_NOT_EXIST', '交易不存在');
        }
        this.books.advance(o);
        o.reverseCalls += 1;
        if (o.scenario === 'password_never' && o.reverseCalls === 1) return reply({ code: '10000', msg: 'Success', out_trade_no: no, retry_flag: 'Y' });
        if (o.refunds.size > 0) return fail('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
        const wasPaid = o.state === 'paid';
        if (wasPaid) o.reversedPaid = true;
        o.state = 'reversed';
        return reply({ code: '10000', msg: 'Success', out_trade_no: no, trade_no: o.transactionId, retry_flag: 'N', action: wasPaid ? 'refund' : 'close' });
      }
      case 'alipay.trade.refund': {
        const o = this.books.get('alipay', no);
        const refundNo = biz.out_request_no ?? '';
        const fee = fenOfYuan(biz.refund_amount);
        if (!o || o.state !== 'paid') return fail('ACQ.TRADE_NOT_EXIST', '交易不存在');
        if (!refundNo || fee === null || fee <= 0) return fail('ACQ.INVALID_PARAMETER', '参数无效');
        const done = o.refunds.get(refundNo);
        let fundChange = 'N';
        if (done === undefined) {
          if (fee > o.amountMinor - this.books.refundedOf(o)) return fail('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
          o.refunds.set(refundNo, fee);
          fundChange = 'Y';
        }
        const lose = fee % 100 === REFUND_RETRY_CENTS && !this.lostRefunds.has(refundNo);
        if (lose) this.lostRefunds.add(refundNo);
        return reply(
          {
            code: '10000',
            msg: 'Success',
            trade_no: o.transactionId,
            out_trade_no: no,
            buyer_logon_id: o.payer,
            fund_change: fundChange,
            refund_fee: yuan(this.books.refundedOf(o)),
          },
          { lose },
        );
      }
      case 'alipay.trade.fastpay.refund.query': {
        const o = this.books.get('alipay', no);
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
        return this.alipayReply(res, method, { code: '40004', msg: 'Business Failed', sub_code: 'isv.invalid-method', sub_msg: '不存在的方法名' });
    }
  }
}
