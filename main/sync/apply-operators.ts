// An operators version from HQ: names, roles, PIN hashes and who may log in, matched by name. HQ
// names an operator the till may already have (its own owner, created at setup), so two rules of
// the till's own back office hold here too:
//
// - The till is never left without an active owner (`operator.last_owner` at the till). A version
//   that would take away every active owner (deactivated, demoted, or an HQ cashier who happens
//   to carry the owner's name) is applied without its entries for those owners: each keeps their
//   role, their PIN and their badge, as if the entry were not in the version. The rest of the
//   version applies. Refusing the whole version instead would hold back every other cashier HQ
//   sent (and every later version, which may depend on it); applying it would lock the owner out
//   with nothing at the till to undo it. The version's journal entry names the owners kept, and
//   the HQ upload section shows it, so the owner knows HQ's list and the till differ. What counts
//   is the state after the whole version: one that demotes the owner and names another active
//   owner applies in full, whatever the order of its entries.
// - Every operator has an operator number (工号), given as the till gives one to an operator
//   created here: the next after the highest ever given. An operator HQ names again keeps theirs,
//   so badges and number logins survive later versions.
// - The newer change of an operator wins, not the later arrival. HQ stamps each operator with when
//   it last changed them (`changedAt`, hq/down/operator-stamps.ts); the till knows from its journal
//   when it last changed them itself (operator-changes.ts). An entry whose stamp is not newer than
//   the till's own change is left out (the till's PIN, role and whether they may log in stay), and
//   the version's journal entry names it. An entry without a stamp (an older HQ) applies as before.
import { operatorsBody } from '../../preload/contract/hq-wire';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { followHqActive } from '../operators/operator-admin';
import type { OperatorRow } from '../operators/operators';
import { hqClockOffset, localOperatorChanges } from './operator-changes';

/** As the till compares names (operators.name is COLLATE NOCASE: ASCII letters fold, nothing else). */
export function nameKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

type Before = Pick<OperatorRow, 'id' | 'name' | 'role' | 'active' | 'badge_hash'>;

export interface OperatorsApplied {
  items: number;
  /** Active owners the version would have taken away, left as they were (none, or the till's owners). */
  keptOwners: string[];
  /** Operators the till changed itself after HQ's stamp of them: left as the till has them. */
  keptLocal: string[];
}

export function applyOperators(db: Db, raw: unknown, version: number, now: number): OperatorsApplied {
  const parsed = operatorsBody.parse(raw);
  const rows = sql(db, 'SELECT id, name, role, active, badge_hash FROM operators').all() as Before[];
  const byName = new Map(rows.map((r) => [nameKey(r.name), r]));
  // HQ's stamps are in HQ's time; the till's changes, moved to HQ's time by the offset the link learnt.
  const ownChanges = localOperatorChanges(db);
  const offset = hqClockOffset(db);
  const keptLocal: string[] = [];
  const operators = parsed.operators.filter((o) => {
    const was = byName.get(nameKey(o.name));
    const own = was ? ownChanges.get(was.id) : undefined;
    if (o.changedAt === undefined || own === undefined || o.changedAt >= own + offset) return true;
    if (!keptLocal.includes(was?.name ?? o.name)) keptLocal.push(was?.name ?? o.name);
    return false;
  });
  const body = { operators };
  const ownersBefore = rows.filter((r) => r.role === 'owner' && r.active === 1).map((r) => r.name);
  // Who is an active owner once the whole version is in (a later entry for a name wins).
  const owners = new Set(ownersBefore.map(nameKey));
  for (const o of body.operators) {
    if (o.role === 'owner' && o.active) owners.add(nameKey(o.name));
    else owners.delete(nameKey(o.name));
  }
  const keptOwners = owners.size === 0 ? ownersBefore : [];
  const kept = new Set(keptOwners.map(nameKey));
  const upsert = sql(
    db,
    `INSERT INTO operators (name, role, pin_hash, pin_salt, pin_params, active, created_at, number)
     VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(number), 0) + 1 FROM operators))
     ON CONFLICT(name) DO UPDATE SET role = excluded.role, pin_hash = excluded.pin_hash, pin_salt = excluded.pin_salt,
       pin_params = excluded.pin_params, active = excluded.active, failed_attempts = 0, locked_until = NULL`,
  );
  let items = 0;
  for (const o of body.operators) {
    if (kept.has(nameKey(o.name))) continue;
    const was = byName.get(nameKey(o.name));
    upsert.run(o.name, o.role, Buffer.from(o.pinHash, 'hex'), Buffer.from(o.pinSalt, 'hex'), JSON.stringify(o.pinParams), o.active ? 1 : 0, now);
    // Deactivated at HQ is deactivated as here: journalled, and the badge revoked with it.
    if (was) {
      followHqActive(db, was, o.active, version, now);
      const changed = was.active !== (o.active ? 1 : 0);
      byName.set(nameKey(o.name), { ...was, role: o.role, active: o.active ? 1 : 0, badge_hash: changed || !o.active ? null : was.badge_hash });
    }
    items += 1;
  }
  return { items, keptOwners, keptLocal };
}
