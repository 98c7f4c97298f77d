// Corrections of completed sales: returns (goods back), refunds without goods (price adjustments),
// returns without a receipt, and voids. Each is a new document pointing at what it corrects.
import { z } from 'zod';
import { call } from './define';
import { amountMinor, approval, id, idempotencyKey, positiveAmountMinor, qtyMilli, rateBp, shortText, uuid } from './primitives';
import type { DocumentSummaryView, RefundableSaleView, RefundPlanView } from './refund-views';
import type { CompletionView, DocumentView, PaymentMethod } from './views';

/**
 * One card or scan-to-pay part of a correction that gives money back to several: `back` (to its
 * card or wallet), `cash` (given in cash instead, with a supervisor), `running` (with the terminal
 * or the provider now), `waiting` (not started), `refused` (declined, failed or refused: retry it,
 * or give it in cash), `unknown` (the terminal's answer was lost: a supervisor checks it).
 */
export interface CorrectionPartView {
  paymentId: number;
  method: PaymentMethod;
  amountMinor: number;
  maskedPan: string | null;
  scanProvider: 'wechat' | 'alipay' | null;
  state: 'back' | 'cash' | 'running' | 'waiting' | 'refused' | 'unknown';
  /** Why a refused or unknown part did not go back (a `terminal.result.*` key or the provider's code). */
  reason: string | null;
}

/** A correction and where each of its card and scan-to-pay parts stands. */
export interface CorrectionPartsView {
  correction: DocumentView;
  parts: CorrectionPartView[];
}

/** Why goods come back or money goes back; translated as `refund.reason.<code>`. */
export const refundReason = z.enum(['defective', 'wrong_item', 'not_wanted', 'wrong_price', 'cashier_error', 'other']);
export type RefundReason = z.infer<typeof refundReason>;

const returnLine = z.object({ lineId: id, qtyMilli, restock: z.boolean() }).strict();
const returnLines = z.array(returnLine).min(1).max(500);
const noReceiptLines = z
  .array(z.object({ productId: id.optional(), name: shortText, qtyMilli, unitPriceMinor: amountMinor, taxRateBp: rateBp, restock: z.boolean() }).strict())
  .min(1)
  .max(100);

export const refundCalls = {
  /** A completed sale and what of it is refundable: by what the receipt shows (R1-000042, 42) or its QR code. */
  'refund.find': call<RefundableSaleView>()(z.object({ code: z.string().trim().min(1).max(64) }).strict()),
  /** Today's completed sales on this register, newest first, to pick one when the receipt is lost. */
  'refund.todaysSales': call<DocumentSummaryView[]>()(z.object({}).strict()),
  /** What a return would give back, to which tenders, and whether a supervisor must approve. Changes nothing. */
  'refund.preview': call<RefundPlanView>()(
    z
      .object({
        saleId: uuid,
        lines: returnLines.optional(),
        adjustment: z.object({ lineId: id, amountMinor: positiveAmountMinor }).strict().optional(),
        toCash: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Goods back from a sale, refunded to the original tenders (or in cash, with a supervisor). */
  'refund.withReceipt': call<CompletionView>()(
    z
      .object({ saleId: uuid, lines: returnLines, reason: refundReason, toCash: z.boolean().optional(), approval: approval.optional(), idempotencyKey })
      .strict(),
    { movesMoney: true },
  ),
  /** Money back on a sold line, goods kept (a price adjustment): never more than the line still holds. */
  'refund.priceAdjustment': call<CompletionView>()(
    z
      .object({
        saleId: uuid,
        lineId: id,
        amountMinor: positiveAmountMinor,
        reason: refundReason,
        toCash: z.boolean().optional(),
        approval: approval.optional(),
        idempotencyKey,
      })
      .strict(),
    { movesMoney: true },
  ),
  /** What a return without a receipt would give back in cash; refuses beyond the store's limits before a supervisor is asked. Changes nothing. */
  'refund.previewWithoutReceipt': call<RefundPlanView>()(z.object({ lines: noReceiptLines }).strict()),
  /** Goods back without a receipt: a supervisor approves, cash is given, within the store's limits. */
  'refund.withoutReceipt': call<CompletionView>()(
    z
      .object({
        lines: noReceiptLines,
        reason: refundReason,
        approval: approval.optional(),
        idempotencyKey,
      })
      .strict(),
    { movesMoney: true },
  ),
  /** The whole sale undone, today, before the day is closed: a supervisor approves. */
  'void.sale': call<CompletionView>()(z.object({ saleId: uuid, reason: refundReason, approval: approval.optional(), idempotencyKey }).strict(), {
    movesMoney: true,
  }),
  /** Where each card and scan-to-pay part of a correction stands (which went back, which did not). */
  'refund.parts': call<CorrectionPartsView>()(z.object({ correctionId: uuid }).strict()),
  /** Sends a part that did not go back to its card or wallet again; then the parts after it. Never a part that went back. */
  'refund.retryPart': call<CompletionView>()(z.object({ correctionId: uuid, paymentId: id, idempotencyKey }).strict(), { movesMoney: true }),
  /** Gives a part that did not go back in cash instead (a supervisor approves; the drawer must hold it); then the parts after it. */
  'refund.partInCash': call<CompletionView>()(z.object({ correctionId: uuid, paymentId: id, approval: approval.optional(), idempotencyKey }).strict(), {
    movesMoney: true,
  }),
  /** Completed documents with their corrections (back office). */
  'documents.list': call<DocumentSummaryView[]>()(
    z
      .object({
        businessDay: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
        kind: z.enum(['sale', 'refund', 'void']).optional(),
        operatorId: id.optional(),
        receiptNo: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  ),
};

/** Refund and void refusals. */
export const refundErrors = [
  'refund.not_a_sale',
  'refund.sale_not_completed',
  'refund.exceeds_original',
  // A quantity with decimals for a line sold in whole pieces (params: lineId or productId, name, qtyMilli).
  'refund.qty_whole_pieces',
  // A return without a receipt naming a product the catalog does not have (params: productId, name).
  'refund.unknown_product',
  'refund.line_not_in_sale',
  'refund.nothing_to_refund',
  'refund.needs_supervisor',
  'refund.limit_exceeded',
  'refund.part_not_found',
  'refund.part_not_refused',
  'refund.cash_over_drawer',
  'refund.cash_over_drawer_blind',
  'refund.provider_refused',
  'refund.provider_pending',
  'refund.code_not_understood',
  'refund.other_register',
  'void.not_today',
  'void.has_corrections',
] as const;
