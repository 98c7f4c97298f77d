// The life of one scan-to-pay attempt, pure. The service asks `canMove` before every write, so no
// bug or race can turn a settled attempt back into an open one, or a payment into a refusal.
import type { ScanAttemptState } from '../../preload/contract/scan-pay-views';

export type AttemptState = ScanAttemptState;

export const OPEN_ATTEMPT_STATES: readonly AttemptState[] = ['created', 'sent', 'waiting', 'unknown', 'reversing'];

const MOVES: Record<AttemptState, readonly AttemptState[]> = {
  // Written, not sent: a crash here proves the request never left, so it can only fail.
  created: ['sent', 'failed'],
  sent: ['waiting', 'unknown', 'paid', 'failed', 'reversing'],
  waiting: ['unknown', 'paid', 'reversing', 'failed'],
  // Unknown is settled by asking the provider, never by sending the payment again.
  unknown: ['waiting', 'paid', 'reversing', 'failed'],
  // Once the register decided to close the order it goes through with it.
  reversing: ['reversed', 'failed'],
  paid: [],
  failed: [],
  reversed: [],
};

export function canMoveAttempt(from: AttemptState, to: AttemptState): boolean {
  return MOVES[from].includes(to);
}

export function isOpenAttempt(state: AttemptState): boolean {
  return OPEN_ATTEMPT_STATES.includes(state);
}
