import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseSerialPath, registerPlatform, serialPathExample } from '../../main/hardware/serial-path';

// Pure: the platform is a parameter, so every OS's rules run on every machine.

describe('serial port names on Windows', () => {
  it.each([
    ['COM3', 'COM3'],
    ['com3', 'COM3'],
    ['Com7', 'COM7'],
    ['COM10', 'COM10'],
    ['COM256', 'COM256'],
    ['\\\\.\\COM10', 'COM10'], // \\.\COM10, the Win32 device namespace
    ['\\\\.\\com3', 'COM3'],
    ['//./COM10', 'COM10'],
    ['/COM3', 'COM3'], // what serial:///COM3 leaves as its path
    ['  COM4 ', 'COM4'],
  ])('%s opens as %s', (text, path) => {
    expect(normaliseSerialPath(text, 'win32')).toEqual({ ok: true, path });
  });

  it.each([
    '',
    '   ',
    'COM',
    'COM0',
    'COM03',
    'COM257',
    'COM1000',
    'LPT1',
    'COM3:',
    '\\\\?\\COM3',
    '\\\\.\\COM10\\',
    'C:\\COM3',
    '/dev/ttyUSB0',
    'ttyUSB0',
    'COM\n3',
  ])('%j is refused, naming COM3 as the expected form', (text) => {
    expect(normaliseSerialPath(text, 'win32')).toEqual({ ok: false, expected: 'COM3' });
  });

  it('whatever it is given, it hands the binding COM1..COM256, which fits the 10 characters the binding keeps', () => {
    const nameish = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom('', '\\\\.\\', '//./', '/', ' '), fc.constantFrom('COM', 'com', 'Com', 'CM'), fc.nat(400)).map(([p, c, n]) => `${p}${c}${n}`),
    );
    fc.assert(
      fc.property(nameish, (text) => {
        const r = normaliseSerialPath(text, 'win32');
        if (!r.ok) return;
        expect(r.path).toMatch(/^COM[1-9]\d{0,2}$/);
        expect(Number(r.path.slice(3))).toBeLessThanOrEqual(256);
        expect(r.path.length).toBeLessThanOrEqual(10);
        // Normalising is idempotent: a saved name reads back the same.
        expect(normaliseSerialPath(r.path, 'win32')).toEqual(r);
      }),
    );
  });
});

describe('serial port names on Linux', () => {
  it.each(['/dev/ttyUSB0', '/dev/ttyACM0', '/dev/ttyS0', '/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0', '/tmp/ringup-printer'])(
    '%s is kept as it is',
    (path) => {
      expect(normaliseSerialPath(path, 'linux')).toEqual({ ok: true, path });
    },
  );

  it('surrounding blanks are dropped', () => {
    expect(normaliseSerialPath(' /dev/ttyUSB0\t', 'linux')).toEqual({ ok: true, path: '/dev/ttyUSB0' });
  });

  it.each(['COM3', 'com3', 'COM10', '\\\\.\\COM10', '//./COM10', '/COM3', 'dev/ttyUSB0', 'ttyUSB0', './ttyUSB0', '', '/dev/tty\u0000USB0', '/dev/tty\nUSB0'])(
    '%j is refused, naming /dev/ttyUSB0 as the expected form',
    (text) => {
      expect(normaliseSerialPath(text, 'linux')).toEqual({ ok: false, expected: '/dev/ttyUSB0' });
    },
  );
});

describe('serial port names on macOS', () => {
  it.each(['/dev/tty.usbserial-1', '/dev/tty.usbserial-A50285BI', '/dev/cu.usbmodem14101'])('%s is kept as it is', (path) => {
    expect(normaliseSerialPath(path, 'darwin')).toEqual({ ok: true, path });
  });

  it.each(['COM3', '\\\\.\\COM10', '//./COM10', '/COM3', 'tty.usbserial-1'])('%j is refused, naming /dev/tty.usbserial-XXXX', (text) => {
    expect(normaliseSerialPath(text, 'darwin')).toEqual({ ok: false, expected: '/dev/tty.usbserial-XXXX' });
  });
});

describe('other Unix systems', () => {
  it('take absolute device paths and refuse Windows names', () => {
    expect(normaliseSerialPath('/dev/cuaU0', 'freebsd')).toEqual({ ok: true, path: '/dev/cuaU0' });
    expect(normaliseSerialPath('COM3', 'freebsd')).toEqual({ ok: false, expected: '/dev/ttyUSB0' });
  });
});

describe('platforms', () => {
  it('fold process.platform to the four the screens tell apart', () => {
    expect(['win32', 'linux', 'darwin', 'freebsd', 'openbsd', 'sunos', 'aix'].map(registerPlatform)).toEqual([
      'win32',
      'linux',
      'darwin',
      'other',
      'other',
      'other',
      'other',
    ]);
  });

  it('name an example port for each', () => {
    expect(['win32', 'linux', 'darwin', 'freebsd'].map(serialPathExample)).toEqual(['COM3', '/dev/ttyUSB0', '/dev/tty.usbserial-XXXX', '/dev/ttyUSB0']);
  });
});
