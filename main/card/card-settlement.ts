// How a card transaction the terminal approved ends on the register: booked on its sale (or
// correction), or, when the terminal approved something other than asked, held for a supervisor
// and reversed on the terminal.
import type { CompletionView, StoreSettings } from '../../preload/contract/views';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import type { TerminalClient } from '../hardware/terminal/client';
import type { ApprovalMismatch } from '../hardware/terminal/approval-check';
import type { Actor } from '../sale/sale';
import { recordCardPayment } from '../sale/tender';
import { takePayment } from '../documents/document-payments';
import { findDocument, documentView } from '../documents/document-view';
import { ServiceError } from '../common/service-error';
import { getSettings } from '../settings/settings';
import { getIntent, moveIntent, noteReversal, type TerminalFacts } from './card-intents';
import { cardDetails, factsOfRow, stripNull } from './card-facts';
import { inTransaction, reportMoment, type CardPaymentDeps } from './card-payment-context';

/**
 * Books an approval: the payment (completing the sale when it covers the rest) and the intent
 * commit together. When the sale is no longer open or owes less, the approval is kept on the
 * intent for a supervisor (who reverses it on the terminal) instead of being forced onto a sale.
 */
export function settleApproved(
  deps: CardPaymentDeps,
  intentId: number,
  facts: TerminalFacts,
  resolvedBy: 'terminal' | 'recovery' | 'supervisor',
  resolverId: number | null,
  actor: Actor | null,
): CompletionView {
  const { db } = deps;
  const now = deps.clock();
  const done = inTransaction(deps, () => {
    const row = getIntent(db, intentId);
    const doc = findDocument(db, row.sale_id);
    let completion: CompletionView | null = null;
    let paymentId: number | null = null;
    if (row.kind !== 'payment') {
      // Money back to the card: booked on the correction; `card.approved` below lets the refund
      // domain complete it, in this same transaction.
      if (doc.status === 'open') {
        const view = takePayment(
          db,
          documentView(db, row.sale_id),
          {
            method: 'card',
            amountMinor: row.amount_minor,
            tenderedMinor: row.amount_minor,
            changeMinor: 0,
            card: cardDetails({ ...factsOfRow(row), ...stripNull(facts) }, row.kind),
            scan: null,
            originalPaymentId: row.original_payment_id,
          },
          now,
          0,
        );
        paymentId = view.payments[view.payments.length - 1]?.id ?? null;
      }
      moveIntent(db, intentId, 'approved', { ...facts, paymentId, resolvedBy, resolverId }, now);
      const after = documentView(db, row.sale_id);
      // Booked: completed, or (one part of several) open until the other parts go back too.
      return after.status === 'completed' || paymentId !== null ? { sale: after, receiptNo: after.receiptNo, changeMinor: 0 } : null;
    }
    if (doc.status === 'open' && documentView(db, row.sale_id).remainingMinor >= row.amount_minor) {
      const settings: StoreSettings = getSettings(db);
      const who: Actor = actor ?? { id: row.operator_id, role: 'cashier' };
      completion = recordCardPayment(
        { db, now, settings, actor: who },
        { saleId: row.sale_id, amountMinor: row.amount_minor, card: cardDetails({ ...factsOfRow(row), ...stripNull(facts) }, row.kind) },
      );
      paymentId = (
        sql(db, "SELECT id FROM payments WHERE document_pk = (SELECT pk FROM documents WHERE id = ?) AND method = 'card' ORDER BY id DESC LIMIT 1").get(
          row.sale_id,
        ) as { id: number }
      ).id;
    }
    moveIntent(db, intentId, 'approved', { ...facts, paymentId, resolvedBy, resolverId }, now);
    return completion;
  });
  reportMoment(deps, 'approved', intentId);
  const row = getIntent(db, intentId);
  deps.events.emit('sale.changed', documentView(db, row.sale_id));
  if (!done) throw new ServiceError('terminal.approved_not_booked', { intentId });
  reportMoment(deps, 'completed', intentId);
  return done;
}

/**
 * The terminal approved something else than the register asked for. Nothing is booked: the
 * intent is held (open, so the sale takes no other payment) for a supervisor, committed BEFORE
 * the register asks the terminal to reverse it (06 30, by the terminal's receipt number), so a
 * crash in between still leaves it in front of a person. Returns the error for the cashier.
 */
export async function holdMismatch(
  deps: CardPaymentDeps,
  intentId: number,
  client: TerminalClient,
  mismatch: ApprovalMismatch,
  facts: TerminalFacts,
): Promise<ServiceError> {
  const { db } = deps;
  const held = `terminal.result.${mismatch.field}_mismatch`;
  const row = inTransaction(deps, () => {
    const moved = moveIntent(db, intentId, 'unknown', { ...facts, reason: held }, deps.clock());
    appendJournal(
      db,
      'card.approval_mismatch',
      {
        intentId,
        saleId: moved.sale_id,
        field: mismatch.field,
        requestedMinor: mismatch.requestedMinor,
        requestedCurrency: mismatch.requestedCurrency,
        approvedMinor: mismatch.approvedMinor,
        approvedCurrency: mismatch.approvedCurrency,
        receiptNo: facts.receiptNo ?? null,
        trace: facts.trace ?? null,
        terminalId: facts.terminalId ?? null,
      },
      deps.clock(),
    );
    return moved;
  });
  reportMoment(deps, 'unknown', intentId);
  deps.log.error(`card intent ${intentId}: terminal approved ${mismatch.field} other than asked; held for a supervisor`);
  let reversed = false;
  let reversalReceiptNo: number | null = null;
  let error: string | null = 'no_receipt_no';
  // Money given back to a card is not taken again by the register on its own: a person decides.
  if (row.kind !== 'payment') error = 'not_reversed_refund';
  else if (row.receipt_no !== null) {
    const rev = await client.reverse(row.receipt_no);
    reversed = rev.ok;
    reversalReceiptNo = rev.ok ? rev.value.receiptNo : null;
    error = rev.ok ? null : typeof rev.error.params.reason === 'string' ? `${rev.error.code}:${rev.error.params.reason}` : rev.error.code;
  }
  const reason = `${held}_${reversed ? 'reversed' : 'not_reversed'}`;
  inTransaction(deps, () => noteReversal(db, intentId, { reason, reversed, receiptNo: row.receipt_no, reversalReceiptNo, error }, deps.clock()));
  return new ServiceError('terminal.approval_mismatch', { intentId, reason });
}
