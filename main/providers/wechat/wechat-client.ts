// WeChat Pay API v2 for scan-to-pay (付款码支付): micropay, orderquery, reverse, refund and
// refundquery, XML signed with the merchant's API key. `secapi` calls (reverse, refund) present
// the merchant's client certificate when one is configured (required by WeChat's servers).
import { randomBytes } from 'node:crypto';
import type { PayOutcome, PayRequest, ProviderTimings, QueryOutcome, RefundOutcome, RefundRequest, ReverseOutcome, ScanPayProvider } from '../provider';
import { WECHAT_TIMINGS } from '../provider';
import { postText, type ClientCertificate } from '../http-post';
import { micropayOutcome, orderqueryOutcome, refundOutcome, refundqueryOutcome, reverseOutcome } from './wechat-codes';
import { wechatSign, wechatVerify, type WechatSignType } from './wechat-sign';
import { fromWechatXml, toWechatXml } from './wechat-xml';

export const WECHAT_GATEWAY = 'https://api.mch.weixin.qq.com';

export interface WechatCredentials {
  appId: string;
  mchId: string;
  apiKey: string;
  signType: WechatSignType;
  certificate: ClientCertificate | null;
  /** Base URL; the simulator's in tests and the demo. */
  gateway: string;
}

type Call = { kind: 'reply'; fields: Record<string, string> } | { kind: 'lost'; problem: string };

export class WechatPayClient implements ScanPayProvider {
  readonly id = 'wechat' as const;
  readonly timings: ProviderTimings;

  constructor(
    private readonly creds: WechatCredentials,
    options: { timings?: Partial<ProviderTimings>; payTimeoutMs?: number; callTimeoutMs?: number } = {},
  ) {
    this.timings = { ...WECHAT_TIMINGS, ...options.timings };
    this.payTimeoutMs = options.payTimeoutMs ?? 20_000;
    this.callTimeoutMs = options.callTimeoutMs ?? 10_000;
  }

  private readonly payTimeoutMs: number;
  private readonly callTimeoutMs: number;

  private async call(path: string, params: Record<string, string>, timeoutMs: number, secure: boolean): Promise<Call> {
    const body: Record<string, string> = {
      appid: this.creds.appId,
      mch_id: this.creds.mchId,
      nonce_str: randomBytes(16).toString('hex'),
      ...(this.creds.signType === 'HMAC-SHA256' ? { sign_type: 'HMAC-SHA256' } : {}),
      ...params,
    };
    body.sign = wechatSign(body, this.creds.apiKey, this.creds.signType);
    const r = await postText(`${this.creds.gateway.replace(/\/$/, '')}${path}`, toWechatXml(body), {
      timeoutMs,
      contentType: 'text/xml; charset=utf-8',
      certificate: secure ? this.creds.certificate : null,
    });
    if (!r.ok) return { kind: 'lost', problem: r.problem };
    if (r.status !== 200) return { kind: 'lost', problem: `http_${r.status}` };
    const fields = fromWechatXml(r.text);
    if (!fields) return { kind: 'lost', problem: 'not_xml' };
    // A reply that claims success must be signed by WeChat; a gateway refusal (return_code FAIL) carries no sign.
    if (fields.return_code === 'SUCCESS' && !wechatVerify(fields, this.creds.apiKey, this.creds.signType)) return { kind: 'lost', problem: 'bad_signature' };
    return { kind: 'reply', fields };
  }

  async pay(req: PayRequest): Promise<PayOutcome> {
    const r = await this.call(
      '/pay/micropay',
      {
        body: req.subject.replaceAll(']]>', ']] >').slice(0, 127),
        out_trade_no: req.outTradeNo,
        total_fee: String(req.amountMinor),
        spbill_create_ip: '127.0.0.1',
        auth_code: req.authCode,
        device_info: req.terminalId,
      },
      this.payTimeoutMs,
      false,
    );
    if (r.kind === 'lost') return { kind: 'unknown', providerCode: r.problem };
    return micropayOutcome(r.fields);
  }

  async query(outTradeNo: string): Promise<QueryOutcome> {
    const r = await this.call('/pay/orderquery', { out_trade_no: outTradeNo }, this.callTimeoutMs, false);
    if (r.kind === 'lost') return { kind: 'unknown', providerCode: r.problem };
    return orderqueryOutcome(r.fields);
  }

  async reverse(outTradeNo: string): Promise<ReverseOutcome> {
    const r = await this.call('/secapi/pay/reverse', { out_trade_no: outTradeNo }, this.callTimeoutMs, true);
    if (r.kind === 'lost') return { kind: 'unknown', providerCode: r.problem };
    return reverseOutcome(r.fields);
  }

  async refund(req: RefundRequest): Promise<RefundOutcome> {
    const r = await this.call(
      '/secapi/pay/refund',
      {
        out_trade_no: req.outTradeNo,
        out_refund_no: req.outRefundNo,
        total_fee: String(req.totalMinor),
        refund_fee: String(req.refundMinor),
        refund_desc: req.reason.slice(0, 80),
      },
      this.callTimeoutMs,
      true,
    );
    // Lost or accepted: the refund number decides, so ask by it (a repeat with the same number refunds once).
    const accepted = r.kind === 'reply' ? refundOutcome(r.fields) : ({ kind: 'unknown', providerCode: r.problem } as const);
    if (accepted.kind === 'failed') return accepted;
    const q = await this.call('/pay/refundquery', { out_refund_no: req.outRefundNo }, this.callTimeoutMs, false);
    if (q.kind === 'lost') return accepted.kind === 'pending' ? accepted : { kind: 'unknown', providerCode: q.problem };
    const status = refundqueryOutcome(q.fields);
    return status.kind === 'unknown' && accepted.kind === 'pending' ? accepted : status;
  }
}
