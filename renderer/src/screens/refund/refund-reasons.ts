import type { RefundReason } from '../../../../preload/contract/refund';

/** The reasons a cashier picks from, in the order offered; each is translated as `refund.reason.<code>`. */
export const refundReasons = ['defective', 'wrong_item', 'not_wanted', 'wrong_price', 'cashier_error', 'other'] as const satisfies readonly RefundReason[];

// The renderer bundles no zod, so the contract's enum cannot be read at run time: a reason added
// there and missing here fails to compile.
const _everyReasonListed: [Exclude<RefundReason, (typeof refundReasons)[number]>] extends [never] ? true : false = true;

export function isRefundReason(value: string): value is RefundReason {
  return (refundReasons as readonly string[]).includes(value);
}
