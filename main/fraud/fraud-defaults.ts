import type { FraudThresholds } from '../../preload/contract/fraud-views';

/**
 * Where each rule starts before the owner tunes it: tight enough to catch the classic patterns
 * (a cashier ringing up many cheap sales to hide skimmed cash, splitting a large sale), loose
 * enough that an ordinary busy hour stays quiet. Opening hours differ too much between shops to
 * guess, so that rule starts off. A refused cash-out is rare by mistake (a typing slip, then the
 * right amount): a second one within the hour is already worth the owner's look. Cash taken and
 * then handed back by cancelling the sale is rare too (a customer who paid part and walked away),
 * and it is how a cashier pockets a sale's cash: each one is shown, as each void after payment is.
 * Between a close and the next open nothing can be booked, so the drawer should hold what the
 * close counted: a float counted ¥20.00 or more away from it (a note, not a miscounted coin) is
 * cash that left or came in with no record, and each such handover is shown.
 */
export const DEFAULT_FRAUD_THRESHOLDS: FraudThresholds = {
  small_sales_burst: { enabled: true, count: 5, underMinor: 500, windowMinutes: 10 },
  large_sales_window: { enabled: true, largeSaleMinor: 50_000, count: 3, sumMinor: 300_000, windowMinutes: 30 },
  card_declines: { enabled: true, count: 3, windowMinutes: 10 },
  refund_without_receipt: { enabled: true, minMinor: 0 },
  cash_refund_of_card_sale: { enabled: true, minMinor: 0 },
  void_after_payment: { enabled: true, minMinor: 0 },
  no_sale_openings: { enabled: true, count: 3, windowMinutes: 60 },
  discount_share: { enabled: true, shareBp: 1_000, minDaySalesMinor: 10_000 },
  outside_hours: { enabled: false, opensAtHour: 8, closesAtHour: 22 },
  same_operator_refund: { enabled: true, minMinor: 0 },
  cash_out_refusals: { enabled: true, count: 2, windowMinutes: 60 },
  cancel_after_cash: { enabled: true, minMinor: 0 },
  handover_difference: { enabled: true, minMinor: 2_000 },
};
