// A serial port's name in the one form `serialport` can open on this operating system. Every
// place a port name enters the register (settings screens, --printer, --terminal) and each
// serial transport just before it opens a port goes through here, so a name copied from a
// manual or from another OS gets a clear refusal instead of a cryptic open failure.
//
// Windows: the binding prepends `\\.\` itself and keeps only 10 characters of what it is given,
// so `\\.\COM10` reaches CreateFile as `\\.\\\.\COM` and fails; it must get the bare `COM10`.
// Elsewhere a serial port is a device file, named by an absolute path.
import type { RegisterPlatform } from '../../preload/contract/views';

export type SerialPathCheck = { ok: true; path: string } | { ok: false; expected: string };

/** What a serial port is called on each OS; shown in refusals (the settings screens use the same ones as placeholders). */
const EXAMPLES: Record<RegisterPlatform, string> = {
  win32: 'COM3',
  linux: '/dev/ttyUSB0',
  darwin: '/dev/tty.usbserial-XXXX',
  other: '/dev/ttyUSB0',
};

/** `process.platform` folded to the platforms the register tells apart. */
export function registerPlatform(platform: string): RegisterPlatform {
  return platform === 'win32' || platform === 'linux' || platform === 'darwin' ? platform : 'other';
}

/** A refused name as echoed in the refusal: short, since a pasted novel is not worth sending back. */
export function shownPath(text: string): string {
  return text.length > 64 ? `${text.slice(0, 63)}…` : text;
}

export function serialPathExample(platform: string): string {
  return EXAMPLES[registerPlatform(platform)];
}

/**
 * `COM3`, `\\.\COM10` (the Win32 device namespace), `//./COM10` (the same with forward slashes)
 * and `/COM3` (what `serial:///COM3` leaves as its URL path). Windows numbers ports 1 to 256.
 */
const WINDOWS_PORT = /^(?:\\\\\.\\|\/\/\.\/|\/)?COM([1-9]\d{0,2})$/i;

const hasControl = (s: string): boolean => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

export function normaliseSerialPath(text: string, platform: string): SerialPathCheck {
  const refuse: SerialPathCheck = { ok: false, expected: serialPathExample(platform) };
  const name = text.trim();
  if (name === '' || hasControl(name)) return refuse;
  const port = WINDOWS_PORT.exec(name);
  if (platform === 'win32') {
    const n = Number(port?.[1] ?? 0);
    return port && n <= 256 ? { ok: true, path: `COM${n}` } : refuse;
  }
  // `/COM3` is an absolute path here, but one that only a Windows setup copied over would name.
  if (port || !name.startsWith('/')) return refuse;
  return { ok: true, path: name };
}
