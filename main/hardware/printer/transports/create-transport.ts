// Transport settings as data (validated: they come from the settings screen) → a transport.
import { z } from 'zod';
import { TcpTransport } from './tcp';
import { SerialTransport } from './serial';
import { DeviceFileTransport } from './device-file';
import { FileSinkTransport } from './file-sink';
import type { PrinterTransport } from './transport';

const path = z.string().min(1).max(4096);

export const transportConfigSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tcp'),
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65_535).default(9100),
    connectTimeoutMs: z.number().int().min(100).max(60_000).default(3000),
    writeTimeoutMs: z.number().int().min(100).max(300_000).default(15_000),
  }),
  z.object({
    kind: z.literal('serial'),
    path,
    baudRate: z.number().int().min(1200).max(921_600).default(9600),
    dataBits: z.union([z.literal(7), z.literal(8)]).default(8),
    parity: z.enum(['none', 'even', 'odd']).default('none'),
    stopBits: z.union([z.literal(1), z.literal(2)]).default(1),
    flowControl: z.enum(['none', 'rtscts', 'xonxoff']).default('rtscts'),
    writeTimeoutMs: z.number().int().min(100).max(300_000).default(30_000),
  }),
  z.object({ kind: z.literal('device'), path, writeTimeoutMs: z.number().int().min(100).max(300_000).default(30_000) }),
  z.object({ kind: z.literal('file'), path }),
]);

export type TransportConfig = z.input<typeof transportConfigSchema>;

export function createTransport(config: TransportConfig): PrinterTransport {
  const c = transportConfigSchema.parse(config);
  switch (c.kind) {
    case 'tcp':
      return new TcpTransport(c);
    case 'serial':
      return new SerialTransport(c);
    case 'device':
      return new DeviceFileTransport(c);
    case 'file':
      return new FileSinkTransport(c);
  }
}
