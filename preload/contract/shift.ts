// Shifts: opening float, cash in and out, the blind closing count. A sale needs an open shift.
import { z } from 'zod';
import { call } from './define';
import { id, idempotencyKey, positiveAmountMinor, shortText } from './primitives';
import type { CashMoveResult, ShiftCountResultView, ShiftStateView, ShiftView } from './shift-views';

/** At most this many of one note or coin in one count. */
export const MAX_PIECES = 100_000;

export const denominationCount = z.object({ denominationMinor: positiveAmountMinor, count: z.number().int().min(0).max(MAX_PIECES) }).strict();
// The till sends every denomination, zeros included, so a count is never empty.
export const cashCounts = z.array(denominationCount).min(1).max(30);

export const cashMovementKind = z.enum(['paid_in', 'paid_out', 'safe_drop', 'float_top_up']);

export const shiftCalls = {
  /** The register's live shift (if any), its denominations and the float a new shift could carry over. */
  'shift.current': call<ShiftStateView>()(z.object({}).strict()),
  /** Opens a shift with a float counted by denomination, or carried over from the last close. */
  'shift.open': call<ShiftView>()(
    z
      .object({
        float: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('counted'), counts: cashCounts }).strict(),
          z.object({ kind: z.literal('carried') }).strict(),
        ]),
        idempotencyKey,
      })
      .strict(),
    { movesMoney: true },
  ),
  /**
   * Paid-in, paid-out, safe drop or float top-up: journalled, opens the drawer and prints a slip
   * where a printer is set up (the answer says which). A paid-out or safe drop larger than the
   * drawer's expected cash is refused and changes nothing.
   */
  'cash.move': call<CashMoveResult>()(z.object({ kind: cashMovementKind, amountMinor: positiveAmountMinor, reason: shortText, idempotencyKey }).strict(), {
    movesMoney: true,
  }),
  /**
   * The blind count by denomination. The first ends selling in the shift and answers with the
   * expected cash; a second is the one recount allowed. Both are kept.
   */
  'shift.count': call<ShiftCountResultView>()(z.object({ shiftId: id, counts: cashCounts, idempotencyKey }).strict(), { movesMoney: true }),
  /** Confirms the count: the shift closes with its over/short as counted (never forced to zero). */
  'shift.close': call<ShiftCountResultView>()(z.object({ shiftId: id, idempotencyKey }).strict(), { movesMoney: true }),
};

/** Shift refusals. */
export const shiftErrors = [
  'shift.not_open',
  'shift.already_open',
  'shift.not_found',
  'shift.not_counting',
  'shift.recount_used',
  'shift.unknown_denomination',
  'shift.nothing_to_carry',
  'shift.sale_in_progress',
  'shift.correction_in_progress',
  'shift.amount_too_large',
  'shift.cash_out_over_drawer',
  'shift.cash_out_over_drawer_blind',
] as const;
