// Reports over closed business days, summed from the rollups each Z writes.
import type { DocumentKind, PaymentMethod } from './document-views';

export type ReportGrouping = 'hour' | 'day' | 'week' | 'month';

/** One bar of the report: an hour of the day (summed over the range), a day, an ISO week or a month. */
export interface ReportPeriodView {
  /** 00–23, 2026-11-29, 2026-W48 or 2026-11. */
  key: string;
  salesCount: number;
  salesMinor: number;
  refundsMinor: number;
  voidsMinor: number;
  discountMinor: number;
  netMinor: number;
  /** The shifts' own counts: over > 0, short < 0 (0 by the hour: the count is the day's, not an hour's). */
  overShortMinor: number;
  /**
   * Handover differences (cash missing or found between a close and the next open); null when no
   * day of the period recorded them (Zs taken before handovers were compared), and by the hour.
   */
  handoverMinor: number | null;
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
  discounts: { count: number; amountMinor: number };
  netMinor: number;
  /** The closed days' over/short, summed. */
  overShortMinor: number;
  /** The closed days' handover differences, summed; null when none of them recorded any (see handoverUnrecordedDays). */
  handoverMinor: number | null;
  /** Closed days whose Z recorded no handover figure (taken before handovers were compared): unknown, not 0. */
  handoverUnrecordedDays: number;
  /** Sales taken ÷ number of sales; null without sales. */
  averageBasketMinor: number | null;
  /** By net takings, best first and worst first, at most `top` each. */
  topProducts: ReportProductView[];
  bottomProducts: ReportProductView[];
  categories: ReportCategoryView[];
}
