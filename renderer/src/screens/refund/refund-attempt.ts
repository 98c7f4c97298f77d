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
