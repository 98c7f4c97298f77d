import type { sessionCalls } from '../../preload/contract/session';
import type { HandlerContext, HandlerTable } from '../ipc/handler';
import { createOwner } from './first-run';
import { createOperator, listOperators, login, unlockOperator } from './operators';
import { resetOperatorPin, setOperatorActive, setOperatorRole } from './operator-admin';
import { issueBadge, loginByBadge, loginByNumber, revokeBadge } from './badges';
import { buildBadgeDocument } from '../printing/badge-document';

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
  'session.loginNumber': {
    access: 'public',
    handle: (input, ctx) => {
      const outcome = loginByNumber(ctx.db, input.number, input.pin, ctx.now);
      if (!outcome.ok) throw outcome.error;
      ctx.session.set(outcome.operator.id);
      return sessionView(ctx);
    },
  },
  'session.loginBadge': {
    access: 'public',
    handle: (input, ctx) => {
      const { operatorId, loggedIn } = loginByBadge(ctx.db, input, ctx.settings.badgeOnlyForCashiers, ctx.now);
      if (!loggedIn) return { operatorId, pinRequired: true, session: null };
      ctx.session.set(operatorId);
      return { operatorId, pinRequired: false, session: sessionView(ctx) };
    },
  },
  'session.logout': {
    access: 'public',
    handle: (_input, ctx) => {
      // One transaction: what the journal's subscribers add (a cart left on the counter) commits with the logout.
      ctx.db.transaction(() => ctx.session.logout(ctx.db, ctx.now))();
      return sessionView(ctx);
    },
  },
  'operator.create': { access: 'owner', handle: (input, ctx) => createOperator(ctx.db, input, ctx.actor.id, ctx.now) },
  'operator.unlock': { access: 'supervisor', handle: (input, ctx) => unlockOperator(ctx.db, input.operatorId, ctx.actor.id, ctx.now) },
  'operator.list': { access: 'supervisor', handle: (_input, ctx) => listOperators(ctx.db, ctx.now, true) },
  'operator.setActive': { access: 'owner', handle: (input, ctx) => setOperatorActive(ctx.db, input, ctx.actor.id, ctx.now) },
  'operator.resetPin': { access: 'owner', handle: (input, ctx) => resetOperatorPin(ctx.db, input, ctx.actor.id, ctx.now) },
  'operator.setRole': { access: 'owner', handle: (input, ctx) => setOperatorRole(ctx.db, input, ctx.actor.id, ctx.now) },
  'operator.issueBadge': {
    access: 'owner',
    handle: async (input, ctx) => {
      const { operator, code } = issueBadge(ctx.db, input.operatorId, ctx.actor.id, ctx.now);
      if (!input.print) return { operator, code, printed: false, printError: null };
      const doc = buildBadgeDocument({
        storeName: ctx.settings.storeName,
        name: operator.name,
        number: operator.number,
        role: operator.role,
        code,
        locale: ctx.settings.storeLocale,
      });
      const outcome = await ctx.services.printer.printNow(doc);
      return { operator, code, printed: outcome.printed, printError: outcome.printed ? null : outcome.code };
    },
  },
  'operator.revokeBadge': { access: 'supervisor', handle: (input, ctx) => revokeBadge(ctx.db, input.operatorId, ctx.actor.id, ctx.now) },
};
