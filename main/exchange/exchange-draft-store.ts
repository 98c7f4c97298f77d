// An exchange (换货) being prepared, kept in main with the open sale that holds the new goods: the
// goods the return screen chose and why. DESIGN §1: the register is main, so a reloaded window, a
// second window and a restarted register show the exchange panel again, not the new goods at full
// price. It is no money and no document: nothing is booked or reserved by it (the goods stay
// returnable until the exchange completes, which plans the return again). It goes with the
// exchange: when its sale completes (exchange.complete, or a begun exchange's payment), when a begun
// exchange is abandoned, when the sale is cancelled, or when the cashier leaves it (dropExchangeDraft).
import type { ExchangeDraftView } from '../../preload/contract/exchange-draft';
import type { RefundReason } from '../../preload/contract/refund';
import { ServiceError } from '../common/service-error';
import { findDocument } from '../documents/document-rows';
import type { Db } from '../ledger/database';
import { journalFeed } from '../ledger/journal-feed';
import { sql } from '../ledger/statements';
import { returnPlan, type RefundContext } from '../refund/refund-plans';
import './exchange-journal';

type DraftLine = ExchangeDraftView['lines'][number];

interface DraftRow {
  sale_document_id: string;
  original_document_id: string;
  original_register_id: string;
  original_receipt_no: number | null;
  lines_json: string;
  reason: string;
  credit_minor: number;
}

/** Keeps (or replaces) the exchange being prepared on an open sale, once its goods pass as a return plan. */
export function keepExchangeDraft(
  ctx: RefundContext,
  input: { saleId: string; originalSaleId: string; lines: DraftLine[]; reason: RefundReason },
): ExchangeDraftView {
  return ctx.db.transaction((): ExchangeDraftView => {
    if (input.saleId === input.originalSaleId) throw new ServiceError('exchange.same_sale');
    const sale = findDocument(ctx.db, input.saleId);
    if (sale.kind !== 'sale' || sale.status !== 'open') throw new ServiceError('sale.not_open', { saleId: input.saleId });
    // The same checks a preview makes (the sale, the operator's mode, every line and quantity): a draft the panel could never complete is not kept.
    const plan = returnPlan(ctx, input.originalSaleId, input.lines, true);
    const creditMinor = plan.tender.parts.reduce((s, p) => s + p.amountMinor, 0);
    const lines = input.lines.map((l) => ({ lineId: l.lineId, qtyMilli: l.qtyMilli, restock: l.restock }));
    sql(
      ctx.db,
      `INSERT INTO exchange_drafts (sale_document_id, original_document_id, lines_json, reason, credit_minor, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (sale_document_id) DO UPDATE SET original_document_id = excluded.original_document_id, lines_json = excluded.lines_json,
         reason = excluded.reason, credit_minor = excluded.credit_minor, created_at = excluded.created_at`,
    ).run(input.saleId, input.originalSaleId, JSON.stringify(lines), input.reason, creditMinor, ctx.now);
    const kept = exchangeDraftOf(ctx.db, input.saleId);
    if (!kept) throw new Error('the exchange draft just kept is not there');
    return kept;
  })();
}

/** The cashier left the exchange (or it ended): the sale is a plain sale again. True when there was one. */
export function dropExchangeDraft(db: Db, saleId: string): boolean {
  return sql(db, 'DELETE FROM exchange_drafts WHERE sale_document_id = ?').run(saleId).changes > 0;
}

/** The exchange being prepared on a sale that is still open; null when there is none. */
export function exchangeDraftOf(db: Db, saleId: string): ExchangeDraftView | null {
  const row = sql(
    db,
    `SELECT x.sale_document_id, x.original_document_id, o.register_id AS original_register_id, o.receipt_no AS original_receipt_no,
            x.lines_json, x.reason, x.credit_minor
       FROM exchange_drafts x JOIN documents s ON s.id = x.sale_document_id JOIN documents o ON o.id = x.original_document_id
      WHERE x.sale_document_id = ? AND s.status = 'open'`,
  ).get(saleId) as DraftRow | undefined;
  if (!row) return null;
  return {
    saleId: row.sale_document_id,
    originalSaleId: row.original_document_id,
    originalRegisterId: row.original_register_id,
    originalReceiptNo: row.original_receipt_no,
    lines: JSON.parse(row.lines_json) as DraftLine[],
    reason: row.reason,
    creditMinor: row.credit_minor,
  };
}

/** The draft ends with its exchange, in the transaction that ends it; returns the unsubscribe. */
export function subscribeExchangeDrafts(db: Db): () => void {
  const feed = journalFeed(db);
  const stops = [
    feed.subscribe('sale.completed', (e) => void dropExchangeDraft(db, e.data.saleId)),
    feed.subscribe('sale.cancelled', (e) => void dropExchangeDraft(db, e.data.saleId)),
    feed.subscribe('exchange.abandoned', (e) => void dropExchangeDraft(db, e.data.saleDocumentId)),
  ];
  return () => stops.forEach((stop) => stop());
}
