// A supervisor's approval at the cashier's screen: the supervisor types their PIN or scans their
// badge in the cashier's dialog; the cashier's session continues unchanged and the approver is
// recorded with the action. One mechanism for every action that needs one.
import type { ErrorCode } from '../../preload/contract/errors';
import type { Approval, Role } from '../../preload/contract/primitives';
import type { OperatorView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { verifyBadgeApprover } from './badges';
import { verifyApprover } from './operators';
import { roleAtLeast } from './session';

export type ApprovalInput = Approval;

/**
 * The approving supervisor or owner when an approval was given, else null. Checked now, outside
 * any later transaction, so a wrong PIN still counts towards the lockout and a bad badge stays
 * journalled.
 */
export function approvingOperator(db: Db, approval: ApprovalInput | undefined, now: number): OperatorView | null {
  if (!approval) return null;
  const check = () => ('badge' in approval ? verifyBadgeApprover(db, approval.badge, now) : verifyApprover(db, approval.operatorId, approval.pin, now));
  if (!db.inTransaction) return check();
  try {
    return check();
  } catch (error) {
    // Inside a money call's transaction (the router's, around the call and its idempotency key) the
    // refusal's trace would roll back with the call: the failed PIN uncounted, the bad badge
    // unjournalled. The check runs again once the rollback is over, and leaves its trace then.
    if (!(error instanceof ServiceError) || error.afterRollback) throw error;
    throw new ServiceError(error.code, error.params, () => {
      try {
        check();
      } catch (again) {
        if (!(again instanceof ServiceError)) throw again;
      }
    });
  }
}

/** The approver's id when an approval was given, else null (see approvingOperator). */
export function approverOf(db: Db, approval: ApprovalInput | undefined, now: number): number | null {
  return approvingOperator(db, approval, now)?.id ?? null;
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
