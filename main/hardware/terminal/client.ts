// The register's side of ZVT: one TerminalClient per terminal. Every public method resolves to
// a TerminalResult; nothing throws across this boundary. Money rules (intent journal, matching
// approvals to sales) live in services; this class only speaks the protocol faithfully and
// reports what the terminal said, with card data already masked.
import type { Apdu } from './apdu';
import { build, CURRENCY, DEFAULT_CONFIG_BYTE } from './commands';
import { ZvtLink } from './link';
import { MasterRights } from './master-rights';
import { ackApdu, parsePtMessage } from './pt-messages';
import { fail, ok, type TerminalResult } from './result';
import { SerialTransport, type SerialOptions } from './serial-transport';
import type { StatusInformation } from './status-info';
import { TcpTransport, type TcpOptions } from './tcp-transport';
import type { ByteTransport } from './transport';
import { RESULT } from './codes';
import { ENQUIRY_SERVICE, TERMINAL_STATUS } from './status-enquiry';
import { CHARSET, type Charset } from './text';
import type { ConnectionState, EndOfDayResult, StepCallback, TerminalClientOptions, TerminalStatus, TerminalTransaction } from './client-types';
import { receiptText, runExchange, type RunOptions, type RunOutcome } from './exchange';

export type {
  ConnectionState,
  EndOfDayResult,
  StepCallback,
  TerminalClientOptions,
  TerminalReceipt,
  TerminalStatus,
  TerminalStep,
  TerminalTransaction,
} from './client-types';

export class TerminalClient {
  private link: ZvtLink | null = null;
  private readonly rights = new MasterRights();
  private state: ConnectionState = 'disconnected';
  private abortRequested = false;
  private draining = false;
  private readonly password: string;
  private readonly currency: number;
  /** Character set of print commands, as the terminal accepted it at registration. */
  private charset: Charset = CHARSET.cp437;
  /** The last status information that arrived while no command was running (e.g. after a crash). */
  lastUnsolicitedStatus: StatusInformation | null = null;
  terminalId: string | null = null;

  constructor(
    private readonly makeTransport: () => ByteTransport,
    private readonly options: TerminalClientOptions = {},
  ) {
    this.password = options.password ?? '000000';
    this.currency = options.currency ?? CURRENCY.EUR;
  }

  static serial(serial: SerialOptions, options: TerminalClientOptions = {}): TerminalClient {
    return new TerminalClient(() => new SerialTransport(serial), options);
  }

  static tcp(tcp: TcpOptions, options: TerminalClientOptions = {}): TerminalClient {
    return new TerminalClient(() => new TcpTransport(tcp), options);
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  /** The ISO 4217 numeric currency every payment asks for; an approval in another one is not ours to book. */
  get currencyCode(): number {
    return this.currency;
  }

  private setState(s: ConnectionState): void {
    if (s === this.state) return;
    this.state = s;
    this.options.onConnectionChange?.(s);
  }

  /** Open the port and register (06 00): the terminal then knows the ECR prints and controls payments. */
  async connect(): Promise<TerminalResult<{ terminalId: string | null }>> {
    if (this.link?.isOpen()) return ok({ terminalId: this.terminalId });
    this.setState('connecting');
    const transport = this.makeTransport();
    const opened = await transport.open();
    if (!opened.ok) {
      this.setState('disconnected');
      return opened;
    }
    const link = new ZvtLink(transport, { timeouts: this.options.timeouts, logger: this.options.logger, hooks: this.options.hooks });
    link.onArrival = () => {
      if (!this.rights.busy) void this.drainUnsolicited();
    };
    link.onClose(() => {
      if (this.link === link) this.setState('disconnected');
    });
    this.link = link;
    this.charset = CHARSET.cp437;
    const reg = build.registration(this.password, this.options.configByte ?? DEFAULT_CONFIG_BYTE, this.currency, CHARSET.utf8);
    if (!reg.ok) return reg;
    // A terminal still finishing an interrupted transaction answers "busy"; give it time.
    let r = await this.run(reg.value, { payment: false });
    for (let i = 0; !r.ok && r.error.code === 'terminal.busy' && i < (this.options.registerAttempts ?? 20); i++) {
      await new Promise((res) => setTimeout(res, 250));
      r = await this.run(reg.value, { payment: false });
    }
    if (!r.ok) {
      await this.close();
      return r;
    }
    this.terminalId = r.value.terminalId ?? r.value.status?.terminalId ?? null;
    this.charset = r.value.charset;
    this.setState('ready');
    return ok({ terminalId: this.terminalId });
  }

  async close(): Promise<void> {
    const link = this.link;
    this.link = null;
    if (link) await link.close();
    this.setState('disconnected');
  }

  /** Pay `amountMinor`. Steps are reported as they happen; a timeout or lost line means "unknown", never "retry". */
  async authorize(amountMinor: number, opts: { onStep?: StepCallback; currency?: number } = {}): Promise<TerminalResult<TerminalTransaction>> {
    const cmd = build.authorization(amountMinor, opts.currency ?? this.currency);
    if (!cmd.ok) return cmd;
    return this.transaction(cmd.value, opts.onStep);
  }

  /** Refund to the card (06 31). */
  async refund(amountMinor: number, opts: { onStep?: StepCallback; currency?: number } = {}): Promise<TerminalResult<TerminalTransaction>> {
    const cmd = build.refund(amountMinor, this.password, opts.currency ?? this.currency);
    if (!cmd.ok) return cmd;
    return this.transaction(cmd.value, opts.onStep);
  }

  /** Reverse (void) a payment of the current batch by its terminal receipt number (06 30). */
  async reverse(receiptNo: number, opts: { onStep?: StepCallback } = {}): Promise<TerminalResult<TerminalTransaction>> {
    const cmd = build.reversal(receiptNo, this.password);
    if (!cmd.ok) return cmd;
    return this.transaction(cmd.value, opts.onStep);
  }

  /** End-of-day (06 50): closes the terminal's batch and returns its totals. */
  async endOfDay(opts: { onStep?: StepCallback } = {}): Promise<TerminalResult<EndOfDayResult>> {
    const cmd = build.endOfDay(this.password);
    if (!cmd.ok) return cmd;
    const r = await this.run(cmd.value, { payment: false, onStep: opts.onStep });
    if (!r.ok) return r;
    const st = r.value.status;
    if (st && st.resultCode !== RESULT.success) return fail('terminal.rejected', { reason: st.result, resultCode: st.resultCode });
    return ok({ totalMinor: st?.amountMinor ?? 0, totals: st?.totals ?? null, status: st, receipt: r.value.receipt });
  }

  /**
   * Status enquiry (05 01), asking for the TLV container so the terminal id comes along.
   * `terminal.busy` while the terminal is still inside a transaction.
   */
  async statusEnquiry(): Promise<TerminalResult<TerminalStatus>> {
    const cmd = build.statusEnquiry(this.password, ENQUIRY_SERVICE.sendTlv);
    if (!cmd.ok) return cmd;
    const r = await this.run(cmd.value, { payment: false, completes: 'status_enquiry' });
    if (!r.ok) return r;
    const e = r.value.enquiry;
    return ok({
      terminalId: e?.terminalId ?? this.terminalId,
      softwareVersion: e?.softwareVersion ?? null,
      terminalStatus: e?.terminalStatus ?? null,
      terminalStatusKey: e?.terminalStatusKey ?? 'terminal.status.unknown',
      deviceName: e?.deviceName ?? null,
    });
  }

  /** Repeat receipt (06 20): the terminal re-sends status information and receipt of its LAST transaction. */
  async repeatReceipt(): Promise<TerminalResult<TerminalTransaction | null>> {
    const cmd = build.repeatReceipt(this.password);
    if (!cmd.ok) return cmd;
    const r = await this.run(cmd.value, { payment: false });
    if (!r.ok) return r;
    if (!r.value.status) return ok(null);
    return ok({ ...r.value.status, receipt: r.value.receipt, steps: r.value.steps });
  }

  /**
   * Crash recovery, the protocol half: wait until the terminal is idle (status enquiry, retried
   * while busy), then ask for the last transaction. The caller matches it against its intent with
   * `matchRecoveredTransaction`. Never resends an authorization.
   */
  async recoverLastTransaction(opts: { attempts?: number; delayMs?: number } = {}): Promise<TerminalResult<TerminalTransaction | null>> {
    const attempts = opts.attempts ?? 20;
    for (let i = 0; i < attempts; i++) {
      const s = await this.statusEnquiry();
      // A terminal may also complete the enquiry and say "please wait" in its status byte.
      if (s.ok && s.value.terminalStatus !== TERMINAL_STATUS.pleaseWait) return this.repeatReceipt();
      if (!s.ok && s.error.code !== 'terminal.busy' && s.error.code !== 'terminal.timeout') return s;
      await new Promise((r) => setTimeout(r, opts.delayMs ?? 500));
    }
    return fail('terminal.busy', { attempts });
  }

  /** Ask the terminal to stop the running transaction (06 B0). Advisory: the terminal decides. */
  async abort(): Promise<TerminalResult<{ sent: boolean }>> {
    const link = this.link;
    if (!link?.isOpen()) return fail('terminal.not_connected');
    if (!this.rights.busy || this.rights.master !== 'pt') return ok({ sent: false });
    this.abortRequested = true;
    const cmd = build.abort();
    if (!cmd.ok) return cmd;
    const s = await link.send(cmd.value);
    return s.ok ? ok({ sent: true }) : s;
  }

  /**
   * Stop waiting for a terminal that holds master rights and has gone silent: the running exchange
   * ends now as if T4 had run out (a payment's outcome is then unknown, to be recovered), without
   * shortening T4 itself. The terminal is told nothing; what it sends later is answered as unsolicited.
   */
  stopWaiting(): boolean {
    const link = this.link;
    if (!link?.isOpen() || !this.rights.busy || this.rights.master !== 'pt') return false;
    link.inbox.interrupt('terminal.timeout');
    return true;
  }

  /** Log off (06 02) and close the port. */
  async logOff(): Promise<TerminalResult<void>> {
    const cmd = build.logOff();
    if (!cmd.ok) return cmd;
    const r = await this.run(cmd.value, { payment: false, endsWithAck: true });
    await this.close();
    return r.ok ? ok(undefined) : r;
  }

  private async transaction(cmd: Apdu, onStep?: StepCallback): Promise<TerminalResult<TerminalTransaction>> {
    const r = await this.run(cmd, { payment: true, onStep });
    if (!r.ok) return r;
    const { status, receipt, steps } = r.value;
    if (!status) return fail('terminal.protocol', { reason: 'no_status_information', outcome: 'unknown' });
    if (status.resultCode !== RESULT.success) {
      return fail('terminal.declined', { reason: status.result, resultCode: status.resultCode, receiptText: receiptText(receipt) });
    }
    return ok({ ...status, receipt, steps });
  }

  /** Answer what arrived while no command was running, so the terminal is never left waiting. */
  private async drainUnsolicited(): Promise<void> {
    const link = this.link;
    if (!link || this.draining) return;
    this.draining = true;
    try {
      for (let a = link.inbox.poll(); a; a = link.inbox.poll()) await this.answerUnsolicited(link, a);
    } finally {
      this.draining = false;
    }
  }

  private async answerUnsolicited(link: ZvtLink, a: Apdu): Promise<void> {
    const m = parsePtMessage(a, { charset: this.charset });
    if (m.ok && (m.value.kind === 'ack' || m.value.kind === 'nack')) return;
    if (m.ok && m.value.kind === 'status') this.lastUnsolicitedStatus = m.value.info;
    await link.send(ackApdu());
  }

  private run(cmd: Apdu, opts: RunOptions): Promise<TerminalResult<RunOutcome>> {
    return this.rights.exclusive(async () => {
      const link = this.link;
      if (!link?.isOpen()) return fail('terminal.not_connected');
      const before = this.state;
      if (before === 'ready') this.setState('busy');
      try {
        return await this.runLocked(link, cmd, opts);
      } finally {
        this.abortRequested = false;
        link.inbox.clearInterrupt();
        if (this.link === link && this.state === 'busy') this.setState(link.isOpen() ? 'ready' : 'disconnected');
      }
    });
  }

  private runLocked(link: ZvtLink, cmd: Apdu, opts: RunOptions): Promise<TerminalResult<RunOutcome>> {
    return runExchange(link, cmd, opts, {
      charset: () => this.charset,
      rights: this.rights,
      answerUnsolicited: (l, a) => this.answerUnsolicited(l, a),
      abortRequested: () => this.abortRequested,
    });
  }
}
