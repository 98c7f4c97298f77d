import type { Pool } from 'pg';

export interface RegisterStatusView {
  registerId: string;
  shopId: string;
  name: string;
  enrolled: boolean;
  /** Taken out of the chain at this moment (hq/auth/withdraw.ts); its uploads are refused since. */
  withdrawnAt: number | null;
  localRegisterId: string | null;
  headSeq: number;
  lastUploadAt: number | null;
  openAlerts: number;
}

/** The back office's list of registers: what HQ holds of each one's journal and since when. */
export async function registerStatus(pool: Pool): Promise<RegisterStatusView[]> {
  const rows = await pool.query<RegisterStatusView>(
    `SELECT r.id AS "registerId", r.shop_id AS "shopId", r.name, r.enrolled_at IS NOT NULL AS enrolled, r.withdrawn_at AS "withdrawnAt", r.local_register_id AS "localRegisterId",
            COALESCE(h.seq, 0) AS "headSeq", CASE WHEN COALESCE(h.seq, 0) > 0 THEN h.updated_at END AS "lastUploadAt",
            (SELECT COUNT(*)::int FROM alerts a WHERE a.register_id = r.id AND a.acknowledged_at IS NULL) AS "openAlerts"
       FROM registers r LEFT JOIN journal_heads h ON h.register_id = r.id ORDER BY r.shop_id, r.id`,
  );
  return rows.rows;
}
