// How a card intent that did not end normally is told to the cashier. Money going back to a card
// (a refund or a reversal) is no charge: its refusals carry `scope: 'refund'`, and the message
// picks `<code>_refund` ("did the money go back?") instead of the payment's ("was the card charged?").
import { ServiceError } from '../common/service-error';
import type { IntentKind } from './card-intents';

function scopeOf(kind: IntentKind): { scope?: 'refund' } {
  return kind === 'payment' ? {} : { scope: 'refund' };
}

/** The terminal did not say how it ended: nothing may be sent again, a supervisor checks the terminal. */
export function outcomeUnknown(intentId: number, kind: IntentKind): ServiceError {
  return new ServiceError('terminal.outcome_unknown', { intentId, ...scopeOf(kind) });
}

/**
 * The register restarted while the terminal had the card, and the terminal says it never booked
 * it: nothing was charged (or given back), and the cashier may simply go again. Not a decline: no
 * bank refused anything, and "card declined" sends the customer away.
 */
export function interruptedByRestart(kind: IntentKind): ServiceError {
  return new ServiceError('terminal.interrupted', scopeOf(kind));
}
