// One shape for every way bytes reach a printer, so the print queue, the test page and the
// drawer do not care whether the printer hangs off Ethernet, RS-232 or USB.
import type { PrinterStatus } from '../status';
import type { StatusQueryOptions } from '../status-reader';

export type TransportErrorCode =
  | 'printer.connect_timeout'
  | 'printer.connection_refused'
  | 'printer.unreachable'
  | 'printer.write_timeout'
  | 'printer.not_found'
  | 'printer.permission_denied'
  | 'printer.busy'
  | 'printer.io_error'
  | 'printer.bad_serial_path'
  | 'printer.device_unsupported';

export class PrinterTransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

export interface PrinterTransport {
  readonly kind: 'tcp' | 'serial' | 'device' | 'file';
  /** Deliver one job. Resolves when the bytes have left this process; rejects with PrinterTransportError. */
  send(bytes: Uint8Array): Promise<void>;
  /** DLE EOT 1/2/4. Never rejects: an unreachable or silent printer is `printer.no_answer`. */
  queryStatus(options?: StatusQueryOptions): Promise<PrinterStatus>;
  close(): Promise<void>;
}

/** Map Node's errno codes to the reasons the settings screen shows. */
export function transportErrorFrom(err: unknown, fallback: TransportErrorCode = 'printer.io_error'): PrinterTransportError {
  if (err instanceof PrinterTransportError) return err;
  const e = err as NodeJS.ErrnoException;
  const detail = e?.message ?? String(err);
  switch (e?.code) {
    case 'ECONNREFUSED':
      return new PrinterTransportError('printer.connection_refused', detail);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new PrinterTransportError('printer.unreachable', detail);
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return new PrinterTransportError('printer.not_found', detail);
    case 'EACCES':
    case 'EPERM':
      return new PrinterTransportError('printer.permission_denied', detail);
    case 'EBUSY':
      return new PrinterTransportError('printer.busy', detail);
    default:
      return new PrinterTransportError(fallback, detail);
  }
}
