/**
 * Whether a refusal ended the attempt, so that pressing again is a new correction with a new
 * idempotency key. Only an answer that never came (the connection dropped) or a terminal whose
 * outcome is still unknown keeps the key: pressing again then replays the first request, and
 * main answers with what became of it, never refunding twice. A terminal that declined, was
 * busy or was stopped leaves its correction cancelled: replaying that key would only repeat it.
 */
export function endsAttempt(code: string): boolean {
  return code !== 'request.transport_failed' && code !== 'terminal.outcome_unknown';
}

/** The terminal's refusals, worded for a purchase in main ("Card declined"): on a return they get the refund's own words. */
const TERMINAL_REFUSALS = new Set(['terminal.declined', 'terminal.aborted', 'terminal.aborted_plain', 'terminal.failed']);

/**
 * A refusal as the return screen says it. Money going back to a card that the terminal refused is
 * no declined purchase: the `refund` scope picks `<code>_refund` ("The refund to the card did not go through").
 */
export function refundWords<E extends { code: string; params: Record<string, unknown> }>(error: E | null): E | null {
  if (!error || !TERMINAL_REFUSALS.has(error.code)) return error;
  return { ...error, params: { ...error.params, scope: 'refund' } };
}

/**
 * A refusal saying the receipt's figures moved under this window (another window returned the
 * same goods meanwhile): the screen reloads the receipt, so the table shows what is really left.
 */
export function figuresMoved(code: string): boolean {
  return code === 'refund.exceeds_original';
}
