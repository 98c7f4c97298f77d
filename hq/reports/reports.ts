// HQ's figures. A day's figures are the sum of the registers' Zs for that day (per register, per
// shop, for the chain); a month's the sum of its days. The consistency check recomputes each Z
// from the documents HQ holds for that register and day and names every difference.
import type { Pool } from 'pg';

export interface DayFigure {
  shopId: string;
  registerId: string;
  businessDay: string;
  zNo: number;
  documentCount: number;
  netMinor: number;
  /** The Z's handover differences; null when its entry did not chain them (an older Z): unknown. */
  handoverMinor: number | null;
}

export interface SumFigure {
  shopId: string;
  period: string;
  registers: number;
  zCount: number;
  documentCount: number;
  netMinor: number;
  /** Sum over the Zs that chained their handover differences; null when none did. */
  handoverMinor: number | null;
  /** Zs that chained no handover figure (older ones): left out of handoverMinor, not counted as 0. */
  handoverUnrecorded: number;
}

export async function zDays(pool: Pool, range: { from: string; to: string; shopId?: string | null }): Promise<DayFigure[]> {
  const rows = await pool.query<DayFigure>(
    `SELECT r.shop_id AS "shopId", z.register_id AS "registerId", z.business_day AS "businessDay", z.z_no AS "zNo",
            z.document_count AS "documentCount", z.net_minor AS "netMinor", z.handover_minor AS "handoverMinor"
       FROM z_reports z JOIN registers r ON r.id = z.register_id
      WHERE z.business_day BETWEEN $1 AND $2 AND ($3::text IS NULL OR r.shop_id = $3)
      ORDER BY r.shop_id, z.business_day, z.register_id`,
    [range.from, range.to, range.shopId ?? null],
  );
  return rows.rows;
}

/** Per shop and day (`period` = YYYY-MM-DD) or month (YYYY-MM): sums of Zs. */
export async function zSums(pool: Pool, range: { from: string; to: string; shopId?: string | null }, by: 'day' | 'month'): Promise<SumFigure[]> {
  const period = by === 'day' ? 'z.business_day' : 'substr(z.business_day, 1, 7)';
  const rows = await pool.query<SumFigure>(
    `SELECT r.shop_id AS "shopId", ${period} AS period, COUNT(DISTINCT z.register_id)::int AS registers, COUNT(*)::int AS "zCount",
            SUM(z.document_count)::bigint AS "documentCount", SUM(z.net_minor)::bigint AS "netMinor",
            SUM(z.handover_minor)::bigint AS "handoverMinor", COUNT(*) FILTER (WHERE z.handover_minor IS NULL)::int AS "handoverUnrecorded"
       FROM z_reports z JOIN registers r ON r.id = z.register_id
      WHERE z.business_day BETWEEN $1 AND $2 AND ($3::text IS NULL OR r.shop_id = $3)
      GROUP BY r.shop_id, ${period} ORDER BY r.shop_id, period`,
    [range.from, range.to, range.shopId ?? null],
  );
  return rows.rows;
}

/** Documents HQ holds, summed the way a Z sums them (sales count up, refunds and voids down). */
export async function documentDays(
  pool: Pool,
  registerId?: string,
): Promise<{ registerId: string; businessDay: string; documentCount: number; netMinor: number }[]> {
  const rows = await pool.query<{ registerId: string; businessDay: string; documentCount: number; netMinor: number }>(
    `SELECT register_id AS "registerId", business_day AS "businessDay", COUNT(*)::int AS "documentCount",
            SUM(CASE WHEN kind = 'sale' THEN total_minor ELSE -total_minor END)::bigint AS "netMinor"
       FROM documents WHERE ($1::text IS NULL OR register_id = $1) GROUP BY register_id, business_day ORDER BY register_id, business_day`,
    [registerId ?? null],
  );
  return rows.rows;
}

export interface ZDifference {
  registerId: string;
  zNo: number;
  businessDay: string;
  field: 'documentCount' | 'netMinor' | 'firstReceiptNo' | 'lastReceiptNo' | 'grandTotalAfterMinor';
  z: number | null;
  documents: number | null;
}

/**
 * Every Z recomputed from its register's documents of that day; an empty list means they all agree.
 * With a range, only the Zs of those business days: the owner's overview checks the month it shows
 * on every load, and a chain's whole history would make that load grow with every day of trading.
 */
export async function consistencyCheck(
  pool: Pool,
  range: { from: string | null; to: string | null; shopId?: string | null } = { from: null, to: null },
): Promise<{ zChecked: number; differences: ZDifference[]; uncovered: UncoveredDay[] }> {
  const rows = await pool.query<{
    register_id: string;
    z_no: number;
    business_day: string;
    document_count: number;
    net_minor: number;
    first_receipt_no: number | null;
    last_receipt_no: number | null;
    grand_total_after_minor: number;
    d_count: number;
    d_net: number | null;
    d_first: number | null;
    d_last: number | null;
    d_grand: number | null;
  }>(
    `SELECT z.register_id, z.z_no, z.business_day, z.document_count, z.net_minor, z.first_receipt_no, z.last_receipt_no, z.grand_total_after_minor,
            COUNT(d.id)::int AS d_count,
            SUM(CASE WHEN d.kind = 'sale' THEN d.total_minor ELSE -d.total_minor END)::bigint AS d_net,
            MIN(d.receipt_no) AS d_first, MAX(d.receipt_no) AS d_last,
            (SELECT d2.grand_total_minor FROM documents d2 WHERE d2.register_id = z.register_id AND d2.business_day <= z.business_day
              ORDER BY d2.receipt_no DESC LIMIT 1) AS d_grand
       FROM z_reports z LEFT JOIN documents d ON d.register_id = z.register_id AND d.business_day = z.business_day
      WHERE ($1::text IS NULL OR z.business_day BETWEEN $1 AND $2)
        AND ($3::text IS NULL OR z.register_id IN (SELECT id FROM registers WHERE shop_id = $3))
      GROUP BY z.register_id, z.z_no, z.business_day, z.document_count, z.net_minor, z.first_receipt_no, z.last_receipt_no, z.grand_total_after_minor
      ORDER BY z.register_id, z.z_no`,
    [range.from, range.to, range.shopId ?? null],
  );
  const differences: ZDifference[] = [];
  for (const r of rows.rows) {
    const base = { registerId: r.register_id, zNo: r.z_no, businessDay: r.business_day };
    const pairs: [ZDifference['field'], number | null, number | null][] = [
      ['documentCount', r.document_count, r.d_count],
      ['netMinor', r.net_minor, r.d_net ?? 0],
      ['firstReceiptNo', r.first_receipt_no, r.d_first],
      ['lastReceiptNo', r.last_receipt_no, r.d_last],
      ['grandTotalAfterMinor', r.grand_total_after_minor, r.d_grand ?? r.grand_total_after_minor],
    ];
    for (const [field, z, documents] of pairs) if (z !== documents) differences.push({ ...base, field, z, documents });
  }
  return { zChecked: rows.rows.length, differences, uncovered: await uncoveredDays(pool, range) };
}

/** A register's business day of which HQ holds documents but no Z yet: not closed (or its Z not uploaded), not an error. */
export interface UncoveredDay {
  shopId: string;
  registerId: string;
  businessDay: string;
  documentCount: number;
  netMinor: number;
}

export async function uncoveredDays(pool: Pool, range: { from: string | null; to: string | null; shopId?: string | null }): Promise<UncoveredDay[]> {
  const rows = await pool.query<UncoveredDay>(
    `SELECT r.shop_id AS "shopId", d.register_id AS "registerId", d.business_day AS "businessDay", COUNT(*)::int AS "documentCount",
            SUM(CASE WHEN d.kind = 'sale' THEN d.total_minor ELSE -d.total_minor END)::bigint AS "netMinor"
       FROM documents d JOIN registers r ON r.id = d.register_id
      WHERE ($1::text IS NULL OR d.business_day BETWEEN $1 AND $2) AND ($3::text IS NULL OR r.shop_id = $3)
        AND NOT EXISTS (SELECT 1 FROM z_reports z WHERE z.register_id = d.register_id AND z.business_day = d.business_day)
      GROUP BY r.shop_id, d.register_id, d.business_day ORDER BY r.shop_id, d.register_id, d.business_day`,
    [range.from, range.to, range.shopId ?? null],
  );
  return rows.rows;
}
