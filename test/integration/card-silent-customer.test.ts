// A terminal quiet because the customer takes their time, over a real socat pty to the simulator.
// What the cashier reads after the silence notice depends on the terminal's last step (04 FF):
// while it last asked for the card or the PIN, the terminal is waiting for the customer and
// nothing has been charged; once it last said "please wait" (the bank has the request), the card
// may have been charged. Cancel works in both cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import type { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { makeRegister, type TestRegister } from '../support/register-fixture';
import { payCard, paymentSteps, saleOf, terminalReady, withStaff } from '../support/card-register';
import { FAST_CLIENT_TIMEOUTS, TerminalFixture } from '../support/terminal-sim';
import { until } from '../support/until';

const fixture = new TerminalFixture();
let sim: TerminalSimulator;
let reg: TestRegister;

beforeAll(async () => {
  sim = await fixture.sim({ currency: CURRENCY.CNY });
  reg = makeRegister({
    terminalAddress: sim.registerPath ?? '',
    // ZVT's T4 as in production: the customer may take minutes; only the screen's words change.
    terminal: {
      timeouts: { ...FAST_CLIENT_TIMEOUTS, masterSilenceMs: 180_000 },
      retryMs: 150,
      recoveryDelayMs: 100,
      silenceNoticeMs: 600,
      cancelGraceMs: 3000,
    },
  });
  await terminalReady(reg);
  await withStaff(reg);
});
afterAll(async () => {
  await reg.terminal.stop();
  reg.cleanup();
  await fixture.stopAll();
});

const stepsOf = (saleId: string): string[] => paymentSteps(reg, saleId);

function lastIntentState(): string {
  return (reg.db.prepare('SELECT state FROM card_intents ORDER BY id DESC LIMIT 1').get() as { state: string }).state;
}

const booked = (amountMinor: number) => sim.batch().filter((b) => b.amountMinor === amountMinor);

describe('a terminal quiet while it waits on the customer', () => {
  it('slow PIN entry: the screen says the terminal waits for the customer, not that the card may have been charged; the payment then goes through', async () => {
    const saleId = await saleOf(reg, 1300);
    const steps = stepsOf(saleId);
    sim.script({ pinDelayMs: 2000 });
    const paying = payCard(reg, saleId);
    await until('the cashier is told the terminal waits for the customer', () => steps.includes('terminal.step.silent_customer'));
    expect(steps).toEqual(['terminal.step.insert_card', 'terminal.step.enter_pin', 'terminal.step.silent_customer']);
    expect(steps).not.toContain('terminal.step.silent');
    const r = await paying;
    expect(r.ok && r.value.sale.status).toBe('completed');
    expect(steps.slice(-2)).toEqual(['terminal.step.please_wait', 'terminal.step.remove_card']);
    expect(booked(1300)).toHaveLength(1);
  });

  it('quiet after "please wait" (the bank has it): the card may have been charged; Cancel stops the wait and recovery books the approval once', async () => {
    const saleId = await saleOf(reg, 1600);
    const steps = stepsOf(saleId);
    sim.script({ silentAfter: 'decision' });
    const paying = payCard(reg, saleId);
    await until('the cashier is told the card may have been charged', () => steps.includes('terminal.step.silent'));
    expect(steps).toEqual(['terminal.step.insert_card', 'terminal.step.enter_pin', 'terminal.step.please_wait', 'terminal.step.silent']);
    expect(steps).not.toContain('terminal.step.silent_customer');
    await reg.must('card.abort', { saleId });
    expect(steps.at(-1)).toBe('terminal.step.cancel_silent');
    const r = await paying;
    expect(steps.slice(-2)).toEqual(['terminal.step.cancel_silent', 'terminal.step.checking']);
    expect(r.ok && r.value.sale.status).toBe('completed');
    expect(lastIntentState()).toBe('approved');
    expect(booked(1600)).toHaveLength(1);
  });

  it('slow to present the card, then Cancel: acknowledged as sent to the terminal, which aborts; nothing is charged', async () => {
    const saleId = await saleOf(reg, 1400);
    const steps = stepsOf(saleId);
    sim.script({ cardDelayMs: 10_000 });
    const paying = payCard(reg, saleId);
    await until('the cashier is told the terminal waits for the customer', () => steps.includes('terminal.step.silent_customer'));
    expect(steps).toEqual(['terminal.step.insert_card', 'terminal.step.silent_customer']);
    await reg.must('card.abort', { saleId });
    expect(steps.at(-1)).toBe('terminal.step.cancel_asked');
    expect(await paying).toMatchObject({ ok: false, error: { code: 'terminal.aborted' } });
    expect(steps).not.toContain('terminal.step.silent');
    expect(steps).not.toContain('terminal.step.cancel_silent');
    expect(lastIntentState()).toBe('aborted');
    expect(booked(1400)).toHaveLength(0);
  });

  it('hung after "insert card": Cancel is still honoured; the register stops waiting after the grace and asks the terminal, charging nothing', async () => {
    const saleId = await saleOf(reg, 1700);
    const steps = stepsOf(saleId);
    const bookedBefore = sim.batch().length;
    sim.script({ silentAfter: 'card' });
    const paying = payCard(reg, saleId);
    await until('the cashier is told the terminal waits for the customer', () => steps.includes('terminal.step.silent_customer'));
    await reg.must('card.abort', { saleId });
    // The terminal answers nothing, the abort included: after the grace the register asks it what happened.
    expect(await paying).toMatchObject({ ok: false, error: { code: 'terminal.declined', params: { reason: 'terminal.result.not_booked' } } });
    expect(steps).toEqual(['terminal.step.insert_card', 'terminal.step.silent_customer', 'terminal.step.cancel_asked', 'terminal.step.checking']);
    expect(lastIntentState()).toBe('declined');
    expect(sim.batch()).toHaveLength(bookedBefore);
  });
});
