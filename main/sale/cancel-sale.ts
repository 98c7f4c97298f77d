// 整单取消: the customer walks away, and the whole cart goes in one step. The document is kept
// as cancelled (immutable from then on, like any closed document) and journalled with its lines,
// because an unpaid cart that disappears is how a sale is pocketed. Where the store requires it,
// a cashier needs a supervisor. A held sale left from an earlier day is cancelled the same way.
// A customer who paid part in cash and then walks away gets that cash back: each cash payment is
// journalled as returned in the transaction that cancels the sale, at synchronous=FULL like every
// commit that moves money. A card or scanned part cannot be given back from here (the register
// cannot reverse it alone), so such a sale is paid in full and then voided instead.
import type { DocumentView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import { assertFullDurability, withCartDurability } from '../ledger/durability';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { inTransaction } from '../ledger/transaction';
import { roleAtLeast } from '../operators/session';
import { requireOpenSaleToLeave } from './held-sales';
import { currentSale, journalledLine, type SaleContext } from './sale';

/** Whether the document has any payment row: a cancel that gives cash back commits at FULL. */
function hasPayments(ctx: SaleContext, saleId: string): boolean {
  return sql(ctx.db, 'SELECT 1 FROM payments WHERE document_pk = (SELECT pk FROM documents WHERE id = ?) LIMIT 1').get(saleId) !== undefined;
}

/** Refuses payments the cancel cannot give back; those it can are all cash. */
function refuseUnreturnable(ctx: SaleContext, view: DocumentView): void {
  if (view.payments.length === 0) return;
  // A begun exchange's credit is a payment on its sale: it goes back with the return, through 放弃换货.
  if (sql(ctx.db, 'SELECT 1 FROM exchanges WHERE sale_document_id = ?').get(view.id) !== undefined)
    throw new ServiceError('sale.cancel_exchange', { saleId: view.id });
  if (view.payments.some((p) => p.method !== 'cash')) throw new ServiceError('sale.cancel_card_paid', { saleId: view.id });
}

/** `approverId`: the supervisor whose PIN was checked for this call, or null. Returns the register's next sale. */
export function cancelSale(ctx: SaleContext, saleId: string, approverId: number | null): DocumentView {
  const cancel = () =>
    inTransaction(ctx.db, () => {
      const view = requireOpenSaleToLeave(ctx, saleId, 'allow');
      refuseUnreturnable(ctx, view);
      const needsApproval = ctx.settings.cancelSaleNeedsSupervisor && !roleAtLeast(ctx.actor.role, 'supervisor') && view.lines.length > 0;
      if (needsApproval && approverId === null) throw new ServiceError('sale.cancel_needs_supervisor');
      const approver = needsApproval ? approverId : null;
      if (view.payments.length > 0) assertFullDurability(ctx.db);
      for (const p of view.payments) {
        appendJournal(
          ctx.db,
          'sale.cash_returned',
          { saleId, paymentId: p.id, amountMinor: p.tenderedMinor - p.changeMinor, operatorId: ctx.actor.id, approverId: approver },
          ctx.now,
        );
      }
      sql(ctx.db, "UPDATE documents SET status = 'cancelled' WHERE id = ?").run(saleId);
      appendJournal(
        ctx.db,
        'sale.cancelled',
        {
          saleId,
          operatorId: ctx.actor.id,
          approverId: approver,
          lines: view.lines.map(journalledLine),
          totalMinor: view.totals.totalMinor,
          ...(view.training ? { training: true as const } : {}),
        },
        ctx.now,
      );
    });
  // Money leaving the drawer commits at FULL (the ledger's own setting); an unpaid cart may go at NORMAL.
  if (hasPayments(ctx, saleId)) cancel();
  else withCartDurability(ctx.db, cancel);
  return currentSale(ctx);
}
