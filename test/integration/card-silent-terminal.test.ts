// A terminal that goes quiet in the middle of a card payment, over a real TCP socket to the
// simulator. ZVT's T4 (180 s) is kept, but the cashier is not left on "Please wait…": the screen
// says the terminal stopped answering and that the card may have been charged; Cancel is
// acknowledged at once, and on a silent terminal the register stops waiting and asks the terminal
// what happened (the unknown-outcome path), never charging twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import type { TestRegister } from '../support/register-fixture';
import { makeRegister } from '../support/register-fixture';
import { payCard, paymentSteps, saleOf, terminalReady, withStaff } from '../support/card-register';
import { FAST_CLIENT_TIMEOUTS, FAST_SIM_TIMEOUTS } from '../support/terminal-sim';
import { until } from '../support/until';

let sim: TerminalSimulator;
let reg: TestRegister;

beforeAll(async () => {
  const started = await TerminalSimulator.startTcp({ port: 0, timeouts: FAST_SIM_TIMEOUTS, currency: CURRENCY.CNY });
  if (!started.ok) throw new Error(started.error.code);
  sim = started.value;
  reg = makeRegister({
    terminalAddress: `tcp://127.0.0.1:${sim.tcpPort ?? 0}`,
    // The protocol's own T4 as in production: what ends the wait here is the cashier, not a short timeout.
    terminal: { timeouts: { ...FAST_CLIENT_TIMEOUTS, masterSilenceMs: 180_000 }, retryMs: 150, recoveryDelayMs: 100, silenceNoticeMs: 600, cancelGraceMs: 400 },
  });
  await terminalReady(reg);
  await withStaff(reg);
});
afterAll(async () => {
  await reg.terminal.stop();
  reg.cleanup();
  await sim.stop();
});

const stepsOf = (saleId: string): string[] => paymentSteps(reg, saleId);

function intents(): { state: string }[] {
  return reg.db.prepare('SELECT state FROM card_intents ORDER BY id').all() as { state: string }[];
}

describe('a card terminal that goes silent', () => {
  it('after the bank approved: the screen says the card may have been charged; Cancel stops the wait and recovery books the approval once', async () => {
    const saleId = await saleOf(reg, 1500);
    const steps = stepsOf(saleId);
    sim.script({ silentAfter: 'decision' });
    const startedAt = Date.now();
    let answered = false;
    const paying = payCard(reg, saleId).finally(() => (answered = true));
    await until('the cashier is told the terminal stopped answering', () => steps.includes('terminal.step.silent'));
    expect(steps.slice(0, -1)).toEqual(['terminal.step.insert_card', 'terminal.step.enter_pin', 'terminal.step.please_wait']);
    expect(answered).toBe(false);
    // The bank has booked it on the terminal already.
    expect(sim.batch().filter((b) => b.amountMinor === 1500)).toHaveLength(1);

    expect(await reg.must('card.abort', { saleId })).toBeDefined();
    // Acknowledged before the grace runs out: the press is seen, and what comes next is said.
    expect(steps.at(-1)).toBe('terminal.step.cancel_silent');
    const r = await paying;
    expect(steps.slice(-2)).toEqual(['terminal.step.cancel_silent', 'terminal.step.checking']);
    // Far short of T4: the register stopped waiting on the cashier's Cancel.
    expect(Date.now() - startedAt).toBeLessThan(60_000);
    expect(r.ok && r.value.sale.status).toBe('completed');
    expect(intents().at(-1)).toMatchObject({ state: 'approved' });
    const kinds = (reg.db.prepare("SELECT kind FROM journal WHERE kind LIKE 'card.%' ORDER BY seq DESC LIMIT 2").all() as { kind: string }[]).map(
      (k) => k.kind,
    );
    expect(kinds).toEqual(['card.approved', 'card.unknown']);
    expect(sim.batch().filter((b) => b.amountMinor === 1500)).toHaveLength(1);
  });

  it('Cancel while the customer is still at the terminal is acknowledged at once, and the terminal decides', async () => {
    const saleId = await saleOf(reg, 2200);
    const steps = stepsOf(saleId);
    sim.script({ cardDelayMs: 1500 });
    const paying = payCard(reg, saleId);
    await until('the terminal asks for the card', () => steps.includes('terminal.step.insert_card'));
    await reg.must('card.abort', { saleId });
    expect(steps).toContain('terminal.step.cancel_asked');
    expect(await paying).toMatchObject({ ok: false, error: { code: 'terminal.aborted' } });
    expect(steps).not.toContain('terminal.step.silent');
    expect(intents().at(-1)).toMatchObject({ state: 'aborted' });
    expect(sim.batch().filter((b) => b.amountMinor === 2200)).toHaveLength(0);
  });
});
