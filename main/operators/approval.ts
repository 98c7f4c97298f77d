// A supervisor's approval at the cashier's screen: the supervisor types their PIN (or, later,
// scans their badge) into the cashier's dialog; the cashier's session continues unchanged and the
// approver is recorded with the action. One mechanism for every action that needs one.
import type { ErrorCode } from '../../preload/contract/errors';
import type { Role } from '../../preload/contract/primitives';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { verifyApprover } from './operators';
import { roleAtLeast } from './session';

export interface ApprovalInput {
  operatorId: number;
  pin: string;
}

/**
 * The approver's id when an approval was given (checked now, outside any later transaction, so a
 * wrong PIN still counts towards the lockout), else null.
 */
export function approverOf(db: Db, approval: ApprovalInput | undefined, now: number): number | null {
  if (!approval) return null;
  return verifyApprover(db, approval.operatorId, approval.pin, now).id;
}

/**
 * For an action only a supervisor may do: null when the operator is one (their own authority),
 * else the approving supervisor's id; refuses with `needed` when a cashier brought no approval.
 */
export function supervisorFor(db: Db, actor: { role: Role }, approval: ApprovalInput | undefined, now: number, needed: ErrorCode): number | null {
  if (roleAtLeast(actor.role, 'supervisor')) return null;
  if (!approval) throw new ServiceError(needed);
  return approverOf(db, approval, now);
}
