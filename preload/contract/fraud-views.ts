// What the fraud watch shows the owner: its alerts and the thresholds of its rules.

/** The rules, each named for the pattern it watches. */
export type FraudRule =
  | 'small_sales_burst'
  | 'large_sales_window'
  | 'card_declines'
  | 'refund_without_receipt'
  | 'cash_refund_of_card_sale'
  | 'void_after_payment'
  | 'no_sale_openings'
  | 'discount_share'
  | 'outside_hours'
  | 'same_operator_refund'
  | 'cash_out_refusals'
  | 'cancel_after_cash'
  | 'handover_difference';

export const FRAUD_RULES: readonly FraudRule[] = [
  'small_sales_burst',
  'large_sales_window',
  'card_declines',
  'refund_without_receipt',
  'cash_refund_of_card_sale',
  'void_after_payment',
  'no_sale_openings',
  'discount_share',
  'outside_hours',
  'same_operator_refund',
  'cash_out_refusals',
  'cancel_after_cash',
  'handover_difference',
];

/** Every rule's switch and limits. Amounts in minor units, windows in minutes, shares in basis points. */
export interface FraudThresholds {
  small_sales_burst: { enabled: boolean; count: number; underMinor: number; windowMinutes: number };
  large_sales_window: { enabled: boolean; largeSaleMinor: number; count: number; sumMinor: number; windowMinutes: number };
  card_declines: { enabled: boolean; count: number; windowMinutes: number };
  refund_without_receipt: { enabled: boolean; minMinor: number };
  cash_refund_of_card_sale: { enabled: boolean; minMinor: number };
  void_after_payment: { enabled: boolean; minMinor: number };
  no_sale_openings: { enabled: boolean; count: number; windowMinutes: number };
  discount_share: { enabled: boolean; shareBp: number; minDaySalesMinor: number };
  /** Opening hours in the store's time zone, whole hours: a sale at or after `closesAtHour` or before `opensAtHour` is outside. */
  outside_hours: { enabled: boolean; opensAtHour: number; closesAtHour: number };
  same_operator_refund: { enabled: boolean; minMinor: number };
  /** Cash asked of the drawer beyond what it should hold and refused, by one operator: probing the blind count's expected cash. */
  cash_out_refusals: { enabled: boolean; count: number; windowMinutes: number };
  /** Cash taken on a sale, then the whole sale cancelled (整单取消) and the cash "given back": from this much cash on. */
  cancel_after_cash: { enabled: boolean; minMinor: number };
  /** The float counted at a shift's open differs from the previous close's count that day by this much or more, short or over. */
  handover_difference: { enabled: boolean; minMinor: number };
}

/** Whom or what an alert is about: the register, an operator, a masked card, or one document. */
export type FraudScope =
  | { kind: 'register'; registerId: string }
  | { kind: 'operator'; operatorId: number }
  | { kind: 'card'; maskedPan: string }
  | { kind: 'document'; documentId: string };

/** The figures an alert's explanation is written from (all numbers; amounts in minor units). */
export type FraudParams = Record<string, number>;

export interface FraudAlertView {
  id: number;
  rule: FraudRule;
  scope: FraudScope;
  /** The operator's name when the scope is an operator (or the document's operator). */
  operatorName: string | null;
  /** The names of the operators a figure names by id (a param ending in `OperatorId`), keyed by that param. */
  operatorNames: Record<string, string>;
  registerId: string;
  businessDay: string;
  at: number;
  params: FraudParams;
  /** The evidence: the documents and journal entries that made the pattern. */
  documents: { documentId: string; receiptNo: number | null }[];
  seqs: number[];
  /** The journal entry that recorded the alert. */
  journalSeq: number;
  acknowledged: { at: number; operatorName: string; note: string } | null;
}

export interface FraudSettingsView {
  thresholds: FraudThresholds;
  defaults: FraudThresholds;
}
