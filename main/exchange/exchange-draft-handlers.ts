import type { exchangeDraftCalls } from '../../preload/contract/exchange-draft';
import type { HandlerContext, HandlerTable } from '../ipc/handler';
import { findDocument } from '../documents/document-rows';
import { dropExchangeDraft, exchangeDraftOf, keepExchangeDraft } from './exchange-draft-store';

/** Every window showing the sale hears that its exchange was kept or left, and asks again. */
function announced<T>(ctx: HandlerContext, saleId: string, value: T): T {
  ctx.events.emit('exchange.draftChanged', { saleId });
  return value;
}

export const exchangeDraftHandlers: Pick<HandlerTable, keyof typeof exchangeDraftCalls> = {
  'exchange.keepDraft': { access: 'cashier', handle: (input, ctx) => announced(ctx, input.saleId, keepExchangeDraft(ctx, input)) },
  'exchange.dropDraft': {
    access: 'cashier',
    handle: (input, ctx) => {
      findDocument(ctx.db, input.saleId);
      dropExchangeDraft(ctx.db, input.saleId);
      return announced(ctx, input.saleId, { saleId: input.saleId });
    },
  },
  'exchange.draftOf': {
    access: 'cashier',
    handle: (input, ctx) => {
      findDocument(ctx.db, input.saleId);
      return exchangeDraftOf(ctx.db, input.saleId);
    },
  },
};
