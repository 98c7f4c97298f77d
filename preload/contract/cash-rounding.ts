// The cash rounding steps a store may choose, in minor units: the amounts a drawer can actually
// settle to. 0 is none; 1 (a cent, a fen) rounds nothing either and is kept for ledgers and HQ
// versions that stored it. 5, 10, 50 and 100 are the steps in use (0.05 in Switzerland, Canada,
// Australia; 0.10 for jiao, Hong Kong and New Zealand; 0.50 in Denmark; 1.00 in Sweden, Norway, the
// Czech Republic). A step of 0.03 or 0.07 settles to no coin and would charge the customer an odd
// amount, so the settings schema refuses it (for the back office, the wizard and HQ versions alike).
import { z } from 'zod';

export const CASH_ROUNDING_STEPS_MINOR = [0, 1, 5, 10, 50, 100] as const;
/** The steps the settings screen offers: 1 is the same as none and not offered again. */
export const OFFERED_CASH_ROUNDING_STEPS_MINOR = [0, 5, 10, 50, 100] as const;

export function isCashRoundingStep(stepMinor: number): boolean {
  return (CASH_ROUNDING_STEPS_MINOR as readonly number[]).includes(stepMinor);
}

/** A cash rounding step; any other refused as `request.invalid_input` with issue `cash_rounding_step`. */
export const cashRoundingStepMinor = z
  .number()
  .int()
  .min(0)
  .max(100)
  .refine(isCashRoundingStep, { params: { refusal: 'cash_rounding_step' } });
