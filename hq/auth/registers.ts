// Registers known to HQ. The owner creates a register's slot and gets a one-time code; the
// register presents the code once and receives its own HMAC key. Only the code's hash is stored,
// and a used or expired code is worth nothing.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Pool } from 'pg';
import type { EnrolResponse } from '../../preload/contract/hq-wire';
import { GENESIS_HASH } from '../../main/journal-chain/chain';
import { HqError } from '../http/hq-error';

export const ENROL_CODE_TTL_MS = 24 * 60 * 60 * 1000;
// No 0/O, 1/I: the code is read aloud or typed at the till.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newEnrolCode(): string {
  const groups = [0, 1, 2].map(() => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}

function codeHash(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

/** Creates a shop, or renames it when its id exists (`created: false` says which; `renamed`: its name changed). */
export async function createShop(pool: Pool, shop: { id: string; name: string }, now: number): Promise<{ created: boolean; renamed: boolean }> {
  const r = await pool.query<{ created: boolean; old_name: string | null }>(
    `WITH old AS (SELECT name FROM shops WHERE id = $1)
     INSERT INTO shops (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name
     RETURNING (xmax = 0) AS created, (SELECT name FROM old) AS old_name`,
    [shop.id, shop.name, now],
  );
  const row = r.rows[0];
  const created = row?.created ?? false;
  return { created, renamed: !created && row?.old_name !== shop.name };
}

export async function listShops(pool: Pool): Promise<{ id: string; name: string; registers: number; createdAt: number }[]> {
  const r = await pool.query<{ id: string; name: string; registers: number; createdAt: number }>(
    `SELECT s.id, s.name, (SELECT COUNT(*)::int FROM registers r WHERE r.shop_id = s.id) AS registers, s.created_at AS "createdAt"
       FROM shops s ORDER BY s.id`,
  );
  return r.rows;
}

/**
 * A register's slot and its one-time code. Asking again for a register not yet enrolled gives a
 * fresh code (the old one stops working) and takes the shop and name asked for; an enrolled
 * register is never re-keyed this way: a replacement till is enrolled under a new register id.
 */
export async function createRegister(pool: Pool, r: { id: string; shopId: string; name: string }, now: number): Promise<{ code: string; expiresAt: number }> {
  const code = newEnrolCode();
  const expiresAt = now + ENROL_CODE_TTL_MS;
  const shop = await pool.query('SELECT 1 FROM shops WHERE id = $1', [r.shopId]);
  if (shop.rowCount === 0) throw new HqError('hq.not_found', 404, { shopId: r.shopId });
  const res = await pool.query(
    `INSERT INTO registers (id, shop_id, name, created_at, enrol_code_hash, enrol_expires_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO UPDATE SET enrol_code_hash = EXCLUDED.enrol_code_hash, enrol_expires_at = EXCLUDED.enrol_expires_at, name = EXCLUDED.name,
       shop_id = EXCLUDED.shop_id
       WHERE registers.enrolled_at IS NULL`,
    [r.id, r.shopId, r.name, now, codeHash(code), expiresAt],
  );
  if (res.rowCount === 0) throw new HqError('hq.forbidden', 409, { registerId: r.id, why: 'already_enrolled', use: 'new_register_id' });
  return { code, expiresAt };
}

/** Spends a one-time code: the register gets its id, its shop and its key, once. */
export async function enrol(pool: Pool, code: string, localRegisterId: string, now: number): Promise<EnrolResponse> {
  const secret = randomBytes(32);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const row = await client.query<{ id: string; shop_id: string; shop_name: string }>(
      `UPDATE registers SET secret = $2, enrolled_at = $3, local_register_id = $4, enrol_code_hash = NULL, enrol_expires_at = NULL
        WHERE enrol_code_hash = $1 AND enrol_expires_at > $3 AND enrolled_at IS NULL
        RETURNING id, shop_id, (SELECT name FROM shops WHERE shops.id = registers.shop_id) AS shop_name`,
      [codeHash(code), secret, now, localRegisterId],
    );
    const reg = row.rows[0];
    if (!reg) {
      await client.query('ROLLBACK');
      // A code HQ issued whose day has passed is told apart; wrong, used and replaced codes are not (no hash is kept of them).
      const expired = await pool.query('SELECT 1 FROM registers WHERE enrol_code_hash = $1 AND enrol_expires_at <= $2 AND enrolled_at IS NULL', [
        codeHash(code),
        now,
      ]);
      if ((expired.rowCount ?? 0) > 0) throw new HqError('hq.enrol_code_expired', 403, { hours: ENROL_CODE_TTL_MS / 3_600_000 });
      throw new HqError('hq.enrol_code_invalid', 403);
    }
    await client.query('INSERT INTO journal_heads (register_id, seq, hash, updated_at) VALUES ($1, 0, $2, $3)', [reg.id, GENESIS_HASH, now]);
    await client.query('COMMIT');
    return { registerId: reg.id, shopId: reg.shop_id, shopName: reg.shop_name, secret: secret.toString('hex'), serverTime: now };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
