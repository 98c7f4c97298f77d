// A ZVT payment terminal (PT) for development, demos and tests. It speaks the same protocol
// through the same codec and link layer as the register, over a socat pty pair or TCP, and keeps
// a real batch so end-of-day and crash recovery can be checked against the ledger.
import net from 'node:net';
import type { Apdu } from '../apdu';
import { CURRENCY, parseEcrCommand, type EcrCommand } from '../commands';
import { RESULT, STEP } from '../codes';
import { encodeFrame } from '../framing';
import { ZvtLink, type ZvtTimeouts } from '../link';
import type { FrameLogger } from '../frame-logger';
import { maskPan } from '../pan';
import { ackApdu, nackApdu, parsePtMessage, ptBuild } from '../pt-messages';
import { fail, ok, type TerminalResult } from '../result';
import { SerialTransport } from '../serial-transport';
import type { StatusInformation } from '../status-info';
import { encodeStatusEnquiryCompletion, ENQUIRY_SERVICE, TERMINAL_STATUS } from '../status-enquiry';
import { TcpTransport } from '../tcp-transport';
import { apdu } from '../apdu';
import { CHARSET, type Charset } from '../text';
import { Batch, type BatchEntry } from './batch';
import { DECLINE_CODES, DEFAULT_BEHAVIOUR, type SimBehaviour } from './behaviour';
import { startPtyPair, type PtyPair } from './pty-pair';
import { money, receiptWords, type ReceiptWords, type SimLanguage } from './receipt-text';

/** What the simulator says it runs, in the Status-Enquiry's completion. */
export const SIM_SOFTWARE_VERSION = 'RINGUP-SIM 1.0';
const SIM_DEVICE_NAME = 'Ringup simulator';

export interface SimulatorOptions {
  terminalId?: string;
  /** The merchant (VU) number the terminal reports with each payment. */
  merchantNo?: string;
  timeouts?: Partial<ZvtTimeouts>;
  behaviour?: Partial<SimBehaviour>;
  logger?: FrameLogger;
  /** Receives every receipt line the terminal "prints" (sends to the register). */
  onPrint?: (line: string) => void;
  clock?: () => Date;
  /** Behaviour chosen by amount (demo "test amounts"); a scripted behaviour still wins. */
  byAmount?: (amountMinor: number) => Partial<SimBehaviour> | null;
  /**
   * The terminal's currency (ISO 4217 numeric; default 978 EUR, what a PT assumes without a CC).
   * Like a single-currency terminal it refuses a payment in another one with result 6F.
   */
  currency?: number;
  /** Language of its receipt lines (the store's); Chinese needs UTF-8 agreed at registration. */
  language?: SimLanguage;
}

type Phase = 'accept' | 'card' | 'decision';

class LineGone extends Error {}

export class TerminalSimulator {
  private readonly batchStore = new Batch();
  private readonly queue: Partial<SimBehaviour>[] = [];
  private defaults: SimBehaviour;
  private link: ZvtLink | null = null;
  private pty: PtyPair | null = null;
  private server: net.Server | null = null;
  private nakBudget = 0;
  private receiptCounter = 0;
  private traceCounter = 0;
  private last: { status: Partial<StatusInformation> & { resultCode: number }; lines: string[] } | null = null;
  private stopped = false;
  readonly printed: string[] = [];
  readonly terminalId: string;
  readonly currency: number;
  readonly language: SimLanguage;
  /** Character set of print commands, as agreed at the last registration. */
  private charset: Charset = CHARSET.cp437;
  readonly merchantNo: string;
  /** Scripted delays spent so far (card + PIN + bank), for benchmarks. */
  scriptedDelayTotalMs = 0;
  transactionsStarted = 0;

  private constructor(private readonly options: SimulatorOptions) {
    this.terminalId = options.terminalId ?? '52500001';
    this.currency = options.currency ?? CURRENCY.EUR;
    this.language = options.language ?? 'en';
    this.merchantNo = options.merchantNo ?? '104310058120001';
    this.defaults = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
  }

  /** Start on a fresh socat pty pair; the register opens `simulator.registerPath`. */
  static async startPty(options: SimulatorOptions = {}): Promise<TerminalResult<TerminalSimulator>> {
    const sim = new TerminalSimulator(options);
    const up = await sim.openPty();
    if (!up.ok) return up;
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
    this.queue.push(b);
    return this;
  }

  setDefaults(b: Partial<SimBehaviour>): this {
    this.defaults = { ...this.defaults, ...b };
    return this;
  }

  batch(): BatchEntry[] {
    return this.batchStore.list();
  }

  /**
   * Tests of the day close's card reconciliation: rewrite the batch the way a terminal that
   * disagrees with the register would hold it (an entry dropped, a foreign one, another amount).
   * A foreign entry takes the next receipt number, as the terminal's own counter would.
   */
  editBatch(edit: (entries: BatchEntry[], nextReceiptNo: () => number) => BatchEntry[]): void {
    this.batchStore.replace(edit(this.batchStore.list(), () => ++this.receiptCounter));
  }

  /** After a scripted disconnect on a pty: bring the line back at the same paths. */
  async reconnectLine(): Promise<TerminalResult<void>> {
    if (!this.pty) return ok(undefined);
    const dir = this.pty.registerPath.replace(/\/register$/, '');
    await this.pty.stop();
    return this.openPty(dir);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.link?.close();
    this.link = null;
    await this.pty?.stop();
    if (this.server) await new Promise<void>((r) => this.server?.close(() => r()));
    this.server = null;
  }

  private async openPty(dir?: string): Promise<TerminalResult<void>> {
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
    this.charset = CHARSET.cp437; // a new line knows nothing of an earlier registration
    const link = new ZvtLink(transport, {
      timeouts: this.options.timeouts,
      logger: this.options.logger,
      hooks: {
        answerFrame: () => {
          if (this.nakBudget > 0) {
            this.nakBudget--;
            return 'nak';
          }
          return 'ack';
        },
      },
    });
    this.link = link;
    return link;
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  private async serve(link: ZvtLink): Promise<void> {
    while (!this.stopped && link.isOpen()) {
      const r = await link.receive(Number.POSITIVE_INFINITY);
      if (!r.ok) return;
      const m = parsePtMessage(r.value);
      if (m.ok && (m.value.kind === 'ack' || m.value.kind === 'nack')) continue; // late answers from an interrupted flow
      const cmd = parseEcrCommand(r.value);
      try {
        if (!cmd.ok) await link.send(nackApdu(RESULT.protocolError));
        else await this.handle(link, cmd.value);
      } catch (e) {
        if (!(e instanceof LineGone)) throw e;
      }
    }
  }

  private nextBehaviour(amountMinor?: number): SimBehaviour {
    const byAmount = amountMinor === undefined ? null : this.options.byAmount?.(amountMinor);
    const b = { ...this.defaults, ...byAmount, ...this.queue.shift() };
    this.nakBudget += b.nakFrames;
    return b;
  }

  /** Payments in progress, across connections. */
  private paying = 0;

  private async busyWhile(run: () => Promise<void>): Promise<void> {
    this.paying++;
    try {
      await run();
    } finally {
      this.paying--;
    }
  }

  private async handle(link: ZvtLink, cmd: EcrCommand): Promise<void> {
    // A register that reconnects while the previous connection's payment is still running (it
    // crashed mid-payment) is told "please wait", as a real terminal does, until the bank answered.
    if (this.paying > 0 && cmd.kind !== 'abort' && cmd.kind !== 'unknown') {
      await link.send(nackApdu(RESULT.pleaseWait));
      return;
    }
    switch (cmd.kind) {
      case 'registration': {
        await this.accept(link, null);
        // We speak UTF-8 and CP437: a UTF-8 request is accepted by echoing it (tag 27).
        const accepted = cmd.charset === CHARSET.utf8 ? CHARSET.utf8 : null;
        this.charset = accepted ?? CHARSET.cp437;
        await this.sendAwait(link, this.must(ptBuild.completion(this.terminalId, accepted)), null);
        return;
      }
      case 'authorization':
        if (cmd.currency !== null && cmd.currency !== this.currency) return this.wrongCurrency(link);
        return this.busyWhile(() => this.payment(link, cmd.amountMinor, 'payment'));
      case 'refund':
        if (cmd.currency !== null && cmd.currency !== this.currency) return this.wrongCurrency(link);
        return this.payment(link, cmd.amountMinor, 'refund');
      case 'reversal':
        return this.reversal(link, cmd.receiptNo);
      case 'end_of_day':
        return this.endOfDay(link);
      case 'status_enquiry': {
        // No 04 0F here: a Status-Enquiry ends with its own completion only ([S] §2.56).
        await this.accept(link, null);
        const sb = cmd.serviceByte ?? 0;
        const data = encodeStatusEnquiryCompletion({
          softwareVersion: SIM_SOFTWARE_VERSION,
          terminalStatus: TERMINAL_STATUS.ready,
          terminalId: this.terminalId,
          deviceName: SIM_DEVICE_NAME,
          withVersion: (sb & ENQUIRY_SERVICE.omitSoftwareVersion) === 0,
          withTlv: (sb & ENQUIRY_SERVICE.sendTlv) !== 0,
        });
        await this.sendAwait(link, this.must(data.ok ? ok(apdu(0x06, 0x0f, data.value)) : data), null);
        return;
      }
      case 'repeat_receipt': {
        await this.accept(link, null);
        if (!this.last) {
          await this.sendAwait(link, ptBuild.abort(RESULT.functionNotPossible), null);
          return;
        }
        await this.sendAwait(link, this.must(ptBuild.status(this.last.status)), null);
        for (const line of [this.words().copy, ...this.last.lines]) await this.print(link, line, null);
        await this.sendAwait(link, this.must(ptBuild.completion(this.terminalId)), null);
        return;
      }
      case 'log_off':
        await this.accept(link, null);
        return;
      case 'abort':
      case 'unknown':
        // Abort outside a transaction, or a command we do not implement.
        await link.send(nackApdu(RESULT.functionNotPossible));
        return;
    }
  }

  /** A payment in a currency this terminal does not have: accepted, then aborted with 6F and our CC. */
  private async wrongCurrency(link: ZvtLink): Promise<void> {
    const b = this.nextBehaviour();
    await this.accept(link, b);
    await this.sendAwait(link, ptBuild.abort(RESULT.wrongCurrency, this.currency), b);
  }

  /** Receipt words: the store's language where the agreed character set can carry it. */
  private words(): ReceiptWords {
    return receiptWords(this.charset === CHARSET.utf8 ? this.language : 'en');
  }

  private must(r: TerminalResult<Apdu>): Apdu {
    if (!r.ok) throw new Error(`simulator built an invalid message: ${r.error.code}`);
    return r.value;
  }

  private async accept(link: ZvtLink, b: SimBehaviour | null): Promise<void> {
    await this.sendRaw(link, ackApdu(), b);
  }

  /** Send a message; garbage and broken frames go first when the behaviour asks for them. */
  private async sendRaw(link: ZvtLink, a: Apdu, b: SimBehaviour | null): Promise<void> {
    if (b && b.garbageFrames > 0 && link.framed) {
      b.garbageFrames--;
      const broken = encodeFrame(Uint8Array.of(0x04, 0xff, 0x01, 0x0a));
      broken[broken.length - 1] = (broken[broken.length - 1] ?? 0) ^ 0x5a; // bad CRC: the register NAKs and drops it
      await link.transport.write(Uint8Array.from([0x41, 0x00, 0xfe, 0x7f, ...broken, 0x33, 0x99]));
      await sleep(30); // let the NAK for the broken frame arrive before the real frame is pending
    }
    const s = await link.send(a);
    if (!s.ok) throw new LineGone();
  }

  /**
   * Send and wait for the register's 80 00 00. While waiting, an Abort (06 B0) is remembered
   * and any other command is refused as busy: the PT is master.
   */
  private async sendAwait(link: ZvtLink, a: Apdu, b: SimBehaviour | null, state?: { abort: boolean }): Promise<void> {
    await this.sendRaw(link, a, b);
    const deadline = Date.now() + link.timeouts.commandAckMs;
    for (;;) {
      const r = await link.receive(Math.max(1, deadline - Date.now()));
      if (!r.ok) throw new LineGone();
      const m = parsePtMessage(r.value);
      if (m.ok && m.value.kind === 'ack') return;
      if (m.ok && m.value.kind === 'nack') return; // 84 xx: the register saw it and objects; carry on
      await this.whileBusy(link, r.value, state);
    }
  }

  private async whileBusy(link: ZvtLink, a: Apdu, state?: { abort: boolean }): Promise<void> {
    const cmd = parseEcrCommand(a);
    if (cmd.ok && cmd.value.kind === 'abort') {
      if (state) state.abort = true;
      return;
    }
    const s = await link.send(nackApdu(RESULT.functionNotPossible));
    if (!s.ok) throw new LineGone();
  }

  /** Wait `ms` as the customer does something; an Abort from the register cuts it short. */
  private async customerWait(link: ZvtLink, ms: number, state: { abort: boolean }): Promise<void> {
    this.scriptedDelayTotalMs += ms;
    const deadline = Date.now() + ms;
    while (!state.abort) {
      const left = deadline - Date.now();
      if (left <= 0) return;
      const r = await link.receive(left);
      if (!r.ok) {
        if (r.error.code === 'terminal.timeout') return;
        throw new LineGone();
      }
      const m = parsePtMessage(r.value);
      if (m.ok && (m.value.kind === 'ack' || m.value.kind === 'nack')) continue;
      await this.whileBusy(link, r.value, state);
    }
  }

  /** Intermediate status is information for the cashier; losing one must not stop the payment. */
  private async step(link: ZvtLink, status: number, b: SimBehaviour, state: { abort: boolean }): Promise<void> {
    try {
      await this.sendAwait(link, ptBuild.intermediate(status), b, state);
    } catch (e) {
      if (!(e instanceof LineGone)) throw e;
    }
  }

  private async interrupt(phase: Phase, b: SimBehaviour): Promise<boolean> {
    if (b.disconnectAfter === phase) {
      await this.dropLine();
      return true;
    }
    return b.silentAfter === phase;
  }

  private async dropLine(): Promise<void> {
    if (this.pty) await this.pty.stop();
    else await this.link?.close();
  }

  private async payment(link: ZvtLink, amountMinor: number, kind: 'payment' | 'refund'): Promise<void> {
    const b = this.nextBehaviour(amountMinor);
    this.transactionsStarted++;
    const state = { abort: false };
    await this.accept(link, b);
    if (await this.interrupt('accept', b)) return;

    await this.step(link, STEP.insertCard, b, state);
    await this.customerWait(link, b.cardDelayMs, state);
    if (await this.interrupt('card', b)) return;
    if (state.abort || b.outcome === 'customer_cancel') {
      await this.sendAwait(link, ptBuild.abort(RESULT.aborted), b);
      return;
    }
    await this.step(link, STEP.enterPin, b, state);
    await this.customerWait(link, b.pinDelayMs, state);
    if (state.abort) {
      await this.sendAwait(link, ptBuild.abort(RESULT.aborted), b);
      return;
    }
    await this.step(link, STEP.pleaseWait, b, state);
    // From here the bank has the request: an abort is no longer honoured.
    this.scriptedDelayTotalMs += b.bankDelayMs;
    if (b.bankDelayMs) await sleep(b.bankDelayMs);

    const at = this.now();
    const approved = b.outcome === 'approve';
    // A faulty terminal may book and report something other than what it was asked for.
    const bookedMinor = b.answerAmountMinor ?? amountMinor;
    const currency = b.answerCurrency ?? this.currency;
    const trace = ++this.traceCounter;
    const receiptNo = approved ? ++this.receiptCounter : null;
    const maskedPan = maskPan(b.card.pan);
    const authCode = approved ? String(100000 + ((trace * 7919) % 900000)) : null;
    const status: Partial<StatusInformation> & { resultCode: number } = {
      resultCode: approved ? 0 : DECLINE_CODES[b.declineReason],
      amountMinor: bookedMinor,
      currency,
      trace,
      receiptNo,
      turnoverNo: trace,
      time: hhmmss(at),
      date: mmdd(at),
      maskedPan,
      cardType: b.card.cardType,
      cardName: b.card.brand,
      authCode,
      terminalId: this.terminalId,
      vuNumber: this.merchantNo,
      entryMode: b.entryMode,
      signatureRequired: approved && b.signatureRequired,
    };
    const lines = receiptLines(this.words(), kind, status, approved, b);
    // Booked the moment the bank decides: if the register never hears about it, recovery must find it.
    if (approved && receiptNo !== null && authCode) {
      this.batchStore.add({
        kind,
        receiptNo,
        trace,
        amountMinor: bookedMinor,
        currency,
        brand: b.card.brand,
        maskedPan,
        authCode,
        at,
        reversed: false,
        reversesReceiptNo: null,
      });
    }
    this.last = { status, lines };
    if (await this.interrupt('decision', b)) return;

    await this.sendAwait(link, this.must(ptBuild.status(status)), b);
    if (b.receiptFormat === 'block') {
      lines.forEach((line) => (this.printed.push(line), this.options.onPrint?.(line)));
      await this.sendAwait(link, this.must(ptBuild.textBlock('customer', lines, this.charset)), b);
    } else for (const line of lines) await this.print(link, line, b);
    if (approved) {
      await this.step(link, STEP.removeCard, b, state);
      await this.sendAwait(link, this.must(ptBuild.completion(this.terminalId)), b);
    } else {
      await this.sendAwait(link, ptBuild.abort(status.resultCode), b);
    }
  }

  private async reversal(link: ZvtLink, receiptNo: number | null): Promise<void> {
    const b = this.nextBehaviour();
    await this.accept(link, b);
    const original = receiptNo === null ? undefined : this.batchStore.findPayment(receiptNo);
    // A scripted decline stands for a terminal or host that cannot reverse (any more).
    if (!original || original.reversed || b.outcome !== 'approve') {
      await this.sendAwait(link, ptBuild.abort(original?.reversed ? RESULT.alreadyReversed : RESULT.reversalNotPossible), b);
      return;
    }
    const at = this.now();
    original.reversed = true; // findPayment returns the stored entry itself
    const trace = ++this.traceCounter;
    const newReceipt = ++this.receiptCounter;
    this.batchStore.add({ ...original, kind: 'reversal', receiptNo: newReceipt, trace, at, reversed: false, reversesReceiptNo: original.receiptNo });
    const status: Partial<StatusInformation> & { resultCode: number } = {
      resultCode: 0,
      amountMinor: original.amountMinor,
      currency: original.currency,
      trace,
      originalTrace: original.trace,
      receiptNo: newReceipt,
      time: hhmmss(at),
      date: mmdd(at),
      maskedPan: original.maskedPan,
      cardName: original.brand,
      authCode: original.authCode,
      terminalId: this.terminalId,
    };
    const w = this.words();
    const lines = [w.reversal, `${w.receiptNo} ${pad(original.receiptNo, 4)} ${w.reversed}`, `${w.amount} ${money(original.amountMinor, original.currency)}`];
    this.last = { status, lines };
    await this.sendAwait(link, this.must(ptBuild.status(status)), b);
    for (const line of lines) await this.print(link, line, b);
    await this.sendAwait(link, this.must(ptBuild.completion(this.terminalId)), b);
  }

  private async endOfDay(link: ZvtLink): Promise<void> {
    const b = this.nextBehaviour();
    await this.accept(link, b);
    await this.step(link, STEP.pleaseWait, b, { abort: false });
    const at = this.now();
    const totals = this.batchStore.totals();
    const net = this.batchStore.netMinor();
    // The batch is settled with the host before the result is reported, as on a real terminal.
    this.batchStore.clear();
    const status = {
      resultCode: 0,
      amountMinor: Math.max(0, net),
      trace: ++this.traceCounter,
      time: hhmmss(at),
      date: mmdd(at),
      terminalId: this.terminalId,
      totals,
    };
    await this.sendAwait(link, this.must(ptBuild.status(status)), b);
    const w = this.words();
    const lines = [
      w.endOfDay,
      ...totals.brands.filter((x) => x.count).map((x) => `${x.brand} ${x.count}x ${money(x.amountMinor, this.currency)}`),
      `${w.total} ${money(net, this.currency)}`,
    ];
    for (const line of lines) await this.print(link, line, b);
    await this.sendAwait(link, this.must(ptBuild.completion(this.terminalId)), b);
  }

  private async print(link: ZvtLink, line: string, b: SimBehaviour | null): Promise<void> {
    this.printed.push(line);
    this.options.onPrint?.(line);
    await this.sendAwait(link, ptBuild.printLine(line, { charset: this.charset }), b);
  }
}

function receiptLines(w: ReceiptWords, kind: 'payment' | 'refund', s: Partial<StatusInformation>, approved: boolean, b: SimBehaviour): string[] {
  const lines = [
    kind === 'payment' ? w.payment : w.refund,
    `${s.cardName ?? ''}  ${s.maskedPan ?? ''}`,
    `${w.terminalId} ${s.terminalId}   ${w.trace} ${pad(s.trace ?? 0, 6)}`,
    `${w.amount} ${money(s.amountMinor ?? 0, s.currency ?? CURRENCY.EUR)}`,
  ];
  if (approved) {
    lines.push(`${w.receiptNo} ${pad(s.receiptNo ?? 0, 4)}  ${w.authCode} ${s.authCode}`, w.approved);
    if (b.signatureRequired) lines.push(w.signature, '______________________');
  } else lines.push(w.declined);
  return lines;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const hhmmss = (d: Date) => `${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:${pad(d.getSeconds(), 2)}`;
const mmdd = (d: Date) => `${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
