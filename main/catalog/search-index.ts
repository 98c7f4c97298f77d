// Writes a product's search keys (catalog/search-keys.ts) into the three indexes the search
// reads: search_keys (prefixes), search_trigrams (substrings of 3+ characters) and search_grams
// (one or two Chinese characters). Only active products are indexed, so a search never has to
// skip deactivated ones. Runs inside the transaction that changes the product.
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { searchKeysOf } from './search-keys';

interface IndexRow {
  id: number;
  sku: string;
  name_zh: string | null;
  name_en: string | null;
  active: number;
}

// Between keys in the trigram document: no query can contain it, so no match spans two keys.
const KEY_SEPARATOR = '\n';

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
  sql(db, 'UPDATE products SET pinyin_full = ?, pinyin_initials = ?, indexed = 1 WHERE id = ?').run(keys.pinyinFull, keys.pinyinInitials, productId);
  if (row.active !== 1) return;
  const addKey = sql(db, 'INSERT OR IGNORE INTO search_keys (key, product_id) VALUES (?, ?)');
  for (const key of keys.keys) addKey.run(key, productId);
  const addGram = sql(db, 'INSERT OR IGNORE INTO search_grams (gram, product_id) VALUES (?, ?)');
  for (const gram of keys.grams) addGram.run(gram, productId);
  sql(db, 'INSERT INTO search_trigrams (rowid, keys) VALUES (?, ?)').run(productId, keys.keys.join(KEY_SEPARATOR));
}

/**
 * Indexes the products whose keys are not written yet: every product of a ledger that predates
 * the search indexes. Done at start-up, in one transaction.
 */
export function indexPendingProducts(db: Db): number {
  const pending = sql(db, 'SELECT id FROM products WHERE indexed = 0').pluck().all() as number[];
  if (pending.length === 0) return 0;
  db.transaction(() => {
    for (const id of pending) indexProduct(db, id);
  })();
  return pending.length;
}
