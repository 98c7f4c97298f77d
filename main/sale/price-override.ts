// 改价: a catalog line's unit price changed on the open sale at the counter, with a reason. The
// price is what the whole line then sells at; the old and new price, the cashier and the approver
// are journalled in the same transaction, because a price typed down at the till is how goods
// leave for less. A cashier needs a supervisor; a closed sale takes no change.
import type { PriceOverrideReason } from '../../preload/contract/sale';
import type { DocumentView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { roleAtLeast } from '../operators/session';
import { parseDiscount } from '../documents/document-rows';
import { changeOpenSale, computedLines, requireLine } from './sale-change';
import type { SaleContext } from './sale-context';

export interface PriceOverrideInput {
  saleId: string;
  lineId: number;
  unitPriceMinor: number;
  reason: PriceOverrideReason;
}

/** `approverId`: the supervisor whose PIN or badge was checked for this call, or null. */
export function overridePrice(ctx: SaleContext, input: PriceOverrideInput, approverId: number | null): DocumentView {
  return changeOpenSale(ctx, input.saleId, (sale) => {
    const line = requireLine(sale, input.lineId);
    // An ad-hoc line's price was keyed by the cashier in the first place: only a catalog price is overridden.
    if (line.product_id === null) throw new ServiceError('sale.price_override_not_catalog', { lineId: line.id });
    if (line.unit_price_minor === input.unitPriceMinor) throw new ServiceError('sale.price_unchanged', { unitPriceMinor: line.unit_price_minor });
    const needsApproval = !roleAtLeast(ctx.actor.role, 'supervisor');
    if (needsApproval && approverId === null) throw new ServiceError('sale.price_override_needs_supervisor');
    // The price it was rung up at is kept from the first override on; typed back to it, the line is as if never overridden.
    const listPrice = line.list_unit_price_minor ?? line.unit_price_minor;
    const listUnitPriceMinor = input.unitPriceMinor === listPrice ? null : listPrice;
    const lines = sale.lines.map((l) => (l.id === line.id ? { ...l, unit_price_minor: input.unitPriceMinor, list_unit_price_minor: listUnitPriceMinor } : l));
    // An amount off the line cannot exceed what the line now costs.
    const discount = parseDiscount(line.discount);
    const gross = computedLines(ctx, { doc: sale.doc, lines }).find((l) => l.id === line.id)?.grossMinor ?? 0;
    if (discount?.kind === 'amount' && discount.amountMinor > gross) throw new ServiceError('sale.discount_exceeds_amount', { maxMinor: gross });
    sql(ctx.db, 'UPDATE document_lines SET unit_price_minor = ?, list_unit_price_minor = ? WHERE id = ?').run(
      input.unitPriceMinor,
      listUnitPriceMinor,
      line.id,
    );
    appendJournal(
      ctx.db,
      'sale.price_overridden',
      {
        saleId: input.saleId,
        line: { lineId: line.id, name: line.name, sku: line.sku },
        oldUnitPriceMinor: line.unit_price_minor,
        newUnitPriceMinor: input.unitPriceMinor,
        reason: input.reason,
        operatorId: ctx.actor.id,
        approverId: needsApproval ? approverId : null,
      },
      ctx.now,
    );
    return { lines };
  });
}
