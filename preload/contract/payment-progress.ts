// Payments under way, for a window that did not start them (reloaded, or opened meanwhile).
import { z } from 'zod';
import { call } from './define';
import { uuid } from './primitives';
import type { GiveBackProgressView, SalePaymentProgressView } from './payment-progress-views';

export const paymentProgressCalls = {
  /**
   * The sale's card or scan-to-pay payment still running (its step, amount, provider, start) and
   * how its last pay call ended. Live changes follow as `payment.step`, then `payment.ended`.
   */
  'payment.progress': call<SalePaymentProgressView>()(z.object({ saleId: uuid }).strict()),
  /**
   * The newest correction of the sale that gives money back to a card: running (its step) or how
   * it ended; null when none did. Live changes follow as `payment.step` and `payment.ended` under
   * the correction's id. `since` (epoch ms): only a correction opened from then on, so a window
   * that started a new one is never shown an older correction of the same sale.
   */
  'payment.giveBackProgress': call<GiveBackProgressView | null>()(
    z.object({ saleId: uuid, since: z.number().int().min(0).max(8_640_000_000_000_000).optional() }).strict(),
  ),
};
