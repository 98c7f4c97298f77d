// Price changes: every one is kept (old price, new price, when it takes effect, who) and
// journalled. A change for later waits as 'scheduled' and is applied by the first catalog read
// at or after its time, so the counter never sells at a price that should have changed. A sale
// keeps the prices its lines were rung up at, whatever changes meanwhile.
import type { PriceChangeView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';

// When the next scheduled change falls due, per ledger connection, so that a barcode lookup
// costs one comparison instead of a query. Unknown (undefined) until first read.
const nextDue = new WeakMap<Db, number>();

function readNextDue(db: Db): number {
  const at = sql(db, "SELECT MIN(effective_at) FROM price_changes WHERE state = 'scheduled'").pluck().get() as number | null;
  const value = at ?? Number.POSITIVE_INFINITY;
  // Inside a transaction the answer may yet be rolled back (with the changes it applied), so
  // it is not remembered: the next read outside one asks again.
  if (db.inTransaction) nextDue.delete(db);
  else nextDue.set(db, value);
  return value;
}

/** Applies every scheduled change whose time has come. Cheap when none is due. */
export function applyDuePrices(db: Db, now: number): void {
  const due = nextDue.get(db) ?? readNextDue(db);
  if (now < due) return;
  db.transaction(() => {
    const rows = sql(
      db,
      "SELECT id, product_id, new_price_minor FROM price_changes WHERE state = 'scheduled' AND effective_at <= ? ORDER BY effective_at, id",
    ).all(now) as { id: number; product_id: number; new_price_minor: number }[];
    for (const r of rows) {
      sql(db, 'UPDATE products SET price_minor = ? WHERE id = ?').run(r.new_price_minor, r.product_id);
      sql(db, "UPDATE price_changes SET state = 'applied' WHERE id = ?").run(r.id);
    }
  })();
  readNextDue(db);
}

export function scheduledPrice(db: Db, productId: number): { priceMinor: number; effectiveAt: number } | null {
  const row = sql(
    db,
    "SELECT new_price_minor, effective_at FROM price_changes WHERE product_id = ? AND state = 'scheduled' ORDER BY effective_at DESC LIMIT 1",
  ).get(productId) as { new_price_minor: number; effective_at: number } | undefined;
  return row ? { priceMinor: row.new_price_minor, effectiveAt: row.effective_at } : null;
}

export interface PriceChangeInput {
  productId: number;
  sku: string;
  oldPriceMinor: number;
  newPriceMinor: number;
  /** Omitted or not after `now`: takes effect at once. */
  effectiveAt?: number | undefined;
  operatorId: number | null;
  source: 'edit' | 'import';
}

/**
 * Records (and, when due, applies) one price change, journalled old → new with its time. A change
 * for later replaces a change for later still waiting for the same product. Call inside the
 * transaction of the edit. Journals nothing when an immediate change would not change the price.
 */
export function changePrice(db: Db, change: PriceChangeInput, now: number, journal = true): void {
  const effectiveAt = change.effectiveAt !== undefined && change.effectiveAt > now ? change.effectiveAt : now;
  const scheduled = effectiveAt > now;
  if (!scheduled && change.oldPriceMinor === change.newPriceMinor) return;
  let replaced: number | null = null;
  if (scheduled) {
    replaced =
      (sql(db, "SELECT id FROM price_changes WHERE product_id = ? AND state = 'scheduled'").pluck().get(change.productId) as number | undefined) ?? null;
    sql(db, "UPDATE price_changes SET state = 'cancelled' WHERE product_id = ? AND state = 'scheduled'").run(change.productId);
  } else {
    sql(db, 'UPDATE products SET price_minor = ? WHERE id = ?').run(change.newPriceMinor, change.productId);
  }
  sql(
    db,
    `INSERT INTO price_changes (product_id, old_price_minor, new_price_minor, effective_at, state, operator_id, source, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(change.productId, change.oldPriceMinor, change.newPriceMinor, effectiveAt, scheduled ? 'scheduled' : 'applied', change.operatorId, change.source, now);
  if (journal) {
    appendJournal(
      db,
      'catalog.price_changed',
      {
        productId: change.productId,
        sku: change.sku,
        fromMinor: change.oldPriceMinor,
        toMinor: change.newPriceMinor,
        effectiveAt,
        scheduled,
        ...(replaced !== null ? { replacesChangeId: replaced } : {}),
        operatorId: change.operatorId,
      },
      now,
    );
  }
  if (scheduled) nextDue.delete(db);
}

export function priceHistory(db: Db, productId: number): PriceChangeView[] {
  const rows = sql(
    db,
    `SELECT c.id, c.old_price_minor, c.new_price_minor, c.effective_at, c.state, c.source, c.operator_id, o.name, c.created_at
       FROM price_changes c LEFT JOIN operators o ON o.id = c.operator_id WHERE c.product_id = ? ORDER BY c.id DESC`,
  ).all(productId) as {
    id: number;
    old_price_minor: number;
    new_price_minor: number;
    effective_at: number;
    state: PriceChangeView['state'];
    source: PriceChangeView['source'];
    operator_id: number | null;
    name: string | null;
    created_at: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    oldPriceMinor: r.old_price_minor,
    newPriceMinor: r.new_price_minor,
    effectiveAt: r.effective_at,
    state: r.state,
    source: r.source,
    operatorId: r.operator_id,
    operatorName: r.name,
    createdAt: r.created_at,
  }));
}
