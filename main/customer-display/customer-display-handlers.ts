import type { customerDisplayCalls } from '../../preload/contract/customer-display';
import type { HandlerTable } from '../ipc/handler';
import { customerDisplayView } from './customer-display';

export const customerDisplayHandlers: Pick<HandlerTable, keyof typeof customerDisplayCalls> = {
  // Public: the display has no operator, and it shows only what the customer sees at the counter anyway.
  'display.current': { access: 'public', handle: (_input, ctx) => customerDisplayView(ctx.db, ctx.now) },
};
