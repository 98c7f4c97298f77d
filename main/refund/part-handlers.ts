// The calls of a correction whose card and scan-to-pay parts go back one after another: its
// parts as they stand, a refused part sent again, or given in cash with a supervisor. Each then
// goes on with the parts after it, and the correction completes once every part went back.
import type { CompletionView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import { findDocument } from '../documents/document-rows';
import { takePayment } from '../documents/document-payments';
import { documentView } from '../documents/document-view';
import type { HandlerContext, HandlerTable } from '../ipc/handler';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { approverOf } from '../operators/approval';
import { creditKeptInDrawer } from '../documents/exchange-wait';
import { creditStaysInDrawer, refuseCashOutBeyondDrawer } from '../shift/drawer-cash';
import { liveShift } from '../shift/shift-rows';
import { goesPartByPart, partViews, planParts } from './correction-parts';
import { giveBackParts } from './part-refunds';
import { approverFor, type RefundContext } from './refund-plans';

/**
 * This register's open correction with card parts, and its part `paymentId` that did not go back
 * (refused), or (`orNext`) the next one waiting when the run stopped between two parts (a restart).
 */
function refusedPart(ctx: RefundContext, correctionId: string, paymentId: number, orNext = false) {
  const doc = findDocument(ctx.db, correctionId);
  const parts = planParts(ctx.db, correctionId);
  if (doc.register_id !== ctx.settings.registerId || !goesPartByPart(parts)) throw new ServiceError('refund.part_not_found', { paymentId });
  const part = parts.find((p) => p.paymentId === paymentId);
  const views = partViews(ctx.db, correctionId);
  const view = views.find((p) => p.paymentId === paymentId);
  if (!part || !view) throw new ServiceError('refund.part_not_found', { paymentId });
  const stoppedBefore = orNext && view.state === 'waiting' && views.every((v) => v.state === 'back' || v.state === 'cash' || v.state === 'waiting');
  if (doc.status !== 'open' || (view.state !== 'refused' && !stoppedBefore))
    throw new ServiceError('refund.part_not_refused', { state: doc.status === 'open' ? view.state : 'back' });
  return { doc, part };
}

/** Gives the parts back from where the correction stands, through this register's terminal and provider refunds. */
export function runParts(ctx: HandlerContext, correctionId: string, retry: number | null = null): Promise<CompletionView> {
  const base = Date.now();
  return ctx.services.paymentWatch.follow(correctionId, 'card', () =>
    giveBackParts(
      {
        ctx,
        clock: () => ctx.now + (Date.now() - base),
        giveBack: (intentId, reversalOf) => ctx.services.terminal.payments.giveBack(intentId, reversalOf),
        settleScan: (id) => ctx.services.providerRefunds.settle(id),
      },
      correctionId,
      retry,
    ),
  );
}

async function announced(ctx: HandlerContext, running: Promise<CompletionView>): Promise<CompletionView> {
  const done = await running;
  ctx.events.emit('sale.changed', done.sale);
  return done;
}

/** The refused part given in cash instead: a supervisor approves, and the drawer must hold the cash the correction hands over. */
function takeInCash(ctx: RefundContext, correctionId: string, paymentId: number, approverId: number | null): void {
  ctx.db.transaction(() => {
    const { doc, part } = refusedPart(ctx, correctionId, paymentId);
    const approver = approverFor(ctx, [part.method === 'scan' ? 'refund.approval.scan_to_cash' : 'refund.approval.card_to_cash'], approverId);
    const cash = sql(
      ctx.db,
      "SELECT COALESCE(SUM(p.amount_minor), 0) AS n FROM payments p JOIN documents d ON d.pk = p.document_pk WHERE d.id = ? AND p.method = 'cash'",
    ).get(correctionId) as { n: number };
    const shift = liveShift(ctx.db, ctx.settings.registerId);
    const asked = doc.kind === 'void' ? 'void_cash' : 'refund_cash';
    // The return's cash parts leave the drawer with it, except an exchange's credit, which pays its new goods.
    if (shift)
      creditStaysInDrawer(ctx.db, creditKeptInDrawer(ctx.db, correctionId), () =>
        refuseCashOutBeyondDrawer(ctx.db, shift, { asked, amountMinor: cash.n + part.amountMinor, at: ctx.now }, ctx.actor),
      );
    const payment = { method: 'cash' as const, amountMinor: part.amountMinor, tenderedMinor: part.amountMinor, changeMinor: 0 };
    takePayment(ctx.db, documentView(ctx.db, correctionId), { ...payment, card: null, scan: null, originalPaymentId: part.paymentId }, ctx.now, 0);
    // The document names one approver (of the correction); who allowed this cash, and for which part, is the journal's.
    appendJournal(
      ctx.db,
      'refund.part_in_cash',
      {
        documentId: correctionId,
        kind: doc.kind === 'void' ? 'void' : 'refund',
        originalPaymentId: part.paymentId,
        method: part.method === 'scan' ? 'scan' : 'card',
        amountMinor: part.amountMinor,
        operatorId: ctx.actor.id,
        approverId: approver,
      },
      ctx.now,
    );
  })();
}

export const partHandlers: Pick<HandlerTable, 'refund.parts' | 'refund.retryPart' | 'refund.partInCash'> = {
  'refund.parts': {
    access: 'cashier',
    handle: (input, ctx) => {
      const doc = findDocument(ctx.db, input.correctionId);
      if (doc.register_id !== ctx.settings.registerId) throw new ServiceError('refund.other_register', { registerId: doc.register_id });
      // Only a correction whose parts go back one by one lists them (one through a provider alone is followed as before).
      const parts = goesPartByPart(planParts(ctx.db, input.correctionId)) ? partViews(ctx.db, input.correctionId) : [];
      return { correction: documentView(ctx.db, input.correctionId), parts };
    },
  },
  'refund.retryPart': {
    access: 'cashier',
    awaitsHardware: true,
    handle: (input, ctx) => {
      ctx.db.transaction(() => refusedPart(ctx, input.correctionId, input.paymentId, true))();
      return announced(ctx, runParts(ctx, input.correctionId, input.paymentId));
    },
  },
  'refund.partInCash': {
    access: 'cashier',
    awaitsHardware: true,
    handle: (input, ctx) => {
      takeInCash(ctx, input.correctionId, input.paymentId, approverOf(ctx.db, input.approval, ctx.now));
      return announced(ctx, runParts(ctx, input.correctionId));
    },
  },
};
