// Transport settings as data (validated: they come from the settings screen) → a transport.
import { TcpTransport } from './tcp';
import { SerialTransport } from './serial';
import { DeviceFileTransport } from './device-file';
import { FileSinkTransport } from './file-sink';
import type { PrinterTransport } from './transport';

export { transportConfigSchema, type TransportConfig } from '../../../../preload/contract/printer-schemas';
import { transportConfigSchema, type TransportConfig } from '../../../../preload/contract/printer-schemas';

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
