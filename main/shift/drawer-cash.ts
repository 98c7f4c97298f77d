// Cash cannot leave a drawer that does not hold it. A paid-out, a safe drop or the cash part of a
// refund larger than the drawer's expected cash is a typing slip (99999 for 99.99) or a drawer
// emptied earlier; written anyway it would sit in the shift as a huge "over" at the count.
import type { Role } from '../../preload/contract/primitives';
import type { ErrorCode } from '../../preload/contract/result';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { shiftCashTerms } from './shift-cash-terms';
import type { ShiftRow } from './shift-rows';

/** The refusal's codes: one naming the expected cash, one for a cashier, whose count is blind. */
export interface DrawerRefusal {
  named: ErrorCode;
  blind: ErrorCode;
}

/**
 * Throws when `amountMinor` is more than the shift's drawer should hold. Training sales are in no
 * figure, so their practice cash does not count. Supervisors and owners see the expected cash in
 * the refusal; a cashier is told only the amount asked for.
 */
export function refuseCashOutBeyondDrawer(db: Db, shift: Pick<ShiftRow, 'id' | 'float_minor'>, amountMinor: number, role: Role, codes: DrawerRefusal): void {
  const { expectedMinor } = shiftCashTerms(db, shift);
  if (amountMinor <= expectedMinor) return;
  if (role === 'cashier') throw new ServiceError(codes.blind, { amountMinor });
  throw new ServiceError(codes.named, { amountMinor, expectedMinor });
}
