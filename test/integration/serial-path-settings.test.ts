// Serial port names and USB printer devices through the router, on a real ledger: what this OS
// cannot open is refused with its code and changes nothing; what it can is saved in the form the
// serial binding opens. The Windows register plays Windows on this Linux machine through the
// register's platform option; the Linux one is this machine as it is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrinterConfigView } from '../../preload/contract';
import { openRegister, ledgerPathIn } from '../../main/register';
import { SerialTransport as PrinterSerialTransport, DeviceFileTransport } from '../../main/hardware/printer';
import { SerialTransport as TerminalSerialTransport } from '../../main/hardware/terminal/serial-transport';
import { ledgerSnapshot } from '../support/ledger-snapshot';
import { makeRegister, memoryLogger, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';

const registers: TestRegister[] = [];
afterEach(() => {
  for (const reg of registers.splice(0)) reg.cleanup();
});

async function ownerAt(platform?: NodeJS.Platform): Promise<TestRegister> {
  const reg = makeRegister(platform ? { platform } : {});
  registers.push(reg);
  const { ownerId } = await withStaff(reg);
  await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
  return reg;
}

async function printerConfig(reg: TestRegister, transport: PrinterConfigView['transport']): Promise<PrinterConfigView> {
  // Disabled: the settings are what is under test, not a print attempt on a port this machine lacks.
  return { ...(await reg.must('printer.getConfig', {})), enabled: false, transport };
}

const serial = (path: string) =>
  ({ kind: 'serial', path, baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'rtscts', writeTimeoutMs: 30_000 }) as const;

describe('on this Linux register', () => {
  it('a printer on COM3 is refused with printer.bad_serial_path and changes nothing', async () => {
    const reg = await ownerAt();
    const before = ledgerSnapshot(reg.db);
    const r = await reg.call('printer.setConfig', await printerConfig(reg, serial('COM3')));
    expect(r).toEqual({ ok: false, error: { code: 'printer.bad_serial_path', params: { path: 'COM3', expected: '/dev/ttyUSB0' } } });
    expect(ledgerSnapshot(reg.db)).toBe(before);
    expect((await reg.must('printer.getConfig', {})).transport).toBeNull();
  });

  it('a test page on COM3 is refused the same way', async () => {
    const reg = await ownerAt();
    const r = await reg.call('printer.testPage', { transport: serial('COM3') });
    expect(r).toMatchObject({ ok: false, error: { code: 'printer.bad_serial_path' } });
  });

  it('a card terminal on COM3 is refused with terminal.bad_serial_path and changes nothing', async () => {
    const reg = await ownerAt();
    const before = ledgerSnapshot(reg.db);
    const r = await reg.call('terminal.setConfig', { config: { kind: 'serial', path: 'COM3' } });
    expect(r).toEqual({ ok: false, error: { code: 'terminal.bad_serial_path', params: { path: 'COM3', expected: '/dev/ttyUSB0' } } });
    expect(ledgerSnapshot(reg.db)).toBe(before);
    expect(await reg.must('terminal.getConfig', {})).toEqual({ kind: 'none' });
  });

  it('a USB printer device and a /dev serial port are saved as given', async () => {
    const reg = await ownerAt();
    const device = { kind: 'device', path: '/dev/usb/lp0', writeTimeoutMs: 30_000 } as const;
    expect((await reg.must('printer.setConfig', await printerConfig(reg, device))).transport).toEqual(device);
    const byId = serial('/dev/serial/by-id/usb-Prolific_Technology_Inc-if00-port0');
    expect((await reg.must('printer.setConfig', await printerConfig(reg, byId))).transport).toEqual(byId);
  });

  it('the session tells the screens the register runs on Linux', async () => {
    const reg = await ownerAt();
    expect((await reg.must('session.current', {})).platform).toBe('linux');
  });
});

describe('on a Windows register', () => {
  it('\\\\.\\COM10 is saved as COM10, the form the serial binding opens', async () => {
    const reg = await ownerAt('win32');
    const saved = await reg.must('printer.setConfig', await printerConfig(reg, serial('\\\\.\\COM10')));
    expect(saved.transport).toEqual(serial('COM10'));
    expect((await reg.must('printer.getConfig', {})).transport).toEqual(serial('COM10'));
  });

  it('a card terminal on //./COM10 is saved as COM10', async () => {
    const reg = await ownerAt('win32');
    // The connection then tries COM10, which this Linux machine refuses to open; the save stands.
    expect(await reg.must('terminal.setConfig', { config: { kind: 'serial', path: '//./COM10', baudRate: 9600 } })).toEqual({
      kind: 'serial',
      path: 'COM10',
      baudRate: 9600,
    });
  });

  it('a USB printer device is refused with printer.device_unsupported and changes nothing', async () => {
    const reg = await ownerAt('win32');
    const before = ledgerSnapshot(reg.db);
    const r = await reg.call('printer.setConfig', await printerConfig(reg, { kind: 'device', path: '/dev/usb/lp0', writeTimeoutMs: 30_000 }));
    expect(r).toEqual({ ok: false, error: { code: 'printer.device_unsupported', params: { platform: 'win32' } } });
    expect(ledgerSnapshot(reg.db)).toBe(before);
  });

  it('a Linux port is refused, naming COM3', async () => {
    const reg = await ownerAt('win32');
    const r = await reg.call('terminal.setConfig', { config: { kind: 'serial', path: '/dev/ttyUSB0' } });
    expect(r).toEqual({ ok: false, error: { code: 'terminal.bad_serial_path', params: { path: '/dev/ttyUSB0', expected: 'COM3' } } });
  });

  it('the session tells the screens the register runs on Windows', async () => {
    const reg = await ownerAt('win32');
    expect((await reg.must('session.current', {})).platform).toBe('win32');
  });
});

describe('launch flags', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const ledgerFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringup-flags-'));
    dirs.push(dir);
    return ledgerPathIn(dir);
  };

  it('--printer serial://COM3?baud=9600 on Windows saves COM3 and turns printing on', () => {
    const reg = openRegister({ ledgerFile: ledgerFile(), log: memoryLogger(), printerUrl: 'serial://COM3?baud=9600', platform: 'win32' });
    try {
      expect(reg.db.prepare("SELECT value FROM settings WHERE key = 'printer.config'").pluck().get()).toContain('"path":"COM3"');
    } finally {
      reg.close();
    }
  });

  it('--printer serial://COM3 on Linux stops the start with the form this OS expects', () => {
    expect(() => openRegister({ ledgerFile: ledgerFile(), log: memoryLogger(), printerUrl: 'serial://COM3' })).toThrow(
      /--printer serial:\/\/COM3: .*\/dev\/ttyUSB0/,
    );
  });

  it('--printer device:// on macOS stops the start: USB printer devices are Linux only', () => {
    expect(() => openRegister({ ledgerFile: ledgerFile(), log: memoryLogger(), printerUrl: 'device:///dev/usb/lp0', platform: 'darwin' })).toThrow(
      /only on Linux/,
    );
  });

  it('--terminal \\\\.\\COM10 on Windows saves COM10; --terminal COM3 on Linux stops the start', () => {
    const reg = openRegister({ ledgerFile: ledgerFile(), log: memoryLogger(), terminalAddress: '\\\\.\\COM10', platform: 'win32' });
    try {
      expect(reg.terminal.getConfig()).toEqual({ kind: 'serial', path: 'COM10' });
    } finally {
      reg.close();
    }
    expect(() => openRegister({ ledgerFile: ledgerFile(), log: memoryLogger(), terminalAddress: 'COM3' })).toThrow(/--terminal COM3: .*\/dev\/ttyUSB0/);
  });
});

describe('the serial transports check the name before they open a port', () => {
  it('the printer transport refuses COM3 here with printer.bad_serial_path', async () => {
    const transport = new PrinterSerialTransport({ path: 'COM3' });
    expect(await transport.send(new Uint8Array([0x1b, 0x40]))).toMatchObject({ ok: false, error: { code: 'printer.bad_serial_path' } });
  });

  it('the terminal transport refuses COM3 here, saying why', async () => {
    const r = await new TerminalSerialTransport({ path: 'COM3' }).open();
    expect(r).toEqual({
      ok: false,
      error: { code: 'terminal.open_failed', params: { endpoint: 'COM3', reason: 'terminal.bad_serial_path', expected: '/dev/ttyUSB0' } },
    });
  });

  it('the USB device transport opens devices here (Linux): a missing one is printer.not_found, not unsupported', async () => {
    const missing = join(tmpdir(), 'ringup-no-such-lp0');
    expect(await new DeviceFileTransport({ path: missing }).send(new Uint8Array([0x1b, 0x40]))).toMatchObject({
      ok: false,
      error: { code: 'printer.not_found' },
    });
  });
});
