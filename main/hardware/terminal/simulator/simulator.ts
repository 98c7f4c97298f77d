// A ZVT payment terminal (PT) for development, demos and tests. It speaks the same protocol
// through the same codec and link layer as the register, over a socat pty pair or TCP, and keeps
// a real batch so end-of-day and crash recovery can be checked against the ledger.
import fs from 'node:fs';
import net from 'node:net';
import { parseEcrCommand, type EcrCommand } from '../commands';
import { RESULT } from '../codes';
import { ZvtLink } from '../link';
import { nackApdu, parsePtMessage } from '../pt-messages';
import { fail, ok, type TerminalResult } from '../result';
import { SerialTransport } from '../serial-transport';
import { TcpTransport } from '../tcp-transport';
import { CHARSET } from '../text';
import { registration, repeatReceipt, statusEnquiry } from './admin-commands';
import type { BatchEntry } from './batch';
import { endOfDay, reversal } from './batch-commands';
import type { SimBehaviour } from './behaviour';
import { payment, refuseWrongCurrency } from './payment-commands';
import { LineGone, PtExchange } from './pt-exchange';
import { newPtyDir, startPtyPair, type PtyPair } from './pty-pair';
import type { SimLanguage } from './receipt-text';
import { SimulatorState, type SimulatorOptions } from './simulator-state';

export class TerminalSimulator {
  private readonly sim: SimulatorState;
  private link: ZvtLink | null = null;
  private pty: PtyPair | null = null;
  /** The folder of the pty's two links: the simulator's, since a dropped line comes back at the same paths. */
  private ptyDir: string | null = null;
  private server: net.Server | null = null;
  private stopped = false;

  private constructor(private readonly options: SimulatorOptions) {
    this.sim = new SimulatorState(options);
  }

  /** Start on a fresh socat pty pair; the register opens `simulator.registerPath`. */
  static async startPty(options: SimulatorOptions = {}): Promise<TerminalResult<TerminalSimulator>> {
    const sim = new TerminalSimulator(options);
    sim.ptyDir = newPtyDir();
    const up = await sim.openPty(sim.ptyDir);
    if (!up.ok) {
      fs.rmSync(sim.ptyDir, { recursive: true, force: true });
      return up;
    }
    return ok(sim);
  }

  /** Start a TCP terminal (ZVT over IP, default port 20007; pass 0 for any free port). */
  static async startTcp(options: SimulatorOptions & { port?: number; host?: string } = {}): Promise<TerminalResult<TerminalSimulator>> {
    const sim = new TerminalSimulator(options);
    const host = options.host ?? '127.0.0.1';
    const server = net.createServer((socket) => {
      // One register at a time, as on a real terminal: a new connection replaces the old one.
      void sim.link?.close();
      const link = sim.makeLink(new TcpTransport({ host, port: 0 }, socket));
      void sim.serve(link);
    });
    const listening = await new Promise<TerminalResult<void>>((resolve) => {
      server.once('error', (e) => resolve(fail('terminal.open_failed', { reason: e.message })));
      server.listen(options.port ?? 20007, host, () => resolve(ok(undefined)));
    });
    if (!listening.ok) return listening;
    sim.server = server;
    return ok(sim);
  }

  get printed(): string[] {
    return this.sim.printed;
  }

  get terminalId(): string {
    return this.sim.terminalId;
  }

  get currency(): number {
    return this.sim.currency;
  }

  get language(): SimLanguage {
    return this.sim.language;
  }

  get merchantNo(): string {
    return this.sim.merchantNo;
  }

  /** Scripted delays spent so far (card + PIN + bank), for benchmarks. */
  get scriptedDelayTotalMs(): number {
    return this.sim.scriptedDelayTotalMs;
  }

  set scriptedDelayTotalMs(ms: number) {
    this.sim.scriptedDelayTotalMs = ms;
  }

  get transactionsStarted(): number {
    return this.sim.transactionsStarted;
  }

  set transactionsStarted(n: number) {
    this.sim.transactionsStarted = n;
  }

  get registerPath(): string | null {
    return this.pty?.registerPath ?? null;
  }

  get tcpPort(): number | null {
    const a = this.server?.address();
    return a && typeof a === 'object' ? a.port : null;
  }

  get socatPid(): number | null {
    return this.pty?.pid ?? null;
  }

  /** Queue a behaviour for the next transaction (FIFO); unspecified fields use the defaults. */
  script(b: Partial<SimBehaviour>): this {
    this.sim.queue.push(b);
    return this;
  }

  setDefaults(b: Partial<SimBehaviour>): this {
    this.sim.defaults = { ...this.sim.defaults, ...b };
    return this;
  }

  batch(): BatchEntry[] {
    return this.sim.batch.list();
  }

  /**
   * Tests of the day close's card reconciliation: rewrite the batch the way a terminal that
   * disagrees with the register would hold it (an entry dropped, a foreign one, another amount).
   * A foreign entry takes the next receipt number, as the terminal's own counter would.
   */
  editBatch(edit: (entries: BatchEntry[], nextReceiptNo: () => number) => BatchEntry[]): void {
    this.sim.batch.replace(edit(this.sim.batch.list(), () => ++this.sim.receiptCounter));
  }

  /** After a scripted disconnect on a pty: bring the line back at the same paths. */
  async reconnectLine(): Promise<TerminalResult<void>> {
    if (!this.pty || !this.ptyDir) return ok(undefined);
    await this.pty.stop();
    return this.openPty(this.ptyDir);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.link?.close();
    this.link = null;
    await this.pty?.stop();
    if (this.ptyDir) fs.rmSync(this.ptyDir, { recursive: true, force: true });
    if (this.server) await new Promise<void>((r) => this.server?.close(() => r()));
    this.server = null;
  }

  private async openPty(dir: string): Promise<TerminalResult<void>> {
    const pair = await startPtyPair({ dir });
    if (!pair.ok) return pair;
    this.pty = pair.value;
    const transport = new SerialTransport({ path: pair.value.terminalPath });
    const opened = await transport.open();
    if (!opened.ok) {
      await pair.value.stop();
      return opened;
    }
    void this.serve(this.makeLink(transport));
    return ok(undefined);
  }

  private makeLink(transport: SerialTransport | TcpTransport): ZvtLink {
    this.sim.charset = CHARSET.cp437; // a new line knows nothing of an earlier registration
    const link = new ZvtLink(transport, {
      timeouts: this.options.timeouts,
      logger: this.options.logger,
      hooks: {
        answerFrame: () => {
          if (this.sim.nakBudget > 0) {
            this.sim.nakBudget--;
            return 'nak';
          }
          return 'ack';
        },
      },
    });
    this.link = link;
    return link;
  }

  private async dropLine(): Promise<void> {
    if (this.pty) await this.pty.stop();
    else await this.link?.close();
  }

  private async serve(link: ZvtLink): Promise<void> {
    const x = new PtExchange(link, this.sim, () => this.dropLine());
    while (!this.stopped && link.isOpen()) {
      const r = await link.receive(Number.POSITIVE_INFINITY);
      if (!r.ok) return;
      const m = parsePtMessage(r.value);
      if (m.ok && (m.value.kind === 'ack' || m.value.kind === 'nack')) continue; // late answers from an interrupted flow
      const cmd = parseEcrCommand(r.value);
      try {
        if (!cmd.ok) await link.send(nackApdu(RESULT.protocolError));
        else await this.handle(x, cmd.value);
      } catch (e) {
        if (!(e instanceof LineGone)) throw e;
      }
    }
  }

  private async busyWhile(run: () => Promise<void>): Promise<void> {
    this.sim.paying++;
    try {
      await run();
    } finally {
      this.sim.paying--;
    }
  }

  private async handle(x: PtExchange, cmd: EcrCommand): Promise<void> {
    // A register that reconnects while the previous connection's payment is still running (it
    // crashed mid-payment) is told "please wait", as a real terminal does, until the bank answered.
    if (this.sim.paying > 0 && cmd.kind !== 'abort' && cmd.kind !== 'unknown') {
      await x.link.send(nackApdu(RESULT.pleaseWait));
      return;
    }
    switch (cmd.kind) {
      case 'registration':
        return registration(x, cmd.charset);
      case 'authorization':
        if (cmd.currency !== null && cmd.currency !== this.sim.currency) return refuseWrongCurrency(x);
        return this.busyWhile(() => payment(x, cmd.amountMinor, 'payment'));
      case 'refund':
        if (cmd.currency !== null && cmd.currency !== this.sim.currency) return refuseWrongCurrency(x);
        // Money back to a card reads the card and asks the bank as a payment does: busy meanwhile too.
        return this.busyWhile(() => payment(x, cmd.amountMinor, 'refund'));
      case 'reversal':
        return reversal(x, cmd.receiptNo);
      case 'end_of_day':
        return endOfDay(x);
      case 'status_enquiry':
        return statusEnquiry(x, cmd.serviceByte);
      case 'repeat_receipt':
        return repeatReceipt(x);
      case 'log_off':
        await x.accept(null);
        return;
      case 'abort':
      case 'unknown':
        // Abort outside a transaction, or a command we do not implement.
        await x.link.send(nackApdu(RESULT.functionNotPossible));
        return;
    }
  }
}
