// Exchanges (换货): goods back from a completed sale and new goods sold in one transaction. The
// customer pays the difference in cash when the new goods cost more, and gets it back in cash
// when they cost less.
import { z } from 'zod';
import { call } from './define';
import { amountMinor, approval, id, idempotencyKey, qtyMilli, uuid } from './primitives';
import { refundReason } from './refund';
import type { ExchangeDoneView, ExchangeView, SaleExchangeView } from './exchange-views';

const returnLines = z
  .array(z.object({ lineId: id, qtyMilli, restock: z.boolean() }).strict())
  .min(1)
  .max(500);

const exchangeInput = {
  /** The open sale holding the new goods. */
  saleId: uuid,
  /** The completed sale the goods come back from. */
  originalSaleId: uuid,
  lines: returnLines,
};

export const exchangeCalls = {
  /** What an exchange would do: the credit, the difference and any approval needed. Changes nothing. */
  'exchange.preview': call<ExchangeView>()(z.object(exchangeInput).strict()),
  /**
   * The return and the new sale, both completed in one transaction or neither. `tenderedMinor` is
   * the cash the customer hands over when the new goods cost more (required then).
   */
  'exchange.complete': call<ExchangeDoneView>()(
    z.object({ ...exchangeInput, reason: refundReason, tenderedMinor: amountMinor.optional(), approval: approval.optional(), idempotencyKey }).strict(),
    { movesMoney: true },
  ),
  /**
   * For a difference paid by card or scan-to-pay: the return is written open, the credit taken on
   * the sale, which then owes only the difference and is paid on the payment screen; its
   * completion completes the return.
   */
  'exchange.begin': call<ExchangeView & { saleId: string }>()(
    z.object({ ...exchangeInput, reason: refundReason, approval: approval.optional(), idempotencyKey }).strict(),
    { movesMoney: true },
  ),
  /**
   * The difference owed to the customer back to the card the returned goods were paid with: the
   * return goes through the terminal as a card refund; the new sale completes with it. A refused
   * part leaves the return open (retry or cash through the refund part calls, or exchange.abandon).
   */
  'exchange.toCard': call<ExchangeDoneView>()(z.object({ ...exchangeInput, reason: refundReason, idempotencyKey }).strict(), { movesMoney: true }),
  /** A begun exchange given up before the difference is paid: its return and its sale are cancelled. */
  'exchange.abandon': call<{ saleId: string }>()(z.object({ saleId: uuid }).strict()),
  /** The begun exchange this sale is the new half of (null: none), with its return's state and number. */
  'exchange.ofSale': call<SaleExchangeView | null>()(z.object({ saleId: uuid }).strict()),
};

/** Exchange refusals. */
export const exchangeErrors = [
  'exchange.same_sale',
  'exchange.sale_has_payments',
  'exchange.tender_missing',
  'exchange.pay_on_panel',
  'exchange.nothing_to_pay',
  'exchange.not_pending',
  'exchange.partly_paid',
  'exchange.not_to_card',
] as const;
