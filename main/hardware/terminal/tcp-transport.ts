// ZVT over TCP (default port 20007): bare APDUs, no DLE framing, no CRC, no ACK byte.
// The same class wraps an accepted socket on the simulator's side.
import net from 'node:net';
import { fail, ok, type TerminalResult } from './result';
import type { ByteTransport } from './transport';
import { TransportListeners } from './transport-listeners';

export const ZVT_TCP_PORT = 20007;

export interface TcpOptions {
  host: string;
  port?: number;
  connectTimeoutMs?: number;
}

export class TcpTransport implements ByteTransport {
  readonly kind = 'tcp' as const;
  readonly endpoint: string;
  private socket: net.Socket | null = null;
  private readonly listeners = new TransportListeners(() => {
    this.socket = null;
  });

  constructor(
    private readonly options: TcpOptions,
    accepted?: net.Socket,
  ) {
    this.endpoint = `${options.host}:${options.port ?? ZVT_TCP_PORT}`;
    if (accepted) this.attach(accepted);
  }

  private attach(socket: net.Socket): void {
    this.socket = socket;
    this.listeners.opened();
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.listeners.data(new Uint8Array(chunk)));
    socket.on('close', () => this.listeners.closed('closed'));
    socket.on('error', (e) => this.listeners.closed(e.message));
  }

  open(): Promise<TerminalResult<void>> {
    if (this.socket) return Promise.resolve(ok(undefined));
    return new Promise((resolve) => {
      const socket = net.connect({ host: this.options.host, port: this.options.port ?? ZVT_TCP_PORT });
      const timer = setTimeout(() => {
        socket.destroy();
        resolve(fail('terminal.open_failed', { endpoint: this.endpoint, reason: 'timeout' }));
      }, this.options.connectTimeoutMs ?? 5000);
      socket.once('error', (e) => {
        clearTimeout(timer);
        resolve(fail('terminal.open_failed', { endpoint: this.endpoint, reason: e.message }));
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        this.attach(socket);
        resolve(ok(undefined));
      });
    });
  }

  write(bytes: Uint8Array): Promise<TerminalResult<void>> {
    const s = this.socket;
    if (!s || s.destroyed) return Promise.resolve(fail('terminal.disconnected'));
    return new Promise((resolve) => s.write(bytes, (err) => resolve(err ? fail('terminal.disconnected', { reason: err.message }) : ok(undefined))));
  }

  close(): Promise<void> {
    const s = this.socket;
    this.socket = null;
    if (!s || s.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      s.once('close', () => resolve());
      s.destroy();
    });
  }

  isOpen(): boolean {
    return !!this.socket && !this.socket.destroyed;
  }

  onData(listener: (chunk: Uint8Array) => void): void {
    this.listeners.onData(listener);
  }

  onClose(listener: (reason: string) => void): void {
    this.listeners.onClose(listener);
  }
}
