// `--printer URL` / RINGUP_PRINTER for the demo and for quick setups: tcp://host[:port],
// serial:///dev/ttyUSB0?baud=9600, device:///dev/usb/lp0, file:///tmp/receipts.bin.
import type { z } from 'zod';
import type { TransportConfigOutput } from '../../../preload/contract/printer-schemas';
import { transportConfigSchema } from './transports/create-transport';

export function parsePrinterUrl(text: string): TransportConfigOutput {
  const url = new URL(text);
  const baud = url.searchParams.get('baud');
  const path = decodeURIComponent(url.pathname);
  let config: z.input<typeof transportConfigSchema>;
  switch (url.protocol) {
    case 'tcp:':
      config = { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 9100 };
      break;
    case 'serial:':
      config = {
        kind: 'serial',
        path,
        ...(baud ? { baudRate: Number(baud) } : {}),
        ...(url.searchParams.get('flow') ? { flowControl: url.searchParams.get('flow') as 'none' } : {}),
      };
      break;
    case 'device:':
      config = { kind: 'device', path };
      break;
    case 'file:':
      config = { kind: 'file', path };
      break;
    default:
      throw new Error(`unknown printer URL scheme ${url.protocol} (use tcp://, serial://, device:// or file://)`);
  }
  return transportConfigSchema.parse(config);
}
