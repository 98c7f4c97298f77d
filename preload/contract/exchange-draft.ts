// An exchange (换货) being prepared, kept in main with the open sale: the goods chosen on the return
// screen, while the new goods are rung up. Not money: nothing is booked until exchange.complete or
// exchange.begin; the return is planned again on every preview and at completion.
import { z } from 'zod';
import { call } from './define';
import { id, qtyMilli, uuid } from './primitives';
import { refundReason } from './refund';

/** The draft as a window restores its exchange panel from it. */
export interface ExchangeDraftView {
  saleId: string;
  /** The sale whose goods come back, and its receipt as printed (register and number). */
  originalSaleId: string;
  originalRegisterId: string;
  originalReceiptNo: number | null;
  lines: { lineId: number; qtyMilli: number; restock: boolean }[];
  /** The return's reason code. */
  reason: string;
  /** What the goods back were worth when chosen (the panel shows main's preview once it answers). */
  creditMinor: number;
}

export const exchangeDraftCalls = {
  /** 换货 chosen on the return screen: the goods are kept as the open sale's exchange (checked as a return plan; replaces an earlier draft). */
  'exchange.keepDraft': call<ExchangeDraftView>()(
    z
      .object({
        saleId: uuid,
        originalSaleId: uuid,
        lines: z
          .array(z.object({ lineId: id, qtyMilli, restock: z.boolean() }).strict())
          .min(1)
          .max(500),
        reason: refundReason,
      })
      .strict(),
  ),
  /** The cashier left the exchange before it began: the new goods stay on the sale, as a plain sale. */
  'exchange.dropDraft': call<{ saleId: string }>()(z.object({ saleId: uuid }).strict()),
  /** The exchange being prepared on this open sale (null: none). */
  'exchange.draftOf': call<ExchangeDraftView | null>()(z.object({ saleId: uuid }).strict()),
};
