import type { HandlerTable } from './handler';
import { cardHandlers } from '../card/card-handlers';
import { catalogHandlers } from '../catalog/catalog-handlers';
import { printerHandlers } from '../printing/printing-handlers';
import { refundHandlers } from '../refund/refund-handlers';
import { saleHandlers } from '../sale/sale-handlers';
import { scanPayHandlers } from '../scan-pay/scan-pay-handlers';
import { sessionHandlers } from '../operators/operator-handlers';
import { settingsHandlers } from '../settings/settings-handlers';
import { syncHandlers } from '../sync/sync-handlers';

/** Every call's handler. Typed as the full table, so a contract entry without a handler does not compile. */
export const handlers: HandlerTable = {
  ...sessionHandlers,
  ...catalogHandlers,
  ...saleHandlers,
  ...settingsHandlers,
  ...printerHandlers,
  ...cardHandlers,
  ...refundHandlers,
  ...scanPayHandlers,
  ...syncHandlers,
};
