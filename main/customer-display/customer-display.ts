// The customer-facing display's view, read from the ledger each time (nothing to keep in step):
// the register's open sale while it has items, a completed sale's total and change right after,
// otherwise the store's name; in the receipt's language to start with (the customer may pick
// another on the display), with the catalog's names of each line for it. It follows the sale through the event bus and says so as
// `display.changed`, an event the display's read-only connection is allowed to hear.
import type { CustomerDisplayView } from '../../preload/contract/customer-display-views';
import type { DocumentView } from '../../preload/contract/views';
import type { EventBus } from '../common/event-bus';
import type { Db } from '../ledger/database';
import { documentView } from '../documents/document-view';
import { openDocumentId } from '../documents/document-rows';
import { openAttemptFor } from '../scan-pay/scan-attempts';
import { getSettings } from '../settings/settings';
import { receiptLocaleOf } from '../hardware/printer/receipt-model';
import { cardWaiting, displayMoment, noteCorrectionStarted, paymentsOf } from './display-moments';

export { THANK_YOU_MS } from './display-moments';

function linesOf(sale: DocumentView): CustomerDisplayView['lines'] {
  return sale.lines.map((l) => ({
    name: l.name,
    names: l.names,
    qtyMilli: l.qtyMilli,
    soldByWeight: l.soldByWeight,
    unitPriceMinor: l.unitPriceMinor,
    lineDiscountMinor: l.lineDiscountMinor,
    discount: l.discount,
    amountMinor: l.grossMinor - l.lineDiscountMinor,
    totalMinor: l.totalMinor,
  }));
}

/** The sale's 小计 and order discount, as the receipt prints them (printer/receipt-model.ts). */
function discountsOf(sale: DocumentView): Pick<CustomerDisplayView, 'subtotalMinor' | 'orderDiscountMinor' | 'orderDiscount'> {
  const lineDiscounts = sale.lines.reduce((s, l) => s + l.lineDiscountMinor, 0);
  return {
    subtotalMinor: sale.totals.grossMinor - lineDiscounts,
    orderDiscountMinor: sale.lines.reduce((s, l) => s + l.orderDiscountMinor, 0),
    orderDiscount: sale.orderDiscount,
  };
}

export function customerDisplayView(db: Db, now: number): CustomerDisplayView {
  const settings = getSettings(db);
  const base = {
    storeName: settings.storeName,
    storeLocale: settings.storeLocale,
    // The display faces the customer, as the receipt does: a shop printing receipts in English for
    // its customers expects their screen in English too.
    customerLocale: receiptLocaleOf(settings),
    currency: settings.currency,
    training: false,
    lines: [],
    subtotalMinor: 0,
    orderDiscountMinor: 0,
    orderDiscount: null,
    totalMinor: 0,
    dueMinor: 0,
    changeMinor: 0,
    scanPayAmountMinor: null,
    completedAt: null,
    cardWaiting: false,
    payments: [],
    correction: null,
  };
  const openId = openDocumentId(db, settings.registerId, 'sale');
  const open = openId === null ? null : documentView(db, openId, settings.cashRoundingStepMinor);
  if (open && open.lines.length > 0) {
    const attempt = openAttemptFor(db, open.id);
    return {
      ...base,
      state: attempt ? 'paying' : 'sale',
      training: open.training,
      lines: linesOf(open),
      ...discountsOf(open),
      totalMinor: open.totals.totalMinor,
      // In cash, the rounded amount: what the cashier asks for is what the customer reads.
      dueMinor: open.cashDueMinor,
      scanPayAmountMinor: attempt ? attempt.amount_minor : null,
      cardWaiting: cardWaiting(db, open.id),
    };
  }
  const moment = displayMoment(db, settings.registerId, now);
  if (moment.kind === 'idle') return { ...base, state: 'idle' };
  const doc = documentView(db, moment.id, settings.cashRoundingStepMinor);
  const shown = {
    ...base,
    training: doc.training,
    lines: linesOf(doc),
    ...discountsOf(doc),
    totalMinor: doc.totals.totalMinor + doc.roundingMinor,
    changeMinor: doc.changeMinor,
    completedAt: doc.completedAt,
    payments: paymentsOf(doc),
  };
  if (moment.kind === 'done') return { ...shown, state: 'done' };
  // A return: the goods and the money going back, and where to; the thank-you once it is all back.
  const kind = doc.kind === 'void' ? 'void' : 'refund';
  return { ...shown, state: 'return', cardWaiting: !moment.done && cardWaiting(db, doc.id), correction: { kind, done: moment.done } };
}

/** The cashier started a correction: the display leaves the last customer's sale for the welcome screen. */
export function correctionStartedForDisplay(events: EventBus, db: Db, now: number): void {
  noteCorrectionStarted(db, now);
  events.emit('display.changed', customerDisplayView(db, now));
}

/**
 * Tells the displays whenever the sale or its payment moves: once per turn of the event loop,
 * after the call that moved it has answered, so the cashier's window never waits for the display.
 */
export function followSalesForDisplay(events: EventBus, db: () => Db, clock: () => number): () => void {
  let queued = false;
  return events.subscribe((event) => {
    if ((event !== 'sale.changed' && event !== 'payment.step') || queued) return;
    queued = true;
    setImmediate(() => {
      queued = false;
      try {
        events.emit('display.changed', customerDisplayView(db(), clock()));
      } catch {
        // No ledger for a moment (a restore is swapping it): the next change tells the display.
      }
    });
  });
}
