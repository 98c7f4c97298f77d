import type { backupCalls } from '../../preload/contract/backup';
import { ServiceError } from '../common/service-error';
import type { Handler, HandlerContext, HandlerTable } from '../ipc/handler';

function afterRestore(ctx: HandlerContext): void {
  // The restored ledger has its own operators: whoever was logged in starts again at the login screen.
  ctx.session.set(null);
  ctx.events.emit('session.changed', ctx.session.view(ctx.services.backup.db(), ctx.now));
  ctx.services.backup.publishStatus();
}

export const backupHandlers: Pick<HandlerTable, keyof typeof backupCalls> = {
  'backup.status': { access: 'cashier', handle: (_input, ctx) => ctx.services.backup.status() },
  'backup.getConfig': { access: 'owner', handle: (_input, ctx) => ctx.services.backup.getConfig() },
  'backup.setConfig': {
    access: 'owner',
    handle: (input, ctx) =>
      ctx.services.backup.setConfig({ folder: input.folder ?? null, scheduleAt: input.scheduleAt ?? null, keep: input.keep }, ctx.actor.id),
  },
  'backup.run': { access: 'owner', handle: (input, ctx) => ctx.services.backup.run(input, 'manual', ctx.actor.id) },
  'backup.list': { access: 'owner', handle: (input, ctx) => ctx.services.backup.list(input.folder) },
  'backup.verify': { access: 'owner', handle: (input, ctx) => ctx.services.backup.verify(input.file) },
  'backup.restore': {
    access: 'owner',
    handle: async (input, ctx) => {
      const restored = await ctx.services.backup.restore(input.file, input.asMove ?? false, ctx.actor.id);
      afterRestore(ctx);
      return restored;
    },
  },
  'setup.verifyBackup': { access: 'setup', handle: (input, ctx) => ctx.services.backup.verify(input.file) },
  'setup.restoreBackup': {
    access: 'setup',
    handle: async (input, ctx) => {
      const restored = await ctx.services.backup.restore(input.file, input.asMove ?? false, null);
      afterRestore(ctx);
      return restored;
    },
  },
  'ledger.selfCheck': { access: 'public', handle: (_input, ctx) => ctx.services.backup.ledgerCheck() },
  'ledger.fullCheck': { access: 'supervisor', handle: (_input, ctx) => ctx.services.backup.fullCheck() },
};

/**
 * Selling (and creating the first owner) waits on a ledger that passed its checks: a register whose
 * ledger is damaged refuses, says why, and offers a restore instead of adding to a broken book.
 */
export function refuseOnDamagedLedger<T extends Partial<HandlerTable>>(table: T, only?: readonly (keyof T)[]): T {
  const guarded: Partial<HandlerTable> = {};
  for (const [name, handler] of Object.entries(table) as [keyof HandlerTable, Handler<keyof HandlerTable>][]) {
    if (only && !only.includes(name)) {
      (guarded as Record<string, unknown>)[name] = handler;
      continue;
    }
    (guarded as Record<string, unknown>)[name] = {
      ...handler,
      handle: (input: never, ctx: HandlerContext) => {
        const check = ctx.services.backup.ledgerCheck();
        if (!check.ok) throw new ServiceError('ledger.damaged', { problem: check.problem, seq: check.seq });
        return handler.handle(input, ctx);
      },
    };
  }
  return guarded as T;
}
