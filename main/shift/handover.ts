// The handover between two shifts of one register. Between a close and the next open nothing can
// be booked (a movement needs an open shift), so the float the next cashier counts should be the
// cash the last close counted; what differs left or entered the drawer unrecorded. Compared within
// one business day only: after a Z the owner banks the takings with no shift to book it in, so a
// float counted on a later day differs from the last close by design.
import type { ShiftHandoverView } from '../../preload/contract/shift-views';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';

/** The columns of a shift row the comparison reads (shift-rows.ts imports this file). */
interface HandoverRow {
  id: number;
  register_id: string;
  business_day: string;
  float_minor: number;
}

/**
 * The shift's float against the previous shift's standing count on this register, or null when
 * there is nothing to compare with: no earlier shift that day, or one closed without a count.
 * Read from immutable rows, so the X, the Z and a reprint say what the open journalled.
 */
export function handoverOf(db: Db, row: HandoverRow): ShiftHandoverView | null {
  // Only one shift of a register is ever live, so the one before this is the last that closed before it opened.
  const previous = sql(db, 'SELECT id, business_day, counted_minor FROM shifts WHERE register_id = ? AND id < ? ORDER BY id DESC LIMIT 1').get(
    row.register_id,
    row.id,
  ) as { id: number; business_day: string; counted_minor: number | null } | undefined;
  if (!previous || previous.business_day !== row.business_day || previous.counted_minor === null) return null;
  return {
    previousShiftId: previous.id,
    previousCountedMinor: previous.counted_minor,
    floatMinor: row.float_minor,
    differenceMinor: row.float_minor - previous.counted_minor,
  };
}
