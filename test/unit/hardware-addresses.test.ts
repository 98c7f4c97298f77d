import { describe, expect, it } from 'vitest';
import { parsePrinterUrl } from '../../main/hardware/printer/printer-url';
import { checkTransportConfig } from '../../main/hardware/printer/transport-check';
import { parseTerminalAddress } from '../../main/hardware/terminal/connection';

// `--printer URL` and `--terminal ADDRESS` for each OS, the OS passed in: these run everywhere.

const serialDefaults = { kind: 'serial', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'rtscts', writeTimeoutMs: 30_000 } as const;

describe('--printer on Windows', () => {
  it.each([
    ['serial://COM3', 'COM3', 9600],
    ['serial:///COM3', 'COM3', 9600],
    ['serial://COM3?baud=9600', 'COM3', 9600],
    ['serial://com10?baud=19200', 'COM10', 19200],
    ['serial://\\\\.\\COM10?baud=38400', 'COM10', 38400],
    ['serial:////./COM10', 'COM10', 9600],
    ['SERIAL://COM4', 'COM4', 9600],
  ])('%s prints to %s at %i baud', (url, path, baudRate) => {
    expect(parsePrinterUrl(url, 'win32')).toEqual({ ok: true, value: { ...serialDefaults, path, baudRate } });
  });

  it('refuses a Linux device path, naming COM3', () => {
    expect(parsePrinterUrl('serial:///dev/ttyUSB0?baud=9600', 'win32')).toEqual({
      ok: false,
      error: { code: 'printer.bad_serial_path', params: { path: '/dev/ttyUSB0', expected: 'COM3' } },
    });
  });

  it('refuses device:// (no USB printer device files on Windows)', () => {
    expect(parsePrinterUrl('device:///dev/usb/lp0', 'win32')).toEqual({
      ok: false,
      error: { code: 'printer.device_unsupported', params: { platform: 'win32' } },
    });
  });

  it('takes tcp:// and file:// as before', () => {
    expect(parsePrinterUrl('tcp://192.168.1.20', 'win32')).toMatchObject({ ok: true, value: { kind: 'tcp', host: '192.168.1.20', port: 9100 } });
    expect(parsePrinterUrl('file:///tmp/receipts.bin', 'win32')).toEqual({ ok: true, value: { kind: 'file', path: '/tmp/receipts.bin' } });
  });
});

describe('--printer on Linux', () => {
  it.each([
    ['serial:///dev/ttyUSB0?baud=9600', '/dev/ttyUSB0', 9600],
    ['serial:///dev/ttyUSB0', '/dev/ttyUSB0', 9600],
    ['serial:///dev/ttyS1?baud=115200', '/dev/ttyS1', 115200],
    ['serial:///dev/serial/by-id/usb-Prolific%20Technology-if00-port0', '/dev/serial/by-id/usb-Prolific Technology-if00-port0', 9600],
  ])('%s prints to %s at %i baud', (url, path, baudRate) => {
    expect(parsePrinterUrl(url, 'linux')).toEqual({ ok: true, value: { ...serialDefaults, path, baudRate } });
  });

  it('keeps the flow control it is given', () => {
    expect(parsePrinterUrl('serial:///dev/ttyUSB0?flow=none', 'linux')).toMatchObject({ ok: true, value: { path: '/dev/ttyUSB0', flowControl: 'none' } });
  });

  it.each(['serial://COM3', 'serial:///COM3', 'serial://COM3?baud=9600', 'serial://dev/ttyUSB0'])('%s is refused, naming /dev/ttyUSB0', (url) => {
    expect(parsePrinterUrl(url, 'linux')).toMatchObject({ ok: false, error: { code: 'printer.bad_serial_path', params: { expected: '/dev/ttyUSB0' } } });
  });

  it('takes device:// (USB printer class, /dev/usb/lp0)', () => {
    expect(parsePrinterUrl('device:///dev/usb/lp0', 'linux')).toEqual({ ok: true, value: { kind: 'device', path: '/dev/usb/lp0', writeTimeoutMs: 30_000 } });
  });

  it.each([
    ['lp0', 'request.invalid_input'],
    ['gopher://printer', 'request.invalid_input'],
    ['serial:///dev/ttyUSB0?baud=12', 'request.invalid_input'],
    ['serial:///dev/ttyUSB0?flow=sometimes', 'request.invalid_input'],
    ['serial:///dev/tty%E0%A4%A', 'request.invalid_input'],
  ])('%s is refused with %s', (url, code) => {
    expect(parsePrinterUrl(url, 'linux')).toMatchObject({ ok: false, error: { code } });
  });
});

describe('--printer on macOS', () => {
  it('takes a /dev/tty.usbserial port and refuses COM3 and device://', () => {
    expect(parsePrinterUrl('serial:///dev/tty.usbserial-1?baud=9600', 'darwin')).toEqual({
      ok: true,
      value: { ...serialDefaults, path: '/dev/tty.usbserial-1' },
    });
    expect(parsePrinterUrl('serial://COM3', 'darwin')).toMatchObject({
      ok: false,
      error: { code: 'printer.bad_serial_path', params: { expected: '/dev/tty.usbserial-XXXX' } },
    });
    expect(parsePrinterUrl('device:///dev/usb/lp0', 'darwin')).toMatchObject({ ok: false, error: { code: 'printer.device_unsupported' } });
  });
});

describe('printer connections from the settings screen', () => {
  it('are normalised or refused the same way', () => {
    const serial = { ...serialDefaults, path: '\\\\.\\COM10' } as const;
    expect(checkTransportConfig(serial, 'win32')).toEqual({ ok: true, value: { ...serial, path: 'COM10' } });
    expect(checkTransportConfig(serial, 'linux')).toMatchObject({ ok: false, error: { code: 'printer.bad_serial_path' } });
    const device = { kind: 'device', path: '/dev/usb/lp0', writeTimeoutMs: 30_000 } as const;
    expect(checkTransportConfig(device, 'linux')).toEqual({ ok: true, value: device });
    expect(checkTransportConfig(device, 'win32')).toMatchObject({ ok: false, error: { code: 'printer.device_unsupported' } });
    expect(checkTransportConfig(device, 'freebsd')).toMatchObject({ ok: false, error: { code: 'printer.device_unsupported', params: { platform: 'other' } } });
  });

  it('echo at most 64 characters of a refused name', () => {
    const r = checkTransportConfig({ ...serialDefaults, path: 'x'.repeat(500) } as const, 'linux');
    expect(r.ok ? '' : String(r.error.params.path)).toHaveLength(64);
  });
});

describe('--terminal', () => {
  it.each([
    ['COM3', 'COM3'],
    ['com3', 'COM3'],
    ['COM10', 'COM10'],
    ['\\\\.\\COM10', 'COM10'],
    ['//./COM10', 'COM10'],
  ])('on Windows %s is the serial port %s', (address, path) => {
    expect(parseTerminalAddress(address, 'win32')).toEqual({ ok: true, value: { kind: 'serial', path } });
  });

  it('on Windows refuses /dev/ttyUSB0, naming COM3', () => {
    expect(parseTerminalAddress('/dev/ttyUSB0', 'win32')).toEqual({
      ok: false,
      error: { code: 'terminal.bad_serial_path', params: { path: '/dev/ttyUSB0', expected: 'COM3' } },
    });
  });

  it.each(['/dev/ttyUSB0', '/dev/serial/by-id/usb-CCV_Terminal-if00'])('on Linux %s is a serial port', (path) => {
    expect(parseTerminalAddress(path, 'linux')).toEqual({ ok: true, value: { kind: 'serial', path } });
  });

  it.each(['COM3', '\\\\.\\COM10', 'ttyUSB0'])('on Linux %s is refused, naming /dev/ttyUSB0', (address) => {
    expect(parseTerminalAddress(address, 'linux')).toMatchObject({
      ok: false,
      error: { code: 'terminal.bad_serial_path', params: { expected: '/dev/ttyUSB0' } },
    });
  });

  it('on macOS names /dev/tty.usbserial-XXXX', () => {
    expect(parseTerminalAddress('/dev/tty.usbserial-1', 'darwin')).toEqual({ ok: true, value: { kind: 'serial', path: '/dev/tty.usbserial-1' } });
    expect(parseTerminalAddress('COM3', 'darwin')).toMatchObject({ ok: false, error: { params: { expected: '/dev/tty.usbserial-XXXX' } } });
  });

  it('takes tcp://host:port and none on every OS', () => {
    for (const platform of ['win32', 'linux', 'darwin']) {
      expect(parseTerminalAddress('tcp://192.168.1.50:20007', platform)).toEqual({ ok: true, value: { kind: 'tcp', host: '192.168.1.50', port: 20007 } });
      expect(parseTerminalAddress('none', platform)).toEqual({ ok: true, value: { kind: 'none' } });
    }
  });

  it.each(['tcp://192.168.1.50', 'tcp://host:0', 'tcp://host:70000'])('%s is not a terminal address', (address) => {
    expect(parseTerminalAddress(address, 'linux')).toMatchObject({ ok: false, error: { code: 'terminal.invalid_input' } });
  });
});
