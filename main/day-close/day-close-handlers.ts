import type { dayCloseCalls } from '../../preload/contract/day-close';
import type { HandlerContext, HandlerTable } from '../ipc/handler';
import { closeDay, printX, reprintZ } from './day-close';
import { dayCloseStatus } from './day-close-status';
import { xReport } from './x-report';
import { listZ, summary, zByNo } from './z-store';

function terminalOf(ctx: HandlerContext) {
  return {
    configured: () => ctx.services.terminal.inUse(),
    endOfDay: () => ctx.services.terminal.endOfDay(ctx.actor.id, ctx.now),
  };
}

/** Paper was queued: the printer looks at its queue now. */
function printed<T>(ctx: HandlerContext, job: T): T {
  ctx.services.printer.kick();
  return job;
}

// X and Z show the expected cash of shifts still open, so a cashier never sees them: the count is blind.
export const dayCloseHandlers: Pick<HandlerTable, keyof typeof dayCloseCalls> = {
  'report.x': { access: 'supervisor', handle: (input, ctx) => xReport(ctx, input.scope) },
  'report.printX': { access: 'supervisor', handle: (input, ctx) => printed(ctx, printX(ctx, input.scope)) },
  'dayClose.status': { access: 'supervisor', handle: (_input, ctx) => dayCloseStatus(ctx, ctx.services.terminal.inUse()) },
  // Talks to the terminal, so the router holds no transaction around it; the Z is its own transaction.
  'dayClose.close': {
    access: 'supervisor',
    awaitsHardware: true,
    handle: async (input, ctx) => {
      const z = await closeDay(ctx, input, terminalOf(ctx));
      ctx.events.emit('shift.changed', null);
      ctx.services.printer.kick();
      // The closed day leaves the machine: a backup of every day since the last bundle, in the
      // background (its worker never holds the till up). Its outcome is the backup status, as a
      // scheduled one's is; a shop that chose no folder is not nagged here.
      if (ctx.services.backup.getConfig().folder) {
        void ctx.services.backup.runAutomatic('day_close').catch(() => undefined); // recorded in the backup status
      }
      return z;
    },
  },
  'zReport.list': { access: 'supervisor', handle: (input, ctx) => listZ(ctx.db, ctx.settings.registerId, input.limit ?? 100) },
  'zReport.get': { access: 'supervisor', handle: (input, ctx) => zByNo(ctx.db, ctx.settings.registerId, input.zNo) },
  'zReport.reprint': { access: 'supervisor', handle: (input, ctx) => printed(ctx, reprintZ(ctx, input.zNo)) },
  'report.summary': { access: 'supervisor', handle: (input, ctx) => summary(ctx.db, ctx.settings.registerId, input.from, input.to) },
};
