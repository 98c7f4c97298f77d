// How every change to an open sale runs: one transaction over the sale as read once at its start,
// refusing a held, paid or closed sale and totals beyond the register's limit.
import { MAX_AMOUNT_MINOR } from '../../preload/contract/primitives';
import type { DocumentView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import { documentForEdit, documentLines, findDocument, type DocumentRow, type LineRow } from '../documents/document-rows';
import { viewOfRow } from '../documents/document-view';
import { exchangeWaitError } from '../documents/exchange-wait';
import { sql } from '../ledger/statements';
import { inTransaction } from '../ledger/transaction';
import { withCartDurability } from '../ledger/durability';
import { assertSaleMode, isTraining } from '../training/training';
import type { SaleContext } from './sale-context';

/** An open sale as a change sees it: read once, at the start of the change's transaction. */
export interface OpenSale {
  doc: DocumentRow;
  lines: LineRow[];
}

/**
 * What a change did, so that the answer is built without reading the sale again: `lines` are
 * the sale's lines as the change left them in the ledger (it changed them through the rows it
 * was given: a new line, a quantity); `rowChanged` says it changed the sale's own row (a
 * discount, a note), which is then read again. Nothing returned: read the lines again.
 */
type ChangeOutcome = { lines?: LineRow[]; rowChanged?: boolean } | void;

/**
 * Runs a change to an open sale in one transaction and refuses totals beyond the register's
 * limit. The sale's row, its operator's name and whether it has payments come in one read, its
 * lines in a second; the answer is built from them.
 */
export function changeOpenSale(ctx: SaleContext, saleId: string, change: (sale: OpenSale) => ChangeOutcome): DocumentView {
  return withCartDurability(ctx.db, () =>
    inTransaction(ctx.db, () => {
      const edit = documentForEdit(ctx.db, saleId);
      const { operatorName, paid } = edit;
      if (edit.doc.status !== 'open' || edit.doc.kind !== 'sale') throw new ServiceError('sale.not_open', { saleId });
      if (edit.doc.held_at !== null) throw new ServiceError('sale.held', { saleId });
      // Once money has been taken, the cart is frozen: changing it would orphan the payment.
      if (paid) throw new ServiceError('sale.has_payments', { saleId });
      // The terminal or the provider is taking the total as it stands: a changed cart would be paid the old amount.
      if (edit.paying) throw new ServiceError('sale.payment_in_progress', { saleId });
      if (edit.waitsForExchange) throw exchangeWaitError(saleId);
      const lines = documentLines(ctx.db, saleId);
      // A cart with lines keeps its mode: an operator in the other mode may cancel it, not add to it.
      if (lines.length > 0) assertSaleMode(ctx.db, ctx.settings.registerId, ctx.actor.id, edit.doc);
      const doc = lines.length === 0 ? inTrainingModeNow(ctx, edit.doc) : edit.doc;
      const outcome = change({ doc, lines }) ?? {};
      const view = viewOfRow(ctx.db, outcome.rowChanged ? findDocument(ctx.db, saleId) : doc, {
        cashStep: ctx.settings.cashRoundingStepMinor,
        operatorName,
        payments: [],
        lines: outcome.lines,
      });
      if (view.totals.grossMinor > MAX_AMOUNT_MINOR) throw new ServiceError('sale.amount_too_large', { maxMinor: MAX_AMOUNT_MINOR });
      return view;
    }),
  );
}

/**
 * An empty sale takes the mode of whoever rings up its first item: one opened before training
 * was switched on (or by another operator) becomes a training sale, and the other way round.
 * Once it has lines it keeps its mode (training.set refuses while such a sale is open).
 */
function inTrainingModeNow(ctx: SaleContext, doc: DocumentRow): DocumentRow {
  const training = isTraining(ctx.db, ctx.settings.registerId, ctx.actor.id) ? 1 : 0;
  if (doc.training === training) return doc;
  sql(ctx.db, 'UPDATE documents SET training = ? WHERE id = ?').run(training, doc.id);
  return { ...doc, training };
}

export function requireLine(sale: OpenSale, lineId: number): LineRow {
  const line = sale.lines.find((l) => l.id === lineId);
  if (!line) throw new ServiceError('sale.line_not_found', { lineId });
  return line;
}

/** The sale's lines with their computed amounts, from what the change has already read. */
export function computedLines(ctx: SaleContext, sale: OpenSale): DocumentView['lines'] {
  return viewOfRow(ctx.db, sale.doc, { cashStep: ctx.settings.cashRoundingStepMinor, operatorName: '', payments: [], lines: sale.lines }).lines;
}
