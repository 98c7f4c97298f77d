// The new goods of an exchange whose difference goes back to the card (exchange/card-back-exchange.ts)
// wait in an open, unpaid sale until the card refund has gone through; the transaction that completes
// the return then pays them with the credit worked out for exactly those goods. Changing, paying,
// parking or cancelling that sale meanwhile (from a second window, a scan, a restart's counter)
// would leave the credit paying goods it was not worked out for, or the goods paid twice. And the
// part of its return that never leaves the drawer, for a difference given in cash after all.
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';

/**
 * SQL (0 or 1) for "the sale whose id is `saleId` (an SQL expression) waits for its exchange's
 * card refund": its return is still open and the difference goes to the customer
 * (difference_minor < 0). An exchange whose difference the customer pays also keeps its return
 * open while the sale is being paid, and that sale must stay payable.
 */
export function waitsForExchangeSql(saleId: string): string {
  return `EXISTS (SELECT 1 FROM exchanges e JOIN documents r ON r.id = e.refund_document_id WHERE e.sale_document_id = ${saleId} AND e.difference_minor < 0 AND r.status = 'open')`;
}

export function exchangeWaitError(saleId: string): ServiceError {
  return new ServiceError('sale.exchange_waits', { saleId });
}

/** Refuses to touch a sale that waits for its exchange's card refund. */
export function refuseWhileExchangeWaits(db: Db, saleId: string): void {
  if ((sql(db, `SELECT ${waitsForExchangeSql('?')} AS w`).get(saleId) as { w: number }).w === 1) throw exchangeWaitError(saleId);
}

/**
 * Of the cash a waiting exchange's return books out, what never leaves the drawer: the credit
 * that pays the new goods (written as a cash part of the return and as the new sale's cash
 * payment when both complete). 0 for a return that is no such exchange's.
 */
export function creditKeptInDrawer(db: Db, refundId: string): number {
  const row = sql(db, 'SELECT credit_minor AS credit, difference_minor AS difference FROM exchanges WHERE refund_document_id = ? AND difference_minor < 0').get(
    refundId,
  ) as { credit: number; difference: number } | undefined;
  return row ? row.credit + row.difference : 0;
}
