// Debugging sink: appends every job to a file (e.g. to inspect with the tokenizer or `xxd`).
import { appendFile } from 'node:fs/promises';
import type { StatusQueryOptions } from '../status-reader';
import type { PrinterStatus } from '../status';
import { answer, type PrinterTransport, type TransportResult } from './transport';

export class FileSinkTransport implements PrinterTransport {
  readonly kind = 'file';

  constructor(private readonly options: { path: string }) {}

  send(bytes: Uint8Array): Promise<TransportResult<void>> {
    return answer(() => appendFile(this.options.path, bytes));
  }

  /** A file always takes the bytes: report ready so a debugging setup shows no banner. */
  async queryStatus(_options?: StatusQueryOptions): Promise<PrinterStatus> {
    return {
      answered: true,
      ready: true,
      paperOut: false,
      paperNearEnd: false,
      coverOpen: false,
      offline: false,
      error: false,
      drawerPinHigh: null,
      drawerOpen: null,
      problems: [],
      raw: {},
    };
  }

  async close(): Promise<void> {}
}
