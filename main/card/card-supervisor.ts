// What a person settles on card intents: a supervisor's verdict on an intent the terminal left
// unknown, and the cashier's check of a customer's signature.
import type { CardIntentView } from '../../preload/contract/card-views';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import type { Actor } from '../sale/sale';
import { ServiceError } from '../common/service-error';
import { getIntent, heldForMismatch, intentView, moveIntent, type IntentRow } from './card-intents';
import { settleApproved } from './card-settlement';
import { inTransaction, type CardPaymentDeps } from './card-payment-context';

/** A supervisor settles an intent after checking the terminal. */
export function resolveIntent(
  deps: CardPaymentDeps,
  actor: Actor,
  input: { intentId: number; outcome: 'approved' | 'declined'; authCode?: string | undefined },
  activeIntentId: number | undefined,
): CardIntentView {
  const { db } = deps;
  const row = getIntent(db, input.intentId);
  const needsPerson = row.state === 'unknown' || (row.state === 'approved' && row.payment_id === null);
  if (!needsPerson || activeIntentId === row.id) throw new ServiceError('terminal.intent_settled', { intentId: row.id, state: row.state });
  // The terminal charged something else than the sale asked for: nothing to book, only to check and reverse.
  if (input.outcome === 'approved' && heldForMismatch(row)) throw new ServiceError('terminal.approval_mismatch_not_bookable', { intentId: row.id });
  if (input.outcome === 'declined') {
    if (row.state !== 'unknown') throw new ServiceError('terminal.intent_settled', { intentId: row.id, state: row.state });
    inTransaction(deps, () =>
      moveIntent(db, row.id, 'declined', { reason: 'terminal.result.supervisor_declined', resolvedBy: 'supervisor', resolverId: actor.id }, deps.clock()),
    );
    return intentView(getIntent(db, row.id));
  }
  try {
    settleApproved(deps, row.id, input.authCode ? { authCode: input.authCode } : {}, 'supervisor', actor.id, actor);
  } catch (e) {
    // Approved, but the sale is closed: the intent says so and the supervisor reverses it on the terminal.
    if (!(e instanceof ServiceError && e.code === 'terminal.approved_not_booked')) throw e;
  }
  return intentView(getIntent(db, row.id));
}

/** The cashier checked the customer's signature on the merchant copy. */
export function confirmSignature(deps: CardPaymentDeps, actor: Actor, saleId: string, now: number): CardIntentView[] {
  const { db } = deps;
  return inTransaction(deps, () => {
    const rows = sql(
      db,
      "SELECT * FROM card_intents WHERE sale_id = ? AND state = 'approved' AND signature_required = 1 AND signature_confirmed_by IS NULL",
    ).all(saleId) as IntentRow[];
    if (rows.length === 0) throw new ServiceError('terminal.no_signature_pending', { saleId });
    for (const r of rows) {
      sql(db, 'UPDATE card_intents SET signature_confirmed_by = ?, updated_at = ? WHERE id = ?').run(actor.id, now, r.id);
      appendJournal(db, 'card.signature_confirmed', { intentId: r.id, saleId, operatorId: actor.id, receiptNo: r.receipt_no }, now);
    }
    return rows.map((r) => intentView(getIntent(db, r.id)));
  });
}
