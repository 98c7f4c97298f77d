// What the simulated terminal does for a transaction. Tests queue behaviours one per
// transaction (`simulator.script(...)`); the CLI sets a default from its flags.
import type { EntryMode } from '../status-info';

export type DeclineReason = 'insufficient_funds' | 'card_expired' | 'wrong_pin' | 'declined';

export const DECLINE_CODES: Record<DeclineReason, number> = {
  insufficient_funds: 0x51,
  card_expired: 0x78,
  wrong_pin: 0x55,
  declined: 0x05,
};

export interface SimCard {
  /** The simulator knows a full number, as a card would; it only ever sends it masked. */
  pan: string;
  brand: string;
  cardType: number;
}

export const DEFAULT_CARD: SimCard = { pan: '4761739001010119', brand: 'VISA', cardType: 0x0a };

export interface SimBehaviour {
  outcome: 'approve' | 'decline' | 'customer_cancel';
  declineReason: DeclineReason;
  /** Customer inserting / tapping the card. */
  cardDelayMs: number;
  /** Customer entering the PIN (make it long for "slow PIN entry"). */
  pinDelayMs: number;
  /** Waiting for the bank. */
  bankDelayMs: number;
  signatureRequired: boolean;
  entryMode: EntryMode;
  /**
   * Stop talking mid-flow, as a hung terminal does: after accepting the command, after "insert
   * card", or after the bank decided (the approval is then booked but never reported). A
   * reversal asks for no card: it goes silent after accepting, or once booked ('decision').
   */
  silentAfter: 'accept' | 'card' | 'decision' | null;
  /** Kill the line (socat / TCP socket) at this point. */
  disconnectAfter: 'accept' | 'card' | 'decision' | null;
  /** NAK this many incoming frames (the register must retransmit). */
  nakFrames: number;
  /** Put line noise and a broken frame before this many outgoing messages. */
  garbageFrames: number;
  /** Send the receipt as print lines (06 D1) or as one text block (06 D3). */
  receiptFormat: 'lines' | 'block';
  card: SimCard;
  /**
   * A faulty or misconfigured terminal: approve (and book, and report) this amount instead of the
   * one asked for. The register must notice; null = the amount asked for.
   */
  answerAmountMinor: number | null;
  /** Likewise for the currency (ISO 4217 numeric) reported in BMP 49; null = the terminal's own. */
  answerCurrency: number | null;
}

export const DEFAULT_BEHAVIOUR: SimBehaviour = {
  outcome: 'approve',
  declineReason: 'insufficient_funds',
  cardDelayMs: 0,
  pinDelayMs: 0,
  bankDelayMs: 0,
  signatureRequired: false,
  entryMode: 'chip',
  silentAfter: null,
  disconnectAfter: null,
  nakFrames: 0,
  garbageFrames: 0,
  receiptFormat: 'lines',
  card: DEFAULT_CARD,
  answerAmountMinor: null,
  answerCurrency: null,
};

/** The delays the behaviour scripts, so benchmarks can subtract them. */
export function scriptedDelayMs(b: SimBehaviour): number {
  return b.cardDelayMs + b.pinDelayMs + b.bankDelayMs;
}
