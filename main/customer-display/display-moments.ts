// What the customer display shows once no sale is being rung up: the last sale's thank-you, a
// return giving money back (while it runs and right after), or the welcome screen once the
// cashier has started a correction (the next customer must not read the previous one's change).
import type { CustomerDisplayPaymentView } from '../../preload/contract/customer-display-views';
import type { DocumentView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { isIndexedKind } from '../ledger/journal-kind-index';
import { sql } from '../ledger/statements';

/** How long the thank-you (or the return's) stays up after it completes when no new item follows. */
export const THANK_YOU_MS = 60_000;
/** An open return this old is not the customer at the counter any more (a part that never went back). */
const OPEN_RETURN_MS = 10 * 60_000;

// When a correction was last started at this register, by ledger: not a ledger fact (looking a
// receipt up changes nothing), so it lives as long as the ledger is open.
const correctionStarts = new WeakMap<Db, number>();

export function noteCorrectionStarted(db: Db, now: number): void {
  correctionStarts.set(db, now);
}

/** When a correction was last started at this register (-Infinity: not since the ledger was opened). */
export function correctionStartedAt(db: Db): number {
  return correctionStarts.get(db) ?? -Infinity;
}

export type Moment = { kind: 'idle' } | { kind: 'done'; id: string } | { kind: 'return'; id: string; done: boolean };

/**
 * The document of this register completed last, at or after `since`. Read from the journal's end
 * backwards, entry by entry, until one older than `since`: the documents table has no index on
 * completed_at, and a query on it read every document the register ever completed (a year's
 * ledger, on every display update and every receipt looked up for a return).
 */
export function lastCompleted(db: Db, registerId: string, since: number): { id: string; kind: string; at: number; seq: number } | undefined {
  const recent = sql(db, "SELECT seq, at, kind, json_extract(payload, '$.data.saleId') AS id FROM journal ORDER BY seq DESC");
  const document = sql(db, "SELECT id, kind, completed_at AS at FROM documents WHERE id = ? AND register_id = ? AND status = 'completed'");
  for (const entry of recent.iterate() as IterableIterator<{ seq: number; at: number; kind: string; id: unknown }>) {
    if (entry.at < since) return undefined;
    if (isIndexedKind(entry.kind) || typeof entry.id !== 'string') continue;
    const done = document.get(entry.id, registerId) as { id: string; kind: string; at: number } | undefined;
    if (done && done.at >= since) return { ...done, seq: entry.seq };
  }
  return undefined;
}

/** The latest of: a sale or correction completed within the thank-you time, an open return, a correction started. */
export function displayMoment(db: Db, registerId: string, now: number): Moment {
  // Nothing from before the last correction started counts (the welcome screen took its place), so
  // neither lookup reads further back than that: right after a receipt is looked up, nothing at all.
  const started = correctionStartedAt(db);
  const completed = lastCompleted(db, registerId, Math.max(now - THANK_YOU_MS, started));
  const open = sql(
    db,
    "SELECT d.id, d.opened_at AS at FROM documents d WHERE d.register_id = ? AND d.kind IN ('refund', 'void') AND d.status = 'open' AND d.opened_at >= ? AND EXISTS (SELECT 1 FROM document_lines l WHERE l.document_pk = d.pk) ORDER BY d.opened_at DESC LIMIT 1",
  ).get(registerId, Math.max(now - OPEN_RETURN_MS, started)) as { id: string; at: number } | undefined;
  if (open && open.at >= (completed?.at ?? -Infinity)) return { kind: 'return', id: open.id, done: false };
  if (!completed) return { kind: 'idle' };
  return completed.kind === 'sale' ? { kind: 'done', id: completed.id } : { kind: 'return', id: completed.id, done: true };
}

/** A card payment or card refund of this document is with the terminal right now. */
export function cardWaiting(db: Db, documentId: string): boolean {
  return sql(db, "SELECT 1 FROM card_intents WHERE sale_id = ? AND state IN ('created', 'sent', 'in_progress') LIMIT 1").get(documentId) !== undefined;
}

/** Method by method, what was paid (a sale) or given back (a correction). */
export function paymentsOf(doc: DocumentView): CustomerDisplayPaymentView[] {
  const by = new Map<CustomerDisplayPaymentView['method'], number>();
  for (const p of doc.payments) by.set(p.method, (by.get(p.method) ?? 0) + p.amountMinor);
  return [...by].map(([method, amountMinor]) => ({ method, amountMinor }));
}
