// Keeps the register connected to its configured terminal: connects, reconnects after the line
// drops (with back-off), and reports the state for the hardware status. Knows nothing about
// sales; `onReady` lets the card service recover an interrupted payment each time it connects.
import { TerminalClient, type ConnectionState } from './client';
import type { FrameLogger } from './frame-logger';
import type { ZvtTimeouts } from './link';
import { CURRENCY } from './commands';
import { fail, ok, type TerminalResult } from './result';
import { normaliseSerialPath, shownPath } from '../serial-path';

export type TerminalConfig =
  | { kind: 'none' }
  | { kind: 'serial'; path: string; baudRate?: number | undefined; parity?: 'none' | 'even' | 'odd' | undefined; stopBits?: 1 | 2 | undefined }
  | { kind: 'tcp'; host: string; port: number };

export type TerminalLinkState = 'disabled' | ConnectionState;

export interface TerminalConnectionOptions {
  onState?: (state: TerminalLinkState, problem: string | null) => void;
  /** Called after every successful connect (registration done). */
  onReady?: (client: TerminalClient) => void;
  logger?: FrameLogger;
  timeouts?: Partial<ZvtTimeouts>;
  password?: string;
  /** ISO 4217 letters; the terminal gets the numeric code. */
  currency?: string;
  retryMs?: number;
  maxRetryMs?: number;
}

export function currencyCode(letters: string | undefined): number {
  return (CURRENCY as Record<string, number>)[letters ?? 'EUR'] ?? CURRENCY.EUR;
}

/**
 * `tcp://host:port`, `none`, or a serial port in a form this OS names them (`COM3` on Windows,
 * `/dev/ttyUSB0` elsewhere; see serial-path.ts).
 */
export function parseTerminalAddress(text: string, platform: string = process.platform): TerminalResult<TerminalConfig> {
  const address = text.trim();
  if (address === 'none') return ok({ kind: 'none' });
  if (/^tcp:\/\//i.test(address)) {
    const m = /^tcp:\/\/([^:/\s]+):(\d{1,5})$/i.exec(address);
    const port = Number(m?.[2] ?? 0);
    return m && port > 0 && port < 65536 ? ok({ kind: 'tcp', host: m[1] ?? '', port }) : fail('terminal.invalid_input', { issue: 'use tcp://host:port' });
  }
  const path = normaliseSerialPath(address, platform);
  return path.ok ? ok({ kind: 'serial', path: path.path }) : fail('terminal.bad_serial_path', { path: shownPath(address), expected: path.expected });
}

export class TerminalConnection {
  private client: TerminalClient | null = null;
  private config: TerminalConfig = { kind: 'none' };
  private timer: NodeJS.Timeout | null = null;
  private attempt = 0;
  private closed = false;
  private generation = 0;
  state: TerminalLinkState = 'disabled';
  problem: string | null = null;

  constructor(private readonly options: TerminalConnectionOptions = {}) {}

  /** The connected client, or null when there is none ready for a command. */
  get ready(): TerminalClient | null {
    return this.client && (this.client.connectionState === 'ready' || this.client.connectionState === 'busy') ? this.client : null;
  }

  get current(): TerminalConfig {
    return this.config;
  }

  /** Switch to another terminal (or none); the old line is closed first. */
  async configure(config: TerminalConfig): Promise<void> {
    this.config = config;
    const generation = ++this.generation;
    this.clearTimer();
    const old = this.client;
    this.client = null;
    if (old) await old.close();
    if (generation !== this.generation || this.closed) return;
    if (config.kind === 'none') return this.report('disabled', null);
    this.attempt = 0;
    this.client = this.makeClient(config, generation);
    void this.connect(generation);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.generation++;
    this.clearTimer();
    const c = this.client;
    this.client = null;
    if (c) await c.close();
  }

  private makeClient(config: Exclude<TerminalConfig, { kind: 'none' }>, generation: number): TerminalClient {
    const opts = {
      ...(this.options.password ? { password: this.options.password } : {}),
      currency: currencyCode(this.options.currency),
      ...(this.options.timeouts ? { timeouts: this.options.timeouts } : {}),
      ...(this.options.logger ? { logger: this.options.logger } : {}),
      onConnectionChange: (s: ConnectionState) => {
        if (generation !== this.generation) return;
        this.report(s, s === 'disconnected' ? 'terminal.offline' : null);
        // A line that drops after it was up comes back by itself: reconnect with back-off.
        if (s === 'disconnected' && this.wasReady) {
          this.wasReady = false;
          this.schedule(generation);
        }
      },
    };
    return config.kind === 'tcp'
      ? TerminalClient.tcp({ host: config.host, port: config.port }, opts)
      : TerminalClient.serial(
          {
            path: config.path,
            ...(config.baudRate ? { baudRate: config.baudRate } : {}),
            ...(config.parity ? { parity: config.parity } : {}),
            ...(config.stopBits ? { stopBits: config.stopBits } : {}),
          },
          opts,
        );
  }

  private wasReady = false;

  private async connect(generation: number): Promise<void> {
    const client = this.client;
    if (!client || generation !== this.generation) return;
    const r = await client.connect();
    if (generation !== this.generation) return;
    if (r.ok) {
      this.attempt = 0;
      this.wasReady = true;
      this.report('ready', null);
      this.options.onReady?.(client);
      return;
    }
    this.report('disconnected', r.error.code === 'terminal.open_failed' ? 'terminal.open_failed' : 'terminal.offline');
    this.schedule(generation);
  }

  private schedule(generation: number): void {
    if (this.closed || generation !== this.generation) return;
    this.clearTimer();
    const base = this.options.retryMs ?? 1000;
    const delay = Math.min(this.options.maxRetryMs ?? 15_000, base * 2 ** Math.min(this.attempt++, 4));
    this.timer = setTimeout(() => void this.connect(generation), delay);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private report(state: TerminalLinkState, problem: string | null): void {
    if (state === this.state && problem === this.problem) return;
    this.state = state;
    this.problem = problem;
    this.options.onState?.(state, problem);
  }
}
