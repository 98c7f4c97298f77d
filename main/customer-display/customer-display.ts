// The customer-facing display's view, read from the ledger each time (nothing to keep in step):
// the register's open sale while it has items, a completed sale's total and change right after,
// otherwise the store's name; in the receipt's language to start with (the customer may pick
// another on the display), with the catalog's names of each line for it. It follows the sale through the event bus and says so as
// `display.changed`, an event the display's read-only connection is allowed to hear.
import type { CustomerDisplayView } from '../../preload/contract/customer-display-views';
import type { DocumentView } from '../../preload/contract/views';
import type { EventBus } from '../common/event-bus';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { documentView } from '../documents/document-view';
import { openDocumentId } from '../documents/document-rows';
import { openAttemptFor } from '../scan-pay/scan-attempts';
import { getSettings } from '../settings/settings';
import { receiptLocaleOf } from '../hardware/printer/receipt-model';

/** How long the thank-you stays up after a sale completes when no new item follows. */
export const THANK_YOU_MS = 60_000;

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
    };
  }
  const last = sql(
    db,
    "SELECT id FROM documents WHERE register_id = ? AND kind = 'sale' AND status = 'completed' AND completed_at >= ? ORDER BY completed_at DESC LIMIT 1",
  ).get(settings.registerId, now - THANK_YOU_MS) as { id: string } | undefined;
  if (last) {
    const done = documentView(db, last.id, settings.cashRoundingStepMinor);
    return {
      ...base,
      state: 'done',
      training: done.training,
      lines: linesOf(done),
      ...discountsOf(done),
      totalMinor: done.totals.totalMinor + done.roundingMinor,
      changeMinor: done.changeMinor,
      completedAt: done.completedAt,
    };
  }
  return { ...base, state: 'idle' };
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
