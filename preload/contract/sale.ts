import { z } from 'zod';
import { call } from './define';
import { approval, discount, id, idempotencyKey, MAX_NOTE, positiveAmountMinor, amountMinor, qtyMilli, rateBp, shortText, uuid } from './primitives';
import type { CompletionView, SaleView } from './views';

const saleRef = { saleId: uuid };

export const saleCalls = {
  /** The register's open sale; opens one if there is none (after a restart it resumes). */
  'sale.current': call<SaleView>()(z.object({}).strict()),
  'sale.get': call<SaleView>()(z.object(saleRef).strict()),
  'sale.byReceipt': call<SaleView>()(
    z.object({ receiptNo: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), registerId: z.string().max(32).optional() }).strict(),
  ),
  /** Add by barcode or SKU, or by product id picked from a search. */
  'sale.addProduct': call<SaleView>()(
    z.union([
      z.object({ ...saleRef, code: z.string().trim().min(1).max(64), qtyMilli: qtyMilli.optional() }).strict(),
      z.object({ ...saleRef, productId: id, qtyMilli: qtyMilli.optional() }).strict(),
    ]),
  ),
  /** An item that is not in the catalog: name, quantity and unit price keyed at the counter. */
  'sale.addCustomLine': call<SaleView>()(
    z.object({ ...saleRef, name: shortText, qtyMilli, unitPriceMinor: amountMinor, taxRateBp: rateBp.optional() }).strict(),
  ),
  'sale.setQty': call<SaleView>()(z.object({ ...saleRef, lineId: id, qtyMilli }).strict()),
  'sale.removeLine': call<SaleView>()(z.object({ ...saleRef, lineId: id }).strict()),
  'sale.setLineDiscount': call<SaleView>()(z.object({ ...saleRef, lineId: id, discount: discount.nullable(), approval: approval.optional() }).strict()),
  'sale.setOrderDiscount': call<SaleView>()(z.object({ ...saleRef, discount: discount.nullable(), approval: approval.optional() }).strict()),
  'sale.setNote': call<SaleView>()(z.object({ ...saleRef, note: z.string().max(MAX_NOTE) }).strict()),
  /** Cash handed over. Less than due is refused unless `partial` (split tender); paying in full completes the sale. */
  'sale.tenderCash': call<CompletionView>()(
    z.object({ ...saleRef, tenderedMinor: positiveAmountMinor, partial: z.boolean().optional(), idempotencyKey }).strict(),
    { movesMoney: true },
  ),
  /** Completes a sale whose payments already cover it (or whose total is zero). */
  'sale.complete': call<CompletionView>()(z.object({ ...saleRef, idempotencyKey }).strict(), { movesMoney: true }),
};
