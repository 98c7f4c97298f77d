// Whether a printer connection can work on this OS, checked where it is saved (settings screen,
// --printer) and tried (test page): a serial port in the form `serialport` opens here, and a
// USB printer-class device file only on Linux (/dev/usb/lp0; Windows and macOS have none).
import { fail, ok, type Result } from '../../../preload/contract/result';
import type { TransportConfigOutput } from '../../../preload/contract/printer-schemas';
import { normaliseSerialPath, registerPlatform, shownPath } from '../serial-path';

export function printerDevicesSupported(platform: string): boolean {
  return platform === 'linux';
}

export function checkTransportConfig(config: TransportConfigOutput, platform: string): Result<TransportConfigOutput> {
  if (config.kind === 'device' && !printerDevicesSupported(platform)) return fail('printer.device_unsupported', { platform: registerPlatform(platform) });
  if (config.kind !== 'serial') return ok(config);
  const path = normaliseSerialPath(config.path, platform);
  if (!path.ok) return fail('printer.bad_serial_path', { path: shownPath(config.path), expected: path.expected });
  return ok({ ...config, path: path.path });
}
