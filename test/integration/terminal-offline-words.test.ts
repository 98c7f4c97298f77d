// A card terminal that cannot be reached is named as the cashier would look for it: a network
// terminal "does not answer at HOST:PORT"; a serial one's port could not be opened.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRegister, withStaff, type TestRegister } from '../support/register-fixture';
import { until } from '../support/until';

const registers: TestRegister[] = [];
afterEach(async () => {
  for (const r of registers.splice(0)) {
    await r.terminal.stop();
    r.cleanup();
  }
});

/** A port on this machine where nothing listens (just freed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

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
