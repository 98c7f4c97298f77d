import type { saleCalls } from '../../preload/contract/sale';
import type { CompletionView, DocumentView } from '../../preload/contract/views';
import { approverOf, approvingOperator, type ApprovalInput } from '../operators/approval';
import { documentIdByReceipt } from '../documents/document-rows';
import { documentIdByCode } from '../documents/receipt-lookup';
import { cancelSale } from './cancel-sale';
import { heldSales, holdSale, recallSale } from './held-sales';
import { addCustomLine, addProduct, currentSale, removeLine, setNote, setQty } from './sale';
import { setLineDiscount, setOrderDiscount, type Approver } from './sale-discounts';
import { overridePrice } from './price-override';
import { completeSale, tenderCash } from './tender';
import { dismissCompletion, lastCompletion } from './last-completion';
import { documentView } from '../documents/document-view';
import type { HandlerContext, HandlerTable, Replay } from '../ipc/handler';

/** Tell every window the cart changed, so a second window or a reload shows the same sale. */
function publish(ctx: HandlerContext, sale: DocumentView): DocumentView {
  ctx.events.emit('sale.changed', sale);
  return sale;
}

/** A sale left the counter (held, cancelled): windows showing it hear that, then of the register's next sale. */
function afterSwap(ctx: HandlerContext, leftId: string, next: DocumentView): DocumentView {
  ctx.events.emit('sale.changed', documentView(ctx.db, leftId));
  return publish(ctx, next);
}

/** Printing and the drawer follow `sale.completed` in the journal (printing/printer-runtime.ts); windows hear of it here. */
function completed(ctx: HandlerContext, done: CompletionView): CompletionView {
  publish(ctx, done.sale);
  return done;
}

/** The supervisor or owner who typed their PIN or scanned their badge for this action; checked before (outside) the sale's transaction so a wrong PIN still counts. */
function approver(ctx: HandlerContext, approval: ApprovalInput | undefined): Approver | null {
  const operator = approvingOperator(ctx.db, approval, ctx.now);
  return operator && { id: operator.id, role: operator.role };
}

/**
 * A completed sale is immutable, so a repeated payment request rebuilds its answer from the
 * ledger instead of keeping a copy of the whole sale under the key; a part payment (the sale is
 * still open and will change) keeps its answer whole.
 */
const completionReplay: Replay<CompletionView> = {
  keep: (done) => (done.receiptNo === null ? null : { saleId: done.sale.id, changeMinor: done.changeMinor }),
  rebuild: (kept, ctx) => {
    const { saleId, changeMinor } = kept as { saleId: string; changeMinor: number };
    const sale = documentView(ctx.db, saleId);
    return { sale, receiptNo: sale.receiptNo, changeMinor };
  },
};

export const saleHandlers: Pick<HandlerTable, keyof typeof saleCalls> = {
  'sale.current': { access: 'cashier', handle: (_input, ctx) => currentSale(ctx) },
  'sale.get': { access: 'cashier', handle: (input, ctx) => documentView(ctx.db, input.saleId) },
  'sale.byReceipt': {
    access: 'cashier',
    handle: (input, ctx) =>
      documentView(
        ctx.db,
        'code' in input
          ? documentIdByCode(ctx.db, ctx.settings.registerId, input.code)
          : documentIdByReceipt(ctx.db, input.registerId ?? ctx.settings.registerId, input.receiptNo),
      ),
  },
  'sale.addProduct': { access: 'cashier', handle: (input, ctx) => publish(ctx, addProduct(ctx, input)) },
  'sale.addCustomLine': { access: 'cashier', handle: (input, ctx) => publish(ctx, addCustomLine(ctx, input)) },
  'sale.setQty': { access: 'cashier', handle: (input, ctx) => publish(ctx, setQty(ctx, input)) },
  'sale.removeLine': { access: 'cashier', handle: (input, ctx) => publish(ctx, removeLine(ctx, input)) },
  'sale.setLineDiscount': { access: 'cashier', handle: (input, ctx) => publish(ctx, setLineDiscount(ctx, input, approver(ctx, input.approval))) },
  'sale.setOrderDiscount': { access: 'cashier', handle: (input, ctx) => publish(ctx, setOrderDiscount(ctx, input, approver(ctx, input.approval))) },
  'sale.overridePrice': {
    access: 'cashier',
    handle: (input, ctx) => publish(ctx, overridePrice(ctx, input, approverOf(ctx.db, input.approval, ctx.now))),
  },
  'sale.setNote': { access: 'cashier', handle: (input, ctx) => publish(ctx, setNote(ctx, input)) },
  'sale.cancel': {
    access: 'cashier',
    handle: (input, ctx) => afterSwap(ctx, input.saleId, cancelSale(ctx, input.saleId, approverOf(ctx.db, input.approval, ctx.now))),
  },
  'sale.hold': { access: 'cashier', handle: (input, ctx) => afterSwap(ctx, input.saleId, holdSale(ctx, input.saleId)) },
  'sale.recall': { access: 'cashier', handle: (input, ctx) => publish(ctx, recallSale(ctx, input.saleId)) },
  'sale.heldList': { access: 'cashier', handle: (_input, ctx) => heldSales(ctx) },
  'sale.tenderCash': {
    access: 'cashier',
    handle: (input, ctx) => completed(ctx, tenderCash(ctx, input)),
    replay: completionReplay,
  },
  'sale.complete': {
    access: 'cashier',
    handle: (input, ctx) => completed(ctx, completeSale(ctx, input)),
    replay: completionReplay,
  },
  'sale.lastCompletion': {
    access: 'cashier',
    handle: (_input, ctx) => lastCompletion(ctx.db, ctx.settings.registerId, ctx.now, ctx.settings.cashRoundingStepMinor),
  },
  'sale.dismissCompletion': {
    access: 'cashier',
    handle: (input, ctx) => {
      dismissCompletion(ctx.db, input.documentId);
      ctx.events.emit('sale.completionDismissed', { documentId: input.documentId });
      return { documentId: input.documentId };
    },
  },
};
