// What an exchange takes as its input and the open sale holding its new goods: shared by the cash
// path (exchange.ts) and the card-back path (card-back-exchange.ts), kept apart so neither imports
// the other.
import type { DocumentView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import { documentView } from '../documents/document-view';
import { refuseWhileExchangeWaits } from '../documents/exchange-wait';
import type { RefundContext } from '../refund/refund-plans';

type ReturnLine = { lineId: number; qtyMilli: number; restock: boolean };
export interface ExchangeInput {
  saleId: string;
  originalSaleId: string;
  lines: ReturnLine[];
}

/** The open sale holding the new goods, as an exchange takes it: rung up, nothing paid yet. */
export function newGoods(ctx: RefundContext, saleId: string): DocumentView {
  const sale = documentView(ctx.db, saleId, ctx.settings.cashRoundingStepMinor);
  if (sale.kind !== 'sale' || sale.status !== 'open') throw new ServiceError('sale.not_open', { saleId });
  if (sale.heldAt !== null) throw new ServiceError('sale.held', { saleId });
  // Already the new goods of an exchange whose difference is going back to the card.
  refuseWhileExchangeWaits(ctx.db, saleId);
  if (sale.lines.length === 0) throw new ServiceError('sale.empty');
  // A payment already taken belongs to that sale alone; mixing it into an exchange would blur who paid what.
  if (sale.payments.length > 0) throw new ServiceError('exchange.sale_has_payments', { saleId });
  return sale;
}
