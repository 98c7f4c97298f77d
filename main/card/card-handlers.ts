import type { cardCalls } from '../../preload/contract/card';
import { checkedTerminalConfig } from './terminal-config';
import type { HandlerTable } from '../ipc/handler';
import { ServiceError } from '../common/service-error';
import { openAttemptFor } from '../scan-pay/scan-attempts';
import { isPracticePayment } from '../training/training';
import { practiceCardPayment } from '../training/training-payments';

export const cardHandlers: Pick<HandlerTable, keyof typeof cardCalls> = {
  // Asynchronous: the router stores the result when the terminal has answered; the intent
  // journal (not the router) guarantees that a retry never sends a second authorization.
  'card.pay': {
    access: 'cashier',
    awaitsHardware: true,
    handle: (input, ctx) => {
      // A scanned payment code the provider has not settled yet may have taken the money already.
      const scanning = openAttemptFor(ctx.db, input.saleId);
      if (scanning) throw new ServiceError('scanpay.attempt_unresolved', { attemptId: scanning.id });
      const practice = isPracticePayment(ctx.db, ctx.settings.registerId, ctx.actor.id, input.saleId);
      return ctx.services.paymentWatch.follow(input.saleId, 'card', () =>
        practice ? practiceCardPayment(ctx, input.saleId, input.amountMinor) : ctx.services.terminal.payments.pay(ctx, input),
      );
    },
  },
  'card.abort': { access: 'cashier', handle: (input, ctx) => ctx.services.terminal.payments.abort(input.saleId) },
  'card.confirmSignature': { access: 'cashier', handle: (input, ctx) => ctx.services.terminal.payments.confirmSignature(ctx.actor, input.saleId, ctx.now) },
  'card.unresolved': { access: 'supervisor', handle: (_input, ctx) => ctx.services.terminal.payments.unresolved() },
  'card.resolve': { access: 'supervisor', handle: (input, ctx) => ctx.services.terminal.payments.resolve(ctx.actor, input) },
  'terminal.getConfig': { access: 'owner', handle: (_input, ctx) => ctx.services.terminal.getConfig() },
  'terminal.setConfig': {
    access: 'owner',
    handle: (input, ctx) => ctx.services.terminal.setConfig(checkedTerminalConfig(input.config, ctx.services.platform), ctx.actor.id, ctx.now),
  },
  'terminal.endOfDay': { access: 'supervisor', handle: (_input, ctx) => ctx.services.terminal.endOfDay(ctx.actor.id, ctx.now) },
  'terminal.batches': { access: 'supervisor', handle: (input, ctx) => ctx.services.terminal.batches(input.businessDay) },
};
