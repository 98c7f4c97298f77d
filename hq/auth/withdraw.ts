// Taking a register out of the chain: its owner does it at the till (a signed request, so only
// the register itself can), or the chain's owner at HQ (a lost or broken till). HQ keeps every
// entry and figure it holds of the register, and refuses its key from then on with
// `hq.register_withdrawn` and the moment, which the till translates. Withdrawing is for good: a
// till that comes back enrols anew with a code for a new register id (createRegister never re-keys).
import type { Pool } from 'pg';
import { HqError } from '../http/hq-error';
import { forgetRegisterKey } from './verify-request';

export interface Withdrawal {
  registerId: string;
  withdrawnAt: number;
  /** What HQ holds of the register's journal, up to this seq. */
  headSeq: number;
}

/**
 * Withdraws an enrolled register (again: the first moment stands). An unknown register is
 * `hq.not_found`; a slot never enrolled is `hq.forbidden` (why: not_enrolled): its code simply
 * lapses, or asking for the slot again replaces it.
 */
export async function withdrawRegister(pool: Pool, registerId: string, now: number): Promise<Withdrawal> {
  const row = await pool.query<{ withdrawn_at: number; seq: number | null }>(
    `UPDATE registers SET withdrawn_at = COALESCE(withdrawn_at, $2) WHERE id = $1 AND enrolled_at IS NOT NULL
     RETURNING withdrawn_at, (SELECT seq FROM journal_heads h WHERE h.register_id = registers.id) AS seq`,
    [registerId, now],
  );
  const r = row.rows[0];
  if (!r) {
    const known = await pool.query('SELECT 1 FROM registers WHERE id = $1', [registerId]);
    if ((known.rowCount ?? 0) === 0) throw new HqError('hq.not_found', 404, { field: 'register', registerId });
    throw new HqError('hq.forbidden', 409, { registerId, why: 'not_enrolled' });
  }
  forgetRegisterKey(pool, registerId);
  return { registerId, withdrawnAt: r.withdrawn_at, headSeq: r.seq ?? 0 };
}
