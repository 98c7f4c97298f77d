import type { HandlerTable } from '../handler';
import { cardHandlers } from './card';
import { catalogHandlers } from './catalog';
import { printerHandlers } from './printer';
import { saleHandlers } from './sale';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';

/** Every call's handler. Typed as the full table, so a contract entry without a handler does not compile. */
export const handlers: HandlerTable = {
  ...sessionHandlers,
  ...catalogHandlers,
  ...saleHandlers,
  ...settingsHandlers,
  ...printerHandlers,
  ...cardHandlers,
};
