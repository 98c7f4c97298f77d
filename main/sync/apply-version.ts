// Applying what HQ sent down, each version at its stated moment and in that order (then by
// version number; a version published later of the same kind wins from its moment on, see
// version-supersede.ts): a catalog version replaces the price list (products it does not name stop
// selling; how each is sold, by piece or by weight, where HQ says it), an operators version sets names, roles and PIN hashes
// (and who may log in: a deactivation revokes the badge, as the owner's does; never the till's last
// active owner, see apply-operators.ts), a settings version the store's
// settings. Each is one transaction with its journal entry; a sale already open keeps the prices
// it was rung up at.
import { catalogBody, catalogSkips, settingsBody, settingsSkips, type DownKind, type DownSkip } from '../../preload/contract/hq-wire';
import { settingsPatch } from '../../preload/contract/settings';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { updateSettings } from '../settings/settings';
import { applyOperators } from './apply-operators';
import { supersession } from './version-supersede';

interface Applied {
  items: number;
  /** What the register's own rules refused of the version (HQ refuses such versions; an older HQ may still send them). */
  skipped: DownSkip[];
  /** Owners an operators version would have taken away (the till's last ones), kept as they were. */
  keptOwners?: string[];
  /** Operators this till changed itself after HQ last changed them: its own change stays. */
  keptLocal?: string[];
}

function applyCatalog(db: Db, raw: unknown): Applied {
  const body = catalogBody.parse(raw);
  const rate = sql(db, 'INSERT INTO tax_rates (rate_bp, label) VALUES (?, ?) ON CONFLICT(rate_bp) DO UPDATE SET label = excluded.label');
  for (const r of body.taxRates) rate.run(r.rateBp, r.label);
  const known = new Set((sql(db, 'SELECT rate_bp FROM tax_rates').all() as { rate_bp: number }[]).map((r) => r.rate_bp));
  // Barcodes are unique: free them all first so products may swap barcodes within one version.
  sql(db, 'UPDATE products SET active = 0, barcode = NULL').run();
  const upsert = sql(
    db,
    `INSERT INTO products (sku, barcode, name_zh, name_en, price_minor, tax_rate_bp, sold_by, active) VALUES (@sku, @barcode, @nameZh, @nameEn, @priceMinor, @taxRateBp, COALESCE(@soldBy, 'piece'), 1)
     ON CONFLICT(sku) DO UPDATE SET barcode = excluded.barcode, name_zh = excluded.name_zh, name_en = excluded.name_en,
       price_minor = excluded.price_minor, tax_rate_bp = excluded.tax_rate_bp, sold_by = COALESCE(@soldBy, products.sold_by), active = 1`,
  );
  const barcodes = new Set<string>();
  const skipped = catalogSkips(body, known);
  const skippedSkus = new Set(skipped.map((s) => s.item));
  let n = 0;
  for (const p of body.products) {
    if (skippedSkus.has(p.sku)) continue;
    const barcode = p.barcode !== null && !barcodes.has(p.barcode) ? p.barcode : null;
    if (barcode !== null) barcodes.add(barcode);
    // HQ that does not say how a product is sold (an older HQ) leaves the till's choice as it is.
    upsert.run({ sku: p.sku, barcode, nameZh: p.nameZh, nameEn: p.nameEn, priceMinor: p.priceMinor, taxRateBp: p.taxRateBp, soldBy: p.soldBy ?? null });
    n += 1;
  }
  return { items: n, skipped };
}

function applySettings(db: Db, raw: unknown, superseded: ReadonlySet<string>): Applied {
  const body = settingsBody.parse(raw);
  // The register's own checks (a known time zone, ...) still apply; what fails them is left out and
  // said; keys a later-published version already set are left to it.
  const skipped = settingsSkips(body.settings);
  const refused = new Set(skipped.map((s) => s.item));
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body.settings)) if (!refused.has(key) && !superseded.has(key)) patch[key] = value;
  updateSettings(db, settingsPatch.parse(patch), null);
  return { items: Object.keys(patch).length, skipped };
}

/** Applies every pulled version whose moment has come; returns how many. */
export function applyDueVersions(db: Db, now: number): number {
  const due = sql(
    db,
    'SELECT version, kind, effective_at, body FROM sync_versions WHERE applied_at IS NULL AND effective_at <= ? ORDER BY effective_at, version',
  ).all(now) as { version: number; kind: DownKind; effective_at: number; body: string }[];
  for (const v of due) {
    db.transaction(() => {
      const body: unknown = JSON.parse(v.body);
      const over = supersession(db, v);
      let result: Applied;
      try {
        // Its own savepoint: a version that fails halfway leaves nothing behind.
        result = db.transaction((): Applied => {
          if (v.kind === 'catalog') return over.by !== null ? { items: 0, skipped: [] } : applyCatalog(db, body);
          if (v.kind === 'operators') return { ...applyOperators(db, body, v.version, now), skipped: [] };
          return applySettings(db, body, over.keys);
        })();
      } catch {
        // A version this register cannot read (a newer HQ) is passed over, never retried for ever; the journal says so.
        result = { items: -1, skipped: [] };
      }
      sql(db, 'UPDATE sync_versions SET applied_at = ? WHERE version = ?').run(now, v.version);
      appendJournal(
        db,
        'sync.version_applied',
        {
          version: v.version,
          kind: v.kind,
          effectiveAt: v.effective_at,
          items: result.items,
          ...(result.skipped.length > 0 ? { skipped: result.skipped } : {}),
          ...(over.by !== null ? { supersededBy: over.by } : {}),
          // Named when an operators version was applied without them (the till's last owners).
          ...(result.keptOwners && result.keptOwners.length > 0 ? { keptOwners: result.keptOwners } : {}),
          // Named when the till's own change of an operator was newer than HQ's (apply-operators.ts).
          ...(result.keptLocal && result.keptLocal.length > 0 ? { keptLocal: result.keptLocal } : {}),
        },
        now,
      );
    })();
  }
  return due.length;
}

/** The next moment a pulled version takes effect, if any. */
export function nextEffectiveAt(db: Db): number | null {
  const row = sql(db, 'SELECT MIN(effective_at) AS at FROM sync_versions WHERE applied_at IS NULL').get() as { at: number | null };
  return row.at;
}
