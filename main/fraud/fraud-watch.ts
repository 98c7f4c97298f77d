// The fraud watch subscribes to the journal: each watched entry is judged inside the transaction
// that appends it (no polling, nothing to catch up on), and an alert commits with its evidence.
// A rule must never stop or undo a sale: its work runs in a savepoint, and a failure rolls back
// only that, is logged, and lets the sale commit.
import { businessDayOfNewDocument, businessDayRule } from '../business-day/business-day';
import type { Db } from '../ledger/database';
import { journalFeed } from '../ledger/journal-feed';
import { rethrowStorageFailure } from '../ledger/storage-failure';
import { inTransaction } from '../ledger/transaction';
import type { JournalEvent } from '../ledger/journal-payloads';
import type { Logger } from '../log';
import { getSettings } from '../settings/settings';
import { sql } from '../ledger/statements';
import { raiseAlert } from './fraud-alerts';
import { documentFigures } from '../documents/document-entry';
import { factOf, isTraining, WATCHED_KINDS, type WatchedKind } from './fraud-facts';
import { evaluate } from './fraud-rules';
import { getThresholds } from './fraud-settings';
import { catchUpFacts, creditSpentInExchange, LedgerHistory, operatorOfIntent, pruneFacts, recordFact } from './ledger-history';

function lastClosedDay(db: Db, registerId: string): string | null {
  return (
    (sql(db, 'SELECT business_day FROM z_reports WHERE register_id = ? ORDER BY z_no DESC LIMIT 1').get(registerId) as { business_day: string } | undefined)
      ?.business_day ?? null
  );
}

/** Judges one entry and raises what it completes; returns the new alerts' ids. */
export function judge(db: Db, event: JournalEvent<WatchedKind>): number[] {
  if (isTraining(event)) return [];
  const thresholds = getThresholds(db);
  const fact = factOf(
    event,
    (id) => operatorOfIntent(db, id),
    (id) => documentFigures(db, id),
    (id) => creditSpentInExchange(db, id),
  );
  recordFact(db, fact);
  // Settings are read only by the rules that need them: most sales need none.
  let settings: ReturnType<typeof getSettings> | null = null;
  const store = () => (settings ??= getSettings(db));
  const drafts = evaluate(fact, {
    thresholds,
    history: new LedgerHistory(db),
    get registerId() {
      return store().registerId;
    },
    get timeZone() {
      return store().timeZone;
    },
    businessDayOf: (at) => businessDayOfNewDocument(at, businessDayRule(store()), lastClosedDay(db, store().registerId)),
  });
  return drafts.map((d) => raiseAlert(db, d));
}

/**
 * How often a running register drops the facts no rule looks back to: a register runs for
 * months without a restart, and its facts table would otherwise grow by a row per sale for good.
 */
const PRUNE_EVERY_MS = 3600_000;

/** Subscribes the watch to the ledger's feed; returns the unsubscribe. */
export function subscribeFraudWatch(db: Db, log: Logger, now: number): () => void {
  try {
    catchUpFacts(db, now);
  } catch (error) {
    log.error('fraud watch could not catch up with the journal', error);
  }
  let prunedAt = now;
  const feed = journalFeed(db);
  const stops = WATCHED_KINDS.map((kind) =>
    feed.subscribe(kind, (event) => {
      try {
        // The connection's one transaction runner (a savepoint here, inside the entry's
        // transaction) rather than db.transaction(), which builds its wrappers anew on each call.
        inTransaction(db, () => {
          if (event.at - prunedAt >= PRUNE_EVERY_MS) {
            pruneFacts(db, event.at);
            prunedAt = event.at;
          }
          judge(db, event);
        });
      } catch (error) {
        // A full disk may have ended the sale's own transaction: going on would commit the rest of it piecemeal.
        rethrowStorageFailure(error);
        log.error(`fraud watch could not judge journal entry ${event.seq} (${event.kind})`, error);
      }
    }),
  );
  return () => stops.forEach((stop) => stop());
}
