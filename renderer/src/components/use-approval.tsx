import { useRef, useState, type ReactNode } from 'react';
import type { CallError, Result } from '../../../preload/contract';
import type { Approval } from '../../../preload/contract/primitives';
import { useFormat } from '../state/store-context';
import { ApprovalDialog } from './ApprovalDialog';

/** The supervisor's PIN (with their name picked) or their scanned badge. */
export type { Approval };

/** Main's ways of saying "a supervisor must approve this": each opens the approval dialog. */
const ASKS_FOR_SUPERVISOR: ReadonlySet<string> = new Set([
  'sale.discount_needs_supervisor',
  'sale.cancel_needs_supervisor',
  'sale.price_override_needs_supervisor',
  'refund.needs_supervisor',
  'drawer.needs_supervisor',
]);

export function asksForSupervisor(error: CallError | null): boolean {
  return error !== null && ASKS_FOR_SUPERVISOR.has(error.code);
}

/** A refusal of the approval itself (wrong PIN, locked, not a supervisor): the supervisor tries again in the dialog. */
const refusesApproval = (error: CallError) => error.code === 'sale.approver_invalid' || asksForSupervisor(error);

interface Pending {
  reason: string;
  send(approval: Approval): Promise<Result<unknown>>;
  settle(result: Result<unknown> | null): void;
}

export interface ApprovalFlow {
  /**
   * Sends an action that may need a supervisor. Without `ask`, it is sent as the cashier's own
   * and main's "needs a supervisor" opens the dialog; with `ask` (the translated reason, when a
   * preview already said so) the dialog opens first. Resolves with main's last answer, or null
   * when the approval was cancelled.
   */
  request<T>(send: (approval?: Approval) => Promise<Result<T>>, ask?: string | null): Promise<Result<T> | null>;
  /** The approval dialog is open. */
  open: boolean;
  /** The dialog, or nothing; `progress` is shown in it while the approved action runs (a card refund's terminal steps). */
  render(progress?: ReactNode): ReactNode;
}

/**
 * The one approval flow of the register: a discount above the limit, a return without a receipt,
 * cash for a card sale, a price adjustment, a void, the drawer with no sale. The supervisor keys
 * their PIN or scans their badge in the cashier's window and the same action is sent again with it.
 */
export function useApproval(): ApprovalFlow {
  const format = useFormat();
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  // The dialog's answer, read by callbacks that outlive the render that made them.
  const current = useRef<Pending | null>(null);

  const close = (result: Result<unknown> | null) => {
    const p = current.current;
    current.current = null;
    setPending(null);
    setError(null);
    setBusy(false);
    p?.settle(result);
  };

  const request = async <T,>(send: (approval?: Approval) => Promise<Result<T>>, ask?: string | null): Promise<Result<T> | null> => {
    let reason = ask ?? null;
    if (reason === null) {
      const first = await send();
      if (first.ok || !asksForSupervisor(first.error)) return first;
      reason = format.error(first.error);
    }
    const shown = reason;
    return new Promise<Result<T> | null>((resolve) => {
      const next: Pending = { reason: shown, send, settle: (r) => resolve(r as Result<T> | null) };
      current.current = next;
      setError(null);
      setPending(next);
    });
  };

  const approve = async (approval: Approval) => {
    const p = current.current;
    if (!p || busy) return;
    setBusy(true);
    const result = await p.send(approval);
    if (current.current !== p) return;
    setBusy(false);
    // A wrong PIN keeps the dialog; anything else (done, or refused for another reason) is the caller's to show.
    if (!result.ok && refusesApproval(result.error)) return setError(result.error);
    close(result);
  };

  return {
    request,
    open: pending !== null,
    render: (progress) =>
      pending ? (
        // Never closed while the approved action runs: its answer is still to come (a card refund is stopped on the terminal instead).
        <ApprovalDialog reason={pending.reason} onApprove={approve} error={error} busy={busy} onClose={() => busy || close(null)}>
          {busy ? progress : null}
        </ApprovalDialog>
      ) : null,
  };
}
