// How much a card or scan-to-pay call takes: what the sale still owes, or the part of it the
// cashier keyed (¥100 on the card, the rest in cash). Checked before any intent or attempt is
// written, so a refused amount never reaches the terminal or the provider.
import { ServiceError } from '../common/service-error';

/**
 * The amount to ask for. `requested` is at least 1 (the contract refuses 0 and below); more than
 * the sale still owes is refused with `code` and the amount due, whole or part of it.
 */
export function partAmount(remainingMinor: number, requested: number | undefined, code: 'terminal.amount_exceeds_due' | 'scanpay.amount_exceeds_due'): number {
  const amount = requested ?? remainingMinor;
  if (amount > remainingMinor) throw new ServiceError(code, { dueMinor: remainingMinor });
  return amount;
}
