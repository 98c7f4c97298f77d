// Which change to an operator is newer: HQ stamps every operator of an operators version with the
// moment HQ last changed that operator (`changedAt`), carried over from the version before when the
// entry is the same. An operators version is the whole list, so without the stamp republishing it
// to change one cashier would also overwrite every other operator's newer change at a till (a PIN
// the owner reset there after HQ's last word on that person). The till compares the stamp with
// its own last change of that operator (main/sync/apply-operators.ts): the newer change wins,
// whichever arrives last. A change HQ makes takes effect at its version's moment, never before
// HQ made it: the stamp is the later of the two.
import type { PoolClient } from 'pg';
import type { OperatorsBody } from '../../preload/contract/hq-wire';

type DbLike = Pick<PoolClient, 'query'>;
type Operator = OperatorsBody['operators'][number];

/** The fields a till takes from HQ: a change in any of them is a change of the operator. */
function sameEntry(a: Operator, b: Operator): boolean {
  return (
    a.role === b.role &&
    a.active === b.active &&
    a.pinHash === b.pinHash &&
    a.pinSalt === b.pinSalt &&
    // Field by field: jsonb keeps an object's keys in its own order.
    a.pinParams.N === b.pinParams.N &&
    a.pinParams.r === b.pinParams.r &&
    a.pinParams.p === b.pinParams.p &&
    a.pinParams.keylen === b.pinParams.keylen
  );
}

/** As the till compares names (COLLATE NOCASE: ASCII letters fold). */
function nameKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * The body with every operator stamped. The version before is the newest operators version that
 * reaches the same registers (every shop's for a version for every shop; that shop's or every
 * shop's for one shop); an operator it names the same way keeps its stamp.
 */
export async function stampOperators(db: DbLike, shopId: string | null, body: OperatorsBody, effectiveAt: number, now: number): Promise<OperatorsBody> {
  const before = await db.query<{ body: OperatorsBody }>(
    `SELECT body FROM down_versions WHERE kind = 'operators' AND (shop_id IS NULL OR shop_id = $1) ORDER BY version DESC LIMIT 1`,
    [shopId],
  );
  const earlier = new Map<string, Operator>();
  for (const o of before.rows[0]?.body.operators ?? []) earlier.set(nameKey(o.name), o);
  const moment = Math.max(now, effectiveAt);
  return {
    operators: body.operators.map((o) => {
      const was = earlier.get(nameKey(o.name));
      const kept = was && sameEntry(was, o) && typeof was.changedAt === 'number' ? was.changedAt : moment;
      return { ...o, changedAt: kept };
    }),
  };
}
