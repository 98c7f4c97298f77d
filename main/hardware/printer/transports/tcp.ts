// Raw TCP (port 9100). Most network printers serve one client at a time, so the socket is held
// only for one job or one status query and every step has a deadline: a printer that stops
// reading (paper out, cover open) must fail the job, not hang the queue.
import net from 'node:net';
import { queryStatusOver, type StatusQueryOptions } from '../status-reader';
import { noAnswerStatus, type PrinterStatus } from '../status';
import { answer, failure, failureFrom, type PrinterTransport, type TransportResult } from './transport';

export interface TcpTransportOptions {
  host: string;
  port?: number;
  connectTimeoutMs?: number;
  writeTimeoutMs?: number;
}

export class TcpTransport implements PrinterTransport {
  readonly kind = 'tcp';
  private readonly port: number;
  private readonly connectTimeoutMs: number;
  private readonly writeTimeoutMs: number;

  constructor(private readonly options: TcpTransportOptions) {
    this.port = options.port ?? 9100;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 3000;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 15_000;
  }

  private connect(): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: this.options.host, port: this.port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(failure('printer.connect_timeout', `${this.options.host}:${this.port}`));
      }, this.connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(socket);
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(failureFrom(err));
      });
    });
  }

  send(bytes: Uint8Array): Promise<TransportResult<void>> {
    return answer(() => this.deliver(bytes));
  }

  private async deliver(bytes: Uint8Array): Promise<void> {
    const socket = await this.connect();
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(failure('printer.write_timeout', `${bytes.length} bytes`)), this.writeTimeoutMs);
        socket.once('error', (err) => {
          clearTimeout(timer);
          reject(failureFrom(err));
        });
        // Half-close after the job; the printer answers with its own FIN once it has read it.
        socket.end(bytes, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        socket.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        // Bytes the printer sends back (the GS r answer) are not needed; keep the stream flowing.
        socket.resume();
      });
    } finally {
      socket.destroy();
    }
  }

  async queryStatus(options: StatusQueryOptions = {}): Promise<PrinterStatus> {
    let socket: net.Socket;
    try {
      socket = await this.connect();
    } catch {
      return noAnswerStatus();
    }
    socket.on('error', () => undefined);
    try {
      return await queryStatusOver(
        {
          write: (b) => new Promise((resolve, reject) => socket.write(b, (err) => (err ? reject(failureFrom(err)) : resolve()))),
          onData: (listener) => {
            socket.on('data', listener);
            return () => socket.off('data', listener);
          },
        },
        options,
      );
    } catch {
      return noAnswerStatus();
    } finally {
      socket.destroy();
    }
  }

  async close(): Promise<void> {
    // Nothing is held between jobs.
  }
}
