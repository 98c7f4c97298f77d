// X and Z reports, the card reconciliation and the summaries built from closed days. Amounts per
// kind are positive; "net" figures count refunds and voids negative.
import type { DocumentKind, PaymentMethod } from './document-views';
import type { ExpectedCashView, ShiftHandoverView } from './shift-views';
import type { FraudRule, FraudScope } from './fraud-views';

export interface KindFiguresView {
  kind: DocumentKind;
  count: number;
  totalMinor: number;
  taxMinor: number;
}

/** Money in (sales) and out (refunds and voids) per tender. */
export interface TenderFiguresView {
  method: PaymentMethod;
  inCount: number;
  inMinor: number;
  outCount: number;
  outMinor: number;
  netMinor: number;
}

/** Per tax rate, sales less refunds and voids. */
export interface TaxFiguresView {
  rateBp: number;
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
}

export interface OperatorFiguresView {
  operatorId: number;
  operatorName: string;
  salesCount: number;
  salesMinor: number;
  correctionsCount: number;
  correctionsMinor: number;
  netMinor: number;
}

/** Store-local clock hour (0-23) of completion. */
export interface HourFiguresView {
  hour: number;
  salesCount: number;
  salesMinor: number;
  /** Refunds, voids and the sales' discounts of the hour; absent in Zs closed before the hour kept them. */
  refundsMinor?: number;
  voidsMinor?: number;
  discountMinor?: number;
  netMinor: number;
}

export interface ReportFiguresView {
  documentCount: number;
  firstReceiptNo: number | null;
  lastReceiptNo: number | null;
  /** Always sale, refund, void, in that order. */
  kinds: KindFiguresView[];
  tenders: TenderFiguresView[];
  taxRates: TaxFiguresView[];
  operators: OperatorFiguresView[];
  /** 24 entries, hour 0 to 23. */
  hours: HourFiguresView[];
  /**
   * The sales' discounts, gross (count and amount), as the sales are. Beside them, as refunds are
   * beside sales, the share of them on goods refunded or voided in the report (on the day of the
   * correction, whatever day the sale): what was kept = amount − returned. Absent in Zs stored
   * before it was reported: unknown there, not 0.
   */
  discounts: { count: number; amountMinor: number; returnedCount?: number; returnedMinor?: number };
  /** Sales less refunds and voids. */
  netMinor: number;
  netTaxMinor: number;
  /** Drawer opened without a sale ("no sale"). */
  noSales: number;
  /** Receipt duplicates printed. */
  duplicates: number;
  cashMovements: { kind: 'paid_in' | 'paid_out' | 'safe_drop' | 'float_top_up'; count: number; amountMinor: number }[];
  /**
   * Exchanges (换货): the credit of the goods back, booked as a cash refund and as cash taken on the
   * new sale, so the cash tender's in and out each include it though no money moved. Shown so the
   * owner can tell the drawer's real cash from it. Only in Zs stored before `exchangeCreditSpent`
   * (and absent in Zs stored before it was reported); read as printed then.
   */
  exchangeCredit?: { count: number; amountMinor: number };
  /**
   * Exchanges (换货): the part of their credit that paid the new goods, inside the cash tender's in
   * and out though it never was in the drawer (cash in − it = cash really taken, cash out − it =
   * cash really handed out, a cheaper exchange's change included). Replaces `exchangeCredit`,
   * which summed the whole credit; a Z has one or the other (or neither, if older still).
   */
  exchangeCreditSpent?: { count: number; amountMinor: number };
}

/** One shift's cash as the X (counted shifts only) and the Z show it. */
export interface ShiftCashView {
  shiftId: number;
  operatorName: string;
  openedAt: number;
  closedAt: number | null;
  state: 'open' | 'counting' | 'closed';
  expected: ExpectedCashView;
  /** The count that stands (recount if any); null when none was entered. */
  countedMinor: number | null;
  /** The first count when a recount replaced it. */
  firstCountMinor: number | null;
  differenceMinor: number | null;
  forceReason: string | null;
  /**
   * Its opening float against the previous close's count that business day (null: nothing to
   * compare with). Absent in Zs stored before handovers were compared.
   */
  handover?: ShiftHandoverView | null;
}

export type ReconciliationDifferenceKind = 'missing_on_register' | 'missing_on_terminal' | 'amount_differs' | 'total_differs';

/** One line of the card reconciliation that does not agree. */
export interface ReconciliationDifferenceView {
  kind: ReconciliationDifferenceKind;
  /** The terminal's card slot (girocard, JCB, Mastercard, American Express, VISA, Diners, other); null for the total. */
  brand: string | null;
  /** How many transactions the line stands for. */
  count: number;
  terminalMinor: number;
  registerMinor: number;
  /** terminal − register. */
  differenceMinor: number;
  /** When the line is one payment the register booked: its document's receipt number and the terminal's. */
  documentReceiptNo: number | null;
  terminalReceiptNo: number | null;
  /** Terminal receipt numbers in the batch the register has no payment for. */
  terminalReceiptNos: number[];
  /**
   * differenceMinor is the amount of the payments the line names (one payment, or a slot one side
   * lacks entirely). False: it is only the difference of the slot's or the settlement's totals,
   * which may combine several differences, since the terminal gives no amount per receipt.
   * Absent on Zs closed before it was kept: read as false.
   */
  exact: boolean;
}

export interface ReconciliationBrandView {
  brand: string;
  terminalCount: number;
  terminalMinor: number;
  registerCount: number;
  registerMinor: number;
}

export interface CardReconciliationView {
  /** matched; differences; no_terminal: none configured; skipped: the end of day could not run and the closer said why. */
  status: 'matched' | 'differences' | 'no_terminal' | 'skipped';
  skipReason: string | null;
  batchIds: number[];
  terminalId: string | null;
  receiptFrom: number | null;
  receiptTo: number | null;
  /** What the bank will pay (payments less refunds), by the terminal and by the ledger. */
  terminalTotalMinor: number;
  registerTotalMinor: number;
  registerRefundsMinor: number;
  brands: ReconciliationBrandView[];
  differences: ReconciliationDifferenceView[];
}

/**
 * Refunds and voids of the register still open while their parts go back one by one (a card part
 * back at the terminal, a wallet part still with the provider). A document counts in the figures
 * once it completes, so none of this is in them yet: what already went back to a card or a wallet
 * is listed here, so that the X's card out plus this card back is what the terminal gave back.
 * Their cash leaves the drawer only when they complete, so none is listed.
 */
export interface CorrectionsInProgressView {
  count: number;
  /** What they give back in all, once complete. */
  totalMinor: number;
  /** Already back, by tender (only tenders with money back), card first. */
  back: { method: 'card' | 'scan'; count: number; amountMinor: number }[];
}

/** The X report: a day's or a shift's figures so far, changing nothing. */
export interface XReportView {
  scope: 'shift' | 'day';
  registerId: string;
  businessDay: string;
  shiftId: number | null;
  at: number;
  figures: ReportFiguresView;
  shifts: ShiftCashView[];
  grandTotalMinor: number;
  /** Open refunds and voids with parts already back; not in `figures` until they complete. */
  correctionsInProgress: CorrectionsInProgressView;
}

export interface ZReportView {
  id: number;
  zNo: number;
  registerId: string;
  businessDay: string;
  closedAt: number;
  operatorName: string;
  firstReceiptNo: number | null;
  lastReceiptNo: number | null;
  grandTotalBeforeMinor: number;
  grandTotalAfterMinor: number;
  figures: ReportFiguresView;
  shifts: ShiftCashView[];
  /** Sum of the counted shifts' differences (over > 0, short < 0). */
  overShortMinor: number;
  /**
   * Sum of the handover differences (cash missing or found between a close and the next open);
   * not in `overShortMinor`, which is what the shifts' own counts found. Absent in older Zs.
   */
  handoverMinor?: number;
  reconciliation: CardReconciliationView;
  /** The fraud watch's alerts of the business day, as they stand when the Z is read. */
  fraudAlerts: ZFraudAlertView[];
}

/** One alert as the Z lists it. */
export interface ZFraudAlertView {
  id: number;
  rule: FraudRule;
  /** Whom it watched: the register, an operator, a card or a document (a rule can raise for the register and for its operator at once). */
  scope: FraudScope;
  at: number;
  operatorName: string | null;
  acknowledged: boolean;
}

export interface ZReportSummaryView {
  id: number;
  zNo: number;
  businessDay: string;
  closedAt: number;
  operatorName: string;
  netMinor: number;
  documentCount: number;
  /** Null when no shift of the day was counted: unknown, not even. */
  overShortMinor: number | null;
  /** The day's handover differences; null for a Z taken before handovers were compared (unknown, not even). */
  handoverMinor: number | null;
  reconciliationStatus: CardReconciliationView['status'];
  reprints: number;
}

/** Before the Z: what it will close and what stands in the way. */
export interface DayCloseStatusView {
  registerId: string;
  /** The business day the next Z closes. */
  businessDay: string;
  nextZNo: number;
  lastZ: { zNo: number; businessDay: string; closedAt: number } | null;
  documentCount: number;
  /** Shifts not closed yet: the Z force-closes them only with a reason each. */
  liveShifts: { shiftId: number; operatorName: string; openedAt: number; state: 'open' | 'counting' }[];
  terminalConfigured: boolean;
  unresolvedCardPayments: number;
  /** A sale on the register has taken money but is not completed. */
  saleInProgress: boolean;
  /** A return or void has given part of its money back but is not completed (a part refused: retry it or give it in cash). */
  correctionInProgress: boolean;
  /**
   * Whether `businessDay` can be closed now: false when no document or shift came after the last
   * closed day and that day is today or later (the business days ran ahead of the calendar).
   */
  closable: boolean;
}

/** Figures summed over closed days (from the Z rollups), e.g. a month or a year. */
export interface ReportSummaryView {
  from: string;
  to: string;
  days: number;
  kinds: KindFiguresView[];
  tenders: TenderFiguresView[];
  taxRates: TaxFiguresView[];
  /** As ReportFiguresView.discounts; returnedMinor null when a closed day's Z did not record it. */
  discounts: { count: number; amountMinor: number; returnedMinor: number | null };
  netMinor: number;
  netTaxMinor: number;
  /**
   * The counted closed days' over/short, summed; null when no shift of the range was counted
   * (unknown, not even). A drawer closed without a count is never a 0 in it.
   */
  overShortMinor: number | null;
  /** Closed days in the range whose shifts were none of them counted: left out of overShortMinor. */
  overShortUncountedDays: number;
  /**
   * Sum of the handover differences of the days that recorded them; null when none of the range's
   * closed days did (Zs taken before handovers were compared): unknown, not even.
   */
  handoverMinor: number | null;
  /** Closed days in the range whose Z recorded no handover figure (taken before it was compared). */
  handoverUnrecordedDays: number;
  byDay: { businessDay: string; zNo: number; netMinor: number }[];
}
