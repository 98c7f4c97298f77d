// Display helpers for the cash screen. Main decides what is due and what change is given;
// these only suggest notes to press and preview the change while the cashier keys.

/** Quick-cash buttons: the exact amount, then the next 10, 50 and 100 (in major units) above it. */
export function quickCashAmounts(dueMinor: number, digits: number): number[] {
  const unit = 10 ** digits;
  const amounts = [dueMinor];
  for (const note of [10, 50, 100]) {
    const step = note * unit;
    const next = Math.ceil(dueMinor / step) * step;
    const amount = next === dueMinor ? next + step : next;
    if (!amounts.includes(amount)) amounts.push(amount);
  }
  return amounts.filter((a) => a > 0);
}
