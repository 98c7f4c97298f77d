// How a serial port is named on the register's OS, for the printer and card terminal settings.
// Main refuses other forms with the same examples (main/hardware/serial-path.ts).
import type { RegisterPlatform } from '../../../../preload/contract';

const placeholders: Record<RegisterPlatform, string> = {
  win32: 'COM3',
  linux: '/dev/ttyUSB0',
  darwin: '/dev/tty.usbserial-XXXX',
  other: '/dev/ttyUSB0',
};

const hints: Record<RegisterPlatform, string> = {
  win32: 'serialPort.hint.win32',
  linux: 'serialPort.hint.linux',
  darwin: 'serialPort.hint.darwin',
  other: 'serialPort.hint.other',
};

export function serialPlaceholder(platform: RegisterPlatform): string {
  return placeholders[platform];
}

/** ui.json key: where to find the port's name, and on Linux the `dialout` group. */
export function serialHintKey(platform: RegisterPlatform): string {
  return hints[platform];
}
