// RS-232 transport via `serialport`. ZVT terminals default to 9600 8N2; some are configured
// faster, so every line setting can be overridden. DTR/RTS are left alone: ptys (used by the
// simulator) reject modem-line ioctls, and terminals do not need them.
import { SerialPort } from 'serialport';
import { hangUpAwareBinding } from '../serial-hang-up';
import { fail, ok, type TerminalResult } from './result';
import type { ByteTransport } from './transport';
import { TransportListeners } from './transport-listeners';
import { normaliseSerialPath } from '../serial-path';

export interface SerialOptions {
  path: string;
  baudRate?: number;
  dataBits?: 5 | 6 | 7 | 8;
  stopBits?: 1 | 1.5 | 2;
  parity?: 'none' | 'even' | 'odd' | 'mark' | 'space';
}

export const ZVT_SERIAL_DEFAULTS = { baudRate: 9600, dataBits: 8, stopBits: 2, parity: 'none' } as const;

export class SerialTransport implements ByteTransport {
  readonly kind = 'serial' as const;
  readonly endpoint: string;
  private port: SerialPort | null = null;
  private readonly listeners = new TransportListeners(() => {
    this.port = null;
  });

  constructor(private readonly options: SerialOptions) {
    this.endpoint = options.path;
  }

  open(): Promise<TerminalResult<void>> {
    // Settings are checked when saved; this catches ones saved before that check existed.
    const path = normaliseSerialPath(this.options.path, process.platform);
    if (!path.ok)
      return Promise.resolve(fail('terminal.open_failed', { endpoint: this.endpoint, reason: 'terminal.bad_serial_path', expected: path.expected }));
    return new Promise((resolve) => {
      let port: SerialPort;
      try {
        port = new SerialPort({
          path: path.path,
          baudRate: this.options.baudRate ?? ZVT_SERIAL_DEFAULTS.baudRate,
          dataBits: this.options.dataBits ?? ZVT_SERIAL_DEFAULTS.dataBits,
          stopBits: this.options.stopBits ?? ZVT_SERIAL_DEFAULTS.stopBits,
          parity: this.options.parity ?? ZVT_SERIAL_DEFAULTS.parity,
          autoOpen: false,
          // A device that hangs up (unplugged) is reported as gone instead of read from for ever.
          binding: hangUpAwareBinding,
        });
      } catch (e) {
        resolve(fail('terminal.open_failed', { endpoint: this.endpoint, reason: String(e) }));
        return;
      }
      port.on('data', (chunk: Buffer) => this.listeners.data(new Uint8Array(chunk)));
      port.on('close', () => this.listeners.closed('closed'));
      // An 'error' after open means the device went away (unplugged, pty master closed).
      port.on('error', (e: Error) => {
        if (port.isOpen) port.close(() => undefined);
        this.listeners.closed(e.message);
      });
      port.open((err) => {
        if (err) {
          resolve(fail('terminal.open_failed', { endpoint: this.endpoint, reason: err.message }));
          return;
        }
        this.port = port;
        this.listeners.opened();
        resolve(ok(undefined));
      });
    });
  }

  write(bytes: Uint8Array): Promise<TerminalResult<void>> {
    const port = this.port;
    if (!port || !port.isOpen) return Promise.resolve(fail('terminal.disconnected'));
    return new Promise((resolve) => {
      port.write(Buffer.from(bytes), (err) => {
        if (!err) return resolve(ok(undefined));
        // A failed write on a serial device means it is gone (unplugged, pty master closed).
        this.listeners.closed(err.message);
        resolve(fail('terminal.disconnected', { reason: err.message }));
      });
    });
  }

  close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (!port || !port.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }

  isOpen(): boolean {
    return !!this.port?.isOpen;
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.listeners.onData(listener);
  }

  onClose(listener: (reason: string) => void): void {
    this.listeners.onClose(listener);
  }
}
