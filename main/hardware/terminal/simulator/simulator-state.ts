// What a simulated terminal keeps across commands and connections: its identity, its batch and
// counters, the scripted behaviours and the character set agreed at registration. The command
// handlers in their own files all read and change it.
import { CURRENCY } from '../commands';
import type { FrameLogger } from '../frame-logger';
import type { ZvtTimeouts } from '../link';
import type { StatusInformation } from '../status-info';
import { CHARSET, type Charset } from '../text';
import { Batch } from './batch';
import { DEFAULT_BEHAVIOUR, type SimBehaviour } from './behaviour';
import { receiptWords, type ReceiptWords, type SimLanguage } from './receipt-text';

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

/** The last transaction's status and receipt lines, for Repeat Receipt. */
export interface LastTransaction {
  status: Partial<StatusInformation> & { resultCode: number };
  lines: string[];
}

export class SimulatorState {
  readonly batch = new Batch();
  readonly queue: Partial<SimBehaviour>[] = [];
  defaults: SimBehaviour;
  nakBudget = 0;
  receiptCounter = 0;
  traceCounter = 0;
  last: LastTransaction | null = null;
  readonly printed: string[] = [];
  readonly terminalId: string;
  readonly currency: number;
  readonly language: SimLanguage;
  /** Character set of print commands, as agreed at the last registration. */
  charset: Charset = CHARSET.cp437;
  readonly merchantNo: string;
  /** Scripted delays spent so far (card + PIN + bank), for benchmarks. */
  scriptedDelayTotalMs = 0;
  transactionsStarted = 0;
  /** Payments in progress, across connections. */
  paying = 0;

  constructor(readonly options: SimulatorOptions) {
    this.terminalId = options.terminalId ?? '52500001';
    this.currency = options.currency ?? CURRENCY.EUR;
    this.language = options.language ?? 'en';
    this.merchantNo = options.merchantNo ?? '104310058120001';
    this.defaults = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
  }

  nextBehaviour(amountMinor?: number): SimBehaviour {
    const byAmount = amountMinor === undefined ? null : this.options.byAmount?.(amountMinor);
    const b = { ...this.defaults, ...byAmount, ...this.queue.shift() };
    this.nakBudget += b.nakFrames;
    return b;
  }

  now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  /** Receipt words: the store's language where the agreed character set can carry it. */
  words(): ReceiptWords {
    return receiptWords(this.charset === CHARSET.utf8 ? this.language : 'en');
  }

  /** A receipt line the terminal prints, as the tests and the demo see it. */
  noteLine(line: string): void {
    this.printed.push(line);
    this.options.onPrint?.(line);
  }
}
