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

export interface TransportError {
  code: TransportErrorCode;
  params: { detail: string };
}

/** What a transport answers, the same shape as the contract's Result; a transport never throws across its boundary. */
export type TransportResult<T> = { ok: true; value: T } | { ok: false; error: TransportError };

/**
 * A failure on its way out of a transport. Node's sockets, ports and files report by rejecting or
 * by callback, so inside a transport a failure travels as this; `answer` turns it into the
 * transport's Result at the boundary.
 */
export class TransportFailure extends Error {
  constructor(readonly error: TransportError) {
    super(`${error.code}: ${error.params.detail}`);
  }
}

export function failure(code: TransportErrorCode, detail: string): TransportFailure {
  return new TransportFailure({ code, params: { detail } });
}

/** Runs a transport's delivery and answers with its Result: whatever failed inside is coded here. */
export async function answer(work: () => Promise<void>): Promise<TransportResult<void>> {
  try {
    await work();
    return { ok: true, value: undefined };
  } catch (err) {
    return { ok: false, error: failureFrom(err).error };
  }
}

export interface PrinterTransport {
  readonly kind: 'tcp' | 'serial' | 'device' | 'file';
  /** Deliver one job. Answers once the bytes have left this process, or with the coded reason they could not. */
  send(bytes: Uint8Array): Promise<TransportResult<void>>;
  /** DLE EOT 1/2/4. Never rejects: an unreachable or silent printer is `printer.no_answer`. */
  queryStatus(options?: StatusQueryOptions): Promise<PrinterStatus>;
  close(): Promise<void>;
}

/** Map Node's errno codes to the reasons the settings screen shows. */
export function failureFrom(err: unknown, fallback: TransportErrorCode = 'printer.io_error'): TransportFailure {
  if (err instanceof TransportFailure) return err;
  const e = err as NodeJS.ErrnoException;
  const detail = e?.message ?? String(err);
  switch (e?.code) {
    case 'ECONNREFUSED':
      return failure('printer.connection_refused', detail);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return failure('printer.unreachable', detail);
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return failure('printer.not_found', detail);
    case 'EACCES':
    case 'EPERM':
      return failure('printer.permission_denied', detail);
    case 'EBUSY':
      return failure('printer.busy', detail);
    default:
      return failure(fallback, detail);
  }
}
