import type { sessionCalls } from '../../preload/contract/session';
import { createOperator, listOperators, login, operatorCount, unlockOperator } from './operators';
import { ServiceError } from '../common/service-error';
import { updateSettings } from '../settings/settings';
import { appendJournal } from '../ledger/journal';
import type { HandlerContext, HandlerTable } from '../ipc/handler';

function sessionView(ctx: HandlerContext) {
  const view = ctx.session.view(ctx.db, ctx.now);
  ctx.events.emit('session.changed', view);
  return view;
}

export const sessionHandlers: Pick<HandlerTable, keyof typeof sessionCalls> = {
  'session.current': { access: 'public', handle: (_input, ctx) => ctx.session.view(ctx.db, ctx.now) },
  'setup.createOwner': {
    access: 'setup',
    handle: (input, ctx) => {
      const owner = ctx.db.transaction(() => {
        // Checked again inside the transaction: two first-run windows must not both create an owner.
        if (operatorCount(ctx.db) > 0) throw new ServiceError('setup.already_done');
        const created = createOperator(ctx.db, { name: input.name, pin: input.pin, role: 'owner' }, null, ctx.now);
        const patch = { ...(input.storeName ? { storeName: input.storeName } : {}), ...(input.storeLocale ? { storeLocale: input.storeLocale } : {}) };
        if (Object.keys(patch).length > 0) updateSettings(ctx.db, patch, created.id);
        return created;
      })();
      ctx.session.set(owner.id);
      return sessionView(ctx);
    },
  },
  'session.operators': { access: 'public', handle: (_input, ctx) => listOperators(ctx.db, ctx.now) },
  'session.login': {
    access: 'public',
    handle: (input, ctx) => {
      const outcome = login(ctx.db, input.operatorId, input.pin, ctx.now);
      if (!outcome.ok) throw outcome.error;
      ctx.session.set(outcome.operator.id);
      return sessionView(ctx);
    },
  },
  'session.logout': {
    access: 'public',
    handle: (_input, ctx) => {
      const who = ctx.session.loggedIn();
      if (who !== null) appendJournal(ctx.db, 'session.logout', { operatorId: who }, ctx.now);
      ctx.session.set(null);
      return sessionView(ctx);
    },
  },
  'operator.create': { access: 'owner', handle: (input, ctx) => createOperator(ctx.db, input, ctx.actor.id, ctx.now) },
  'operator.unlock': { access: 'supervisor', handle: (input, ctx) => unlockOperator(ctx.db, input.operatorId, ctx.actor.id, ctx.now) },
  'operator.list': { access: 'supervisor', handle: (_input, ctx) => listOperators(ctx.db, ctx.now) },
};
