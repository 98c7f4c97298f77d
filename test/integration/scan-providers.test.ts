// The two provider adapters against the local simulator over real HTTP: each scripted case
// answers as the register's rules expect, signatures are checked both ways, and a reply signed
// with another key is never believed.
import { createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlipayClient } from '../../main/providers/alipay/alipay-client';
import { WechatPayClient } from '../../main/providers/wechat/wechat-client';
import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import type { ScanPayProvider } from '../../main/providers/provider';

let sim: PaySimulator;
let n = 0;
const wechatCode = () => `13${String(Date.now()).slice(-10)}${String(++n).padStart(6, '0')}`;
const alipayCode = () => `28${String(Date.now()).slice(-10)}${String(++n).padStart(6, '0')}`;
const order = () => `T${Date.now()}${++n}`;
// The customer's password takes a minute of the simulator's time, which the tests move on when
// they say the customer has typed it: a busy machine cannot make the customer faster than asked.
const PASSWORD_MS = 60_000;
let skew = 0;
const customerTypesPassword = () => (skew += PASSWORD_MS);

beforeAll(async () => {
  sim = await PaySimulator.start({ passwordMs: PASSWORD_MS, clock: () => Date.now() + skew });
});
afterAll(() => sim.stop());

const cases: [string, () => ScanPayProvider, () => string][] = [
  ['WeChat Pay v2', () => new WechatPayClient(sim.wechatCredentials(), { payTimeoutMs: 3000, callTimeoutMs: 3000 }), wechatCode],
  ['Alipay', () => new AlipayClient(sim.alipayCredentials(), { timeoutMs: 3000 }), alipayCode],
];

describe.each(cases)('%s adapter against the simulator', (_name, make, code) => {
  const req = (amountMinor: number, outTradeNo = order(), authCode = code()) => ({
    outTradeNo,
    authCode,
    amountMinor,
    subject: '测试 test',
    storeId: 'S1',
    terminalId: 'R1',
  });

  it('success: paid, with the transaction id and amount', async () => {
    const p = make();
    const r = await p.pay(req(1200));
    expect(r).toMatchObject({ kind: 'paid', trade: { amountMinor: 1200 } });
    if (r.kind === 'paid') expect(r.trade.transactionId.length).toBeGreaterThan(8);
  });

  it('password then paid: waiting, then paid on query', async () => {
    const p = make();
    const no = order();
    expect((await p.pay(req(1231, no))).kind).toBe('waiting');
    expect((await p.query(no)).kind).toBe('waiting');
    customerTypesPassword();
    expect(await p.query(no)).toMatchObject({ kind: 'paid', trade: { amountMinor: 1231 } });
  });

  it('password never entered: the reverse is asked for twice, then the order is closed', async () => {
    const p = make();
    const no = order();
    expect((await p.pay(req(1232, no))).kind).toBe('waiting');
    expect((await p.reverse(no)).kind).toBe('retry');
    expect(await p.reverse(no)).toMatchObject({ kind: 'done' });
    expect((await p.query(no)).kind).toBe('closed');
  });

  it('insufficient balance, code expired and risk control are refusals with their reasons', async () => {
    const p = make();
    expect(await p.pay(req(1233))).toMatchObject({ kind: 'failed', reason: 'insufficient_balance' });
    expect(await p.pay(req(1234))).toMatchObject({ kind: 'failed', reason: 'code_expired' });
    expect(await p.pay(req(1239))).toMatchObject({ kind: 'failed', reason: 'risk_control' });
  });

  it('system error is unknown, and the query finds it paid', async () => {
    const p = make();
    const no = order();
    expect((await p.pay(req(1235, no))).kind).toBe('unknown');
    expect((await p.query(no)).kind).toBe('paid');
  });

  it('a lost reply is unknown, never a refusal', async () => {
    const p = make();
    const no = order();
    expect((await p.pay(req(1236, no))).kind).toBe('unknown');
    expect((await p.query(no)).kind).toBe('paid');
  });

  it('PAYERROR (or a trade left waiting) is reversed', async () => {
    const p = make();
    const no = order();
    expect((await p.pay(req(1237, no))).kind).toBe('waiting');
    customerTypesPassword();
    expect(['payerror', 'waiting']).toContain((await p.query(no)).kind);
    expect((await p.reverse(no)).kind).toBe('done');
    expect((await p.query(no)).kind).toBe('closed');
  });

  it('a duplicate order number is unknown, and the query says paid', async () => {
    const p = make();
    const no = order();
    expect((await p.pay(req(1238, no))).kind).toBe('unknown');
    expect((await p.query(no)).kind).toBe('paid');
  });

  it('a code is good once; a reversed order number can never be paid', async () => {
    const p = make();
    const c = code();
    expect((await p.pay(req(100, order(), c))).kind).toBe('paid');
    expect(await p.pay(req(100, order(), c))).toMatchObject({ kind: 'failed' });
    const dead = order();
    expect((await p.reverse(dead)).kind).toBe('not_found');
    expect((await p.pay(req(100, dead))).kind).not.toBe('paid');
  });

  it('a refund whose first reply is lost refunds once when repeated with the same number', async () => {
    const p = make();
    const no = order();
    expect((await p.pay(req(5000, no))).kind).toBe('paid');
    const refund = { outTradeNo: no, outRefundNo: `${no}R1`, totalMinor: 5000, refundMinor: 1041, reason: 'return' };
    const first = await p.refund(refund);
    expect(['done', 'pending', 'unknown']).toContain(first.kind);
    expect((await p.refund(refund)).kind).toBe('done');
    const entry = sim.entries().find((e) => e.outTradeNo === no);
    expect(entry).toMatchObject({ refundedMinor: 1041, netMinor: 5000 - 1041 });
    expect(await p.refund({ ...refund, outRefundNo: `${no}R2`, refundMinor: 5000 })).toMatchObject({ kind: 'failed' });
  });
});

describe('signatures', () => {
  it('a WeChat reply signed with another key is not believed', async () => {
    const p = new WechatPayClient({ ...sim.wechatCredentials(), apiKey: 'f'.repeat(32) }, { payTimeoutMs: 3000, callTimeoutMs: 3000 });
    // The simulator refuses our signature first (return_code FAIL: nothing processed).
    expect(await p.pay({ outTradeNo: order(), authCode: wechatCode(), amountMinor: 100, subject: 'x', storeId: 'S', terminalId: 'R' })).toMatchObject({
      kind: 'failed',
      reason: 'configuration',
    });
  });

  it('an Alipay reply that does not verify against the Alipay public key is unknown, never paid', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const p = new AlipayClient({ ...sim.alipayCredentials(), alipayPublicKey: other }, { timeoutMs: 3000 });
    const r = await p.pay({ outTradeNo: order(), authCode: alipayCode(), amountMinor: 100, subject: 'x', storeId: 'S', terminalId: 'R' });
    expect(r).toEqual({ kind: 'unknown', providerCode: 'bad_signature' });
  });

  it("the Alipay SDK's RSA2 request signature is the documented one (sorted raw k=v, SHA256withRSA)", async () => {
    // Rebuild the string from the documented rule and check the SDK's signature with node's own RSA verifier.
    const { AlipaySdk } = await import('alipay-sdk');
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const sdk = new AlipaySdk({ appId: '2021000000000001', privateKey: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), keyType: 'PKCS8' });
    const url = sdk.pageExecute('alipay.trade.pay', 'GET', { bizContent: { out_trade_no: 'A1', total_amount: '0.01' } });
    const params = Object.fromEntries(new URL(url).searchParams);
    const text = Object.keys(params)
      .filter((k) => k !== 'sign')
      .sort()
      .map((k) => `${k}=${params[k]}`)
      .join('&');
    expect(text).toContain('biz_content={"out_trade_no":"A1","total_amount":"0.01"}');
    const again = createSign('RSA-SHA256').update(text, 'utf8').sign(keys.privateKey, 'base64');
    expect(params.sign).toBe(again); // PKCS#1 v1.5 signatures are deterministic
  });
});
