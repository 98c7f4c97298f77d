// 挂单 / 取单: a customer goes back for something they forgot; the cashier parks the sale, serves
// the next customer, and recalls it later. A held sale is an open document taken out of "the
// register's current sale" (documents.held_at), so it survives a restart and is paid like any
// other once recalled. Money already taken pins a sale to the counter: it cannot be parked.
import type { DocumentView, HeldSaleView } from '../../preload/contract/views';
import { businessDayOf, businessDayRule } from '../business-day/business-day';
import { openAttemptFor } from '../scan-pay/scan-attempts';
import { openIntentFor } from '../card/card-intents';
import { ServiceError } from '../common/service-error';
import { findDocument, openDocumentId } from '../documents/document-rows';
import { documentView } from '../documents/document-view';
import { refuseWhileExchangeWaits } from '../documents/exchange-wait';
import { withCartDurability } from '../ledger/durability';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { currentSale, type SaleContext } from './sale';

/**
 * The open sale `saleId` with no payment under way: what may leave the counter (parked or
 * cancelled). `held`: whether a parked sale qualifies (one is cancelled from the recall list).
 * Payments already taken are the caller's to judge.
 */
export function requireOpenSaleToLeave(ctx: SaleContext, saleId: string, held: 'refuse' | 'allow'): DocumentView {
  const doc = findDocument(ctx.db, saleId);
  if (doc.kind !== 'sale' || doc.status !== 'open') throw new ServiceError(doc.status === 'completed' ? 'sale.already_paid' : 'sale.not_open', { saleId });
  if (doc.held_at !== null && held === 'refuse') throw new ServiceError('sale.held', { saleId });
  refuseWhileExchangeWaits(ctx.db, saleId);
  const intent = openIntentFor(ctx.db, saleId);
  if (intent) throw new ServiceError('terminal.intent_unresolved', { intentId: intent.id });
  const attempt = openAttemptFor(ctx.db, saleId);
  if (attempt) throw new ServiceError('scanpay.attempt_unresolved', { attemptId: attempt.id });
  return documentView(ctx.db, saleId, ctx.settings.cashRoundingStepMinor);
}

/** The open sale `saleId` with nothing paid and no payment under way: what may be parked. */
export function requireUnpaidOpenSale(ctx: SaleContext, saleId: string): DocumentView {
  const view = requireOpenSaleToLeave(ctx, saleId, 'refuse');
  // Money taken pins the sale to the counter: parked, the drawer would hold cash no open sale explains.
  if (view.payments.length > 0) throw new ServiceError('sale.hold_paid', { saleId });
  return view;
}

function park(ctx: SaleContext, view: DocumentView): void {
  sql(ctx.db, 'UPDATE documents SET held_at = ?, held_by = ? WHERE id = ?').run(ctx.now, ctx.actor.id, view.id);
  appendJournal(ctx.db, 'sale.held', { saleId: view.id, operatorId: ctx.actor.id, lineCount: view.lines.length, totalMinor: view.totals.totalMinor }, ctx.now);
}

/** Parks the sale and returns the register's next one (empty). An empty cart has nothing to park. */
export function holdSale(ctx: SaleContext, saleId: string): DocumentView {
  withCartDurability(ctx.db, () =>
    ctx.db.transaction(() => {
      const view = requireUnpaidOpenSale(ctx, saleId);
      if (view.lines.length === 0) throw new ServiceError('sale.empty');
      park(ctx, view);
    })(),
  );
  return currentSale(ctx);
}

/**
 * Makes the held sale the register's current one. The cart on the counter is parked in its place
 * when it has lines; an empty one is dropped (it never held anything worth keeping).
 */
export function recallSale(ctx: SaleContext, saleId: string): DocumentView {
  return withCartDurability(ctx.db, () =>
    ctx.db.transaction(() => {
      const held = findDocument(ctx.db, saleId);
      if (held.kind !== 'sale' || held.status !== 'open' || held.held_at === null) throw new ServiceError('sale.not_held', { saleId });
      const currentId = openDocumentId(ctx.db, ctx.settings.registerId, 'sale');
      if (currentId) {
        const current = requireUnpaidOpenSale(ctx, currentId);
        if (current.lines.length > 0) park(ctx, current);
        else dropEmptySale(ctx, currentId);
      }
      sql(ctx.db, 'UPDATE documents SET held_at = NULL, held_by = NULL WHERE id = ?').run(saleId);
      appendJournal(ctx.db, 'sale.recalled', { saleId, operatorId: ctx.actor.id, heldBy: held.held_by, heldAt: held.held_at }, ctx.now);
      return documentView(ctx.db, saleId, ctx.settings.cashRoundingStepMinor);
    })(),
  );
}

/** An empty open sale with nothing pointing at it leaves no trace worth keeping; anything else stays. */
function dropEmptySale(ctx: SaleContext, saleId: string): void {
  sql(
    ctx.db,
    `DELETE FROM documents WHERE id = ? AND status = 'open'
       AND NOT EXISTS (SELECT 1 FROM document_lines WHERE document_pk = documents.pk)
       AND NOT EXISTS (SELECT 1 FROM payments WHERE document_pk = documents.pk)
       AND NOT EXISTS (SELECT 1 FROM card_intents WHERE sale_id = documents.id)
       AND NOT EXISTS (SELECT 1 FROM scan_attempts WHERE sale_id = documents.id)
       AND NOT EXISTS (SELECT 1 FROM print_jobs WHERE document_id = documents.id)`,
  ).run(saleId);
}

interface HeldRow {
  id: string;
  held_at: number;
  held_by_name: string | null;
  note: string | null;
}

/** The register's held sales, oldest first, each marked stale when parked before today's business day. */
export function heldSales(ctx: SaleContext): HeldSaleView[] {
  const rows = sql(
    ctx.db,
    `SELECT d.id, d.held_at, o.name AS held_by_name, d.note FROM documents d LEFT JOIN operators o ON o.id = d.held_by
      WHERE d.register_id = ? AND d.kind = 'sale' AND d.status = 'open' AND d.held_at IS NOT NULL ORDER BY d.held_at, d.id`,
  ).all(ctx.settings.registerId) as HeldRow[];
  const rule = businessDayRule(ctx.settings);
  const today = businessDayOf(ctx.now, rule);
  return rows.map((row) => {
    const view = documentView(ctx.db, row.id, ctx.settings.cashRoundingStepMinor);
    return {
      saleId: row.id,
      heldAt: row.held_at,
      heldByName: row.held_by_name ?? '',
      preview: view.lines.slice(0, 3).map((l) => ({ name: l.name, names: l.names })),
      lineCount: view.lines.length,
      totalMinor: view.totals.totalMinor,
      note: row.note,
      stale: businessDayOf(row.held_at, rule) < today,
      training: view.training,
    };
  });
}
