// What the journal sends to paper: receipts of completed sales, refunds and voids; a slip (and
// the drawer) for cash moved in or out; the Z report. Each is queued inside the transaction of
// the event that asks for it, so the paper commits with the event and is never lost.
import type { PrinterConfigView } from '../../preload/contract/printer';
import type { Db } from '../ledger/database';
import { journalFeed } from '../ledger/journal-feed';
import { rethrowStorageFailure } from '../ledger/storage-failure';
import type { Logger } from '../log';
import { paperTimeZone } from './printer-config';
import { enqueueDrawer, enqueueReport, enqueueSale } from './print-jobs';
import { getMovement } from '../shift/shift-rows';
import { cashSlip } from '../shift/cash-slip';
import { zById } from '../day-close/z-store';
import { zReportPaper } from '../day-close/report-paper';
import { getSettings } from '../settings/settings';
import { saleOpensDrawer } from './receipt-output';

export interface PaperQueueDeps {
  db: Db;
  log: Logger;
  clock: () => number;
  config: () => PrinterConfigView;
  /** New jobs were committed: the printer should look at its queue. */
  kick: () => void;
}

/** Subscribes the paper to the journal; returns the unsubscribe. */
export function queuePaperFromJournal(deps: PaperQueueDeps): () => void {
  // From the first document on, whether or not the worker runs yet: a receipt is queued, never lost.
  // Refunds and voids print too, and open the drawer when cash goes back.
  const feed = journalFeed(deps.db);
  const stops = (['sale.completed', 'refund.completed', 'void.completed'] as const).map((kind) =>
    feed.subscribe(kind, (entry) => queueReceipt(deps, entry.data.saleId)),
  );
  // Cash in or out opens the drawer and prints a slip; a Z prints itself. Both inside their transactions.
  stops.push(
    feed.subscribe('cash.moved', (entry) =>
      queuePaper(deps, `cash movement ${entry.data.movementId}`, (config) => {
        enqueueDrawer(deps.db, `cash:${entry.data.movementId}`, entry.data.operatorId, deps.clock());
        const slip = cashSlip(
          getMovement(deps.db, entry.data.movementId),
          entry.data.registerId,
          getSettings(deps.db),
          paperTimeZone(config, getSettings(deps.db)),
        );
        enqueueReport(deps.db, slip, `cash:${entry.data.movementId}`, 0, entry.data.operatorId, deps.clock());
      }),
    ),
    feed.subscribe('day.closed', (entry) =>
      queuePaper(deps, `Z ${entry.data.zNo}`, (config) => {
        const paper = zReportPaper(zById(deps.db, entry.data.zId), getSettings(deps.db), paperTimeZone(config, getSettings(deps.db)), null);
        enqueueReport(deps.db, paper, `z:${entry.data.zNo}`, 0, entry.data.operatorId, deps.clock());
      }),
    ),
  );
  return () => stops.forEach((stop) => stop());
}

/**
 * Subscribed to `sale.completed`, so it runs inside the completing sale's transaction: the drawer
 * kick and the receipt commit with the sale. Printer settings or layout problems only cost the
 * paper, never the sale, so nothing here may throw.
 */
function queueReceipt(deps: PaperQueueDeps, saleId: string): void {
  let drawer: boolean;
  try {
    const config = deps.config();
    if (!config.enabled) return;
    drawer = saleOpensDrawer(deps.db, saleId);
  } catch (error) {
    rethrowStorageFailure(error);
    deps.log.error(`receipt for sale ${saleId} not queued`, error);
    return;
  }
  enqueueSale(deps.db, saleId, drawer, null, deps.clock());
  deps.kick();
}

/** Like a receipt: paper for a journalled event, queued in its transaction, never at the cost of the event. */
function queuePaper(deps: PaperQueueDeps, what: string, queue: (config: PrinterConfigView) => void): void {
  try {
    const config = deps.config();
    if (!config.enabled) return;
    queue(config);
  } catch (error) {
    // A full disk has already rolled the event's transaction back: carrying on would commit the rest of it piecemeal.
    rethrowStorageFailure(error);
    deps.log.error(`paper for ${what} not queued`, error);
    return;
  }
  deps.kick();
}
