// ZVT over TCP (bare APDUs, no framing): the same client and simulator on a loopback socket.
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalClient } from '../../main/hardware/terminal/client';
import { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { FAST_CLIENT_TIMEOUTS, FAST_SIM_TIMEOUTS } from '../support/terminal-sim';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function tcpPair() {
  const s = await TerminalSimulator.startTcp({ port: 0, timeouts: FAST_SIM_TIMEOUTS });
  if (!s.ok) throw new Error(s.error.code);
  cleanup.push(() => s.value.stop());
  const client = TerminalClient.tcp({ host: '127.0.0.1', port: s.value.tcpPort ?? 0 }, { timeouts: FAST_CLIENT_TIMEOUTS });
  cleanup.push(() => client.close());
  return { sim: s.value, client };
}

describe('terminal over TCP', () => {
  it('registers, approves with steps and closes the batch', async () => {
    const { sim, client } = await tcpPair();
    expect((await client.connect()).ok).toBe(true);
    const steps: string[] = [];
    const r = await client.authorize(1000, { onStep: (s) => steps.push(s.key) });
    expect(r.ok && r.value).toMatchObject({ amountMinor: 1000, maskedPan: '476173******0119' });
    expect(steps).toContain('terminal.step.enter_pin');
    const eod = await client.endOfDay();
    expect(eod.ok && eod.value.totalMinor).toBe(1000);
    expect(sim.batch()).toEqual([]);
  });

  it('reports a dropped socket mid-transaction as disconnected, outcome unknown', async () => {
    const { sim, client } = await tcpPair();
    sim.script({ disconnectAfter: 'card' });
    expect((await client.connect()).ok).toBe(true);
    const r = await client.authorize(1000);
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.disconnected', params: { outcome: 'unknown' } } });
    expect(client.connectionState).toBe('disconnected');
  });

  it('fails to connect with a typed error when nothing listens', async () => {
    const client = TerminalClient.tcp({ host: '127.0.0.1', port: 1 }, { timeouts: FAST_CLIENT_TIMEOUTS });
    expect(await client.connect()).toMatchObject({ ok: false, error: { code: 'terminal.open_failed' } });
  });
});
