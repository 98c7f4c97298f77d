// The owner's list of scan-to-pay attempts still settling, through the register against the
// provider simulator over real HTTP. A TCP relay in front of the simulator passes the payment
// request (whose reply the simulator loses, the "reply lost" script) and then refuses every
// connection: the register can neither learn the outcome nor reverse it, so the attempt settles
// in the background. Let through again, the background reverse closes it and the list empties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import { makeRegister, OWNER_PIN, withStaff, CASHIER_PIN, type TestRegister } from '../support/register-fixture';
import { FAST_TIMINGS, key, saleOf, wechatCode } from '../support/scan-rig';
import { until } from '../support/until';
import { Relay } from '../support/tcp-relay';

let sim: PaySimulator;
let relay: Relay;
let reg: TestRegister;
let staff: Awaited<ReturnType<typeof withStaff>>;
beforeAll(async () => {
  sim = await PaySimulator.start({ passwordMs: 150 });
  relay = await Relay.start(sim.port);
  reg = makeRegister({ scanPay: { timings: FAST_TIMINGS, requestTimeoutMs: 2000, sweepMs: 100 } });
  staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  const w = sim.wechatCredentials();
  await reg.must('scanpay.setConfig', {
    settings: { provider: 'wechat', appId: w.appId, mchId: w.mchId, signType: w.signType, gateway: `http://127.0.0.1:${relay.port}`, apiKey: w.apiKey },
  });
});
afterAll(async () => {
  reg.cleanup();
  await relay.stop();
  await sim.stop();
});

describe('scan-to-pay attempts still settling', () => {
  it('lists an attempt whose reply was lost while the provider cannot be reached, and drops it once the background reverse settles it', async () => {
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    // ¥12.36: the simulator's "reply lost" (it takes the money, the reply never arrives).
    const saleId = await saleOf(reg, 1236);
    relay.mode = 'once';
    expect(await reg.call('scanpay.pay', { saleId, code: wechatCode(), idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'scanpay.outcome_unknown' },
    });
    const row = reg.db.prepare('SELECT out_trade_no, state FROM scan_attempts WHERE sale_id = ?').get(saleId) as { out_trade_no: string; state: string };
    expect(row.state).toBe('reversing');
    expect(sim.entries().find((e) => e.outTradeNo === row.out_trade_no)?.state).toBe('paid');

    // A cashier may not see it; the owner does, with the order number masked as on a receipt.
    expect(await reg.call('scanpay.settling', {})).toMatchObject({ ok: false, error: { code: 'session.forbidden' } });
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const [settling, ...more] = await reg.must('scanpay.settling', {});
    expect(more).toEqual([]);
    expect(settling).toMatchObject({ provider: 'wechat', amountMinor: 1236, saleId, receiptNo: null, registerId: 'R1', state: 'reversing', live: false });
    expect(settling?.outTradeNo).toBe(`${row.out_trade_no.slice(0, 4)}****${row.out_trade_no.slice(-6)}`);
    expect(settling?.lastCheckedAt).toEqual(expect.any(Number));
    expect(JSON.stringify(await reg.must('scanpay.settling', {}))).not.toContain(row.out_trade_no);

    // The provider answers again: the background reverse gives the money back; the windows hear of the sale.
    const heard: string[] = [];
    const off = reg.events.subscribe((event, payload) => {
      if (event === 'sale.changed' && (payload as { id: string }).id === saleId) heard.push(saleId);
    });
    relay.mode = 'forward';
    const state = () => reg.db.prepare('SELECT state FROM scan_attempts WHERE sale_id = ?').pluck().get(saleId);
    await until('the attempt to settle', () => state() !== 'reversing');
    await until('the windows to hear of the sale', () => heard.length > 0);
    off();
    expect(state()).toBe('reversed');
    expect(await reg.must('scanpay.settling', {})).toEqual([]);
    expect(sim.entries().find((e) => e.outTradeNo === row.out_trade_no)?.state).toBe('reversed');
  });
});
