// The sale domain's side of other domains' journal entries. A logout with a cart still on the
// counter hands that cart to whoever logs in next: the screen asks first, and the journal keeps
// that it happened, in the logout's own transaction.
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { journalFeed } from '../ledger/journal-feed';
import { sql } from '../ledger/statements';
import { openDocumentId } from '../documents/document-rows';
import { documentView } from '../documents/document-view';
import { getSettings } from '../settings/settings';

/** Subscribes the sale domain to `session.logout`; returns the unsubscribe. */
export function subscribeSaleHandover(db: Db): () => void {
  return journalFeed(db).subscribe('session.logout', (event) => {
    const saleId = openDocumentId(db, getSettings(db).registerId, 'sale');
    if (!saleId) return;
    const lines = sql(db, 'SELECT COUNT(*) AS n FROM document_lines WHERE document_pk = (SELECT pk FROM documents WHERE id = ?)').get(saleId) as { n: number };
    if (lines.n === 0) return;
    const view = documentView(db, saleId);
    appendJournal(
      db,
      'sale.left_open',
      { saleId, operatorId: event.data.operatorId, lineCount: view.lines.length, totalMinor: view.totals.totalMinor },
      event.at,
    );
  });
}
