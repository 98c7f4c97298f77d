// A serial line that goes away while the register is reading: a terminal's cable pulled while it
// holds the line and talks (the register reads and writes nothing). Linux hangs the tty up and
// reads return 0 bytes for ever after; the register must say the line is gone instead of reading
// on (main/hardware/serial-hang-up.ts; without it this test times out in every run). A real
// pseudo-terminal pair (socat), whose other end is closed as an unplugged adapter would be.
import { afterEach, describe, expect, it } from 'vitest';
import { SerialTransport } from '../../main/hardware/terminal/serial-transport';
import { startPtyPair, type PtyPair } from '../../main/hardware/terminal/simulator/pty-pair';

const pairs: PtyPair[] = [];
const transports: SerialTransport[] = [];
afterEach(async () => {
  for (const t of transports.splice(0)) await t.close();
  for (const p of pairs.splice(0)) await p.stop();
});

async function openPair(): Promise<PtyPair> {
  const pair = await startPtyPair();
  if (!pair.ok) throw new Error(`socat did not start: ${JSON.stringify(pair.error)}`);
  pairs.push(pair.value);
  return pair.value;
}

describe('a serial line that hangs up', () => {
  it('is reported closed, once, when it hangs up while the register is reading what the terminal sends (20 rounds)', async () => {
    for (let round = 0; round < 20; round++) {
      const pair = await openPair();
      const transport = new SerialTransport({ path: pair.registerPath });
      transports.push(transport);
      expect(await transport.open()).toEqual({ ok: true, value: undefined });
      const reasons: string[] = [];
      const closed = new Promise<void>((resolve) =>
        transport.onClose((reason) => {
          reasons.push(reason);
          resolve();
        }),
      );
      // The terminal talks until the line goes (socat ends and closes the register's pty master, the
      // kernel hangs the tty up): the register is reading when it happens, the case that was missed.
      const terminal = new SerialTransport({ path: pair.terminalPath });
      transports.push(terminal);
      expect(await terminal.open()).toEqual({ ok: true, value: undefined });
      let received = 0;
      const arrived = new Promise<void>((resolve) =>
        transport.onData((chunk) => {
          received += chunk.length;
          resolve();
        }),
      );
      const talking = (async () => {
        while ((await terminal.write(new Uint8Array(256).fill(0x10))).ok) await new Promise((r) => setImmediate(r));
      })();
      await arrived;
      await pair.stop();
      await talking;
      await closed;
      expect(transport.isOpen()).toBe(false);
      expect(reasons).toHaveLength(1);
      expect(received).toBeGreaterThan(0);
      expect(await transport.write(Uint8Array.of(0x06))).toMatchObject({ ok: false, error: { code: 'terminal.disconnected' } });
    }
  });
});
