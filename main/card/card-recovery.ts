// Recovery after a crash or a lost line: the terminal's own account of its last transaction
// settles the newest open intent; older open ones can no longer be matched and wait for a person.
import { RESULT } from '../hardware/terminal/codes';
import type { TerminalClient } from '../hardware/terminal/client';
import type { IntentState } from '../hardware/terminal/intent-machine';
import { matchRecoveredTransaction, type RecoveryVerdict } from '../hardware/terminal/recovery';
import { approvalMismatch } from '../hardware/terminal/approval-check';
import { ServiceError } from '../common/service-error';
import { heldForMismatch, moveIntent, openIntents, receiptNoTaken, type IntentRow, type TerminalFacts } from './card-intents';
import { toFacts } from './card-facts';
import { holdMismatch, settleApproved } from './card-settlement';
import { inTransaction, reportEnded, reportMoment, type CardPaymentDeps } from './card-payment-context';
import { interruptedByRestart, outcomeUnknown } from './card-outcome-errors';

/**
 * Settles the open intents other than the one in flight (`activeIntentId`). Intents numbered below
 * `firstIntentHere` were started before this register started: one the terminal never booked was
 * cut off by the restart, not declined, and is told so.
 */
export async function recoverOpenIntents(
  deps: CardPaymentDeps,
  client: TerminalClient,
  activeIntentId: number | undefined,
  attempts: number = deps.recoveryAttempts ?? 40,
  firstIntentHere = 0,
): Promise<void> {
  const { db } = deps;
  const open = openIntents(db).filter((r) => r.id !== activeIntentId);
  if (open.length === 0) return;
  const newest = open[open.length - 1] as IntentRow;
  // Only the newest can be the terminal's "last transaction"; older ones need a person.
  for (const row of open.slice(0, -1)) settleUnmatchable(deps, row);
  // A held mismatch waits for a person, and after it the terminal's last transaction is its reversal.
  if (heldForMismatch(newest)) return;
  if (newest.state === 'created') {
    // Written but never sent: `sent` is committed before the command leaves.
    inTransaction(deps, () => moveIntent(db, newest.id, 'failed', { reason: 'terminal.result.not_sent', resolvedBy: 'recovery' }, deps.clock()));
    reportEnded(deps, newest.sale_id, new ServiceError('terminal.failed', { reason: 'terminal.result.not_sent' }));
    return;
  }
  const last = await client.recoverLastTransaction({ attempts, delayMs: deps.recoveryDelayMs ?? 250 });
  let verdict: RecoveryVerdict = 'unknown';
  let facts: TerminalFacts = {};
  if (last.ok) {
    const tx = last.value;
    verdict = matchRecoveredTransaction(
      {
        amountMinor: newest.amount_minor,
        startedAt: new Date(newest.started_at),
        receiptNo: newest.receipt_no,
        trace: newest.trace,
        previousReceiptNo: newest.previous_receipt_no,
      },
      tx,
    );
    // The terminal's last transaction is one we booked for an earlier intent: ours never got that far.
    if (verdict !== 'declined' && tx?.receiptNo != null && receiptNoTaken(db, tx.receiptNo, newest.id)) verdict = 'declined';
    if (tx && verdict !== 'unknown') facts = toFacts(tx);
    if (verdict === 'declined' && (tx?.receiptNo ?? null) === newest.previous_receipt_no) facts = { reason: 'terminal.result.not_booked' };
  } else if (last.error.params.resultCode === RESULT.functionNotPossible && newest.previous_receipt_no === null && newest.receipt_no === null) {
    // The terminal has no transaction at all to repeat: ours was never booked.
    verdict = 'declined';
    facts = { reason: 'terminal.result.not_booked' };
  }
  deps.log.info(`card intent ${newest.id}: recovery says ${verdict}`);
  const mismatch =
    verdict === 'approved' && last.ok && last.value ? approvalMismatch({ amountMinor: newest.amount_minor, currency: client.currencyCode }, last.value) : null;
  if (mismatch) {
    reportEnded(deps, newest.sale_id, await holdMismatch(deps, newest.id, client, mismatch, facts));
    return;
  }
  if (verdict === 'approved') {
    try {
      reportEnded(deps, newest.sale_id, settleApproved(deps, newest.id, facts, 'recovery', null, null));
    } catch (e) {
      if (!(e instanceof ServiceError && e.code === 'terminal.approved_not_booked')) throw e;
      reportEnded(deps, newest.sale_id, e);
    }
    return;
  }
  if (verdict === 'declined') {
    const r = inTransaction(deps, () => moveIntent(db, newest.id, 'declined', { ...facts, resolvedBy: 'recovery' }, deps.clock()));
    reportMoment(deps, 'declined', r.id);
    if (r.reason === 'terminal.result.not_booked' && newest.id < firstIntentHere) {
      reportEnded(deps, newest.sale_id, interruptedByRestart(newest.kind));
      return;
    }
    // Worded as the pay call words a refusal, so the window says the same whichever way it heard.
    reportEnded(deps, newest.sale_id, new ServiceError('terminal.declined', { reason: r.reason ?? 'terminal.result.declined' }));
    return;
  }
  // One left unknown before (its ending already told) is asked again on every reconnect: told once.
  if (newest.state === 'unknown') return;
  inTransaction(deps, () => moveIntent(db, newest.id, 'unknown', {}, deps.clock()));
  reportEnded(deps, newest.sale_id, outcomeUnknown(newest.id, newest.kind));
}

function settleUnmatchable(deps: CardPaymentDeps, row: IntentRow): void {
  const to: IntentState = row.state === 'created' ? 'failed' : 'unknown';
  if (row.state === to) return;
  inTransaction(deps, () =>
    moveIntent(deps.db, row.id, to, to === 'failed' ? { reason: 'terminal.result.not_sent', resolvedBy: 'recovery' } : {}, deps.clock()),
  );
  reportEnded(
    deps,
    row.sale_id,
    to === 'failed' ? new ServiceError('terminal.failed', { reason: 'terminal.result.not_sent' }) : outcomeUnknown(row.id, row.kind),
  );
}
