// RS-232 / USB-CDC printers through `serialport`. A serial line has no connections, so the
// port stays open between jobs (reopening toggles DTR, which resets some printers) and is
// reopened after an error. Thermal printers are usually 8N1 with hardware flow control;
// XON/XOFF is offered but unsafe with raster images, whose bytes can contain 0x11/0x13.
import { SerialPort } from 'serialport';
import { hangUpAwareBinding } from '../../serial-hang-up';
import { normaliseSerialPath } from '../../serial-path';
import { queryStatusOver, type StatusQueryOptions } from '../status-reader';
import { noAnswerStatus, type PrinterStatus } from '../status';
import { answer, failure, failureFrom, type PrinterTransport, type TransportResult } from './transport';

export interface SerialTransportOptions {
  path: string;
  baudRate?: number;
  dataBits?: 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  stopBits?: 1 | 2;
  flowControl?: 'none' | 'rtscts' | 'xonxoff';
  writeTimeoutMs?: number;
}

export class SerialTransport implements PrinterTransport {
  readonly kind = 'serial';
  private port: SerialPort | null = null;

  constructor(private readonly options: SerialTransportOptions) {}

  private async open(): Promise<SerialPort> {
    if (this.port?.isOpen) return this.port;
    const o = this.options;
    // Settings are checked when saved; this catches ones saved before that check existed.
    const path = normaliseSerialPath(o.path, process.platform);
    if (!path.ok) throw failure('printer.bad_serial_path', `${o.path} (expected a name like ${path.expected})`);
    const port = new SerialPort({
      path: path.path,
      baudRate: o.baudRate ?? 9600,
      dataBits: o.dataBits ?? 8,
      parity: o.parity ?? 'none',
      stopBits: o.stopBits ?? 1,
      rtscts: o.flowControl === 'rtscts',
      xon: o.flowControl === 'xonxoff',
      xoff: o.flowControl === 'xonxoff',
      autoOpen: false,
      // A device that hangs up (unplugged) is reported as gone instead of read from for ever.
      binding: hangUpAwareBinding,
    });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(failureFrom(err, 'printer.not_found')) : resolve())));
    // An error after opening (cable pulled) closes the port; the next job reopens it.
    port.on('error', () => undefined);
    port.on('close', () => {
      if (this.port === port) this.port = null;
    });
    this.port = port;
    return port;
  }

  private write(port: SerialPort, bytes: Uint8Array): Promise<void> {
    const timeoutMs = this.options.writeTimeoutMs ?? 30_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // A printer holding CTS low (paper out) never drains; drop the port so the next job starts clean.
        void this.close();
        reject(failure('printer.write_timeout', `${bytes.length} bytes`));
      }, timeoutMs);
      port.write(Buffer.from(bytes), (err) => {
        if (err) {
          clearTimeout(timer);
          reject(failureFrom(err));
          return;
        }
        port.drain((err2) => {
          clearTimeout(timer);
          if (err2) reject(failureFrom(err2));
          else resolve();
        });
      });
    });
  }

  send(bytes: Uint8Array): Promise<TransportResult<void>> {
    return answer(() => this.deliver(bytes));
  }

  private async deliver(bytes: Uint8Array): Promise<void> {
    const port = await this.open();
    await this.write(port, bytes);
  }

  async queryStatus(options: StatusQueryOptions = {}): Promise<PrinterStatus> {
    let port: SerialPort;
    try {
      port = await this.open();
    } catch {
      return noAnswerStatus();
    }
    try {
      return await queryStatusOver(
        {
          write: (b) => this.write(port, b),
          onData: (listener) => {
            port.on('data', listener);
            return () => port.off('data', listener);
          },
        },
        options,
      );
    } catch {
      return noAnswerStatus();
    }
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
