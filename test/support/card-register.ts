// A register wired to a simulated terminal over a real socat pty, with short link timeouts so
// fault tests finish quickly. The protocol trace is collected so tests can scan it.
import { randomUUID } from 'node:crypto';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import type { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import type { SimulatorOptions } from '../../main/hardware/terminal/simulator/simulator-state';
import type { CompletionView } from '../../preload/contract/views';
import type { Result } from '../../preload/contract/result';
import { FAST_CLIENT_TIMEOUTS, TerminalFixture } from './terminal-sim';
import { makeRegister, withStaff, type TestRegister } from './register-fixture';
import { until } from './until';

export function key(): string {
  return randomUUID().replaceAll('-', '');
}

export async function cardRegister(terminalAddress: string, extra: { dir?: string } = {}): Promise<TestRegister & { trace: string[] }> {
  const trace: string[] = [];
  const reg = makeRegister({
    ...extra,
    terminalAddress,
    terminal: { timeouts: FAST_CLIENT_TIMEOUTS, retryMs: 150, recoveryAttempts: 40, recoveryDelayMs: 100, trace: (l) => trace.push(l) },
  });
  await terminalReady(reg);
  return Object.assign(reg, { trace });
}

/** What a card test file shares across its tests: one simulator, one register on it, and its staff. */
export interface CardRig {
  sim: TerminalSimulator;
  reg: TestRegister & { trace: string[] };
  staff: Awaited<ReturnType<typeof withStaff>>;
  /** Stops the register's terminal link, removes its data folder, then the simulator and socat. */
  stop(): Promise<void>;
}

/** Starts a CardRig (for a file's beforeAll); the file's afterAll calls its stop(). */
export async function startCardRig(simOptions: SimulatorOptions = {}): Promise<CardRig> {
  const f = new TerminalFixture();
  // The demo store sells in CNY: its terminal is set up for CNY, as a real one would be.
  const sim = await f.sim({ currency: CURRENCY.CNY, ...simOptions });
  const reg = await cardRegister(sim.registerPath ?? '');
  const staff = await withStaff(reg);
  const stop = async () => {
    await reg.terminal.stop();
    reg.cleanup();
    await f.stopAll();
  };
  return { sim, reg, staff, stop };
}

export async function terminalReady(reg: TestRegister, timeoutMs = 8000): Promise<void> {
  await until('the terminal ready', () => reg.terminal.connection.ready !== null, timeoutMs);
}

/** Waits until no card intent is open (recovery has run). */
export async function settled(reg: TestRegister, timeoutMs = 10_000): Promise<void> {
  const open = () => (reg.db.prepare("SELECT COUNT(*) AS n FROM card_intents WHERE state IN ('created', 'sent', 'in_progress')").get() as { n: number }).n;
  await until('no card intent still open', () => open() === 0, timeoutMs);
}

/** A fresh sale with one line of `amountMinor`. */
export async function saleOf(reg: TestRegister, amountMinor: number): Promise<string> {
  const sale = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: sale.id, name: 'Card test', qtyMilli: 1000, unitPriceMinor: amountMinor });
  return sale.id;
}

export function payCard(reg: TestRegister, saleId: string): Promise<Result<CompletionView>> {
  return reg.call('card.pay', { saleId, idempotencyKey: key() });
}

export { withStaff };

/**
 * Resolves when the terminal reports its first step of a card command for `saleId` (insert card,
 * ...): the command has left the register and the terminal is working on it. Subscribe before
 * starting the payment.
 */
export function firstStep(reg: TestRegister, saleId: string): Promise<string> {
  return new Promise((resolve) => {
    const off = reg.events.subscribe((event, payload) => {
      if (event !== 'payment.step') return;
      const step = payload as { saleId: string; key: string };
      if (step.saleId !== saleId) return;
      off();
      resolve(step.key);
    });
  });
}

/** Every step the terminal reports for `saleId` from now on, in order (the array fills as they come). */
export function paymentSteps(reg: TestRegister, saleId: string): string[] {
  const steps: string[] = [];
  reg.events.subscribe((event, payload) => {
    const p = payload as { saleId: string; key: string };
    if (event === 'payment.step' && p.saleId === saleId) steps.push(p.key);
  });
  return steps;
}

/** A completed card sale of two lines (毛巾 12.00 and 香皂 8.00), for the refund and reversal tests. */
export async function cardSaleOfTwoLines(reg: TestRegister) {
  const sale = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: sale.id, name: '毛巾', qtyMilli: 1000, unitPriceMinor: 1200 });
  await reg.must('sale.addCustomLine', { saleId: sale.id, name: '香皂', qtyMilli: 1000, unitPriceMinor: 800 });
  const paid = await payCard(reg, sale.id);
  if (!paid.ok) throw new Error(JSON.stringify(paid.error));
  return paid.value.sale;
}
