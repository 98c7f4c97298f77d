import { roundToStep } from './integer-math';

export interface CashTenderOutcome {
  /** What the cash payment settles, after cash rounding. */
  dueMinor: number;
  roundingMinor: number;
  changeMinor: number;
  appliedMinor: number;
  completes: boolean;
}

/**
 * Cash against what remains. When the cash settles the sale, the amount due is rounded to the
 * store's cash step (coins that do not exist cannot be paid); a partial cash payment is not
 * rounded because the rest is paid another way.
 */
export function cashTender(remainingMinor: number, tenderedMinor: number, roundingStepMinor: number): CashTenderOutcome {
  const roundedDue = roundToStep(remainingMinor, roundingStepMinor);
  if (tenderedMinor >= roundedDue) {
    return {
      dueMinor: roundedDue,
      roundingMinor: roundedDue - remainingMinor,
      changeMinor: tenderedMinor - roundedDue,
      appliedMinor: roundedDue,
      completes: true,
    };
  }
  return { dueMinor: roundedDue, roundingMinor: 0, changeMinor: 0, appliedMinor: tenderedMinor, completes: false };
}
