// Writes a product's search keys (catalog/search-keys.ts) into the three indexes the search
// reads: search_keys (prefixes), search_trigrams (substrings of 3+ characters) and search_grams
// (one or two Chinese characters). Only active products are indexed, so a search never has to
// skip deactivated ones. Runs inside the transaction that changes the product.
// products.indexed holds the version of the keys written: 0 none yet, 1 before the inner initial pairs,
// SEARCH_KEYS_VERSION now. Versions stay in this column rather than a migration because older
// keys can be brought up to date from what the row already holds (see indexPendingProducts).
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { INNER_KEY_MARK, innerInitialPairsOf, searchKeysOf } from './search-keys';

interface IndexRow {
  id: number;
  sku: string;
  name_zh: string | null;
  name_en: string | null;
  active: number;
}

// Between keys in the trigram document: no query can contain it, so no match spans two keys.
const KEY_SEPARATOR = '\n';

// A new version also needs its own partial index and the condition below (migration 017 is version 2's).
const SEARCH_KEYS_VERSION = 2;

export function productBarcodes(db: Db, productId: number): string[] {
  return sql(db, 'SELECT barcode FROM product_barcodes WHERE product_id = ? ORDER BY position').pluck().all(productId) as string[];
}

function unindex(db: Db, productId: number): void {
  sql(db, 'DELETE FROM search_keys WHERE product_id = ?').run(productId);
  sql(db, 'DELETE FROM search_grams WHERE product_id = ?').run(productId);
  sql(db, 'DELETE FROM search_trigrams WHERE rowid = ?').run(productId);
}

/** Re-derives and rewrites one product's keys; a deactivated product is taken out of the indexes. */
export function indexProduct(db: Db, productId: number): void {
  const row = sql(db, 'SELECT id, sku, name_zh, name_en, active FROM products WHERE id = ?').get(productId) as IndexRow | undefined;
  unindex(db, productId);
  if (!row) return;
  const keys = searchKeysOf({ sku: row.sku, barcodes: productBarcodes(db, productId), nameZh: row.name_zh, nameEn: row.name_en });
  sql(db, 'UPDATE products SET pinyin_full = ?, pinyin_initials = ?, indexed = ? WHERE id = ?').run(
    keys.pinyinFull,
    keys.pinyinInitials,
    SEARCH_KEYS_VERSION,
    productId,
  );
  if (row.active !== 1) return;
  const addKey = sql(db, 'INSERT OR IGNORE INTO search_keys (key, product_id) VALUES (?, ?)');
  for (const key of keys.keys) addKey.run(key, productId);
  addInnerInitialPairs(db, productId, keys.innerInitialPairs);
  const addGram = sql(db, 'INSERT OR IGNORE INTO search_grams (gram, product_id) VALUES (?, ?)');
  for (const gram of keys.grams) addGram.run(gram, productId);
  sql(db, 'INSERT INTO search_trigrams (rowid, keys) VALUES (?, ?)').run(productId, keys.keys.join(KEY_SEPARATOR));
}

function addInnerInitialPairs(db: Db, productId: number, pairs: readonly string[]): void {
  // Not in the trigram document: each pair is part of the initials already there.
  const addKey = sql(db, 'INSERT OR IGNORE INTO search_keys (key, product_id) VALUES (?, ?)');
  for (const pair of pairs) addKey.run(INNER_KEY_MARK + pair, productId);
}

/**
 * Indexes the products whose keys are not written yet (every product of a ledger that predates
 * the search indexes) and adds the inner initial pairs to those indexed before them. Done at
 * start-up, in one transaction.
 */
export function indexPendingProducts(db: Db): number {
  // One read through the partial index of migration 017, whose condition it repeats word for word
  // (SQLite uses a partial index only for a query that states its condition): no catalog scan at start.
  const behind = sql(db, 'SELECT id, pinyin_initials, active, indexed FROM products WHERE indexed < 2').all() as {
    id: number;
    pinyin_initials: string | null;
    active: number;
    indexed: number;
  }[];
  const pending = behind.filter((row) => row.indexed === 0).map((row) => row.id);
  // From the stored initials, not by reading the names' pinyin again: a 100,000-product catalog
  // takes seconds to read and a register restarting at the counter should not wait for that.
  const outdated = behind.filter((row) => row.indexed > 0);
  if (pending.length === 0 && outdated.length === 0) return 0;
  db.transaction(() => {
    for (const id of pending) indexProduct(db, id);
    for (const row of outdated) {
      if (row.active === 1) addInnerInitialPairs(db, row.id, innerInitialPairsOf(row.pinyin_initials ?? ''));
      sql(db, 'UPDATE products SET indexed = ? WHERE id = ?').run(SEARCH_KEYS_VERSION, row.id);
    }
  })();
  return pending.length + outdated.length;
}
