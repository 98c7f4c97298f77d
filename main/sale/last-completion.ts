// The register's last completion (a sale, an exchange, a return or a void) as the window that
// completed it showed it: receipt number, tenders and the change to hand back. A window reloaded
// or opened after it, or the register restarted after a crash, shows it again until the cashier
// moves on, so "paid" is never mistaken for "lost" (the customer paid once, the change is known).
import type { CompletionView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { INDEXED_KINDS } from '../ledger/journal-kind-index';
import { sql } from '../ledger/statements';
import { documentView } from '../documents/document-view';
import { correctionStartedAt, lastCompleted } from '../customer-display/display-moments';

/**
 * How long a completion is offered again. Longer than the customer display's thank-you (a minute):
 * a register restarted after a power cut is back in a few minutes, and its cashier still has to
 * know whether the customer at the counter paid. Older than this, that customer has gone.
 */
export const COMPLETION_RECALL_MS = 10 * 60_000;

// The completion a window left with 下一单 (or a return's 完成), by ledger. Not a ledger fact (it
// moves no money), so it lasts while the ledger is open: after a restart a completion that had been
// left is offered once more, within the time above, unless a sale or return was started since.
const dismissed = new WeakMap<Db, string>();

/** The cashier moved on from this completion (in any window): no window is offered it again. */
export function dismissCompletion(db: Db, documentId: string): void {
  dismissed.set(db, documentId);
}

/**
 * Journal kinds that say the cashier went on after a completion: to another customer, or away from
 * the counter (a logout, a shift counted or closed, a restore). A restart journals no logout: the completion
 * is offered to whoever logs in after it.
 */
const MOVED_ON_KINDS = [
  'sale.held',
  'sale.recalled',
  'sale.cancelled',
  'exchange.abandoned',
  'refund.cancelled',
  'session.logout',
  'shift.counted',
  'shift.closed',
  'day.closed',
  // A restore brings back books whose last sale is nobody's customer at this counter now.
  'backup.restored',
];

/**
 * A sale or return was started after the completion: the cart has lines, a document with lines was
 * opened since (a return under way, a sale held), or one was held, recalled or cancelled since.
 */
function movedOnSince(db: Db, registerId: string, done: { at: number; seq: number }): boolean {
  const started = sql(
    db,
    `SELECT 1 FROM documents d WHERE d.register_id = ? AND d.status = 'open' AND ((d.kind = 'sale' AND d.held_at IS NULL) OR d.opened_at > ?)
        AND EXISTS (SELECT 1 FROM document_lines l WHERE l.document_pk = d.pk) LIMIT 1`,
  ).get(registerId, done.at);
  if (started !== undefined) return true;
  const kinds = MOVED_ON_KINDS.map((k) => `'${k}'`).join(', ');
  return sql(db, `SELECT 1 FROM journal WHERE kind IN (${kinds}) AND ${INDEXED_KINDS} AND seq > ? LIMIT 1`).get(done.seq) !== undefined;
}

/** The sale an exchange's return was completed with (a card exchange journals the return after the sale). */
function exchangeSaleOf(db: Db, refundId: string): string | null {
  const row = sql(db, 'SELECT sale_document_id AS id FROM exchanges WHERE refund_document_id = ?').get(refundId) as { id: string } | undefined;
  return row?.id ?? null;
}

/**
 * What an exchange gave the customer back: the difference, less what of it went back to the card
 * (an exchange whose difference goes to the card, exchange.toCard: its return's card payments).
 * Only the rest is cash handed over.
 */
function exchangeGiveBack(db: Db, saleId: string): { cashMinor: number; toCardMinor: number } | null {
  const row = sql(
    db,
    `SELECT e.difference_minor AS d,
            (SELECT COALESCE(SUM(p.amount_minor), 0) FROM payments p JOIN documents r ON r.pk = p.document_pk
              WHERE r.id = e.refund_document_id AND p.method = 'card') AS card
       FROM exchanges e WHERE e.sale_document_id = ?`,
  ).get(saleId) as { d: number; card: number } | undefined;
  if (!row) return null;
  return { cashMinor: Math.max(0, -row.d - row.card), toCardMinor: row.card };
}

/**
 * The completion to show again, or null: none in the last COMPLETION_RECALL_MS, or the cashier
 * already left it (下一单, another sale or return started). Read from the journal's end backwards
 * (display-moments' lastCompleted), so it costs the same on a year-old ledger as on a new one.
 */
export function lastCompletion(db: Db, registerId: string, now: number, cashStep: number): CompletionView | null {
  const done = lastCompleted(db, registerId, Math.max(now - COMPLETION_RECALL_MS, correctionStartedAt(db)));
  if (!done) return null;
  const id = (done.kind === 'refund' && exchangeSaleOf(db, done.id)) || done.id;
  if (dismissed.get(db) === id || movedOnSince(db, registerId, done)) return null;
  const doc = documentView(db, id, cashStep);
  const back = doc.kind === 'sale' ? exchangeGiveBack(db, id) : null;
  const changeMinor = doc.changeMinor + (back?.cashMinor ?? 0);
  return { sale: doc, receiptNo: doc.receiptNo, changeMinor, ...(back && back.toCardMinor > 0 ? { toCardMinor: back.toCardMinor } : {}) };
}
