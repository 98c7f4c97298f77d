// A register paying by scanned code against the provider simulator over real HTTP, with the
// providers' pacing shortened so the scripted cases run in a moment. Credentials go in through
// the owner's settings call, as in a shop.
import { randomUUID } from 'node:crypto';
import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import type { ProviderTimings } from '../../main/providers/provider';
import { makeRegister, OWNER_PIN, withStaff, CASHIER_PIN, type TestRegister } from './register-fixture';

export const FAST_TIMINGS: Partial<ProviderTimings> = {
  pollMs: 40,
  waitLimitMs: 600,
  unknownDelayMs: 30,
  reverseAfterMs: 100,
  reverseAttempts: 5,
  reverseRetryMs: 30,
  codeLifeMs: 300,
};

let seq = 0;
export function wechatCode(): string {
  return `13${String(Date.now()).slice(-9)}${String(process.pid % 100).padStart(2, '0')}${String(++seq).padStart(5, '0')}`;
}
export function alipayCode(): string {
  return `28${String(Date.now()).slice(-9)}${String(process.pid % 100).padStart(2, '0')}${String(++seq).padStart(5, '0')}`;
}
export function key(): string {
  return randomUUID().replaceAll('-', '');
}

export async function configureProviders(reg: TestRegister, sim: PaySimulator, ownerId: number, backTo: number): Promise<void> {
  await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
  const w = sim.wechatCredentials();
  await reg.must('scanpay.setConfig', {
    settings: { provider: 'wechat', appId: w.appId, mchId: w.mchId, signType: w.signType, gateway: w.gateway, apiKey: w.apiKey },
  });
  const a = sim.alipayCredentials();
  await reg.must('scanpay.setConfig', {
    settings: { provider: 'alipay', appId: a.appId, gateway: a.gateway, privateKey: a.privateKey, alipayPublicKey: a.alipayPublicKey },
  });
  await reg.must('session.login', { operatorId: backTo, pin: CASHIER_PIN });
}

export async function scanRig(options: { passwordMs?: number } = {}) {
  const sim = await PaySimulator.start({ passwordMs: options.passwordMs ?? 150 });
  const reg = makeRegister({ scanPay: { timings: FAST_TIMINGS, requestTimeoutMs: 2000, sweepMs: 100 }, providerRefunds: { retryMs: 30, sweepMs: 100 } });
  const staff = await withStaff(reg);
  await configureProviders(reg, sim, staff.ownerId, staff.cashierId);
  return {
    sim,
    reg,
    staff,
    async stop() {
      reg.cleanup();
      await sim.stop();
    },
  };
}

/** A fresh sale of one line; a sale an earlier case left open (a reversed payment) is paid off in cash first. */
export async function saleOf(reg: TestRegister, amountMinor: number): Promise<string> {
  let sale = await reg.must('sale.current', {});
  if (sale.lines.length > 0) {
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: sale.cashDueMinor, idempotencyKey: key() });
    sale = await reg.must('sale.current', {});
  }
  await reg.must('sale.addCustomLine', { saleId: sale.id, name: 'Scan test', qtyMilli: 1000, unitPriceMinor: amountMinor });
  return sale.id;
}

export { until } from './until';
