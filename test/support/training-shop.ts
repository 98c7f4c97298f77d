// A shop for the training tests: a real register on a real ledger with the card terminal
// simulator on TCP (connected, so that a card request the register did send would reach it;
// training must never send one), and the owner's switch into training.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { openShop, shanghai, type Shop } from './day-close-shop';
import { FAST_SIM_TIMEOUTS } from './terminal-sim';
import { until } from './until';

/** Registers the file's hooks; returns the shop maker, the switch and the terminal simulator. */
export function trainingShops() {
  let sim: TerminalSimulator | null = null;
  const shops: Shop[] = [];
  beforeAll(async () => {
    const started = await TerminalSimulator.startTcp({ port: 0, timeouts: FAST_SIM_TIMEOUTS, currency: CURRENCY.CNY });
    if (!started.ok) throw new Error(started.error.code);
    sim = started.value;
  });
  afterAll(async () => {
    await sim?.stop();
  });
  afterEach(async () => {
    for (const s of shops.splice(0)) {
      await s.reg.terminal.stop();
      s.reg.cleanup();
    }
  });
  const terminal = (): TerminalSimulator => {
    if (!sim) throw new Error('the terminal simulator is not started');
    return sim;
  };
  return {
    terminal,
    async shop(): Promise<Shop> {
      const s = await openShop(shanghai('2026-03-10'), { terminalAddress: `tcp://127.0.0.1:${terminal().tcpPort ?? 0}` });
      shops.push(s);
      await until('the terminal to be ready', () => s.reg.terminal.connection.ready);
      return s;
    },
    async training(s: Shop, on: boolean, target: 'register' | 'cashier' = 'cashier'): Promise<void> {
      await s.as('owner');
      await s.reg.must('training.set', target === 'register' ? { target, on } : { target: 'operator', operatorId: s.staff.cashierId, on });
      await s.as('cashier');
    },
  };
}
