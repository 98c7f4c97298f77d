// HQ refuses an operators version that would leave a register without an active owner, as the till's
// own back office refuses it (`operator.last_owner`): operators are matched by name, so a version
// that deactivates or demotes the owner, or names a cashier who happens to carry the owner's name,
// would lock the owner out of the till with nothing there to undo it. (The register keeps its last
// owner all the same, main/sync/apply-operators.ts; this tells the one publishing, at once.)
//
// What HQ knows of a register's operators: those the register made itself, from its uploaded
// journal (created, role changed, deactivated, reactivated), then every operators version already
// published for its shop or for every shop, in order. A register that has uploaded nothing yet is
// known by the versions alone. The version is refused when some register had an active owner and
// would have none once the version is in.
import type { Pool } from 'pg';
import { z } from 'zod';
import type { operatorsBody } from '../../preload/contract/hq-wire';
import { HqError } from '../http/hq-error';

type Entry = z.infer<typeof operatorsBody>['operators'][number];
/** Keyed by the name as a register compares names (COLLATE NOCASE: ASCII letters fold); holds the name as written. */
type Roles = Map<string, { name: string; owner: boolean; active: boolean }>;

function nameKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

const int = z.number().int();
const tillChange = z.object({
  kind: z.enum(['setup.owner_created', 'operator.created', 'operator.role_changed', 'operator.deactivated', 'operator.reactivated']),
  data: z.object({ operatorId: int, name: z.string().optional(), role: z.string().optional(), to: z.string().optional() }),
});

/** The register's own operators by name, as its uploaded journal leaves them. */
async function tillOperators(pool: Pick<Pool, 'query'>, registerIds: string[]): Promise<Map<string, Roles>> {
  const rows = await pool.query<{ registerId: string; payload: string }>(
    `SELECT register_id AS "registerId", payload FROM journal_entries WHERE register_id = ANY($1::text[])
        AND kind IN ('setup.owner_created', 'operator.created', 'operator.role_changed', 'operator.deactivated', 'operator.reactivated')
      ORDER BY register_id, seq`,
    [registerIds],
  );
  const byRegister = new Map<string, { names: Map<number, string>; roles: Roles }>();
  for (const row of rows.rows) {
    const e = tillChange.safeParse(JSON.parse(row.payload));
    if (!e.success) continue;
    const of = byRegister.get(row.registerId) ?? { names: new Map<number, string>(), roles: new Map() as Roles };
    byRegister.set(row.registerId, of);
    const { kind, data } = e.data;
    if (data.name !== undefined) of.names.set(data.operatorId, data.name);
    const name = of.names.get(data.operatorId);
    // An operator HQ sent down (not created here) has no name in the journal; HQ's versions say it.
    if (name === undefined) continue;
    const key = nameKey(name);
    const was = of.roles.get(key) ?? { name, owner: false, active: true };
    if (kind === 'operator.role_changed') of.roles.set(key, { ...was, owner: data.to === 'owner' });
    else if (kind === 'operator.deactivated') of.roles.set(key, { ...was, active: false });
    else if (kind === 'operator.reactivated') of.roles.set(key, { ...was, active: true });
    else of.roles.set(key, { name, owner: data.role === 'owner', active: true });
  }
  return new Map([...byRegister].map(([id, of]) => [id, of.roles]));
}

function follow(roles: Roles, entries: readonly Entry[]): void {
  for (const o of entries) roles.set(nameKey(o.name), { name: roles.get(nameKey(o.name))?.name ?? o.name, owner: o.role === 'owner', active: o.active });
}

function activeOwners(roles: Roles): string[] {
  return [...roles.values()].filter((r) => r.owner && r.active).map((r) => r.name);
}

/** Throws `hq.forbidden` (why: last_owner) naming the register and its owner the version would take away. */
export async function refuseOwnerless(pool: Pick<Pool, 'query'>, shopId: string | null, entries: readonly Entry[]): Promise<void> {
  const registers = await pool.query<{ id: string; shop_id: string }>('SELECT id, shop_id FROM registers WHERE $1::text IS NULL OR shop_id = $1 ORDER BY id', [
    shopId,
  ]);
  const published = await pool.query<{ shop_id: string | null; body: { operators: Entry[] } }>(
    "SELECT shop_id, body FROM down_versions WHERE kind = 'operators' AND ($1::text IS NULL OR shop_id IS NULL OR shop_id = $1) ORDER BY version",
    [shopId],
  );
  const tills = await tillOperators(
    pool,
    registers.rows.map((r) => r.id),
  );
  // A shop with no register yet is still held to the versions published for it.
  const targets: { registerId: string | null; shopId: string | null }[] =
    registers.rows.length > 0 ? registers.rows.map((r) => ({ registerId: r.id, shopId: r.shop_id })) : [{ registerId: null, shopId }];
  for (const target of targets) {
    const roles: Roles = new Map(target.registerId === null ? undefined : tills.get(target.registerId));
    for (const v of published.rows) if (v.shop_id === null || v.shop_id === target.shopId) follow(roles, v.body.operators);
    const before = activeOwners(roles);
    if (before.length === 0) continue;
    follow(roles, entries);
    if (activeOwners(roles).length > 0) continue;
    const name = before[0] ?? '';
    const index = entries.findIndex((o) => nameKey(o.name) === nameKey(name));
    throw new HqError('hq.forbidden', 409, {
      why: 'last_owner',
      registerId: target.registerId,
      shopId: target.shopId,
      name,
      field: `body.operators.${index}`,
    });
  }
}
