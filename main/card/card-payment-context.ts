// What the card payment pieces share: their dependencies, the moments they report, and the one
// way they commit (a SQLite transaction per step, so a crash leaves a state recovery can read).
import type { Db } from '../ledger/database';
import type { Logger } from '../log';
import type { TerminalClient } from '../hardware/terminal/client';
import type { IntentState } from '../hardware/terminal/intent-machine';
import type { EventBus } from '../common/event-bus';
import type { CompletionView } from '../../preload/contract/views';
import type { ServiceError } from '../common/service-error';

/** Where a payment is; tests use it to crash the register at exact moments. */
export type PaymentMoment = IntentState | `step:${string}` | 'completed';

export interface CardPaymentDeps {
  db: Db;
  events: EventBus;
  log: Logger;
  clock: () => number;
  /** The terminal ready for a command, or null. */
  terminal: () => TerminalClient | null;
  configured: () => boolean;
  /** Called after each committed transition (and each terminal step). */
  onMoment?: (moment: PaymentMoment, intentId: number) => void;
  /**
   * A payment (or a give-back to a card) settled with no pay call waiting on it: by recovery,
   * after a restart or a lost line. `saleId` is the intent's document (the correction for a give-back).
   */
  onEnded?: (saleId: string, outcome: CompletionView | ServiceError) => void;
  /** Status enquiry retries while the terminal is still busy after a crash. */
  recoveryAttempts?: number;
  recoveryDelayMs?: number;
  /** How long a silent terminal goes unremarked, and how long Cancel on one waits (terminal-silence.ts). */
  silenceNoticeMs?: number;
  cancelGraceMs?: number;
}

export function reportMoment(deps: CardPaymentDeps, m: PaymentMoment, intentId: number): void {
  try {
    deps.onMoment?.(m, intentId);
  } catch {
    // observers never break a payment
  }
}

export function inTransaction<T>(deps: CardPaymentDeps, fn: () => T): T {
  return deps.db.transaction(fn)();
}

export function reportEnded(deps: CardPaymentDeps, saleId: string, outcome: CompletionView | ServiceError): void {
  try {
    deps.onEnded?.(saleId, outcome);
  } catch (e) {
    // the windows' news never breaks a settlement
    deps.log.error('card payment ending not reported', e);
  }
}
