// A sales report from rollup rows: pure, so it is tested on rows alone and the query around it
// only fetches. Days are grouped into ISO weeks (Monday first, as in China) or months here.
import type { DocumentKind, PaymentMethod } from '../../preload/contract/document-views';
import type { ReportCategoryView, ReportGrouping, ReportPeriodView, ReportProductView, SalesReportView } from '../../preload/contract/reports-views';

/** One day_rollups row as read. */
export interface RollupRow {
  businessDay: string;
  registerId: string;
  dimension: string;
  key: string;
  count: number;
  amountMinor: number;
}

export interface ProductRow {
  productKey: string;
  name: string;
  /** The category's Chinese name, else its English one, as the day closed; null: none. */
  category: string | null;
  /** Its English name; null where it has none, or a rollup from before it was kept names a category gone since. */
  categoryEn: string | null;
  lines: number;
  qtyMilli: number;
  netMinor: number;
}

/** ISO 8601 week of a YYYY-MM-DD day: 2026-W48. */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of this week decides the year the week belongs to.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function periodOf(day: string, groupBy: Exclude<ReportGrouping, 'hour'>): string {
  return groupBy === 'day' ? day : groupBy === 'week' ? isoWeek(day) : day.slice(0, 7);
}

const emptyPeriod = (key: string): ReportPeriodView => ({
  key,
  salesCount: 0,
  salesMinor: 0,
  refundsMinor: 0,
  voidsMinor: 0,
  discountMinor: 0,
  netMinor: 0,
  overShortMinor: null,
  handoverMinor: null,
  handoverUnrecorded: false,
});

/** What the rows tell of one Z (a register's closed day) beyond its sums. */
interface ZSeen {
  documents: number;
  /** Shifts whose cash was counted (the over/short rollup's count). */
  counted: number;
  /** It wrote a handover rollup (Zs before handovers were compared did not); and how many handovers it compared. */
  handoverRecorded: boolean;
  handovers: number;
  /** It wrote the hour's takings, refunds, voids and discounts. */
  hourFigures: boolean;
  /** It wrote the discounts' share on goods returned (Zs before it was recorded did not). */
  discountReturned: boolean;
}

const HOUR_FIGURES: Readonly<Record<string, 'salesMinor' | 'refundsMinor' | 'voidsMinor' | 'discountMinor'>> = {
  hour_sales: 'salesMinor',
  hour_refunds: 'refundsMinor',
  hour_voids: 'voidsMinor',
  hour_discounts: 'discountMinor',
};

export function buildSalesReport(input: {
  from: string;
  to: string;
  registerId: string | null;
  registers: string[];
  groupBy: ReportGrouping;
  top: number;
  rows: readonly RollupRow[];
  products: readonly ProductRow[];
  operatorNames: ReadonlyMap<number, string>;
}): SalesReportView {
  const { rows, groupBy } = input;
  const periods = new Map<string, ReportPeriodView>();
  const period = (key: string) => {
    let p = periods.get(key);
    if (!p) {
      p = emptyPeriod(key);
      periods.set(key, p);
    }
    return p;
  };
  if (groupBy === 'hour') for (let h = 0; h < 24; h++) period(String(h).padStart(2, '0'));
  const kinds = new Map<DocumentKind, { count: number; totalMinor: number }>([
    ['sale', { count: 0, totalMinor: 0 }],
    ['refund', { count: 0, totalMinor: 0 }],
    ['void', { count: 0, totalMinor: 0 }],
  ]);
  const tenders = new Map<PaymentMethod, { inMinor: number; outMinor: number }>([
    ['cash', { inMinor: 0, outMinor: 0 }],
    ['card', { inMinor: 0, outMinor: 0 }],
    ['scan', { inMinor: 0, outMinor: 0 }],
  ]);
  const operators = new Map<number, { salesCount: number; netMinor: number }>();
  const days = new Set<string>();
  const discounts = { count: 0, amountMinor: 0, returnedMinor: 0 as number | null };
  let netMinor = 0;
  let overShortMinor = 0;
  let handoverMinor = 0;
  // Days whose Z wrote a handover rollup; a Z taken before handovers were compared wrote none.
  const handoverDays = new Set<string>();
  const zs = new Map<string, ZSeen>();
  // Periods with a counted shift, and with a compared handover: the others' 0 is unknown, not even.
  const countedPeriods = new Set<string>();
  const handoverPeriods = new Set<string>();
  const handoverRecordedPeriods = new Set<string>();

  for (const r of rows) {
    days.add(r.businessDay);
    const byDay = groupBy === 'hour' ? null : period(periodOf(r.businessDay, groupBy));
    const zKey = `${r.registerId}\u0000${r.businessDay}`;
    const z = zs.get(zKey) ?? { documents: 0, counted: 0, handoverRecorded: false, handovers: 0, hourFigures: false, discountReturned: false };
    zs.set(zKey, z);
    const hourFigure = HOUR_FIGURES[r.dimension];
    if (hourFigure) {
      z.hourFigures = true;
      if (groupBy === 'hour') {
        const h = period(r.key);
        h[hourFigure] = (h[hourFigure] ?? 0) + r.amountMinor;
      }
      continue;
    }
    switch (r.dimension) {
      case 'kind': {
        const k = kinds.get(r.key as DocumentKind);
        if (k) {
          k.count += r.count;
          k.totalMinor += r.amountMinor;
        }
        if (byDay && r.key === 'sale') {
          byDay.salesCount += r.count;
          byDay.salesMinor = (byDay.salesMinor ?? 0) + r.amountMinor;
        } else if (byDay && r.key === 'refund') byDay.refundsMinor = (byDay.refundsMinor ?? 0) + r.amountMinor;
        else if (byDay && r.key === 'void') byDay.voidsMinor = (byDay.voidsMinor ?? 0) + r.amountMinor;
        break;
      }
      case 'tender_in':
      case 'tender_out': {
        const t = tenders.get(r.key as PaymentMethod);
        if (t && r.dimension === 'tender_in') t.inMinor += r.amountMinor;
        else if (t) t.outMinor += r.amountMinor;
        break;
      }
      case 'operator': {
        const id = Number(r.key);
        const o = operators.get(id) ?? { salesCount: 0, netMinor: 0 };
        o.salesCount += r.count;
        o.netMinor += r.amountMinor;
        operators.set(id, o);
        break;
      }
      case 'hour':
        if (groupBy === 'hour') {
          const h = period(r.key);
          h.salesCount += r.count;
          h.netMinor += r.amountMinor;
        }
        break;
      case 'discount':
        // Given on sales (gross, as the sales are) and, beside them, the share on goods returned.
        if (r.key === 'returned') {
          z.discountReturned = true;
          discounts.returnedMinor = (discounts.returnedMinor ?? 0) + r.amountMinor;
          break;
        }
        discounts.count += r.count;
        discounts.amountMinor += r.amountMinor;
        if (byDay) byDay.discountMinor = (byDay.discountMinor ?? 0) + r.amountMinor;
        break;
      case 'net':
        netMinor += r.amountMinor;
        z.documents += r.count;
        if (byDay) byDay.netMinor += r.amountMinor;
        break;
      case 'cash':
        if (r.key === 'over_short') {
          overShortMinor += r.amountMinor;
          z.counted += r.count;
          if (byDay) {
            byDay.overShortMinor = (byDay.overShortMinor ?? 0) + r.amountMinor;
            if (r.count > 0) countedPeriods.add(byDay.key);
          }
        } else if (r.key === 'handover') {
          handoverMinor += r.amountMinor;
          handoverDays.add(r.businessDay);
          z.handoverRecorded = true;
          z.handovers += r.count;
          if (byDay) {
            byDay.handoverMinor = (byDay.handoverMinor ?? 0) + r.amountMinor;
            handoverRecordedPeriods.add(byDay.key);
            if (r.count > 0) handoverPeriods.add(byDay.key);
          }
        }
        break;
    }
  }
  for (const p of periods.values()) {
    if (!countedPeriods.has(p.key)) p.overShortMinor = null;
    if (!handoverPeriods.has(p.key)) p.handoverMinor = null;
    p.handoverUnrecorded = groupBy !== 'hour' && !handoverRecordedPeriods.has(p.key);
  }
  const seen = [...zs.values()];
  const hourFiguresMissingZs = seen.filter((z) => z.documents > 0 && !z.hourFigures).length;
  // By the hour, a Z that kept no hour figures leaves them unknown for every hour: a column that
  // held only the other Zs' share would not add up to the net.
  if (groupBy === 'hour' && hourFiguresMissingZs > 0)
    for (const p of periods.values()) Object.assign(p, { salesMinor: null, refundsMinor: null, voidsMinor: null, discountMinor: null });
  // A Z that did not record the returned share leaves the range's unknown, not smaller.
  if (seen.some((z) => z.documents > 0 && !z.discountReturned)) discounts.returnedMinor = null;
  const cashCounted = { counted: seen.filter((z) => z.counted > 0).length, of: seen.length };
  const handoverCompared = { compared: seen.filter((z) => z.handovers > 0).length, of: seen.filter((z) => z.handoverRecorded).length };

  const merged = new Map<string, ReportProductView>();
  // By both names: which one a reader sees is the screen's choice, by its language.
  const categories = new Map<string, ReportCategoryView>();
  for (const p of input.products) {
    const m = merged.get(p.productKey) ?? {
      productKey: p.productKey,
      name: p.name,
      category: p.category,
      categoryEn: p.categoryEn,
      lines: 0,
      qtyMilli: 0,
      netMinor: 0,
    };
    // A day closed before English names were kept lends the product the English name a later day knows.
    if (m.categoryEn === null && m.category === p.category) m.categoryEn = p.categoryEn;
    m.lines += p.lines;
    m.qtyMilli += p.qtyMilli;
    m.netMinor += p.netMinor;
    merged.set(p.productKey, m);
    const categoryKey = JSON.stringify([p.category, p.categoryEn]);
    const c = categories.get(categoryKey) ?? { category: p.category, categoryEn: p.categoryEn, qtyMilli: 0, netMinor: 0 };
    c.qtyMilli += p.qtyMilli;
    c.netMinor += p.netMinor;
    categories.set(categoryKey, c);
  }
  // Ties break by name, so the same rollups always give the same list.
  const byNet = [...merged.values()].sort((a, b) => b.netMinor - a.netMinor || a.name.localeCompare(b.name));
  const sales = kinds.get('sale') ?? { count: 0, totalMinor: 0 };

  return {
    from: input.from,
    to: input.to,
    registerId: input.registerId,
    registers: input.registers,
    groupBy,
    closedDays: days.size,
    periods: [...periods.values()].sort((a, b) => a.key.localeCompare(b.key)),
    kinds: [...kinds].map(([kind, k]) => ({ kind, ...k })),
    tenders: [...tenders].map(([method, t]) => ({ method, ...t, netMinor: t.inMinor - t.outMinor })),
    operators: [...operators]
      .map(([operatorId, o]) => ({ operatorId, operatorName: input.operatorNames.get(operatorId) ?? `#${operatorId}`, ...o }))
      .sort((a, b) => b.netMinor - a.netMinor || a.operatorId - b.operatorId),
    discounts,
    netMinor,
    overShortMinor: cashCounted.counted > 0 ? overShortMinor : null,
    cashCounted,
    handoverMinor: handoverCompared.compared > 0 ? handoverMinor : null,
    handoverCompared,
    hourFiguresMissingZs,
    handoverUnrecordedDays: [...days].filter((d) => !handoverDays.has(d)).length,
    averageBasketMinor: sales.count > 0 ? Math.round(sales.totalMinor / sales.count) : null,
    // A product whose every sale was returned or voided sold nothing: not a top seller, though it
    // is among the slowest.
    topProducts: byNet.filter((p) => p.qtyMilli > 0 || p.netMinor > 0).slice(0, input.top),
    bottomProducts: [...byNet].reverse().slice(0, input.top),
    categories: [...categories.values()].sort((a, b) => b.netMinor - a.netMinor),
  };
}
