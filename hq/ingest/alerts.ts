import type { Pool } from 'pg';

export type AlertKind = 'fork' | 'upload_tampered' | 'forged_register' | 'z_mismatch';

/** Raised outside the refused upload's transaction, so the evidence stays when the upload does not. */
export async function raiseAlert(
  pool: Pool,
  alert: { kind: AlertKind; registerId: string | null; params: Record<string, unknown>; evidence?: unknown },
  now: number,
): Promise<void> {
  await pool.query('INSERT INTO alerts (kind, register_id, params, evidence, raised_at) VALUES ($1, $2, $3, $4, $5)', [
    alert.kind,
    alert.registerId,
    JSON.stringify(alert.params),
    alert.evidence === undefined ? null : JSON.stringify(alert.evidence),
    now,
  ]);
}

export interface AlertView {
  id: number;
  kind: AlertKind;
  registerId: string | null;
  params: Record<string, unknown>;
  evidence: unknown;
  raisedAt: number;
  acknowledgedAt: number | null;
}

export async function listAlerts(pool: Pool, openOnly: boolean): Promise<AlertView[]> {
  const rows = await pool.query<{
    id: number;
    kind: AlertKind;
    register_id: string | null;
    params: Record<string, unknown>;
    evidence: unknown;
    raised_at: number;
    acknowledged_at: number | null;
  }>(`SELECT * FROM alerts ${openOnly ? 'WHERE acknowledged_at IS NULL' : ''} ORDER BY id`);
  return rows.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    registerId: r.register_id,
    params: r.params,
    evidence: r.evidence,
    raisedAt: r.raised_at,
    acknowledgedAt: r.acknowledged_at,
  }));
}

/** true: acknowledged now; false: it already was; null: HQ has no such alert. */
export async function acknowledgeAlert(pool: Pool, id: number, now: number): Promise<boolean | null> {
  const res = await pool.query('UPDATE alerts SET acknowledged_at = $2 WHERE id = $1 AND acknowledged_at IS NULL', [id, now]);
  if ((res.rowCount ?? 0) > 0) return true;
  const known = await pool.query('SELECT 1 FROM alerts WHERE id = $1', [id]);
  return known.rowCount === 0 ? null : false;
}
