// Real sockets and a real pseudo-terminal (socat) between our transports and the virtual printer.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import {
  buildReceipt,
  createTransport,
  defaultPrinterProfile,
  DeviceFileTransport,
  encodeReceipt,
  FileSinkTransport,
  openDrawer,
  printTestPage,
  renderReceiptText,
  SerialTransport,
  TcpTransport,
  type PrinterProfile,
} from '../../main/hardware/printer';
import { commandsNamed, tokenizeEscPos } from '../support/escpos-tokenizer';
import { saleFixture, timeZone } from '../support/printer-fixtures';
import { storeZh } from '../support/store-profiles';

const profile: PrinterProfile = { ...defaultPrinterProfile, paper: '58mm' };
/** A transport's answer when the bytes have left the register. */
const DELIVERED = { ok: true, value: undefined };
const receipt = buildReceipt(saleFixture('zh-CN', 'cash'), storeZh, { timeZone });
const expectedLines = renderReceiptText(receipt, profile).replace(/\n$/, '').split('\n');

let vp: VirtualPrinter;
let tmp: string;

beforeAll(async () => {
  vp = await VirtualPrinter.start({ pty: true, serialJobGapMs: 100 });
  tmp = mkdtempSync(join(tmpdir(), 'ringup-printer-test-'));
});

afterAll(async () => {
  const pid = vp.socatPid;
  await vp.close();
  rmSync(tmp, { recursive: true, force: true });
  // socat must not outlive the tests.
  expect(pid).not.toBeNull();
  expect(() => process.kill(pid!, 0)).toThrow();
});

afterEach(() =>
  vp.setStatus({ paperOut: false, paperNearEnd: false, coverOpen: false, offline: false, error: false, drawerOpen: false, noAnswer: false, garbage: false }),
);

const tcp = (): TcpTransport => new TcpTransport({ host: '127.0.0.1', port: vp.port, connectTimeoutMs: 2000, writeTimeoutMs: 5000 });

describe('raw TCP (9100-style) to the virtual printer', () => {
  it('a receipt prints: the printer received text equal to the document, one cut, the drawer kick and the QR', async () => {
    const before = vp.jobs().length;
    expect(await tcp().send(encodeReceipt(receipt, profile))).toEqual(DELIVERED);
    const [job] = (await vp.waitForJobs(before + 1)).slice(before);
    const t = tokenizeEscPos(job!.bytes);
    expect(job!.via).toBe('tcp');
    expect(t.lines).toEqual(expectedLines);
    expect(commandsNamed(t, 'GS V')).toHaveLength(1);
    expect(commandsNamed(t, 'ESC p').map((c) => c.params)).toEqual([[0, 25, 250]]);
    expect(t.qrCodes).toEqual([receipt.documentId]);
  });

  it('reports paper out, cover open, offline, paper near end and the drawer state', async () => {
    vp.setStatus('paper_out');
    expect((await tcp().queryStatus({ timeoutMs: 1000 })).problems).toEqual(['printer.paper_out']);
    vp.setStatus('ok');
    vp.setStatus('cover_open');
    expect((await tcp().queryStatus({ timeoutMs: 1000 })).problems).toEqual(['printer.cover_open']);
    vp.setStatus('ok');
    vp.setStatus('offline');
    expect((await tcp().queryStatus({ timeoutMs: 1000 })).problems).toEqual(['printer.offline']);
    vp.setStatus('ok');
    vp.setStatus('paper_near_end');
    vp.setStatus('drawer_open');
    const s = await tcp().queryStatus({ timeoutMs: 1000 });
    expect(s).toMatchObject({ ready: true, problems: ['printer.paper_near_end'], drawerOpen: true });
  });

  it('garbage bytes from the printer do not crash the status parser or fake a status', async () => {
    vp.setStatus({ garbage: true, coverOpen: true });
    expect((await tcp().queryStatus({ timeoutMs: 1000 })).problems).toEqual(['printer.cover_open']);
    // Pure noise and no answer: the reader skips all of it and reports no answer.
    const server = net.createServer((s) => s.on('data', () => s.write(Buffer.from([0x00, 0xff, 0x13, 0x81, 0x6c, 0xed]))));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    const s = await new TcpTransport({ host: '127.0.0.1', port }).queryStatus({ timeoutMs: 200 });
    await new Promise<void>((r) => server.close(() => r()));
    expect(s.problems).toEqual(['printer.no_answer']);
  });

  it('a printer that does not answer yields printer.no_answer within the timeout', async () => {
    vp.setStatus('no_answer');
    const s = await tcp().queryStatus({ timeoutMs: 300 });
    expect(s).toMatchObject({ answered: false, problems: ['printer.no_answer'] });
  });

  it('paper out holds the job; it prints exactly once after the paper is back', async () => {
    const before = vp.jobs().length;
    vp.setStatus('paper_out');
    expect(await tcp().send(encodeReceipt(receipt, profile))).toEqual(DELIVERED);
    expect(vp.heldJobs()).toBe(1);
    expect(vp.jobs()).toHaveLength(before);
    vp.setStatus('ok');
    const jobs = await vp.waitForJobs(before + 1);
    expect(jobs).toHaveLength(before + 1);
    expect(vp.heldJobs()).toBe(0);
  });

  it('drawer: ESC p waits in the buffer while paper is out; the real-time DLE DC4 1 m t opens it at once', async () => {
    // Bytes spelled out from the ESC/POS references (research §5), not from our encoder.
    const escP = Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa]);
    const dc4 = Buffer.from([0x10, 0x14, 0x01, 0x00, 0x01]);
    const pulses = vp.drawerPulses().length;
    const jobs = vp.jobs().length;
    vp.setStatus('paper_out');
    expect(await tcp().send(escP)).toEqual(DELIVERED);
    expect(vp.heldJobs()).toBe(1);
    expect(vp.drawerPulses()).toHaveLength(pulses);

    expect(await tcp().send(dc4)).toEqual(DELIVERED);
    const [realtime] = (await vp.waitForPulses(pulses + 1)).slice(pulses);
    expect(realtime).toEqual({ command: 'DLE DC4', pin: 0, onMs: 100, via: 'tcp', whilePrintingStopped: true });
    // A real-time command is not print data: nothing new is held or printed.
    expect(vp.heldJobs()).toBe(1);

    vp.setStatus('ok');
    const [buffered] = (await vp.waitForPulses(pulses + 2)).slice(pulses + 1);
    expect(buffered).toEqual({ command: 'ESC p', pin: 0, onMs: 50, via: 'tcp', whilePrintingStopped: false });
    expect(vp.jobs()).toHaveLength(jobs + 1);
  });

  it('drawer: the real-time pulse runs while the cover is open or the printer is offline, not in an error status', async () => {
    const dc4 = Buffer.from([0x10, 0x14, 0x01, 0x01, 0x03]);
    for (const condition of ['cover_open', 'offline'] as const) {
      const pulses = vp.drawerPulses().length;
      vp.setStatus(condition);
      expect(await tcp().send(dc4)).toEqual(DELIVERED);
      expect((await vp.waitForPulses(pulses + 1)).slice(pulses)).toEqual([{ command: 'DLE DC4', pin: 1, onMs: 300, via: 'tcp', whilePrintingStopped: true }]);
      vp.setStatus('ok');
    }
    const pulses = vp.drawerPulses().length;
    vp.setStatus('error');
    expect(await tcp().send(dc4)).toEqual(DELIVERED);
    // send() returns once the printer has read the bytes and closed its side.
    expect((await tcp().queryStatus({ timeoutMs: 1000 })).problems).toContain('printer.error');
    expect(vp.drawerPulses()).toHaveLength(pulses);
    expect(vp.heldJobs()).toBe(0);
  });

  it('print test page: ok on a ready printer, the reason when it cannot print or cannot be reached', async () => {
    const ok = await printTestPage(profile, tcp());
    expect(ok.ok).toBe(true);
    vp.setStatus('paper_out');
    const out = await printTestPage(profile, tcp());
    expect(out).toMatchObject({ ok: false, error: { code: 'printer.paper_out' } });
    vp.setStatus('ok');
    // A port nobody listens on.
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await printTestPage(profile, createTransport({ kind: 'tcp', host: '127.0.0.1', port }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'printer.connection_refused' } });
  });
});

describe('serial over a socat pseudo-terminal to the virtual printer', () => {
  it('a receipt prints over 8N1 at 9600 baud', async () => {
    const before = vp.jobs().length;
    const serial = new SerialTransport({ path: vp.ptyPath!, baudRate: 9600, parity: 'none', stopBits: 1, flowControl: 'none' });
    try {
      expect(await serial.send(encodeReceipt(receipt, profile))).toEqual(DELIVERED);
      const [job] = (await vp.waitForJobs(before + 1)).slice(before);
      expect(job!.via).toBe('pty');
      const t = tokenizeEscPos(job!.bytes);
      expect(t.lines).toEqual(expectedLines);
      expect(commandsNamed(t, 'GS V')).toHaveLength(1);
    } finally {
      await serial.close();
    }
  });

  it('reports paper out, survives garbage, and says no answer when the printer is silent', async () => {
    const serial = new SerialTransport({ path: vp.ptyPath!, baudRate: 19200, parity: 'even', stopBits: 1, dataBits: 8 });
    try {
      vp.setStatus('paper_out');
      expect((await serial.queryStatus({ timeoutMs: 1000 })).problems).toEqual(['printer.paper_out']);
      vp.setStatus({ garbage: true });
      vp.inject(Buffer.from([0x00, 0x01, 0xfe, 0x92]));
      expect((await serial.queryStatus({ timeoutMs: 1000 })).problems).toEqual(['printer.paper_out']);
      vp.setStatus('ok');
      vp.setStatus('no_answer');
      expect((await serial.queryStatus({ timeoutMs: 300 })).problems).toEqual(['printer.no_answer']);
    } finally {
      await serial.close();
    }
  });

  it('a missing serial port is a typed error, not a crash', async () => {
    const sent = await new SerialTransport({ path: join(tmp, 'no-such-tty') }).send(Uint8Array.of(0x0a));
    expect(sent).toEqual({ ok: false, error: { code: 'printer.not_found', params: { detail: expect.stringContaining('no-such-tty') as unknown } } });
  });
});

describe('device file (USB printer class) and file sink', () => {
  it('writes a drawer kick to a character device and reads status back', async () => {
    const before = vp.jobs().length;
    const dev = new DeviceFileTransport({ path: vp.ptyPath! });
    expect(await openDrawer({ drawer: { pin: 1, onMs: 60, offMs: 240, openLevel: 'high' } }, dev)).toEqual(DELIVERED);
    const [job] = (await vp.waitForJobs(before + 1)).slice(before);
    expect([...job!.bytes]).toEqual([0x1b, 0x70, 0x01, 30, 120]);
    vp.setStatus('cover_open');
    expect((await dev.queryStatus({ timeoutMs: 1000 })).problems).toEqual(['printer.cover_open']);
  });

  it('a missing device is printer.not_found', async () => {
    const r = await printTestPage(profile, new DeviceFileTransport({ path: join(tmp, 'lp9') }), { statusTimeoutMs: 100 });
    expect(r).toMatchObject({ ok: false, error: { code: 'printer.not_found' } });
  });

  it('the file sink appends each job', async () => {
    const file = join(tmp, 'sink.bin');
    const sink = new FileSinkTransport({ path: file });
    const bytes = encodeReceipt(receipt, profile);
    expect(await sink.send(bytes)).toEqual(DELIVERED);
    expect(await sink.send(bytes)).toEqual(DELIVERED);
    expect(readFileSync(file).equals(Buffer.concat([bytes, bytes]))).toBe(true);
  });
});

describe('a failed delivery is an answer, never a rejection', () => {
  it('every transport answers with the coded reason', async () => {
    // A port nobody listens on: bound, then closed.
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const bytes = Uint8Array.of(0x1b, 0x40);
    const answers = await Promise.all([
      new TcpTransport({ host: '127.0.0.1', port: closed, connectTimeoutMs: 2000 }).send(bytes),
      new SerialTransport({ path: join(tmp, 'no-such-tty') }).send(bytes),
      new DeviceFileTransport({ path: join(tmp, 'no-such-lp') }).send(bytes),
      new FileSinkTransport({ path: join(tmp, 'no-such-folder', 'sink.bin') }).send(bytes),
    ]);
    const refused = (code: string) => ({ ok: false, error: { code, params: { detail: expect.stringMatching(/./) as unknown } } });
    expect(answers).toEqual([refused('printer.connection_refused'), refused('printer.not_found'), refused('printer.not_found'), refused('printer.not_found')]);
  });
});
