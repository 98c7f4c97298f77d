// A refund or void with a card part waits, open, for the terminal. When the card part is settled
// (by the terminal, by recovery after a crash, or by a supervisor) the card domain journals it;
// these subscribers finish the correction in that same transaction: completed when the money went
// back to the card (the last of its parts, when it has several), cancelled when it did not and
// nothing else went back. So a correction is never completed without its card parts, and a
// refusal after a part went back leaves it open for the cashier, never silently undone.
import { findDocument } from '../documents/document-rows';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { journalFeed } from '../ledger/journal-feed';
import { sql } from '../ledger/statements';
import { anyPartBack, completeCorrection, completeIfAllBack, goesPartByPart, planParts } from './correction-parts';

function openCorrection(db: Db, documentId: string) {
  const doc = findDocument(db, documentId);
  return doc.status === 'open' && (doc.kind === 'refund' || doc.kind === 'void') ? doc : null;
}

export function finishCorrection(db: Db, documentId: string, now: number): void {
  const doc = openCorrection(db, documentId);
  if (!doc) return;
  // Several parts: complete only once the last of them has gone back.
  if (goesPartByPart(planParts(db, documentId))) {
    completeIfAllBack(db, documentId, now);
    return;
  }
  completeCorrection(db, documentId, doc.operator_id, now);
}

/**
 * The correction ended with nothing given back: cancelled, and on record with what refused it (the
 * card intent, or the payment-code refund the provider refused) and why. A refusal after another
 * part went back changes nothing: the correction waits, open, for the cashier.
 */
export function cancelCorrection(
  db: Db,
  documentId: string,
  refused: { intentId: number | null; scanRefundId?: number; reason: string | null },
  now: number,
): void {
  const doc = openCorrection(db, documentId);
  if (!doc) return;
  const parts = planParts(db, documentId);
  if (parts && anyPartBack(db, documentId, parts)) return;
  // An exchange's return giving its difference back to the card: the new goods wait with it, and
  // the cashier retries, gives the difference in cash, or abandons the exchange (which cancels both).
  if (sql(db, 'SELECT 1 FROM exchanges WHERE refund_document_id = ?').get(documentId) !== undefined) return;
  sql(db, "UPDATE documents SET status = 'cancelled' WHERE id = ?").run(documentId);
  appendJournal(
    db,
    'refund.cancelled',
    {
      documentId,
      kind: doc.kind as 'refund' | 'void',
      originalDocumentId: doc.original_document_id,
      intentId: refused.intentId,
      ...(refused.scanRefundId === undefined ? {} : { scanRefundId: refused.scanRefundId }),
      reason: refused.reason,
    },
    now,
  );
}

/** Subscribes the refund domain to the card domain's outcomes; returns the unsubscribe. */
export function subscribeCorrections(db: Db): () => void {
  const feed = journalFeed(db);
  const stops = [
    feed.subscribe('card.approved', (e) => finishCorrection(db, e.data.saleId, e.at)),
    ...(['card.declined', 'card.aborted', 'card.failed'] as const).map((kind) =>
      feed.subscribe(kind, (e) => cancelCorrection(db, e.data.saleId, { intentId: e.data.intentId, reason: e.data.reason }, e.at)),
    ),
  ];
  return () => stops.forEach((stop) => stop());
}
