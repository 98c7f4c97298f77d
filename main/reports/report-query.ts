// The rows a sales report is built from: the Zs' day and product rollups of the range, never
// the documents, so a year stays as quick as a month.
import type { ReportGrouping, SalesReportView } from '../../preload/contract/reports-views';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { buildSalesReport, type ProductRow, type RollupRow } from './sales-report';

export function salesReport(
  db: Db,
  q: { from: string; to: string; registerId?: string | undefined; groupBy: ReportGrouping; top?: number | undefined },
): SalesReportView {
  const registerId = q.registerId ?? null;
  const registerWhere = registerId === null ? '' : 'AND register_id = ?';
  const args = registerId === null ? [q.from, q.to] : [q.from, q.to, registerId];
  // Grouped in SQL: a year of one register is ~365 rows per dimension key, summed here per day.
  const rows = sql(
    db,
    `SELECT business_day AS businessDay, dimension, key, SUM(count) AS count, SUM(amount_minor) AS amountMinor FROM day_rollups
      WHERE business_day BETWEEN ? AND ? ${registerWhere} AND (dimension IN ('kind', 'tender_in', 'tender_out', 'operator', 'hour', 'discount', 'net') OR (dimension = 'cash' AND key IN ('over_short', 'handover')))
      GROUP BY business_day, dimension, key`,
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
