import type { HandlerTable } from './handler';
import { backupHandlers, refuseOnDamagedLedger } from '../backup/backup-handlers';
import { cardHandlers } from '../card/card-handlers';
import { dayCloseHandlers } from '../day-close/day-close-handlers';
import { shiftHandlers } from '../shift/shift-handlers';
import { catalogHandlers } from '../catalog/catalog-handlers';
import { printerHandlers } from '../printing/printing-handlers';
import { refundHandlers } from '../refund/refund-handlers';
import { exchangeHandlers } from '../exchange/exchange-handlers';
import { exchangeDraftHandlers } from '../exchange/exchange-draft-handlers';
import { saleHandlers } from '../sale/sale-handlers';
import { scanPayHandlers } from '../scan-pay/scan-pay-handlers';
import { paymentProgressHandlers } from '../payments/payment-handlers';
import { sessionHandlers } from '../operators/operator-handlers';
import { settingsHandlers } from '../settings/settings-handlers';
import { selfCheckHandlers } from '../self-check/self-check-handlers';
import { syncHandlers } from '../sync/sync-handlers';
import { fraudHandlers } from '../fraud/fraud-handlers';
import { reportsHandlers } from '../reports/reports-handlers';
import { auditHandlers } from '../audit/audit-handlers';
import { trainingHandlers } from '../training/training-handlers';
import { customerDisplayHandlers } from '../customer-display/customer-display-handlers';

/** Every call's handler. Typed as the full table, so a contract entry without a handler does not compile. */
export const handlers: HandlerTable = {
  // A ledger that failed its start check takes no sale and no new owner (backup-handlers.ts).
  ...refuseOnDamagedLedger(sessionHandlers, ['setup.createOwner']),
  ...catalogHandlers,
  ...refuseOnDamagedLedger(saleHandlers),
  ...settingsHandlers,
  ...printerHandlers,
  ...refuseOnDamagedLedger(cardHandlers, ['card.pay']),
  ...refuseOnDamagedLedger(refundHandlers, ['refund.withReceipt', 'refund.priceAdjustment', 'refund.withoutReceipt', 'void.sale']),
  ...refuseOnDamagedLedger(exchangeHandlers, ['exchange.complete', 'exchange.begin']),
  ...refuseOnDamagedLedger(exchangeDraftHandlers, ['exchange.keepDraft']),
  ...refuseOnDamagedLedger(scanPayHandlers, ['scanpay.pay']),
  ...paymentProgressHandlers,
  ...backupHandlers,
  // A shift being counted may still close on a damaged ledger; nothing new starts on it.
  ...refuseOnDamagedLedger(shiftHandlers, ['shift.open', 'cash.move']),
  ...refuseOnDamagedLedger(dayCloseHandlers, ['dayClose.close']),
  ...selfCheckHandlers,
  ...syncHandlers,
  ...fraudHandlers,
  ...reportsHandlers,
  ...auditHandlers,
  ...trainingHandlers,
  ...customerDisplayHandlers,
};
