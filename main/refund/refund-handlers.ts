import type { refundCalls } from '../../preload/contract/refund';
import { ServiceError } from '../common/service-error';
import { documentIdByCode } from '../documents/receipt-lookup';
import { listDocuments } from '../documents/document-list';
import { parseReceiptCode } from '../documents/receipt-code';
import { openBusinessDay } from '../day-close/closed-days';
import type { HandlerContext, HandlerTable } from '../ipc/handler';
import { approverOf } from '../operators/approval';
import { getOperator } from '../operators/operators';
import { dayClosed, refundPriceAdjustment, refundWithReceipt, voidable, voidSale } from './refund';
import type { Booking } from './refund-booking';
import { previewRefund } from './refund-plans';
import { previewWithoutReceipt, refundWithoutReceipt } from './refund-without-receipt';
import { refundableView, refundState } from './refundable';
import type { CompletionView } from '../../preload/contract/views';
import { assertCorrectionMode, isTraining } from '../training/training';
import { partHandlers, runParts } from './part-handlers';
import { correctionStartedForDisplay } from '../customer-display/customer-display';

/**
 * The sale a typed or scanned receipt code names, of this register only: a code naming another
 * register is refused (that till's drawer took the money). A printed code says its series
 * (`R1-T-000003` training, kept negated; `R1-000003` real); a bare number is looked up in the
 * series of the operator's mode.
 */
function saleIdOf(ctx: HandlerContext, code: string): string {
  const parsed = parseReceiptCode(code);
  if (!parsed) throw new ServiceError('refund.code_not_understood', { code: code.slice(0, 64) });
  if (parsed.kind === 'id') return parsed.id;
  const named = parsed.registerId?.replace(/-T$/, '');
  if (named !== undefined && named !== ctx.settings.registerId) throw new ServiceError('refund.other_register', { registerId: named });
  // The series of the code, as every receipt lookup reads it; a refusal repeats what was typed or scanned.
  return documentIdByCode(ctx.db, ctx.settings.registerId, code, isTraining(ctx.db, ctx.settings.registerId, ctx.actor.id));
}

/**
 * A correction done at once (cash), or once its card parts (and the wallet parts after them) have
 * gone back one by one (part-refunds.ts); open when a part did not go back after another did.
 * Windows hear of it as of a sale.
 */
async function finished(ctx: HandlerContext, booking: Booking): Promise<CompletionView> {
  // Followed as a payment is, under the correction's id: a refund screen reloaded meanwhile finds its step and its ending.
  const done = 'done' in booking ? booking.done : await runParts(ctx, booking.pending.documentId);
  ctx.events.emit('sale.changed', done.sale);
  // Still open: it waits for a scan-to-pay provider, whose refunds start now that it is committed.
  if (done.sale.status === 'open') setImmediate(() => void ctx.services.providerRefunds.settle(done.sale.id));
  return done;
}

export const refundHandlers: Pick<HandlerTable, keyof typeof refundCalls> = {
  'refund.find': {
    access: 'cashier',
    handle: (input, ctx) => {
      const state = refundState(ctx.db, saleIdOf(ctx, input.code), ctx.settings.registerId);
      assertCorrectionMode(ctx.db, ctx.settings.registerId, ctx.actor.id, state.sale);
      const view = refundableView(state, voidable(ctx, state), dayClosed(ctx, state));
      // A correction starts: the customer display stops showing the last customer's sale.
      correctionStartedForDisplay(ctx.events, ctx.db, ctx.now);
      return view;
    },
  },
  'refund.todaysSales': {
    access: 'cashier',
    handle: (_input, ctx) =>
      listDocuments(ctx.db, {
        registerId: ctx.settings.registerId,
        kind: 'sale',
        businessDay: openBusinessDay(ctx.db, ctx.settings, ctx.now),
        limit: 200,
        training: isTraining(ctx.db, ctx.settings.registerId, ctx.actor.id),
      }),
  },
  'refund.preview': { access: 'cashier', handle: (input, ctx) => previewRefund(ctx, input) },
  'refund.previewWithoutReceipt': {
    access: 'cashier',
    handle: (input, ctx) => {
      const preview = previewWithoutReceipt(ctx, input);
      correctionStartedForDisplay(ctx.events, ctx.db, ctx.now);
      return preview;
    },
  },
  // Money back to a card talks to the terminal: no transaction may stay open around it. The
  // correction's own request key (documents.request_key) keeps a retry from refunding twice.
  'refund.withReceipt': {
    access: 'cashier',
    awaitsHardware: true,
    handle: (input, ctx) => finished(ctx, refundWithReceipt(ctx, input, approverOf(ctx.db, input.approval, ctx.now))),
  },
  'refund.priceAdjustment': {
    access: 'cashier',
    awaitsHardware: true,
    handle: (input, ctx) => finished(ctx, refundPriceAdjustment(ctx, input, approverOf(ctx.db, input.approval, ctx.now))),
  },
  'refund.withoutReceipt': {
    access: 'cashier',
    awaitsHardware: true,
    handle: (input, ctx) => finished(ctx, refundWithoutReceipt(ctx, input, approverOf(ctx.db, input.approval, ctx.now))),
  },
  'void.sale': {
    access: 'cashier',
    awaitsHardware: true,
    handle: (input, ctx) => finished(ctx, voidSale(ctx, input, approverOf(ctx.db, input.approval, ctx.now))),
  },
  ...partHandlers,
  // This register's documents only, as every correction is; an operator filter names someone who exists.
  'documents.list': {
    access: 'supervisor',
    handle: (input, ctx) => {
      if (input.operatorId !== undefined && !getOperator(ctx.db, input.operatorId, ctx.now)) throw new ServiceError('operator.not_found');
      return listDocuments(ctx.db, { ...input, registerId: ctx.settings.registerId });
    },
  },
};
