// The rows a sales report is built from: the Zs' day and product rollups of the range, never
// the documents, so a year stays as quick as a month.
import type { ReportGrouping, SalesReportView } from '../../preload/contract/reports-views';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { buildSalesReport, type ProductRow, type RollupRow } from './sales-report';

/** The calendar day `days` after (or before, negative) `day`, by date arithmetic. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/**
 * The week a report shows unless asked for another: up to today (the store's business day of
 * `now`) or the latest closed business day, whichever is later.
 */
export function defaultRange(db: Db, today: string, registerId: string | null): { from: string; to: string } {
  const latest = (
    sql(db, `SELECT MAX(business_day) AS day FROM z_reports${registerId === null ? '' : ' WHERE register_id = ?'}`).get(
      ...(registerId === null ? [] : [registerId]),
    ) as { day: string | null }
  ).day;
  const to = latest !== null && latest > today ? latest : today;
  return { from: addDays(to, -6), to };
}

export function salesReport(
  db: Db,
  query: { from?: string | undefined; to?: string | undefined; registerId?: string | undefined; groupBy: ReportGrouping; top?: number | undefined },
  today: string,
): SalesReportView {
  const registerId = query.registerId ?? null;
  const range = query.from !== undefined && query.to !== undefined ? { from: query.from, to: query.to } : defaultRange(db, today, registerId);
  const q = { ...query, ...range };
  const registerWhere = registerId === null ? '' : 'AND register_id = ?';
  const args = registerId === null ? [q.from, q.to] : [q.from, q.to, registerId];
  // One row per Z and figure (a year of one register is ~365 rows per dimension key), summed per
  // period in buildSalesReport; kept per register, as whether a Z counted its cash or kept its
  // hours' takings is the Z's, not the day's.
  const rows = sql(
    db,
    `SELECT business_day AS businessDay, register_id AS registerId, dimension, key, count, amount_minor AS amountMinor FROM day_rollups
      WHERE business_day BETWEEN ? AND ? ${registerWhere}
        AND (dimension IN ('kind', 'tender_in', 'tender_out', 'operator', 'hour', 'hour_sales', 'hour_refunds', 'hour_voids', 'hour_discounts', 'discount', 'net')
             OR (dimension = 'cash' AND key IN ('over_short', 'handover')))`,
  ).all(...args) as RollupRow[];
  const products = sql(
    db,
    `SELECT product_key AS productKey, MAX(name) AS name, category, category_en AS categoryEn, SUM(lines) AS lines, SUM(qty_milli) AS qtyMilli, SUM(net_minor) AS netMinor
       FROM product_rollups WHERE business_day BETWEEN ? AND ? ${registerWhere} GROUP BY product_key, category, category_en`,
  ).all(...args) as ProductRow[];
  const registers = sql(db, 'SELECT DISTINCT register_id FROM z_reports ORDER BY register_id').pluck().all() as string[];
  const operatorNames = new Map((sql(db, 'SELECT id, name FROM operators').all() as { id: number; name: string }[]).map((o) => [o.id, o.name]));
  return buildSalesReport({ from: q.from, to: q.to, registerId, registers, groupBy: q.groupBy, top: q.top ?? 10, rows, products, operatorNames });
}
