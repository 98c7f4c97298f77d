// Every register request but enrolment is signed. HQ refuses an unsigned one, one signed with
// another key, one whose time is outside the window (the answer carries HQ's time so a register
// with a wrong clock can correct its offset), and one whose nonce it has already seen.
// The signed path is HQ's route as HQ routes on it (`/api/upload`): a register whose HQ address
// has a path (https://host/hq, a reverse proxy that strips /hq) sends to /hq/api/upload and signs
// /api/upload, so the signature holds at HQ behind the proxy. The prefix is the proxy's business,
// not part of what the register asks for.
import type { Pool } from 'pg';
import { hqHeaders } from '../../preload/contract/hq-wire';
import { signatureHolds } from '../../main/journal-chain/request-signature';
import { HqError } from '../http/hq-error';

export const CLOCK_WINDOW_MS = 5 * 60 * 1000;

export interface RegisterIdentity {
  registerId: string;
  shopId: string;
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | null {
  const v = headers[name];
  return typeof v === 'string' ? v : null;
}

interface RegisterKey {
  secret: Buffer;
  shopId: string;
  /** Taken out of the chain (hq/auth/withdraw.ts): its key is refused from then on. */
  withdrawnAt: number | null;
}

const secrets = new WeakMap<Pool, Map<string, RegisterKey>>();

/** Forgets a register's cached key, so the next request reads it again (after a withdrawal). */
export function forgetRegisterKey(pool: Pool, registerId: string): void {
  secrets.get(pool)?.delete(registerId);
}

async function registerKey(pool: Pool, registerId: string): Promise<RegisterKey | null> {
  let cache = secrets.get(pool);
  if (!cache) {
    cache = new Map();
    secrets.set(pool, cache);
  }
  const hit = cache.get(registerId);
  if (hit) return hit;
  const row = await pool.query<{ secret: Buffer | null; shop_id: string; withdrawn_at: number | null }>(
    'SELECT secret, shop_id, withdrawn_at FROM registers WHERE id = $1',
    [registerId],
  );
  const r = row.rows[0];
  if (!r?.secret) return null;
  const key = { secret: r.secret, shopId: r.shop_id, withdrawnAt: r.withdrawn_at };
  cache.set(registerId, key);
  return key;
}

export async function verifyRequest(pool: Pool, method: string, path: string, headers: Headers, body: Buffer, now: number): Promise<RegisterIdentity> {
  const registerId = header(headers, hqHeaders.register);
  const time = header(headers, hqHeaders.time);
  const nonce = header(headers, hqHeaders.nonce);
  const signature = header(headers, hqHeaders.signature);
  if (!registerId || !time || !nonce || !signature) throw new HqError('hq.unsigned', 401);
  if (!/^[0-9a-f]{16,64}$/.test(nonce) || !/^\d{1,16}$/.test(time)) throw new HqError('hq.bad_signature', 401);
  const key = await registerKey(pool, registerId);
  if (!key) throw new HqError('hq.unknown_register', 401, { registerId: registerId.slice(0, 40) });
  const t = Number(time);
  if (!signatureHolds(key.secret, { method, path, registerId, time: t, nonce, body }, signature)) throw new HqError('hq.bad_signature', 401);
  // Told only to the key's holder (after the signature), with the moment: the till says when and why.
  if (key.withdrawnAt !== null) throw new HqError('hq.register_withdrawn', 403, { registerId, withdrawnAt: key.withdrawnAt });
  if (Math.abs(now - t) > CLOCK_WINDOW_MS) throw new HqError('hq.clock_skew', 401, { serverTime: now });
  if (!(await rememberNonce(pool, registerId, nonce, t))) throw new HqError('hq.replayed', 401);
  return { registerId, shopId: key.shopId };
}

/**
 * Records a nonce; false if it was seen before. Committed without waiting for the disk: a nonce
 * lost to a database crash reopens at most the 5-minute window for that one request, and every
 * request a register may send is harmless twice (an upload is idempotent, a pull only reads),
 * while a flush per request would cost HQ as much as the upload's own commit. The transaction
 * goes as one text, one round trip instead of four before every request; its values were checked
 * by the caller (the nonce is hex, the time an integer) and the literals are escaped all the same.
 */
async function rememberNonce(pool: Pool, registerId: string, nonce: string, at: number): Promise<boolean> {
  const client = await pool.connect();
  try {
    const results = (await client.query(
      `BEGIN; SET LOCAL synchronous_commit = off;
       INSERT INTO request_nonces (register_id, nonce, at) VALUES (${client.escapeLiteral(registerId)}, ${client.escapeLiteral(nonce)}, ${Math.trunc(at)}) ON CONFLICT DO NOTHING;
       COMMIT`,
    )) as unknown as { rowCount: number | null }[];
    return (results[2]?.rowCount ?? 0) > 0;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Nonces older than the window can no longer be replayed (their time is refused), so they go. */
export async function pruneNonces(pool: Pool, now: number): Promise<void> {
  await pool.query('DELETE FROM request_nonces WHERE at < $1', [now - 2 * CLOCK_WINDOW_MS]);
}
