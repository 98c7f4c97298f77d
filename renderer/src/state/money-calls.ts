import type { CallInput, CallName } from '../../../preload/contract';

/** The calls whose input carries an idempotency key: the contract's `movesMoney` calls. */
type KeyedCall = { [N in CallName]: CallInput<N> extends { idempotencyKey: string } ? N : never }[CallName];

// The renderer imports no zod, so it cannot read `movesMoney` from the contract at run time.
// The list is checked both ways instead: a name without a key does not compile here, a keyed
// call missing from it fails `_everyKeyedCallListed`, and a unit test compares it with the contract.
const moneyCallNames = [
  'sale.tenderCash',
  'sale.complete',
  'sale.cancel',
  'card.pay',
  'card.resolve',
  'refund.withReceipt',
  'refund.priceAdjustment',
  'refund.withoutReceipt',
  'void.sale',
  'refund.retryPart',
  'refund.partInCash',
  'exchange.complete',
  'exchange.begin',
  'exchange.toCard',
  'scanpay.pay',
  'shift.open',
  'cash.move',
  'shift.count',
  'shift.close',
  'dayClose.close',
] as const satisfies readonly KeyedCall[];
const _everyKeyedCallListed: [Exclude<KeyedCall, (typeof moneyCallNames)[number]>] extends [never] ? true : false = true;

export const moneyCalls: ReadonlySet<CallName> = new Set(moneyCallNames);

export function isMoneyCall(name: CallName): boolean {
  return moneyCalls.has(name);
}

/** What a screen passes to run(): a money call's input without the key, which the hook adds. */
export type RunInput<N extends CallName> = CallInput<N> extends { idempotencyKey: string } ? Omit<CallInput<N>, 'idempotencyKey'> : CallInput<N>;
