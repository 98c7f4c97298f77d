// The life of one card authorization, as the register records it. Pure: the service asks
// `canMove` before every write, so a bug or a race can never turn a settled payment back into
// an open one, or an approval into a decline.

export type IntentState = 'created' | 'sent' | 'in_progress' | 'approved' | 'declined' | 'aborted' | 'failed' | 'unknown';

/** States in which the terminal may have charged the card and nobody knows for sure yet. */
export const OPEN_STATES: readonly IntentState[] = ['created', 'sent', 'in_progress', 'unknown'];

const MOVES: Record<IntentState, readonly IntentState[]> = {
  // Written, not yet sent: a crash here proves the command never left, so it can only fail.
  created: ['sent', 'failed'],
  // Sent: the terminal may or may not have it. "failed" only when the link says it never arrived.
  sent: ['in_progress', 'approved', 'declined', 'aborted', 'failed', 'unknown'],
  in_progress: ['approved', 'declined', 'aborted', 'unknown'],
  // Unknown is resolved by recovery (terminal's last transaction) or by a supervisor, never by resending.
  unknown: ['approved', 'declined'],
  approved: [],
  declined: [],
  aborted: [],
  failed: [],
};

export function canMove(from: IntentState, to: IntentState): boolean {
  return MOVES[from].includes(to);
}

export function isOpen(state: IntentState): boolean {
  return OPEN_STATES.includes(state);
}

/**
 * What a failed `authorize` means for the intent. `outcome: 'unknown'` is the client's word that
 * the command left the register and the answer did not come back: only recovery may decide.
 */
export function stateForFailure(error: { code: string; params: Record<string, unknown> }): IntentState {
  if (error.params.outcome === 'unknown') return 'unknown';
  if (error.code === 'terminal.declined') return 'declined';
  if (error.code === 'terminal.aborted') return 'aborted';
  // busy / rejected / not connected: the terminal refused to start, nothing was charged.
  return 'failed';
}
