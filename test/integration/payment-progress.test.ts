// `payment.progress` and `payment.ended`: what a window loaded while a payment runs (a reload, a
// crashed renderer, a second window) learns from the register. Real ledger files, the card
// simulator on a socat pty, the scan-to-pay simulator over HTTP; nobody waits on the pay call's
// answer to learn the outcome, as the reloaded page cannot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentEndedView } from '../../preload/contract/payment-progress-views';
import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import { key, payCard, saleOf as cardSaleOf, settled, startCardRig, type CardRig } from '../support/card-register';
import { makeRegister, withStaff, type TestRegister } from '../support/register-fixture';
import { configureProviders, FAST_TIMINGS, saleOf as scanSaleOf, wechatCode } from '../support/scan-rig';
import { until } from '../support/until';

function endings(reg: TestRegister): PaymentEndedView[] {
  const seen: PaymentEndedView[] = [];
  reg.events.subscribe((event, payload) => {
    if (event === 'payment.ended') seen.push(payload as PaymentEndedView);
  });
  return seen;
}

describe('a card payment under way, seen by a window that did not start it', () => {
  let rig: CardRig;
  let pay: PaySimulator;
  let ended: PaymentEndedView[];
  beforeAll(async () => {
    rig = await startCardRig();
    // Providers too, so that a scanned code during the card payment reaches the sale's own refusal.
    pay = await PaySimulator.start({ passwordMs: 150 });
    await configureProviders(rig.reg, pay, rig.staff.ownerId, rig.staff.cashierId);
    ended = endings(rig.reg);
  });
  afterAll(async () => {
    await rig.stop();
    await pay.stop();
  });

  it('reports the running payment with its live step, refuses a second payment and cart edits, then reports the approval', async () => {
    const { reg, sim } = rig;
    const saleId = await cardSaleOf(reg, 2345);
    expect(await reg.must('payment.progress', { saleId })).toEqual({ running: null, ended: null, exchange: null });
    // The customer takes a while over the PIN: the window reloads meanwhile.
    sim.script({ pinDelayMs: 1500 });
    const paying = payCard(reg, saleId);
    const running = await until('the PIN step reported', async () => {
      const p = await reg.must('payment.progress', { saleId });
      return p.running?.step === 'terminal.step.enter_pin' ? p.running : null;
    });
    expect(running).toMatchObject({ saleId, kind: 'card', amountMinor: 2345, provider: null, deadlineAt: null, live: true, cancellable: true });
    expect(running.startedAt).toBeGreaterThan(0);

    expect(await payCard(reg, saleId)).toMatchObject({ ok: false, error: { code: 'terminal.busy' } });
    expect(await reg.call('scanpay.pay', { saleId, code: wechatCode(), idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'terminal.intent_unresolved' },
    });
    expect(pay.entries()).toEqual([]);
    expect(await reg.call('sale.tenderCash', { saleId, tenderedMinor: 5000, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'terminal.intent_unresolved' },
    });
    expect(await reg.call('sale.addCustomLine', { saleId, name: 'More', qtyMilli: 1000, unitPriceMinor: 100 })).toMatchObject({
      ok: false,
      error: { code: 'sale.payment_in_progress' },
    });
    const line = (await reg.must('sale.get', { saleId })).lines[0];
    expect(await reg.call('sale.setQty', { saleId, lineId: line?.id ?? 0, qtyMilli: 2000 })).toMatchObject({
      ok: false,
      error: { code: 'sale.payment_in_progress' },
    });
    expect(await reg.call('sale.hold', { saleId })).toMatchObject({ ok: false, error: { code: 'terminal.intent_unresolved' } });
    expect(await reg.call('sale.cancel', { saleId, idempotencyKey: key() })).toMatchObject({ ok: false, error: { code: 'terminal.intent_unresolved' } });

    // The reloaded window learns the ending from the register, not from the old page's call.
    const after = await until('the payment reported as ended', async () => {
      const p = await reg.must('payment.progress', { saleId });
      return p.ended ? p : null;
    });
    expect(after.running).toBeNull();
    expect(after.ended).toMatchObject({ saleId, kind: 'card', result: { ok: true, value: { sale: { id: saleId, status: 'completed' } } } });
    const done = await paying;
    expect(done.ok && after.ended?.result.ok && after.ended.result.value.receiptNo).toBe(done.ok ? done.value.receiptNo : 'not paid');
    expect(ended.filter((e) => e.saleId === saleId)).toEqual([after.ended]);
    expect((await reg.must('sale.get', { saleId })).lines).toHaveLength(1);
  });

  it('a decline ends with the same translated reason the pay call gives, and the sale takes edits again', async () => {
    const { reg, sim } = rig;
    await settled(reg);
    const saleId = await cardSaleOf(reg, 1278);
    sim.script({ outcome: 'decline', declineReason: 'card_expired', pinDelayMs: 300 });
    const r = await payCard(reg, saleId);
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.declined', params: { reason: 'terminal.result.card_expired' } } });
    const p = await reg.must('payment.progress', { saleId });
    expect(p.running).toBeNull();
    expect(p.ended).toMatchObject({ saleId, kind: 'card', result: r });
    await reg.must('sale.addCustomLine', { saleId, name: 'More', qtyMilli: 1000, unitPriceMinor: 100 });
  });

  it('a refused second call does not end the running payment for those following it', async () => {
    const { reg, sim } = rig;
    await settled(reg);
    const saleId = await cardSaleOf(reg, 3456);
    sim.script({ pinDelayMs: 1200 });
    const paying = payCard(reg, saleId);
    await until('the card payment running', async () => (await reg.must('payment.progress', { saleId })).running?.live === true);
    const before = ended.length;
    expect((await payCard(reg, saleId)).ok).toBe(false);
    expect(ended.length).toBe(before);
    expect((await reg.must('payment.progress', { saleId })).running).toMatchObject({ kind: 'card', live: true });
    expect((await paying).ok).toBe(true);
    expect(ended.slice(before).map((e) => [e.saleId, e.result.ok])).toEqual([[saleId, true]]);
  });

  it('refuses an unknown sale with a coded error', async () => {
    expect(await rig.reg.call('payment.progress', { saleId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'sale.not_found' },
    });
  });
});

describe('a scan-to-pay payment under way, seen by a window that did not start it', () => {
  let sim: PaySimulator;
  let reg: TestRegister;
  let ended: PaymentEndedView[];
  beforeAll(async () => {
    // The customer takes 1.5 s over the password; the register would wait for 20 s.
    sim = await PaySimulator.start({ passwordMs: 1500 });
    reg = makeRegister({ scanPay: { timings: { ...FAST_TIMINGS, waitLimitMs: 20_000, codeLifeMs: 20_000 }, requestTimeoutMs: 2000, sweepMs: 100 } });
    const staff = await withStaff(reg);
    await configureProviders(reg, sim, staff.ownerId, staff.cashierId);
    ended = endings(reg);
  });
  afterAll(async () => {
    reg.cleanup();
    await sim.stop();
  });

  it('reports the password step with its deadline and the provider, refuses edits, then the payment booked', async () => {
    const saleId = await scanSaleOf(reg, 1531);
    const paying = reg.call('scanpay.pay', { saleId, code: wechatCode(), idempotencyKey: key() });
    const running = await until('the password step reported', async () => {
      const p = await reg.must('payment.progress', { saleId });
      return p.running?.step === 'scanpay.step.password' ? p.running : null;
    });
    expect(running).toMatchObject({ saleId, kind: 'scanpay', amountMinor: 1531, provider: 'wechat', live: true, cancellable: true });
    expect(running.deadlineAt).toBeGreaterThan(running.startedAt);
    expect(await reg.call('sale.removeLine', { saleId, lineId: (await reg.must('sale.get', { saleId })).lines[0]?.id ?? 0 })).toMatchObject({
      ok: false,
      error: { code: 'sale.payment_in_progress' },
    });
    expect(await reg.call('sale.tenderCash', { saleId, tenderedMinor: 2000, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'scanpay.attempt_unresolved' },
    });
    expect(await reg.call('card.pay', { saleId, idempotencyKey: key() })).toMatchObject({ ok: false, error: { code: 'scanpay.attempt_unresolved' } });

    const after = await until('the scan payment reported as ended', async () => {
      const p = await reg.must('payment.progress', { saleId });
      return p.ended ? p : null;
    });
    expect(after).toMatchObject({
      running: null,
      ended: { saleId, kind: 'scanpay', result: { ok: true, value: { sale: { status: 'completed', payments: [{ method: 'scan', amountMinor: 1531 }] } } } },
    });
    expect(await paying).toEqual(after.ended?.result);
    expect(ended.filter((e) => e.saleId === saleId)).toEqual([after.ended]);
  });

  it('a window that did not start it can cancel it: the ending says cancelled', async () => {
    const saleId = await scanSaleOf(reg, 1632);
    const paying = reg.call('scanpay.pay', { saleId, code: wechatCode(), idempotencyKey: key() });
    await until('the password step reported', async () => (await reg.must('payment.progress', { saleId })).running?.step === 'scanpay.step.password');
    expect(await reg.must('scanpay.cancel', { saleId })).toEqual({ sent: true });
    const after = await until('the cancelled payment reported as ended', async () => (await reg.must('payment.progress', { saleId })).ended);
    expect(after).toMatchObject({ kind: 'scanpay', result: { ok: false, error: { code: 'scanpay.cancelled' } } });
    expect(await paying).toEqual(after.result);
  });
});
