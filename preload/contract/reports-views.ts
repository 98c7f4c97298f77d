// Reports over closed business days, summed from the rollups each Z writes.
import type { DocumentKind, PaymentMethod } from './document-views';

export type ReportGrouping = 'hour' | 'day' | 'week' | 'month';

/** One bar of the report: an hour of the day (summed over the range), a day, an ISO week or a month. */
export interface ReportPeriodView {
  /** 00–23, 2026-11-29, 2026-W48 or 2026-11. */
  key: string;
  salesCount: number;
  /**
   * Takings, refunds, voids and discounts. By the hour they are null when a Z of the range was closed
   * before it kept them per hour (see SalesReportView.hourFiguresMissingZs): unknown, not 0.
   */
  salesMinor: number | null;
  refundsMinor: number | null;
  voidsMinor: number | null;
  discountMinor: number | null;
  netMinor: number;
  /**
   * The shifts' own counts: over > 0, short < 0; null when no shift of the period's days was
   * counted (not counted is not even), and by the hour (the count is the day's, not an hour's).
   */
  overShortMinor: number | null;
  /**
   * Handover differences (cash missing or found between a close and the next open); null when no
   * day of the period compared one (no handover, or Zs taken before handovers were compared), and by the hour.
   */
  handoverMinor: number | null;
  /** No Z of the period recorded handovers at all (all taken before handovers were compared). */
  handoverUnrecorded: boolean;
}

/**
 * A category by both its names, as the day closed: the screen shows the one of its language, the
 * other where that one is missing (null, null: no category).
 */
export interface ReportCategoryNames {
  /** Its Chinese name, else its English one. */
  category: string | null;
  /** Its English name; null where it has none, or a day closed before English names were kept names a category gone since. */
  categoryEn: string | null;
}

export interface ReportCategoryView extends ReportCategoryNames {
  qtyMilli: number;
  netMinor: number;
}

export interface ReportProductView extends ReportCategoryNames {
  productKey: string;
  name: string;
  lines: number;
  qtyMilli: number;
  netMinor: number;
}

export interface SalesReportView {
  from: string;
  to: string;
  /** null: every register. */
  registerId: string | null;
  /** The registers with closed days in the ledger, for the filter. */
  registers: string[];
  groupBy: ReportGrouping;
  /** Closed days in the range (with the register filter): the open day is not in any report until its Z. */
  closedDays: number;
  periods: ReportPeriodView[];
  kinds: { kind: DocumentKind; count: number; totalMinor: number }[];
  tenders: { method: PaymentMethod; inMinor: number; outMinor: number; netMinor: number }[];
  operators: { operatorId: number; operatorName: string; salesCount: number; netMinor: number }[];
  /**
   * The sales' discounts, gross; returnedMinor: their share on goods refunded or voided in the range
   * (kept = amount − returned), null when a Z of the range closed before it was recorded (unknown).
   */
  discounts: { count: number; amountMinor: number; returnedMinor: number | null };
  netMinor: number;
  /** The counted closed days' over/short, summed; null when no shift of the range was counted. */
  overShortMinor: number | null;
  /** Zs (a register's closed day) of the range, and how many of them counted at least one shift's cash. */
  cashCounted: { counted: number; of: number };
  /** The closed days' handover differences, summed; null when none of them compared a handover (see handoverCompared). */
  handoverMinor: number | null;
  /** Zs that recorded handovers (see handoverUnrecordedDays), and how many of them compared at least one. */
  handoverCompared: { compared: number; of: number };
  /** Zs with documents closed before the Z kept takings, refunds, voids and discounts per hour. */
  hourFiguresMissingZs: number;
  /** Closed days whose Z recorded no handover figure (taken before handovers were compared): unknown, not 0. */
  handoverUnrecordedDays: number;
  /** Sales taken ÷ number of sales; null without sales. */
  averageBasketMinor: number | null;
  /** By net takings, best first and worst first, at most `top` each. */
  topProducts: ReportProductView[];
  bottomProducts: ReportProductView[];
  categories: ReportCategoryView[];
}
