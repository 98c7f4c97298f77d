// A register process that dies while the customer is at the card terminal: at the next start,
// recovery settles the payment from the terminal's own record of its last transaction. The
// register dies once the bank has the request (the terminal's "please wait"), so the terminal
// decides without it. A window
// that was showing the payment (or is opened afterwards) learns that ending the way it learns a
// live one: `payment.ended`, and `payment.progress` reporting it. The child register and the
// restarted one both talk to the ZVT simulator over a real socat pty; the child is SIGKILLed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import type { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import type { SimBehaviour } from '../../main/hardware/terminal/simulator/behaviour';
import type { PaymentEndedView } from '../../preload/contract/payment-progress-views';
import { saleOf } from '../support/card-register';
import { CASHIER_PIN, makeRegister, withStaff, type TestRegister } from '../support/register-fixture';
import { FAST_CLIENT_TIMEOUTS, TerminalFixture } from '../support/terminal-sim';
import { until } from '../support/until';
import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import { configureProviders, FAST_TIMINGS, key, saleOf as scanSaleOf, wechatCode } from '../support/scan-rig';
import { errorsI18n } from '../support/errors-i18n';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import type { CallError } from '../../preload/contract';

/** A refusal as the payment screen says it. */
function errorWords(error: { code: string; params: CallError['params'] }, language: 'en' | 'zh-CN'): string {
  const i18n = errorsI18n();
  void i18n.changeLanguage(language);
  return errorMessage(error as CallError, i18n.t, language, 'CNY');
}

const f = new TerminalFixture();
let sim: TerminalSimulator;
let dir: string;
let cashierId: number;
const opened: TestRegister[] = [];

beforeAll(async () => {
  sim = await f.sim({ currency: CURRENCY.CNY });
  const reg = makeRegister();
  cashierId = (await withStaff(reg)).cashierId;
  dir = reg.dir;
  reg.close();
});
/** One register on the ledger at a time, as in a shop: the previous test's one lets go of the line. */
async function closeOpened(): Promise<void> {
  for (const reg of opened.splice(0)) {
    await reg.terminal.stop();
    reg.close();
  }
}

afterAll(async () => {
  await closeOpened();
  makeRegister({ dir }).cleanup();
  await f.stopAll();
});

/** Runs the child register that pays `saleId` by card and is killed at `moment`. */
function payAndDie(saleId: string, moment: string): Promise<{ signal: string | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../support/card-pay-killed.ts'), dir, sim.registerPath ?? '', saleId, String(cashierId), CASHIER_PIN, moment],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    // A moment never reached must not hang the test: the signal check below then fails.
    const guard = setTimeout(() => child.kill('SIGTERM'), 30_000);
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      resolve({ signal, out, err });
    });
  });
}

/** A sale of `amountMinor` rung up by the cashier, its card payment killed at `moment`, then the register started again. */
async function restartedMidPayment(amountMinor: number, behaviour: Partial<SimBehaviour>, moment: string) {
  await closeOpened();
  const before = makeRegister({ dir });
  await before.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
  const saleId = await saleOf(before, amountMinor);
  before.close();
  sim.script(behaviour);
  // A register that lets go of a pty ends socat's pair: the line comes back at the same path for the next.
  expect((await sim.reconnectLine()).ok).toBe(true);
  const died = await payAndDie(saleId, moment);
  expect(died.signal, `${died.out}\n${died.err}`).toBe('SIGKILL');
  // The dead register's end of the pty went with it: socat brings the line back at the same path.
  expect((await sim.reconnectLine()).ok).toBe(true);

  const reg = makeRegister({
    dir,
    terminalAddress: sim.registerPath ?? '',
    terminal: { timeouts: FAST_CLIENT_TIMEOUTS, retryMs: 150, recoveryAttempts: 40, recoveryDelayMs: 100 },
  });
  opened.push(reg);
  // Listening from the first moment, as a window connected to the restarted register would.
  const ended: PaymentEndedView[] = [];
  reg.events.subscribe((event, payload) => {
    if (event === 'payment.ended') ended.push(payload as PaymentEndedView);
  });
  await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
  await until('recovery told the windows', () => ended.some((e) => e.saleId === saleId), 20_000);
  return { reg, saleId, ended: ended.filter((e) => e.saleId === saleId) };
}

describe('a register restarted in the middle of a card payment', () => {
  it('the approval recovery finds is announced and reported as the payment ended, with the sale completed', async () => {
    const approvalsBefore = sim.batch().length;
    const { reg, saleId, ended } = await restartedMidPayment(4321, { bankDelayMs: 800 }, 'step:please_wait');
    // The terminal finished without the register: one approval, booked once by recovery.
    expect(sim.batch().slice(approvalsBefore)).toEqual([expect.objectContaining({ kind: 'payment', amountMinor: 4321 })]);
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ saleId, kind: 'card', result: { ok: true, value: { changeMinor: 0 } } });
    const progress = await reg.must('payment.progress', { saleId });
    expect(progress).toEqual({ running: null, ended: ended[0], exchange: null });
    const sale = await reg.must('sale.get', { saleId });
    expect(sale).toMatchObject({ status: 'completed', payments: [{ method: 'card', amountMinor: 4321 }] });
    expect(ended[0]?.result.ok && ended[0].result.value.receiptNo).toBe(sale.receiptNo);
    expect(ended[0]?.result.ok && ended[0].result.value.sale.id).toBe(saleId);
  });

  it('a decline recovery finds is announced with the reason the pay call would give, and the sale stays open to pay again', async () => {
    const { reg, saleId, ended } = await restartedMidPayment(2278, { outcome: 'decline', declineReason: 'card_expired', bankDelayMs: 800 }, 'step:please_wait');
    expect(ended).toHaveLength(1);
    // The terminal's own reason, as the pay call would have said it.
    expect(ended[0]).toMatchObject({
      saleId,
      kind: 'card',
      result: { ok: false, error: { code: 'terminal.declined', params: { reason: 'terminal.result.card_expired' } } },
    });
    const progress = await reg.must('payment.progress', { saleId });
    expect(progress).toEqual({ running: null, ended: ended[0], exchange: null });
    expect(await reg.must('sale.get', { saleId })).toMatchObject({ status: 'open', payments: [] });
    // Nothing holds the sale: the cashier can take the card again.
    await until('the terminal ready', () => reg.terminal.connection.ready !== null);
    expect(await reg.call('card.pay', { saleId, idempotencyKey: `again-${saleId}` })).toMatchObject({ ok: true, value: { sale: { status: 'completed' } } });
  });
});

describe('a register restarted before the terminal booked the card payment', () => {
  it('says the restart cut the payment off and nothing was charged, not that the card was declined; the card can go again', async () => {
    const approvalsBefore = sim.batch().length;
    const { reg, saleId, ended } = await restartedMidPayment(1999, { cardDelayMs: 1500 }, 'step:insert_card');
    expect(sim.batch().length).toBe(approvalsBefore);
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ saleId, kind: 'card', result: { ok: false, error: { code: 'terminal.interrupted', params: {} } } });
    const error = ended[0]?.result.ok === false ? ended[0].result.error : null;
    expect(error && errorWords(error, 'zh-CN')).toBe('收银机重新启动，这笔刷卡没有完成，未扣款。可以再次刷卡。');
    expect(error && errorWords(error, 'en')).toBe(
      'The register restarted before this card payment finished; nothing was charged. The card can be presented again.',
    );
    expect(await reg.must('sale.get', { saleId })).toMatchObject({ status: 'open', payments: [] });
    await until('the terminal ready', () => reg.terminal.connection.ready !== null);
    expect(await reg.call('card.pay', { saleId, idempotencyKey: `again-${saleId}` })).toMatchObject({ ok: true, value: { sale: { status: 'completed' } } });
    expect(sim.batch().slice(approvalsBefore)).toEqual([expect.objectContaining({ kind: 'payment', amountMinor: 1999 })]);
  });
});

describe('a register restarted while the customer enters the scan-to-pay password', () => {
  it('the payment recovery books is announced and reported as ended, as a live one would be', async () => {
    const pay = await PaySimulator.start({ passwordMs: 1500 });
    const options = { scanPay: { timings: { ...FAST_TIMINGS, waitLimitMs: 20_000, codeLifeMs: 20_000 }, requestTimeoutMs: 2000, sweepMs: 100 } };
    let reg = makeRegister(options);
    try {
      const staff = await withStaff(reg);
      await configureProviders(reg, pay, staff.ownerId, staff.cashierId);
      const saleId = await scanSaleOf(reg, 1731);
      const paying = reg.call('scanpay.pay', { saleId, code: wechatCode(), idempotencyKey: key() });
      await until('the password step', async () => (await reg.must('payment.progress', { saleId })).running?.step === 'scanpay.step.password');
      // The register goes away with the customer still at the password; its call never answers a window.
      reg = reg.reopen();
      const ended: PaymentEndedView[] = [];
      reg.events.subscribe((event, payload) => {
        if (event === 'payment.ended') ended.push(payload as PaymentEndedView);
      });
      await paying;
      await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
      await until('recovery told the windows', () => ended.length > 0, 20_000);
      expect(ended).toHaveLength(1);
      expect(ended[0]).toMatchObject({ saleId, kind: 'scanpay', result: { ok: true, value: { sale: { id: saleId, status: 'completed' } } } });
      expect(await reg.must('payment.progress', { saleId })).toEqual({ running: null, ended: ended[0], exchange: null });
      expect((await reg.must('sale.get', { saleId })).payments).toEqual([expect.objectContaining({ method: 'scan', amountMinor: 1731 })]);
    } finally {
      reg.cleanup();
      await pay.stop();
    }
  });
});
