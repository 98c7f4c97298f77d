// The simulated terminal and our client against the bytes OTHER implementations put on the line,
// over a real socat pty pair. The "independent ECR" below is nothing but a serial port that writes
// the exact frames ecrterm (Python) writes and reads what comes back, byte by byte.
import { SerialPort } from 'serialport';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fromHex, hex } from '../../main/hardware/terminal/apdu';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { FrameDecoder, type FrameEvent } from '../../main/hardware/terminal/framing';
import { SIM_SOFTWARE_VERSION } from '../../main/hardware/terminal/simulator/admin-commands';
import { TerminalFixture, processAlive } from '../support/terminal-sim';

const f = new TerminalFixture();
const rawPorts: SerialPort[] = [];

afterEach(async () => {
  await Promise.all(rawPorts.splice(0).map((p) => new Promise<void>((r) => (p.isOpen ? p.close(() => r()) : r()))));
  await f.stopAll();
});
afterAll(() => {
  expect(f.socatPids.filter(processAlive)).toEqual([]);
});

/** A bare RS-232 ECR: writes raw bytes, collects ACK bytes and frames the way any ZVT reader would split them. */
async function rawEcr(path: string) {
  const port = new SerialPort({ path, baudRate: 9600, dataBits: 8, stopBits: 2, parity: 'none', autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  rawPorts.push(port);
  const decoder = new FrameDecoder();
  const events: FrameEvent[] = [];
  port.on('data', (chunk: Buffer) => events.push(...decoder.push(new Uint8Array(chunk))));
  const write = (h: string) => new Promise<void>((resolve, reject) => port.write(Buffer.from(fromHex(h)), (e) => (e ? reject(e) : resolve())));
  /** The first `n` frames the terminal sent (its single ACK bytes are in `events`). */
  const frames = async (n: number, timeoutMs = 5000): Promise<FrameEvent[]> => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const got = events.filter((e) => e.type === 'frame');
      if (got.length >= n) return got.slice(0, n);
      if (Date.now() > end) throw new Error(`only ${got.length} of ${n} frames: ${JSON.stringify(events)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { write, frames, events };
}

function apduHex(e: FrameEvent | undefined): string {
  if (!e || e.type !== 'frame') throw new Error(`not a frame: ${JSON.stringify(e)}`);
  return hex(e.apdu);
}

describe('an independent ECR detecting the terminal (ecrterm utils.detect_pt_serial)', () => {
  it('05 01 00 without a password is accepted and completed with SW version and status, not refused with 84 9A', async () => {
    const sim = await f.sim();
    const ecr = await rawEcr(sim.registerPath ?? '');
    // StatusEnquiry() with no password: `05 01 00`, CRC 0x0610 sent low byte first and undoubled.
    await ecr.write('100205010010031006');
    const [accepted] = await ecr.frames(1);
    expect(ecr.events[0]).toEqual({ type: 'ack' }); // the frame itself was taken (not NAKed)
    expect(apduHex(accepted)).toBe('80 00 00');
    await ecr.write('06');
    const [, completion] = await ecr.frames(2);
    await ecr.write('06 10 02 80 00 00 10 03 f5 1f'); // ACK, then "80 00 00" as its own frame
    // [S] §2.56.5: 06 0F xx <SW version LLLVAR, 7-bit ASCII> <terminal status>; no TLV unless the
    // service byte (here: none) asked for it.
    const bytes = fromHex(apduHex(completion));
    expect(hex(bytes.subarray(0, 2))).toBe('06 0f');
    expect(bytes[2]).toBe(bytes.length - 3);
    const lll = [...bytes.subarray(3, 6)];
    expect(lll.every((b) => b >> 4 === 0x0f && (b & 0x0f) <= 9)).toBe(true);
    const n = lll.reduce((acc, b) => acc * 10 + (b & 0x0f), 0);
    expect(Buffer.from(bytes.subarray(6, 6 + n)).toString('ascii')).toBe(SIM_SOFTWARE_VERSION);
    expect(bytes.length).toBe(6 + n + 1);
    expect(bytes[6 + n]).toBe(0x00); // PT ready
  });

  it('the service byte is honoured: 03 02 leaves out the version, 03 04 adds the TLV with the terminal id (1F44)', async () => {
    const sim = await f.sim();
    const ecr = await rawEcr(sim.registerPath ?? '');
    // `05 01 05 123456 03 02` (fact sheet §1, CRC C0E0)
    await ecr.write('100205010512345603021003E0C0');
    expect(apduHex((await ecr.frames(1))[0])).toBe('80 00 00');
    await ecr.write('06');
    const [, completion] = await ecr.frames(2);
    await ecr.write('06 10 02 80 00 00 10 03 f5 1f');
    expect(apduHex(completion)).toBe('06 0f 01 00');
    // ecrterm's STATUS_ENQUIRY_SEND_TLV: `05 01 05 123456 03 04`
    await ecr.write('10 02 05 01 05 12 34 56 03 04 10 03 30 94');
    expect(apduHex((await ecr.frames(3))[2])).toBe('80 00 00');
    await ecr.write('06');
    const all = await ecr.frames(4);
    await ecr.write('06 10 02 80 00 00 10 03 f5 1f');
    const withTlv = apduHex(all[3]);
    expect(withTlv.startsWith('06 0f')).toBe(true);
    expect(withTlv).toContain('1f 44 04 52 50 00 01'); // TLV 1F44, 4 bytes BCD: terminal id 52500001
  });
});

describe('our client reads the Status-Enquiry completion', () => {
  it('reports software version, terminal status and terminal id', async () => {
    const sim = await f.sim();
    const client = await f.connected(sim);
    const st = await client.statusEnquiry();
    expect(st).toEqual({
      ok: true,
      value: {
        terminalId: '52500001',
        softwareVersion: SIM_SOFTWARE_VERSION,
        terminalStatus: 0,
        terminalStatusKey: 'terminal.status.ready',
        deviceName: 'Ringup simulator',
      },
    });
  });
});

describe('the store currency and language on the line', () => {
  it('a CNY terminal prints its receipt in Chinese once UTF-8 is agreed, with CNY amounts', async () => {
    const sim = await f.sim({ currency: CURRENCY.CNY, language: 'zh-CN' });
    const client = await f.connected(sim, { currency: CURRENCY.CNY });
    const r = await client.authorize(4490);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.currency).toBe(CURRENCY.CNY);
    const lines = r.value.receipt.lines.map((l) => l.text);
    expect(lines).toContain('金额 CNY 44.90');
    expect(lines).toContain('交易成功');
    expect(lines.join('\n')).not.toMatch(/EUR|Betrag/);
    expect(sim.printed).toContain('金额 CNY 44.90');
  });

  it('a register asking in another currency gets 06 1E 6F (wrong currency), as from a single-currency terminal', async () => {
    const sim = await f.sim({ currency: CURRENCY.CNY });
    const client = await f.connected(sim); // asks in EUR
    expect(await client.authorize(4490)).toMatchObject({
      ok: false,
      error: { code: 'terminal.declined', params: { reason: 'terminal.result.wrong_currency' } },
    });
    expect(sim.batch()).toEqual([]);
  });
});
