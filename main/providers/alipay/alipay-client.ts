// Alipay face-to-face barcode payment (alipay.trade.pay, scene bar_code) through the official
// SDK, which signs requests with the app's RSA2 key and checks every reply's signature against
// Alipay's public key. A reply that fails the check, times out or never comes is `unknown`.
import type { AlipaySdk, AlipayRequestError } from 'alipay-sdk';
import type { PayOutcome, PayRequest, ProviderTimings, QueryOutcome, RefundOutcome, RefundRequest, ReverseOutcome, ScanPayProvider } from '../provider';
import { ALIPAY_TIMINGS, yuan } from '../provider';
import { cancelOutcome, payOutcome, queryOutcome, refundOutcome, refundQueryOutcome, type AlipayReply } from './alipay-codes';

export const ALIPAY_GATEWAY = 'https://openapi.alipay.com/gateway.do';
export const ALIPAY_SANDBOX_GATEWAY = 'https://openapi-sandbox.dl.alipaydev.com/gateway.do';

export interface AlipayCredentials {
  appId: string;
  /** The app's private key: PEM (PKCS#1 or PKCS#8) or the bare base64 the Alipay key tool writes (PKCS#8). */
  privateKey: string;
  alipayPublicKey: string;
  gateway: string;
}

type Call = { kind: 'reply'; reply: AlipayReply } | { kind: 'lost'; problem: string };

function keyType(key: string): 'PKCS1' | 'PKCS8' {
  return key.includes('BEGIN RSA PRIVATE KEY') ? 'PKCS1' : 'PKCS8';
}

/** A reply the gateway sent without a signature because it refused the call itself (code 40001/40002). */
function unsignedRefusal(e: AlipayRequestError): AlipayReply | null {
  const raw = (e as { responseDataRaw?: unknown }).responseDataRaw;
  if (typeof raw !== 'string') return null;
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    const body = Object.entries(parsed).find(([k]) => k.endsWith('_response'))?.[1] as { code?: string; sub_code?: string; sub_msg?: string } | undefined;
    if (!body || parsed.sign !== undefined) return null;
    if (body.code !== '40001' && body.code !== '40002' && body.code !== '40006') return null;
    return { code: body.code, ...(body.sub_code ? { subCode: body.sub_code } : {}), ...(body.sub_msg ? { subMsg: body.sub_msg } : {}) };
  } catch {
    return null;
  }
}

interface Sdk {
  client: AlipaySdk;
  RequestError: typeof AlipayRequestError;
}

export class AlipayClient implements ScanPayProvider {
  readonly id = 'alipay' as const;
  readonly timings: ProviderTimings;
  private sdk: Promise<Sdk> | null = null;

  constructor(
    private readonly creds: AlipayCredentials,
    private readonly options: { timings?: Partial<ProviderTimings>; timeoutMs?: number } = {},
  ) {
    this.timings = { ...ALIPAY_TIMINGS, ...options.timings };
  }

  /**
   * The SDK, loaded at the first call. Loading it (with its HTTP client) took about 270 ms, on
   * every start of every register with Alipay set up, the demo's included, most of which never
   * see an Alipay code that day; the first payment's request to the bank takes longer than that.
   */
  private loadSdk(): Promise<Sdk> {
    this.sdk ??= import('alipay-sdk').then(({ AlipaySdk, AlipayRequestError }) => ({
      client: new AlipaySdk({
        appId: this.creds.appId,
        privateKey: this.creds.privateKey,
        keyType: keyType(this.creds.privateKey),
        alipayPublicKey: this.creds.alipayPublicKey,
        gateway: this.creds.gateway,
        // The SDK's 5 s default is too short for a payment that may wait on the bank.
        timeout: this.options.timeoutMs ?? 20_000,
      }),
      RequestError: AlipayRequestError,
    }));
    return this.sdk;
  }

  private async exec(method: string, bizContent: Record<string, string>): Promise<Call> {
    const sdk = await this.loadSdk().catch(() => null);
    if (!sdk) {
      // Nothing was sent; the next call tries the load again. Like any call without an answer,
      // it is `unknown`, so the payment is asked after rather than taken as refused.
      this.sdk = null;
      return { kind: 'lost', problem: 'connection' };
    }
    const { client, RequestError } = sdk;
    try {
      const reply = (await client.exec(method, { bizContent }, { validateSign: true })) as AlipayReply;
      return { kind: 'reply', reply };
    } catch (e) {
      if (e instanceof RequestError) {
        const refusal = unsignedRefusal(e);
        if (refusal) return { kind: 'reply', reply: refusal };
        return { kind: 'lost', problem: /验签|sign/i.test(e.message) ? 'bad_signature' : 'connection' };
      }
      return { kind: 'lost', problem: 'connection' };
    }
  }

  async pay(req: PayRequest): Promise<PayOutcome> {
    const r = await this.exec('alipay.trade.pay', {
      out_trade_no: req.outTradeNo,
      scene: 'bar_code',
      auth_code: req.authCode,
      // Alipay refuses "/", "=" and "&" in the subject.
      subject: req.subject.replace(/[/=&]/g, ' ').slice(0, 256),
      total_amount: yuan(req.amountMinor),
      store_id: req.storeId,
      terminal_id: req.terminalId,
    });
    if (r.kind === 'lost') return { kind: 'unknown', providerCode: r.problem };
    return payOutcome(r.reply);
  }

  async query(outTradeNo: string): Promise<QueryOutcome> {
    const r = await this.exec('alipay.trade.query', { out_trade_no: outTradeNo });
    if (r.kind === 'lost') return { kind: 'unknown', providerCode: r.problem };
    return queryOutcome(r.reply);
  }

  async reverse(outTradeNo: string): Promise<ReverseOutcome> {
    const r = await this.exec('alipay.trade.cancel', { out_trade_no: outTradeNo });
    if (r.kind === 'lost') return { kind: 'unknown', providerCode: r.problem };
    return cancelOutcome(r.reply);
  }

  async refund(req: RefundRequest): Promise<RefundOutcome> {
    const r = await this.exec('alipay.trade.refund', {
      out_trade_no: req.outTradeNo,
      refund_amount: yuan(req.refundMinor),
      out_request_no: req.outRefundNo,
      refund_reason: req.reason.slice(0, 256),
    });
    const first = r.kind === 'reply' ? refundOutcome(r.reply) : ({ kind: 'unknown', providerCode: r.problem } as const);
    if (first.kind === 'done' || first.kind === 'failed') return first;
    // fund_change=N (a repeat) or no answer: the refund number says whether it was done.
    const q = await this.exec('alipay.trade.fastpay.refund.query', { out_trade_no: req.outTradeNo, out_request_no: req.outRefundNo });
    if (q.kind === 'lost') return first;
    const status = refundQueryOutcome(q.reply);
    return status.kind === 'done' ? status : first;
  }
}
