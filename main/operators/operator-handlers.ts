import type { sessionCalls } from '../../preload/contract/session';
import type { HandlerContext, HandlerTable } from '../ipc/handler';
import { createOwner } from './first-run';
import { createOperator, listOperators, login, unlockOperator } from './operators';

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
      ctx.session.set(createOwner(ctx.db, input, ctx.now).id);
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
      ctx.session.logout(ctx.db, ctx.now);
      return sessionView(ctx);
    },
  },
  'operator.create': { access: 'owner', handle: (input, ctx) => createOperator(ctx.db, input, ctx.actor.id, ctx.now) },
  'operator.unlock': { access: 'supervisor', handle: (input, ctx) => unlockOperator(ctx.db, input.operatorId, ctx.actor.id, ctx.now) },
  'operator.list': { access: 'supervisor', handle: (_input, ctx) => listOperators(ctx.db, ctx.now) },
};
