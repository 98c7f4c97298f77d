import type { exchangeCalls } from '../../preload/contract/exchange';
import type { ExchangeDoneView } from '../../preload/contract/views';
import type { HandlerContext, HandlerTable } from '../ipc/handler';
import { approverOf } from '../operators/approval';
import { documentView } from '../documents/document-view';
import { completeExchange, previewExchange } from './exchange';
import { abandonExchange, beginExchange } from './pending-exchange';
import { saleExchange } from './sale-exchange';
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
