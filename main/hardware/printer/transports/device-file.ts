// USB printer-class device (/dev/usb/lp0 on Linux) or any character device: the kernel driver
// does USB, we write bytes to a file. Opened non-blocking so a printer that stops accepting
// data, or never answers a status request, cannot park a libuv thread in write() or read().
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { queryStatusOver, type StatusQueryOptions } from '../status-reader';
import { noAnswerStatus, type PrinterStatus } from '../status';
import { answer, failure, failureFrom, type PrinterTransport, type TransportResult } from './transport';
import { printerDevicesSupported } from '../transport-check';

export interface DeviceFileTransportOptions {
  path: string;
  writeTimeoutMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const isAgain = (err: unknown): boolean => ['EAGAIN', 'EWOULDBLOCK'].includes((err as NodeJS.ErrnoException).code ?? '');

export class DeviceFileTransport implements PrinterTransport {
  readonly kind = 'device';

  constructor(private readonly options: DeviceFileTransportOptions) {}

  private async openDevice(flags: number): Promise<FileHandle> {
    // Settings are checked when saved; this catches a ledger carried over from a Linux register.
    if (!printerDevicesSupported(process.platform)) throw failure('printer.device_unsupported', process.platform);
    try {
      return await open(this.options.path, flags | constants.O_NONBLOCK | constants.O_NOCTTY);
    } catch (err) {
      throw failureFrom(err, 'printer.not_found');
    }
  }

  private async writeAll(fh: FileHandle, bytes: Uint8Array): Promise<void> {
    const deadline = Date.now() + (this.options.writeTimeoutMs ?? 30_000);
    let off = 0;
    while (off < bytes.length) {
      try {
        const { bytesWritten } = await fh.write(bytes, off, bytes.length - off);
        off += bytesWritten;
      } catch (err) {
        if (!isAgain(err)) throw failureFrom(err);
        if (Date.now() > deadline) throw failure('printer.write_timeout', `${off}/${bytes.length} bytes`);
        await sleep(10);
      }
    }
  }

  send(bytes: Uint8Array): Promise<TransportResult<void>> {
    return answer(() => this.deliver(bytes));
  }

  private async deliver(bytes: Uint8Array): Promise<void> {
    const fh = await this.openDevice(constants.O_WRONLY | constants.O_APPEND);
    try {
      await this.writeAll(fh, bytes);
    } finally {
      await fh.close();
    }
  }

  /** Works only if the printer implements the USB IN endpoint; otherwise `printer.no_answer`. */
  async queryStatus(options: StatusQueryOptions = {}): Promise<PrinterStatus> {
    let fh: FileHandle;
    try {
      fh = await this.openDevice(constants.O_RDWR);
    } catch {
      return noAnswerStatus();
    }
    const listeners = new Set<(chunk: Uint8Array) => void>();
    let reading = true;
    // Non-blocking reads polled every few ms: a read that waits in the thread pool for a printer
    // that never answers would outlive the timeout.
    const pump = (async () => {
      const buf = Buffer.alloc(64);
      while (reading) {
        try {
          const { bytesRead } = await fh.read(buf, 0, buf.length, null);
          if (bytesRead > 0) listeners.forEach((l) => l(buf.subarray(0, bytesRead)));
          else await sleep(5);
        } catch {
          await sleep(5);
        }
      }
    })();
    try {
      return await queryStatusOver(
        {
          write: (b) => this.writeAll(fh, b),
          onData: (l) => {
            listeners.add(l);
            return () => listeners.delete(l);
          },
        },
        options,
      );
    } catch {
      return noAnswerStatus();
    } finally {
      reading = false;
      await pump;
      await fh.close();
    }
  }

  async close(): Promise<void> {
    // Each job opens and closes the device.
  }
}
