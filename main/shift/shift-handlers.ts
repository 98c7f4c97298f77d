import type { shiftCalls } from '../../preload/contract/shift';
import type { ShiftCountResultView } from '../../preload/contract/shift-views';
import type { HandlerContext, HandlerTable } from '../ipc/handler';
import { getPrinterConfig } from '../printing/printer-config';
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

/**
 * A cashier's count stays blind until the shift is closed: the expected cash and the over/short
 * are left out of what a cashier is answered while the shift is counting, so the one recount is
 * blind too. Supervisors and owners see both; after the close anyone does (the shift report).
 */
function forCaller(ctx: HandlerContext, result: ShiftCountResultView): ShiftCountResultView {
  if (ctx.actor.role !== 'cashier' || result.shift.state !== 'counting') return result;
  return { ...result, expected: null, differenceMinor: null };
}

export const shiftHandlers: Pick<HandlerTable, keyof typeof shiftCalls> = {
  'shift.current': {
    access: 'cashier',
    handle: (_input, ctx) => {
      const state = shiftState(ctx);
      return state.closing ? { ...state, closing: forCaller(ctx, state.closing) } : state;
    },
  },
  'shift.open': { access: 'cashier', handle: (input, ctx) => announce(ctx, openShift(ctx, input.float)) },
  // The drawer kick and the slip follow the `cash.moved` journal entry (printing/paper-queue.ts),
  // where a printer is set up; the answer says which, so the screen never claims a drawer opened.
  'cash.move': {
    access: 'cashier',
    handle: (input, ctx) => {
      const moved = moveCash(ctx, input);
      return announce(ctx, { ...moved, drawer: getPrinterConfig(ctx.db).enabled ? 'queued' : 'no_printer' });
    },
  },
  'shift.count': { access: 'cashier', handle: (input, ctx) => announce(ctx, forCaller(ctx, countShift(ctx, input.shiftId, input.counts))) },
  'shift.close': { access: 'cashier', handle: (input, ctx) => announce(ctx, closeShift(ctx, input.shiftId)) },
};
