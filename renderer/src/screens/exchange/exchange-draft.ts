// An exchange being prepared: the goods chosen on the return screen, waiting for the new goods
// on the sale screen. Main keeps it with the open sale (exchange.keepDraft), so a reload, a second
// window or a restart shows it again (use-exchange-draft.ts); no money is booked until the
// exchange completes (in main, in one transaction).
import type { RefundReason } from '../../../../preload/contract/refund';
import type { ReturnLine } from '../refund/return-selection';

export interface ExchangeDraft {
  originalSaleId: string;
  /** The original's receipt number as printed (R1-000042). */
  originalReceipt: string;
  lines: ReturnLine[];
  reason: RefundReason;
  /** What the goods back are worth, as the return screen's preview said. */
  creditMinor: number;
  /** Begun for a difference paid on the payment screen (card): the credit is on the sale, the return open. */
  begun?: boolean;
  /**
   * The difference goes back to the card (exchange.toCard): the new sale is not to be changed until
   * the return completes or the exchange is given up. refundId: the return left open by a refused or
   * unknown card refund; null while the terminal runs the first time.
   */
  cardBack?: { refundId: string | null };
}
