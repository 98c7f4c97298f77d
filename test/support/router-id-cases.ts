// The router-input test's tables for the corrections' calls: ids that name nothing, and ids and
// receipt codes that name a sale of another register. Each case is a call, its input and the
// coded refusal it must get, with nothing changed.
import type { CallName } from '../../preload/contract';

export type IdCase = [CallName, Record<string, unknown>, string];

const UNKNOWN_SALE = '3f1e4c1a-0000-4000-8000-00000000abcd';

/** Unknown sales, lines and operators in the refund, void, exchange and document-list calls. */
export function unknownCorrectionIds(saleId: string, lineId: number): IdCase[] {
  const lines = [{ lineId, qtyMilli: 1000, restock: true }];
  return [
    ['refund.find', { code: UNKNOWN_SALE }, 'sale.not_found'],
    ['refund.find', { code: 'R1-424242' }, 'receipt.not_found'],
    ['refund.preview', { saleId: UNKNOWN_SALE, lines }, 'sale.not_found'],
    ['refund.withReceipt', { saleId: UNKNOWN_SALE, lines, reason: 'defective', idempotencyKey: 'key-unknown-refund' }, 'sale.not_found'],
    [
      'refund.priceAdjustment',
      { saleId: UNKNOWN_SALE, lineId, amountMinor: 50, reason: 'wrong_price', idempotencyKey: 'key-unknown-adjust' },
      'sale.not_found',
    ],
    ['void.sale', { saleId: UNKNOWN_SALE, reason: 'cashier_error', idempotencyKey: 'key-unknown-void' }, 'sale.not_found'],
    ['exchange.preview', { saleId, originalSaleId: UNKNOWN_SALE, lines }, 'sale.not_found'],
    ['exchange.begin', { saleId, originalSaleId: UNKNOWN_SALE, lines, reason: 'wrong_item', idempotencyKey: 'key-unknown-ex-begin' }, 'sale.not_found'],
    [
      'exchange.complete',
      { saleId, originalSaleId: UNKNOWN_SALE, lines, reason: 'wrong_item', tenderedMinor: 500, idempotencyKey: 'key-unknown-ex-done' },
      'sale.not_found',
    ],
    ['exchange.abandon', { saleId: UNKNOWN_SALE }, 'exchange.not_pending'],
    ['documents.list', { operatorId: 999_999 }, 'operator.not_found'],
  ];
}

/**
 * A completed sale of another register (`otherSaleId`, its line `otherLineId`, receipt 1 of
 * `otherRegisterId`) named to this one, whose open sale `saleId` holds the exchange's new goods.
 */
export function otherRegisterIds(ids: { saleId: string; otherSaleId: string; otherLineId: number; otherRegisterId: string }): IdCase[] {
  const { saleId, otherSaleId, otherLineId, otherRegisterId } = ids;
  const lines = [{ lineId: otherLineId, qtyMilli: 1000, restock: true }];
  const params = 'refund.other_register';
  return [
    ['refund.find', { code: `${otherRegisterId}-000001` }, params],
    ['refund.find', { code: `${otherRegisterId}-T-000001` }, params],
    ['refund.find', { code: otherSaleId }, params],
    ['refund.preview', { saleId: otherSaleId, lines }, params],
    ['refund.withReceipt', { saleId: otherSaleId, lines, reason: 'defective', idempotencyKey: 'key-other-refund' }, params],
    ['refund.withReceipt', { saleId: otherSaleId, lines, reason: 'defective', toCash: true, idempotencyKey: 'key-other-refund-cash' }, params],
    [
      'refund.priceAdjustment',
      { saleId: otherSaleId, lineId: otherLineId, amountMinor: 50, reason: 'wrong_price', idempotencyKey: 'key-other-adjust' },
      params,
    ],
    ['void.sale', { saleId: otherSaleId, reason: 'cashier_error', idempotencyKey: 'key-other-void' }, params],
    ['exchange.preview', { saleId, originalSaleId: otherSaleId, lines }, params],
    ['exchange.begin', { saleId, originalSaleId: otherSaleId, lines, reason: 'wrong_item', idempotencyKey: 'key-other-ex-begin' }, params],
    [
      'exchange.complete',
      { saleId, originalSaleId: otherSaleId, lines, reason: 'wrong_item', tenderedMinor: 500, idempotencyKey: 'key-other-ex-done' },
      params,
    ],
  ];
}
