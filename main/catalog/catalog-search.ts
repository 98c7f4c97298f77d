// The counter's product search, over the indexes written by search-index.ts. Results are ranked
// in four tiers: an exact code (barcode or item number), then keys that start with the query
// (names, pinyin, initials, codes), then two initials from a later character of the name
// (可口可乐 by "kl"), then keys that contain it. Each tier is an index probe that
// stops after `limit` rows, so a search costs the same on 100 products as on 100,000.
import type { ProductView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { PRODUCT_SELECT, toProductView, type ProductRow } from './catalog';
import { applyDuePrices } from './price-changes';
import { hasHan, INNER_KEY_MARK, normalizeSearchText } from './search-keys';

/** The trigram index's query: one phrase, quotes doubled, so the text is matched as it is. */
function trigramPhrase(query: string): string {
  return `"${query.replaceAll('"', '""')}"`;
}

/** The smallest string greater than every string that starts with `prefix` (for a range scan). */
function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

export function searchProducts(db: Db, rawQuery: string, now: number, limit = 20): ProductView[] {
  applyDuePrices(db, now);
  const query = normalizeSearchText(rawQuery);
  if (query === '') return [];
  const found: number[] = [];
  const seen = new Set<number>();
  const take = (ids: readonly number[]) => {
    for (const id of ids) {
      if (found.length >= limit) return;
      if (seen.has(id)) continue;
      seen.add(id);
      found.push(id);
    }
  };

  // 1. Exact code: a barcode as scanned, or an item number in any case.
  take(sql(db, 'SELECT product_id FROM product_barcodes WHERE barcode = ?').pluck().all(rawQuery.trim()) as number[]);
  take(sql(db, 'SELECT id FROM products WHERE sku = ? COLLATE NOCASE').pluck().all(rawQuery.trim()) as number[]);

  // 2. Prefix of any key. Pinyin is typed with or without spaces ("ke kou" = "kekou").
  const byPrefix = (prefix: string) =>
    take(
      sql(db, 'SELECT product_id FROM search_keys WHERE key >= ? AND key < ? ORDER BY key LIMIT ?')
        .pluck()
        .all(prefix, prefixEnd(prefix), limit + 5) as number[],
    );
  const joined = query.replaceAll(' ', '');
  for (const prefix of new Set([query, joined])) {
    if (found.length >= limit) break;
    byPrefix(prefix);
  }
  // 3. Two initials at a later character of the name (可口可乐 by "kl"). Longer initials are found
  // inside the name's initials by the substring tier; one letter would name half the catalog.
  if (found.length < limit && /^[a-z]{2}$/.test(joined)) byPrefix(INNER_KEY_MARK + joined);

  // 4. Substring: three characters or more through the trigram index; one or two Chinese
  // characters through the character-pair index. Two Latin letters are only a prefix.
  if (found.length < limit) {
    // A long run of digits is a barcode or item number being keyed: its prefix (above) is what is
    // meant, and its trigrams ("000", "690") are in nearly every product.
    const barcodeLike = /^[0-9]{5,}$/.test(query);
    if (!barcodeLike && [...query].length >= 3) {
      take(
        sql(db, 'SELECT rowid FROM search_trigrams WHERE search_trigrams MATCH ? LIMIT ?')
          .pluck()
          .all(trigramPhrase(query), limit + 5) as number[],
      );
    } else if (!barcodeLike && hasHan(query)) {
      take(
        sql(db, 'SELECT product_id FROM search_grams WHERE gram = ? LIMIT ?')
          .pluck()
          .all(query, limit + 5) as number[],
      );
    }
  }

  if (found.length === 0) return [];
  // All results in one statement, then back into rank order.
  const rows = sql(db, `${PRODUCT_SELECT} WHERE p.id IN (SELECT value FROM json_each(?)) AND p.active = 1`).all(JSON.stringify(found)) as ProductRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return found.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toProductView(row)] : [];
  });
}
