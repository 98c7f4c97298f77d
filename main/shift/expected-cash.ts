// What should be in the drawer at the end of a shift, term by term. Pure: the shift supplies the
// sums, this says how they combine, so every term the cashier sees is the one that was added.
import type { ExpectedCashView } from '../../preload/contract/shift-views';

export type CashTerms = Omit<ExpectedCashView, 'expectedMinor'>;

/**
 * float + cash taken − change given + paid-in + float top-ups − paid-out − safe drops − cash
 * refunds − cash voids. Cash taken is what customers handed over and change what went back, so
 * cash rounding is in the drawer exactly as it happened.
 */
export function expectedCash(t: CashTerms): ExpectedCashView {
  const expectedMinor =
    t.floatMinor +
    t.cashTakenMinor -
    t.changeGivenMinor +
    t.paidInMinor +
    t.floatTopUpMinor -
    t.paidOutMinor -
    t.safeDropMinor -
    t.cashRefundsMinor -
    t.cashVoidsMinor;
  return { ...t, expectedMinor };
}

/** Counted minus expected: positive is over, negative short. Recorded as it is, never set to zero. */
export function overShort(countedMinor: number, expected: ExpectedCashView): number {
  return countedMinor - expected.expectedMinor;
}
