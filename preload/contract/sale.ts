import { z } from 'zod';
import { call } from './define';
import { plainText } from './text';
import { approval, discount, id, idempotencyKey, MAX_NOTE, amountMinor, qtyMilli, rateBp, receiptCode, shortText, uuid } from './primitives';
import type { CompletionView, DocumentView, HeldSaleView } from './views';

const saleRef = { saleId: uuid };

/**
 * An ad-hoc item's unit price: never 0. A catalog product may cost nothing (a gift with purchase is
 * set up so, on purpose); an item keyed at the counter at ¥0 is almost always a price not typed or
 * mistyped, and would leave the shop without being paid for. Refused as `ad_hoc_zero_price`.
 */
const adHocPriceMinor = amountMinor.refine((v) => v > 0, { params: { refusal: 'ad_hoc_zero_price' } });

/** Why a catalog line's price is changed at the counter (改价). */
export const priceOverrideReason = z.enum(['shelf_price', 'damaged', 'price_match', 'other']);
export type PriceOverrideReason = z.infer<typeof priceOverrideReason>;

export const saleCalls = {
  /** The register's open sale; opens one if there is none (after a restart it resumes). */
  'sale.current': call<DocumentView>()(z.object({}).strict()),
  'sale.get': call<DocumentView>()(z.object(saleRef).strict()),
  /** A completed sale by its number, or by what its receipt shows: `R1-000042`, `42`, or its QR code (the document's id). */
  'sale.byReceipt': call<DocumentView>()(
    z.union([
      z.object({ receiptNo: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), registerId: z.string().max(32).optional() }).strict(),
      z.object({ code: receiptCode }).strict(),
    ]),
  ),
  /** Add by barcode or SKU, or by product id picked from a search. */
  'sale.addProduct': call<DocumentView>()(
    z.union([
      z.object({ ...saleRef, code: z.string().trim().min(1).max(64), qtyMilli: qtyMilli.optional() }).strict(),
      z.object({ ...saleRef, productId: id, qtyMilli: qtyMilli.optional() }).strict(),
    ]),
  ),
  /** An item that is not in the catalog: name, quantity and unit price keyed at the counter. */
  'sale.addCustomLine': call<DocumentView>()(
    z.object({ ...saleRef, name: shortText, qtyMilli, unitPriceMinor: adHocPriceMinor, taxRateBp: rateBp.optional() }).strict(),
  ),
  'sale.setQty': call<DocumentView>()(z.object({ ...saleRef, lineId: id, qtyMilli }).strict()),
  'sale.removeLine': call<DocumentView>()(z.object({ ...saleRef, lineId: id }).strict()),
  'sale.setLineDiscount': call<DocumentView>()(z.object({ ...saleRef, lineId: id, discount: discount.nullable(), approval: approval.optional() }).strict()),
  'sale.setOrderDiscount': call<DocumentView>()(z.object({ ...saleRef, discount: discount.nullable(), approval: approval.optional() }).strict()),
  /**
   * 改价: a catalog line's unit price changed on the open sale, with a reason; journalled with the
   * old and new price. A cashier needs a supervisor's approval.
   */
  'sale.overridePrice': call<DocumentView>()(
    z.object({ ...saleRef, lineId: id, unitPriceMinor: amountMinor, reason: priceOverrideReason, approval: approval.optional() }).strict(),
  ),
  'sale.setNote': call<DocumentView>()(z.object({ ...saleRef, note: plainText(z.string().max(MAX_NOTE), { multiline: true }) }).strict()),
  /**
   * Cash handed over. Less than due is refused unless `partial` (split tender); paying in full
   * completes the sale. Nothing (0) only where the cash still due rounds to nothing (¥0.04 left
   * after a card part, at a ¥0.10 step).
   */
  'sale.tenderCash': call<CompletionView>()(z.object({ ...saleRef, tenderedMinor: amountMinor, partial: z.boolean().optional(), idempotencyKey }).strict(), {
    movesMoney: true,
  }),
  /**
   * 整单取消: the open sale is cancelled with its lines (kept, journalled) and the register's next
   * sale is returned. Cash taken on it goes back to the customer (journalled as returned, at
   * synchronous=FULL); a card or scanned payment taken on it refuses the cancel. Where the store
   * requires it, a cashier needs a supervisor's approval. It carries an idempotency key: a retried
   * cancel gets the first answer back and never gives the cash back twice.
   */
  'sale.cancel': call<DocumentView>()(z.object({ ...saleRef, approval: approval.optional(), idempotencyKey }).strict(), { movesMoney: true }),
  /** 挂单: parks the open sale (it survives a restart) and returns the register's next, empty sale. */
  'sale.hold': call<DocumentView>()(z.object(saleRef).strict()),
  /** 取单: a held sale becomes the register's current sale again; a current sale with lines is held in its place. */
  'sale.recall': call<DocumentView>()(z.object(saleRef).strict()),
  /** The register's held sales, oldest first. */
  'sale.heldList': call<HeldSaleView[]>()(z.object({}).strict()),
  /** Completes a sale whose payments already cover it (or whose total is zero). */
  'sale.complete': call<CompletionView>()(z.object({ ...saleRef, idempotencyKey }).strict(), { movesMoney: true }),
  /**
   * The register's last completion (sale, exchange, return or void) as its window showed it, for a
   * window reloaded or opened after it or a register restarted since; null once the cashier moved
   * on (下一单, a new sale or return started) or after a few minutes.
   */
  'sale.lastCompletion': call<CompletionView | null>()(z.object({}).strict()),
  /** 下一单 (or a return's 完成) on a completion: every window leaves it (`sale.completionDismissed`). */
  'sale.dismissCompletion': call<{ documentId: string }>()(z.object({ documentId: uuid }).strict()),
};

/** Sale refusals. Each needs its translation in assets/locales (errors.json). */
export const saleErrors = [
  'sale.not_found',
  'sale.scale_label_qty',
  // A quantity with decimals for a product sold by the piece (params: name, qtyMilli).
  'sale.qty_whole_pieces',
  // A product sold by weight added without a weight (params: productId, name): the screen asks for the weight.
  'sale.weight_required',
  'sale.not_open',
  'sale.line_not_found',
  'sale.empty',
  'sale.amount_too_large',
  'sale.quantity_too_large',
  'sale.discount_exceeds_amount',
  'sale.discount_needs_supervisor',
  'sale.discount_needs_owner',
  'sale.approver_invalid',
  'sale.price_override_needs_supervisor',
  'sale.price_override_not_catalog',
  'sale.price_unchanged',
  'sale.tender_insufficient',
  // Enter on an empty cash field right after a card (or scanned code) did not pay: the screen asks for the cash handed over.
  'sale.cash_not_keyed',
  'sale.already_paid',
  'sale.not_fully_paid',
  'sale.has_payments',
  'sale.payment_in_progress',
  // The new goods of an exchange whose difference is going back to the card: untouchable until that refund ends.
  'sale.exchange_waits',
  'sale.held',
  'sale.not_held',
  'sale.cancel_needs_supervisor',
  'sale.cancel_card_paid',
  'sale.cancel_exchange',
  'sale.hold_paid',
  'receipt.not_found',
] as const;
