import type { paymentProgressCalls } from '../../preload/contract/payment-progress';
import type { HandlerTable } from '../ipc/handler';

export const paymentProgressHandlers: Pick<HandlerTable, keyof typeof paymentProgressCalls> = {
  'payment.progress': { access: 'cashier', handle: (input, ctx) => ctx.services.paymentWatch.view(ctx.db, input.saleId) },
  'payment.giveBackProgress': { access: 'cashier', handle: (input, ctx) => ctx.services.paymentWatch.giveBackView(ctx.db, input.saleId, input.since ?? 0) },
};
