import type { CardDetailsView, CompletionView, DocumentView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { cashTender } from '../money/cash-tender';
import type { SaleContext } from './sale';
import { ServiceError } from '../common/service-error';
import { findDocument, documentView } from '../documents/document-view';
import { openIntentFor } from '../card/card-intents';
import { sql } from '../ledger/statements';
import { assertFullDurability } from '../ledger/durability';

/** The calendar day a document belongs to, in the register's local time. */
export function businessDayOf(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function requireOpenSale(db: Db, saleId: string): DocumentView {
  const doc = findDocument(db, saleId);
  if (doc.status !== 'open') throw new ServiceError(doc.status === 'completed' ? 'sale.already_paid' : 'sale.not_open', { saleId });
  const view = documentView(db, saleId);
  if (view.lines.length === 0) throw new ServiceError('sale.empty');
  return view;
}

/**
 * Completes a paid sale: freezes line amounts, takes the next gapless receipt number, adds to the
 * perpetual grand total and journals it, all in the caller's transaction so none of it can exist
 * without the rest.
 */
function completeInTransaction(ctx: SaleContext, saleId: string, roundingMinor: number): DocumentView {
  const { db, now } = ctx;
  assertFullDurability(db);
  const view = documentView(db, saleId);
  const freeze = sql(
    db,
    'UPDATE document_lines SET gross_minor = ?, line_discount_minor = ?, order_discount_minor = ?, total_minor = ?, tax_minor = ? WHERE id = ?',
  );
  for (const line of view.lines) freeze.run(line.grossMinor, line.lineDiscountMinor, line.orderDiscountMinor, line.totalMinor, line.taxMinor, line.id);

  sql(db, 'INSERT INTO register_counters (register_id) VALUES (?) ON CONFLICT(register_id) DO NOTHING').run(view.registerId);
  const counter = db
    .prepare(
      'UPDATE register_counters SET last_receipt_no = last_receipt_no + 1, grand_total_minor = grand_total_minor + ? WHERE register_id = ? RETURNING last_receipt_no, grand_total_minor',
    )
    .get(view.totals.totalMinor, view.registerId) as { last_receipt_no: number; grand_total_minor: number };
  const changeMinor = view.payments.reduce((s, p) => s + p.changeMinor, 0);
  const businessDay = businessDayOf(now);
  sql(
    db,
    `UPDATE documents SET status = 'completed', receipt_no = ?, business_day = ?, completed_at = ?, operator_id = ?,
       gross_minor = ?, discount_minor = ?, tax_minor = ?, total_minor = ?, rounding_minor = ?, change_minor = ?, grand_total_minor = ?
     WHERE id = ?`,
  ).run(
    counter.last_receipt_no,
    businessDay,
    now,
    ctx.actor.id,
    view.totals.grossMinor,
    view.totals.discountMinor,
    view.totals.taxMinor,
    view.totals.totalMinor,
    roundingMinor,
    changeMinor,
    counter.grand_total_minor,
    saleId,
  );

  appendJournal(
    db,
    'sale.completed',
    {
      saleId,
      registerId: view.registerId,
      receiptNo: counter.last_receipt_no,
      businessDay,
      operatorId: ctx.actor.id,
      lines: view.lines.map((l) => ({
        sku: l.sku,
        name: l.name,
        qtyMilli: l.qtyMilli,
        unitPriceMinor: l.unitPriceMinor,
        taxRateBp: l.taxRateBp,
        totalMinor: l.totalMinor,
        taxMinor: l.taxMinor,
      })),
      totalMinor: view.totals.totalMinor,
      taxMinor: view.totals.taxMinor,
      discountMinor: view.totals.discountMinor,
      roundingMinor,
      payments: view.payments.map((p) => ({
        method: p.method,
        amountMinor: p.amountMinor,
        tenderedMinor: p.tenderedMinor,
        changeMinor: p.changeMinor,
        authCode: p.card?.authCode ?? null,
      })),
      grandTotalMinor: counter.grand_total_minor,
    },
    now,
  );
  return documentView(db, saleId);
}

/** Cash handed over by the customer. Refuses less than due unless the cashier is splitting the tender. */
export function tenderCash(ctx: SaleContext, input: { saleId: string; tenderedMinor: number; partial?: boolean | undefined }): CompletionView {
  return ctx.db.transaction((): CompletionView => {
    const view = requireOpenSale(ctx.db, input.saleId);
    // A card payment whose outcome is not known yet may have charged the customer already:
    // taking cash now could make them pay twice.
    const pending = openIntentFor(ctx.db, input.saleId);
    if (pending) throw new ServiceError('terminal.intent_unresolved', { intentId: pending.id });
    const remaining = view.totals.totalMinor - view.paidMinor;
    if (remaining <= 0) throw new ServiceError('sale.already_paid');
    const outcome = cashTender(remaining, input.tenderedMinor, ctx.settings.cashRoundingStepMinor);
    if (!outcome.completes && !input.partial) throw new ServiceError('sale.tender_insufficient', { dueMinor: outcome.dueMinor });
    ctx.db
      .prepare("INSERT INTO payments (document_id, method, amount_minor, tendered_minor, change_minor, created_at) VALUES (?, 'cash', ?, ?, ?, ?)")
      .run(input.saleId, outcome.appliedMinor, input.tenderedMinor, outcome.changeMinor, ctx.now);
    if (!outcome.completes) return { sale: documentView(ctx.db, input.saleId), receiptNo: null, changeMinor: 0 };
    const sale = completeInTransaction(ctx, input.saleId, outcome.roundingMinor);
    return { sale, receiptNo: sale.receiptNo, changeMinor: outcome.changeMinor };
  })();
}

/** Records an approved card payment (from the terminal) and completes the sale when it is paid. */
export function recordCardPayment(ctx: SaleContext, input: { saleId: string; amountMinor: number; card: CardDetailsView }): CompletionView {
  return ctx.db.transaction((): CompletionView => {
    const view = requireOpenSale(ctx.db, input.saleId);
    const remaining = view.totals.totalMinor - view.paidMinor;
    if (input.amountMinor > remaining) throw new ServiceError('sale.tender_insufficient', { dueMinor: remaining });
    ctx.db
      .prepare("INSERT INTO payments (document_id, method, amount_minor, tendered_minor, change_minor, card, created_at) VALUES (?, 'card', ?, ?, 0, ?, ?)")
      .run(input.saleId, input.amountMinor, input.amountMinor, JSON.stringify(input.card), ctx.now);
    if (input.amountMinor < remaining) return { sale: documentView(ctx.db, input.saleId), receiptNo: null, changeMinor: 0 };
    const sale = completeInTransaction(ctx, input.saleId, 0);
    return { sale, receiptNo: sale.receiptNo, changeMinor: 0 };
  })();
}

/** Completes a sale its payments already cover, or one whose total is zero. */
export function completeSale(ctx: SaleContext, input: { saleId: string }): CompletionView {
  return ctx.db.transaction((): CompletionView => {
    const view = requireOpenSale(ctx.db, input.saleId);
    if (view.totals.totalMinor - view.paidMinor > 0) throw new ServiceError('sale.not_fully_paid', { remainingMinor: view.totals.totalMinor - view.paidMinor });
    const sale = completeInTransaction(ctx, input.saleId, 0);
    return { sale, receiptNo: sale.receiptNo, changeMinor: sale.changeMinor };
  })();
}
