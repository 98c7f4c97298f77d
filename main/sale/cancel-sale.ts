// 整单取消: the customer walks away, and the whole cart goes in one step. The document is kept
// as cancelled (immutable from then on, like any closed document) and journalled with its lines,
// because an unpaid cart that disappears is how a sale is pocketed. Where the store requires it,
// a cashier needs a supervisor. A held sale left from an earlier day is cancelled the same way.
import type { DocumentView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import { withCartDurability } from '../ledger/durability';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { roleAtLeast } from '../operators/session';
import { requireUnpaidOpenSale } from './held-sales';
import { currentSale, journalledLine, type SaleContext } from './sale';

/** `approverId`: the supervisor whose PIN was checked for this call, or null. Returns the register's next sale. */
export function cancelSale(ctx: SaleContext, saleId: string, approverId: number | null): DocumentView {
  withCartDurability(ctx.db, () =>
    ctx.db.transaction(() => {
      const view = requireUnpaidOpenSale(ctx, saleId, 'allow');
      const needsApproval = ctx.settings.cancelSaleNeedsSupervisor && !roleAtLeast(ctx.actor.role, 'supervisor') && view.lines.length > 0;
      if (needsApproval && approverId === null) throw new ServiceError('sale.cancel_needs_supervisor');
      sql(ctx.db, "UPDATE documents SET status = 'cancelled' WHERE id = ?").run(saleId);
      appendJournal(
        ctx.db,
        'sale.cancelled',
        {
          saleId,
          operatorId: ctx.actor.id,
          approverId: needsApproval ? approverId : null,
          lines: view.lines.map(journalledLine),
          totalMinor: view.totals.totalMinor,
        },
        ctx.now,
      );
    })(),
  );
  return currentSale(ctx);
}
