// Cash cannot leave a drawer that does not hold it. A paid-out, a safe drop or the cash part of a
// refund larger than the drawer's expected cash is a typing slip (99999 for 99.99) or a drawer
// emptied earlier; written anyway it would sit in the shift as a huge "over" at the count.
//
// Each refusal is journalled (cash.out_refused): a cashier's count is blind, but refused amounts
// would otherwise let them find the expected cash by trying (halving the amount each time) and
// pocket the "over" before the count, unseen. The fraud watch counts these entries.
import type { Role } from '../../preload/contract/primitives';
import type { ErrorCode } from '../../preload/contract/result';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { inTransaction } from '../ledger/transaction';
import { shiftCashTerms } from './shift-cash-terms';
import type { CashOutAsked } from './shift-journal';
import type { ShiftRow } from './shift-rows';

/** The refusal's codes: one naming the expected cash, one for a cashier, whose count is blind. */
const CODES: Record<CashOutAsked, { named: ErrorCode; blind: ErrorCode }> = {
  paid_out: { named: 'shift.cash_out_over_drawer', blind: 'shift.cash_out_over_drawer_blind' },
  safe_drop: { named: 'shift.cash_out_over_drawer', blind: 'shift.cash_out_over_drawer_blind' },
  refund_cash: { named: 'refund.cash_over_drawer', blind: 'refund.cash_over_drawer_blind' },
  void_cash: { named: 'refund.cash_over_drawer', blind: 'refund.cash_over_drawer_blind' },
};

/**
 * Cash booked out that never leaves the drawer, per ledger, while an exchange books its return:
 * the credit is written as a cash refund (so the Z counts the goods back) but the part that pays
 * the new goods stays where it is. Set only for the synchronous span of `creditStaysInDrawer`.
 */
const staying = new WeakMap<Db, number>();

/**
 * Runs `fn` (an exchange's return booking) with `creditMinor` of the cash it books out counted as
 * staying in the drawer: the drawer only has to hold what is really handed back.
 */
export function creditStaysInDrawer<T>(db: Db, creditMinor: number, fn: () => T): T {
  if (staying.has(db)) throw new Error('creditStaysInDrawer does not nest');
  staying.set(db, Math.max(0, creditMinor));
  try {
    return fn();
  } finally {
    staying.delete(db);
  }
}

/**
 * Throws when `amountMinor` is more than the shift's drawer should hold. Training sales are in no
 * figure, so their practice cash does not count. Supervisors and owners see the expected cash in
 * the refusal; a cashier is told only the amount asked for. The refusal's journal entry is left
 * to the router, which writes it after the call's transaction has rolled back.
 */
export function refuseCashOutBeyondDrawer(
  db: Db,
  shift: Pick<ShiftRow, 'id' | 'float_minor'>,
  request: { asked: CashOutAsked; amountMinor: number; at: number },
  actor: { id: number; role: Role },
): void {
  const { expectedMinor } = shiftCashTerms(db, shift);
  const { asked, at } = request;
  // Inside an exchange, only the cash handed back leaves the drawer; the refusal names that amount.
  const amountMinor = asked === 'refund_cash' ? Math.max(0, request.amountMinor - (staying.get(db) ?? 0)) : request.amountMinor;
  if (amountMinor <= expectedMinor) return;
  const entry = { operatorId: actor.id, shiftId: shift.id, asked, amountMinor };
  const journal = () => inTransaction(db, () => appendJournal(db, 'cash.out_refused', entry, at));
  const codes = CODES[asked];
  if (actor.role === 'cashier') throw new ServiceError(codes.blind, { amountMinor }, journal);
  throw new ServiceError(codes.named, { amountMinor, expectedMinor }, journal);
}
