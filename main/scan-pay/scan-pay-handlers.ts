import { isPracticePayment } from '../training/training';
import { practiceScanPayment } from '../training/training-payments';
import type { scanPayCalls } from '../../preload/contract/scan-pay';
import type { HandlerTable } from '../ipc/handler';
import { settlingAttempts } from './settling-attempts';

export const scanPayHandlers: Pick<HandlerTable, keyof typeof scanPayCalls> = {
  // Asynchronous like a card payment: the attempt row (not the router) guarantees that a retry
  // never sends a second payment request; the router stores the result when the provider decided.
  'scanpay.pay': {
    access: 'cashier',
    awaitsHardware: true,
    handle: (input, ctx) => {
      const practice = isPracticePayment(ctx.db, ctx.settings.registerId, ctx.actor.id, input.saleId);
      return ctx.services.paymentWatch.follow(input.saleId, 'scanpay', () =>
        practice ? practiceScanPayment(ctx, input) : ctx.services.scanPay.payments.pay(ctx.actor, input),
      );
    },
  },
  'scanpay.cancel': { access: 'cashier', handle: (input, ctx) => ctx.services.scanPay.payments.cancel(input.saleId) },
  'scanpay.attempts': { access: 'cashier', handle: (input, ctx) => ctx.services.scanPay.payments.attempts(input.saleId) },
  'scanpay.settling': {
    access: 'owner',
    handle: (_input, ctx) => settlingAttempts(ctx.db, (id) => ctx.services.scanPay.payments.progress(id)),
  },
  'scanpay.providers': { access: 'cashier', handle: (_input, ctx) => ctx.services.scanPay.providersView() },
  'scanpay.getConfig': { access: 'owner', handle: (_input, ctx) => ctx.services.scanPay.getConfig() },
  'scanpay.setConfig': {
    access: 'owner',
    handle: (input, ctx) =>
      ctx.services.scanPay.setConfig('remove' in input ? { provider: input.remove, remove: true } : input.settings, ctx.actor.id, ctx.now),
  },
};
