// What the customer display shows once no sale is being rung up: the last sale's thank-you, a
// return giving money back (while it runs and right after), or the welcome screen once the
// cashier has started a correction (the next customer must not read the previous one's change).
import type { CustomerDisplayPaymentView } from '../../preload/contract/customer-display-views';
import type { DocumentView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
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

export type Moment = { kind: 'idle' } | { kind: 'done'; id: string } | { kind: 'return'; id: string; done: boolean };

/** The latest of: a sale or correction completed within the thank-you time, an open return, a correction started. */
export function displayMoment(db: Db, registerId: string, now: number): Moment {
  const completed = sql(
    db,
    "SELECT id, kind, completed_at AS at FROM documents WHERE register_id = ? AND status = 'completed' AND completed_at >= ? ORDER BY completed_at DESC LIMIT 1",
  ).get(registerId, now - THANK_YOU_MS) as { id: string; kind: string; at: number } | undefined;
  const open = sql(
    db,
    "SELECT d.id, d.opened_at AS at FROM documents d WHERE d.register_id = ? AND d.kind IN ('refund', 'void') AND d.status = 'open' AND d.opened_at >= ? AND EXISTS (SELECT 1 FROM document_lines l WHERE l.document_pk = d.pk) ORDER BY d.opened_at DESC LIMIT 1",
  ).get(registerId, now - OPEN_RETURN_MS) as { id: string; at: number } | undefined;
  const started = correctionStarts.get(db) ?? -Infinity;
  const latest = Math.max(completed?.at ?? -Infinity, open?.at ?? -Infinity);
  if (latest === -Infinity || started > latest) return { kind: 'idle' };
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
