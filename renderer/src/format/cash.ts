// Display helpers for the cash screen. Main decides what is due and what change is given;
// these only suggest notes to press and preview the change while the cashier keys.
import { MAX_AMOUNT_MINOR } from '../../../preload/contract/primitives';

/**
 * Quick-cash buttons: the exact amount, then the next 10, 50 and 100 (in major units) above it,
 * none above what one receipt may take (main refuses it: a button must not offer it).
 */
export function quickCashAmounts(dueMinor: number, digits: number, maxMinor: number = MAX_AMOUNT_MINOR): number[] {
  const unit = 10 ** digits;
  const amounts = [dueMinor];
  for (const note of [10, 50, 100]) {
    const step = note * unit;
    const next = Math.ceil(dueMinor / step) * step;
    const amount = next === dueMinor ? next + step : next;
    if (!amounts.includes(amount)) amounts.push(amount);
  }
  return amounts.filter((a) => a > 0 && a <= maxMinor);
}
