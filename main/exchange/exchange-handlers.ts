import type { exchangeCalls } from '../../preload/contract/exchange';
import type { ExchangeDoneView } from '../../preload/contract/views';
import type { HandlerContext, HandlerTable } from '../ipc/handler';
import { approverOf } from '../operators/approval';
import { documentView } from '../documents/document-view';
import { completeExchange, previewExchange } from './exchange';
import { abandonExchange, beginExchange } from './pending-exchange';
import { saleExchange } from './sale-exchange';
import { beginCardBack, cardBackView } from './card-back-exchange';
import { runParts } from '../refund/part-handlers';
import { findDocument } from '../documents/document-view';

/** Windows hear of both documents: the return and the new sale (the counter moves on to its next sale). */
function announced(ctx: HandlerContext, done: ExchangeDoneView): ExchangeDoneView {
  ctx.events.emit('sale.changed', done.refund);
  ctx.events.emit('sale.changed', done.sale);
  return done;
}

export const exchangeHandlers: Pick<HandlerTable, keyof typeof exchangeCalls> = {
  'exchange.preview': { access: 'cashier', handle: (input, ctx) => previewExchange(ctx, input) },
  'exchange.complete': {
    access: 'cashier',
    handle: (input, ctx) => announced(ctx, completeExchange(ctx, input, approverOf(ctx.db, input.approval, ctx.now))),
  },
  // The difference back to the card talks to the terminal: no transaction stays open around it; the
  // return's request key keeps a retry from giving back twice. A refused or unknown part leaves the
  // return open and the new sale waiting, as the view says (or the outcome-unknown error).
  'exchange.toCard': {
    access: 'cashier',
    awaitsHardware: true,
    handle: async (input, ctx) => {
      const { refundId } = beginCardBack(ctx, input);
      await runParts(ctx, refundId);
      return announced(ctx, cardBackView(ctx.db, refundId));
    },
  },
  'exchange.begin': {
    access: 'cashier',
    handle: (input, ctx) => {
      const begun = beginExchange(ctx, input, approverOf(ctx.db, input.approval, ctx.now));
      ctx.events.emit('sale.changed', documentView(ctx.db, begun.saleId));
      return begun;
    },
  },
  'exchange.ofSale': {
    access: 'cashier',
    handle: (input, ctx) => {
      findDocument(ctx.db, input.saleId);
      return saleExchange(ctx.db, input.saleId);
    },
  },
  'exchange.abandon': {
    access: 'cashier',
    handle: (input, ctx) => {
      abandonExchange(ctx, input.saleId);
      ctx.events.emit('sale.changed', documentView(ctx.db, input.saleId));
      return { saleId: input.saleId };
    },
  },
};
