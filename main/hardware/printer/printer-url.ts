// `--printer URL` / RINGUP_PRINTER for the demo and for quick setups: tcp://host[:port],
// serial:///dev/ttyUSB0?baud=9600, serial://COM3?baud=9600 (Windows), device:///dev/usb/lp0
// (Linux), file:///tmp/receipts.bin.
import { fail, type Result } from '../../../preload/contract/result';
import type { TransportConfigOutput } from '../../../preload/contract/printer-schemas';
import { transportConfigSchema, type TransportConfig } from './transports/create-transport';
import { checkTransportConfig } from './transport-check';

/**
 * A serial URL's port is taken as written, not through URL parsing: `serial://COM3` would put
 * COM3 in the host (lowercased) and `serial:///COM3` would leave `/COM3`; the serial-path rules
 * decide what each form means on this OS.
 */
function serialConfig(rest: string): TransportConfig {
  const q = rest.indexOf('?');
  const query = new URLSearchParams(q < 0 ? '' : rest.slice(q + 1));
  const baud = query.get('baud');
  const flow = query.get('flow');
  return {
    kind: 'serial',
    path: decodeURIComponent(q < 0 ? rest : rest.slice(0, q)),
    ...(baud ? { baudRate: Number(baud) } : {}),
    ...(flow ? { flowControl: flow as 'none' } : {}),
  };
}

function configOf(text: string): TransportConfig | null {
  const serial = /^serial:\/\/(.*)$/is.exec(text);
  if (serial) return serialConfig(serial[1] ?? '');
  const url = new URL(text);
  const path = decodeURIComponent(url.pathname);
  switch (url.protocol) {
    case 'tcp:':
      return { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 9100 };
    case 'device:':
      return { kind: 'device', path };
    case 'file:':
      return { kind: 'file', path };
    default:
      return null;
  }
}

export function parsePrinterUrl(text: string, platform: string = process.platform): Result<TransportConfigOutput> {
  let config: TransportConfig | null;
  try {
    config = configOf(text.trim());
  } catch {
    config = null; // not a URL at all, or a %-escape that does not decode
  }
  if (!config) return fail('request.invalid_input', { field: 'printer', issue: 'use tcp://, serial://, device:// or file://' });
  const parsed = transportConfigSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('request.invalid_input', { field: `printer.${issue?.path.join('.') ?? ''}`, issue: issue?.code ?? 'invalid' });
  }
  return checkTransportConfig(parsed.data, platform);
}
