// Catalog, operators and settings as numbered versions. The owner publishes a version with the
// moment it takes effect; registers pull what is after their last version and apply each when its
// moment comes, so an offline register keeps its last prices and catches up in order. An operators
// version that would leave a register without an active owner is refused (owner-guard.ts).
import type { Pool } from 'pg';
import { catalogSkips, downVersion, settingsSkips, type DownKind, type DownResponse, type DownVersion } from '../../preload/contract/hq-wire';
import { HqError } from '../http/hq-error';
import { issueField } from '../http/parse';
import { stampOperators } from './operator-stamps';
import { refuseOwnerless } from './owner-guard';

export const DOWN_PAGE = 50;
/** Held while an operators version is checked and written (pg_advisory_xact_lock). */
const OPERATORS_LOCK = 0x52554f50; // 'RUOP'

/**
 * Refuses what a register would not apply (a product whose tax rate is not in the version's
 * taxRates or that has no name; a setting the register's own checks refuse), naming the item.
 */
function refuseSkips(v: DownVersion): void {
  const skips =
    v.kind === 'catalog' ? catalogSkips(v.body, new Set(v.body.taxRates.map((r) => r.rateBp))) : v.kind === 'settings' ? settingsSkips(v.body.settings) : [];
  const first = skips[0];
  if (first) throw new HqError('hq.invalid_input', 400, { field: first.field, item: first.item, why: first.why, count: skips.length });
}

/**
 * A version and the pending versions it supersedes: the later-published version of a kind wins
 * from its moment on, so an earlier-published one of that kind (same shop or every shop) due at
 * or after that moment never takes effect (settings: only the keys the later one sets).
 */
export async function publishVersion(
  pool: Pool,
  v: { kind: DownKind; shopId: string | null; effectiveAt: number; body: unknown },
  now: number,
): Promise<{ version: number; supersedes: number[] }> {
  const check = downVersion.safeParse({ version: 1, kind: v.kind, effectiveAt: v.effectiveAt, body: v.body });
  if (!check.success) throw new HqError('hq.invalid_input', 400, { field: issueField(check.error.issues[0]) });
  refuseSkips(check.data);
  const insert = async (db: Pick<Pool, 'query'>, body: unknown) => {
    const row = await db.query<{ version: number }>(
      'INSERT INTO down_versions (shop_id, kind, effective_at, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING version',
      [v.shopId, v.kind, v.effectiveAt, JSON.stringify(body), now],
    );
    const version = row.rows[0]?.version ?? 0;
    const older = await db.query<{ version: number }>(
      `SELECT version FROM down_versions WHERE kind = $1 AND version < $2 AND effective_at >= $3 AND effective_at > $4
          AND ($5::text IS NULL OR shop_id IS NULL OR shop_id = $5) ORDER BY version`,
      [v.kind, version, v.effectiveAt, now, v.shopId],
    );
    return { version, supersedes: older.rows.map((r) => r.version) };
  };
  if (check.data.kind !== 'operators') return insert(pool, check.data.body);
  // Never a version that would leave a register without an active owner (owner-guard.ts). Operators
  // versions are checked and written one at a time, so two published together cannot each take
  // away one of a register's two owners.
  const operators = check.data.body.operators;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [OPERATORS_LOCK]);
    await refuseOwnerless(client, v.shopId, operators);
    // Stamped under the lock, so two versions published together each compare with the one before.
    const published = await insert(client, await stampOperators(client, v.shopId, check.data.body, v.effectiveAt, now));
    await client.query('COMMIT');
    return published;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function versionsAfter(pool: Pool, shopId: string, after: number, now: number): Promise<DownResponse> {
  const rows = await pool.query<{ version: number; kind: DownKind; effective_at: number; body: unknown }>(
    'SELECT version, kind, effective_at, body FROM down_versions WHERE version > $1 AND (shop_id IS NULL OR shop_id = $2) ORDER BY version LIMIT $3',
    [after, shopId, DOWN_PAGE + 1],
  );
  const versions = rows.rows.slice(0, DOWN_PAGE).map((r) => ({ version: r.version, kind: r.kind, effectiveAt: r.effective_at, body: r.body }) as DownVersion);
  return { versions, more: rows.rows.length > DOWN_PAGE, serverTime: now };
}

/** A published version as HQ's owner reads it back. */
export interface PublishedVersion {
  version: number;
  kind: DownKind;
  /** null: every shop. */
  shopId: string | null;
  effectiveAt: number;
  createdAt: number;
  /** As registers receive it: an operators version with HQ's changedAt stamps and the PIN hashes. */
  body: unknown;
}

/**
 * The versions of `kind` HQ published, newest first: all of them, or those a register of `shopId`
 * pulls (the shop's own and every shop's). What the owner starts from to republish a list: an
 * operators entry carried over unchanged, PIN hash included, keeps its stamp (operator-stamps.ts).
 */
export async function listVersions(pool: Pool, q: { kind: DownKind; shopId: string | null; limit: number }): Promise<PublishedVersion[]> {
  const rows = await pool.query<{ version: number; shop_id: string | null; effective_at: number; created_at: number; body: unknown }>(
    `SELECT version, shop_id, effective_at, created_at, body FROM down_versions
      WHERE kind = $1 AND ($2::text IS NULL OR shop_id IS NULL OR shop_id = $2) ORDER BY version DESC LIMIT $3`,
    [q.kind, q.shopId, q.limit],
  );
  return rows.rows.map((r) => ({ version: r.version, kind: q.kind, shopId: r.shop_id, effectiveAt: r.effective_at, createdAt: r.created_at, body: r.body }));
}
