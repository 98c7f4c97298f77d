// A card terminal that cannot be reached is named as the cashier would look for it: a network
// terminal "does not answer at HOST:PORT"; a serial one's port could not be opened.
import { afterEach, describe, expect, it } from 'vitest';
import { makeRegister, withStaff, type TestRegister } from '../support/register-fixture';
import { until } from '../support/until';
import { closedPort } from '../support/closed-port';

const registers: TestRegister[] = [];
afterEach(async () => {
  for (const r of registers.splice(0)) {
    await r.terminal.stop();
    r.cleanup();
  }
});

async function terminalStatus(terminalAddress: string) {
  const reg = makeRegister({ terminalAddress, terminal: { retryMs: 150 } });
  registers.push(reg);
  await withStaff(reg);
  return until('the terminal is reported unreachable', async () => {
    const r = await reg.call('hardware.status', {});
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value.terminal.state === 'error' ? r.value.terminal : null;
  });
}

describe('a card terminal that is switched off', () => {
  it('on the network: does not answer at its address', async () => {
    const port = await closedPort();
    expect(await terminalStatus(`tcp://127.0.0.1:${port}`)).toEqual({ state: 'error', problems: ['terminal.no_answer_at'], address: `127.0.0.1:${port}` });
  });

  it('on a serial port: its port could not be opened', async () => {
    expect(await terminalStatus('/dev/ttyUSB97')).toEqual({ state: 'error', problems: ['terminal.open_failed'] });
  });
});
