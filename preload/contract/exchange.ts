// Exchanges (换货): goods back from a completed sale and new goods sold in one transaction. The
// customer pays the difference in cash when the new goods cost more, and gets it back in cash
// when they cost less.
import { z } from 'zod';
import { call } from './define';
import { amountMinor, approval, id, idempotencyKey, qtyMilli, uuid } from './primitives';
import { refundReason } from './refund';
import type { ExchangeDoneView, ExchangeView } from './exchange-views';

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
};

/** Exchange refusals. */
export const exchangeErrors = ['exchange.same_sale', 'exchange.sale_has_payments', 'exchange.tender_missing', 'exchange.pay_on_panel'] as const;
