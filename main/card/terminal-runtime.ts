// The register's card terminal, start to stop: the connection (from the ledger's config, a
// launch flag, or the demo simulator), its part of `hardware.status`, card payments with their
// recovery on every (re)connect, and the terminal's end-of-day.
import type { TerminalBatchView, TerminalConfigView } from '../../preload/contract/card-views';
import type { HardwareStatus } from '../../preload/contract/events';
import type { Db } from '../ledger/database';
import type { Logger } from '../log';
import { currencyCode, TerminalConnection, type TerminalConfig, type TerminalLinkState } from '../hardware/terminal/connection';
import { createFrameLogger } from '../hardware/terminal/frame-logger';
import type { ZvtTimeouts } from '../hardware/terminal/link';
import { TerminalSimulator } from '../hardware/terminal/simulator/simulator';
import type { SimBehaviour } from '../hardware/terminal/simulator/behaviour';
import type { EventBus } from '../common/event-bus';
import { CardPayments, type CardPaymentDeps, type PaymentMoment } from './card-payment';
import { ServiceError } from '../common/service-error';
import { getSettings } from '../settings/settings';
import { getTerminalConfig, setTerminalConfig } from './terminal-config';
import { storeTerminalBatch, terminalBatches } from './terminal-batch';

export interface TerminalRuntimeOptions {
  db: Db;
  events: EventBus;
  log: Logger;
  clock: () => number;
  hub: { setTerminal(t: HardwareStatus['terminal']): void };
  /** Demo mode with no terminal configured: run the simulator in this process. */
  demo?: boolean;
  /** Protocol trace (card data is redacted before it is formatted); off unless given. */
  trace?: (line: string) => void;
  timeouts?: Partial<ZvtTimeouts>;
  retryMs?: number;
  recoveryAttempts?: number;
  recoveryDelayMs?: number;
  silenceNoticeMs?: number;
  cancelGraceMs?: number;
  onMoment?: (moment: PaymentMoment, intentId: number) => void;
  onEnded?: CardPaymentDeps['onEnded'];
}

/** Customer and bank take a moment in the demo, so the cashier sees the steps. */
export const DEMO_BEHAVIOUR: Partial<SimBehaviour> = { cardDelayMs: 900, pinDelayMs: 900, bankDelayMs: 600 };

/**
 * Demo amounts that decline, like a payment provider's test cards: cents ending in 51 = not
 * enough money, 78 = card expired, 55 = wrong PIN; 91 = a faulty terminal that approves 1.00
 * more than asked (the register holds and reverses it); 47 = a customer who takes 8 s over the PIN
 * (time to reload the window mid-payment, or to press Cancel). Every other amount is approved.
 */
export function demoOutcome(amountMinor: number): Partial<SimBehaviour> | null {
  const cents = amountMinor % 100;
  if (cents === 91) return { answerAmountMinor: amountMinor + 100 };
  if (cents === 51) return { outcome: 'decline', declineReason: 'insufficient_funds' };
  if (cents === 78) return { outcome: 'decline', declineReason: 'card_expired' };
  if (cents === 55) return { outcome: 'decline', declineReason: 'wrong_pin' };
  if (cents === 47) return { pinDelayMs: 8000 };
  // A card that asks for the cardholder's signature: the cashier checks it before the sale completes.
  if (cents === 62) return { signatureRequired: true };
  return null;
}

function hardwarePart(state: TerminalLinkState, problem: string | null, config: TerminalConfig): HardwareStatus['terminal'] {
  switch (state) {
    case 'disabled':
      return { state: 'disabled', problems: [] };
    case 'ready':
    case 'busy':
      return { state: 'ok', problems: [] };
    case 'connecting':
      return { state: 'warning', problems: ['terminal.not_connected'] };
    default:
      if (problem !== 'terminal.open_failed') return { state: 'error', problems: ['terminal.disconnected'] };
      // A network terminal has no port to open: it is switched off, unplugged or at another address.
      if (config.kind === 'tcp') return { state: 'error', problems: ['terminal.no_answer_at'], address: `${config.host}:${config.port}` };
      return { state: 'error', problems: ['terminal.open_failed'] };
  }
}

/** What the self-check found out about the terminal. */
export interface TerminalProbe {
  configured: boolean;
  connected: boolean;
  enquiry: 'ok' | 'failed' | 'not_run';
  terminalId: string | null;
  /** As the status enquiry's completion gives it (null if the terminal leaves it out). */
  softwareVersion: string | null;
  /** `terminal.status.<name>` from the enquiry (ready, please wait, reconciliation required, ...). */
  terminalStatusKey: string | null;
  problem: string | null;
}

export class TerminalRuntime {
  readonly connection: TerminalConnection;
  readonly payments: CardPayments;
  private demoSim: TerminalSimulator | null = null;
  private stopped = false;
  private endOfDayRunning = false;

  constructor(private readonly options: TerminalRuntimeOptions) {
    const { db } = options;
    this.connection = new TerminalConnection({
      currency: getSettings(db).currency,
      ...(options.timeouts ? { timeouts: options.timeouts } : {}),
      ...(options.retryMs ? { retryMs: options.retryMs } : {}),
      ...(options.trace ? { logger: createFrameLogger(options.trace) } : {}),
      // The demo's simulator says so: "connected" alone reads as a real terminal on the counter.
      onState: (state, problem) =>
        options.hub.setTerminal({ ...hardwarePart(state, problem, this.connection.current), ...(this.demoSim ? { demo: true as const } : {}) }),
      onReady: (client) => {
        options.log.info(`card terminal ready (${client.terminalId ?? 'no id'})`);
        void this.payments.recover(client);
      },
    });
    this.payments = new CardPayments({
      db,
      events: options.events,
      log: options.log,
      clock: options.clock,
      terminal: () => this.connection.ready,
      configured: () => this.connection.current.kind !== 'none',
      ...(options.onMoment ? { onMoment: options.onMoment } : {}),
      ...(options.onEnded ? { onEnded: options.onEnded } : {}),
      ...(options.recoveryAttempts ? { recoveryAttempts: options.recoveryAttempts } : {}),
      ...(options.recoveryDelayMs ? { recoveryDelayMs: options.recoveryDelayMs } : {}),
      ...(options.silenceNoticeMs ? { silenceNoticeMs: options.silenceNoticeMs } : {}),
      ...(options.cancelGraceMs ? { cancelGraceMs: options.cancelGraceMs } : {}),
    });
    options.hub.setTerminal({ state: 'disabled', problems: [] });
  }

  /** Connect to the configured terminal, or in demo mode with none, to an in-process simulator. */
  async start(): Promise<void> {
    const config = getTerminalConfig(this.options.db);
    if (config.kind !== 'none' || !this.options.demo) return this.connection.configure(config);
    // The demo terminal is set up for this store: its currency and the language of its receipt lines.
    const store = getSettings(this.options.db);
    const sim = await TerminalSimulator.startTcp({
      port: 0,
      behaviour: DEMO_BEHAVIOUR,
      byAmount: demoOutcome,
      currency: currencyCode(store.currency),
      language: store.storeLocale === 'zh-CN' ? 'zh-CN' : 'en',
    });
    if (!sim.ok) {
      this.options.log.error(`demo card terminal did not start: ${sim.error.code}`);
      return;
    }
    if (this.stopped) return sim.value.stop();
    this.demoSim = sim.value;
    this.options.log.info(`demo card terminal (simulator) on tcp://127.0.0.1:${sim.value.tcpPort ?? 0}`);
    await this.connection.configure({ kind: 'tcp', host: '127.0.0.1', port: sim.value.tcpPort ?? 0 });
  }

  /** A terminal is in use: the configured one, or the demo's simulator (which is not saved as the config). */
  inUse(): boolean {
    return this.connection.current.kind !== 'none';
  }

  getConfig(): TerminalConfigView {
    return getTerminalConfig(this.options.db);
  }

  async setConfig(config: TerminalConfigView, operatorId: number | null, now: number): Promise<TerminalConfigView> {
    const saved = setTerminalConfig(this.options.db, config, operatorId, now);
    if (config.kind === 'none' && this.demoSim) return saved; // the demo keeps its simulator until a real terminal is chosen
    await this.demoSim?.stop();
    this.demoSim = null;
    await this.connection.configure(config);
    return saved;
  }

  async endOfDay(operatorId: number, now: number): Promise<TerminalBatchView> {
    const client = this.connection.ready;
    if (this.connection.current.kind === 'none') throw new ServiceError('terminal.not_configured');
    if (!client) throw new ServiceError('terminal.not_connected');
    if (this.endOfDayRunning) throw new ServiceError('terminal.busy');
    this.endOfDayRunning = true;
    try {
      const r = await client.endOfDay();
      if (!r.ok) throw new ServiceError(r.error.code === 'terminal.busy' ? 'terminal.busy' : 'terminal.end_of_day_failed', { reason: r.error.code });
      return storeTerminalBatch(this.options.db, r.value, client.terminalId, operatorId, now);
    } finally {
      this.endOfDayRunning = false;
    }
  }

  /** The self-check: is a terminal set up, is the line up, and does it answer a status enquiry? */
  async probe(): Promise<TerminalProbe> {
    const configured = this.connection.current.kind !== 'none';
    const base = { configured, connected: false, enquiry: 'not_run' as const, terminalId: null, softwareVersion: null, terminalStatusKey: null };
    if (!configured) return { ...base, problem: 'terminal.not_configured' };
    const client = this.connection.ready;
    if (!client) return { ...base, problem: this.connection.problem ?? 'terminal.not_connected' };
    const r = await client.statusEnquiry();
    if (!r.ok)
      return {
        ...base,
        connected: true,
        enquiry: 'failed',
        terminalId: client.terminalId,
        problem: r.error.code === 'terminal.timeout' ? 'terminal.silent' : r.error.code,
      };
    return {
      ...base,
      connected: true,
      enquiry: 'ok',
      terminalId: r.value.terminalId,
      softwareVersion: r.value.softwareVersion,
      terminalStatusKey: r.value.terminalStatusKey,
      problem: null,
    };
  }

  batches(businessDay?: string): TerminalBatchView[] {
    return terminalBatches(this.options.db, businessDay);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection.close();
    await this.demoSim?.stop();
    this.demoSim = null;
  }
}
