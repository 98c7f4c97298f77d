import type { shiftCalls } from '../../preload/contract/shift';
import type { HandlerContext, HandlerTable } from '../ipc/handler';
import { moveCash } from './cash-movements';
import { liveShift, shiftView } from './shift-rows';
import { openShift, shiftState } from './shifts';
import { closeShift, countShift } from './shift-count';

/** Every window hears that the drawer's shift changed (what anyone may see: no expected cash). */
function announce<T>(ctx: HandlerContext, result: T): T {
  const live = liveShift(ctx.db, ctx.settings.registerId);
  ctx.events.emit('shift.changed', live ? shiftView(ctx.db, live) : null);
  return result;
}

export const shiftHandlers: Pick<HandlerTable, keyof typeof shiftCalls> = {
  'shift.current': { access: 'cashier', handle: (_input, ctx) => shiftState(ctx) },
  'shift.open': { access: 'cashier', handle: (input, ctx) => announce(ctx, openShift(ctx, input.float)) },
  // The drawer kick and the slip follow the `cash.moved` journal entry (printing/printer-runtime.ts).
  'cash.move': { access: 'cashier', handle: (input, ctx) => announce(ctx, moveCash(ctx, input)) },
  'shift.count': { access: 'cashier', handle: (input, ctx) => announce(ctx, countShift(ctx, input.shiftId, input.counts)) },
  'shift.close': { access: 'cashier', handle: (input, ctx) => announce(ctx, closeShift(ctx, input.shiftId)) },
};
