// A shop for the training tests: a real register on a real ledger with the card terminal
// simulator on TCP and the WeChat Pay / Alipay simulator over HTTP configured as its providers
// (so that a card or scan-to-pay request the register did send would reach one; training must
// never send one), and the owner's switch into training.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { openShop, shanghai, type Shop } from './day-close-shop';
import { configureProviders } from './scan-rig';
import { FAST_SIM_TIMEOUTS } from './terminal-sim';
import { until } from './until';

/** Registers the file's hooks; returns the shop maker, the switch and the two simulators. */
export function trainingShops() {
  let sim: TerminalSimulator | null = null;
  let pay: PaySimulator | null = null;
  const shops: Shop[] = [];
  beforeAll(async () => {
    const started = await TerminalSimulator.startTcp({ port: 0, timeouts: FAST_SIM_TIMEOUTS, currency: CURRENCY.CNY });
    if (!started.ok) throw new Error(started.error.code);
    sim = started.value;
    pay = await PaySimulator.start({ passwordMs: 150 });
  });
  afterAll(async () => {
    await sim?.stop();
    await pay?.stop();
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
  const provider = (): PaySimulator => {
    if (!pay) throw new Error('the provider simulator is not started');
    return pay;
  };
  return {
    terminal,
    /** The WeChat Pay / Alipay simulator: `calls` lists every request it was sent. */
    provider,
    async shop(): Promise<Shop> {
      const s = await openShop(shanghai('2026-03-10'), { terminalAddress: `tcp://127.0.0.1:${terminal().tcpPort ?? 0}` });
      shops.push(s);
      await configureProviders(s.reg, provider(), s.staff.ownerId, s.staff.cashierId);
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
