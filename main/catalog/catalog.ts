import type { ProductDetail, ProductPage, ProductView, SoldBy, TaxRateView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { ServiceError } from '../common/service-error';
import { sql } from '../ledger/statements';
import { applyDuePrices, scheduledPrice } from './price-changes';
import { normalizeSearchText } from './search-keys';

export interface ProductRow {
  id: number;
  sku: string;
  barcode: string | null;
  name_zh: string | null;
  name_en: string | null;
  price_minor: number;
  tax_rate_bp: number;
  category_id: number | null;
  active: number;
  sold_by: SoldBy;
  pinyin_full: string | null;
  pinyin_initials: string | null;
  /** Every barcode, in order, space-separated (barcodes hold no spaces). */
  codes: string | null;
}

/**
 * A product row with its barcodes, in one statement: the scan path and every search result read
 * through here, and one step of SQLite costs less than two.
 */
export const PRODUCT_SELECT = `SELECT p.*, (SELECT group_concat(barcode, ' ' ORDER BY position) FROM product_barcodes WHERE product_id = p.id) AS codes
  FROM products p`;

export function toProductView(r: ProductRow): ProductView {
  return {
    id: r.id,
    sku: r.sku,
    barcode: r.barcode,
    barcodes: r.codes ? r.codes.split(' ') : [],
    nameZh: r.name_zh,
    nameEn: r.name_en,
    priceMinor: r.price_minor,
    taxRateBp: r.tax_rate_bp,
    categoryId: r.category_id,
    active: r.active === 1,
    soldBy: r.sold_by,
  };
}

export function productRow(db: Db, id: number): ProductRow | undefined {
  return sql(db, `${PRODUCT_SELECT} WHERE p.id = ?`).get(id) as ProductRow | undefined;
}

/** An active product, as the counter may sell it. */
export function getProduct(db: Db, id: number, now: number): ProductView {
  applyDuePrices(db, now);
  const row = productRow(db, id);
  if (!row || row.active !== 1) throw new ServiceError('catalog.product_not_found', { productId: id });
  return toProductView(row);
}

/** Any product, active or not, with what the back office edits. */
export function productDetail(db: Db, id: number, now: number): ProductDetail {
  applyDuePrices(db, now);
  const row = productRow(db, id);
  if (!row) throw new ServiceError('catalog.product_not_found', { productId: id });
  return { ...toProductView(row), pinyinFull: row.pinyin_full ?? '', pinyinInitials: row.pinyin_initials ?? '', scheduledPrice: scheduledPrice(db, id) };
}

/** A scanned barcode or a keyed SKU; barcodes win because scanners are the common case. */
export function lookupProduct(db: Db, code: string, now: number): ProductView {
  applyDuePrices(db, now);
  const row = (sql(db, `${PRODUCT_SELECT} WHERE p.id = (SELECT product_id FROM product_barcodes WHERE barcode = ?)`).get(code) ??
    sql(db, `${PRODUCT_SELECT} WHERE p.sku = ? COLLATE NOCASE`).get(code)) as ProductRow | undefined;
  if (!row || row.active !== 1) throw new ServiceError('catalog.product_not_found', { code });
  return toProductView(row);
}

/** The back office's list: name, code or pinyin contains the query; newest edits are found by id order. */
export function listProducts(
  db: Db,
  input: {
    query?: string | undefined;
    categoryId?: number | undefined;
    includeInactive?: boolean | undefined;
    offset?: number | undefined;
    limit?: number | undefined;
  },
  now: number,
): ProductPage {
  applyDuePrices(db, now);
  const where: string[] = [];
  const args: unknown[] = [];
  if (!input.includeInactive) where.push('active = 1');
  if (input.categoryId !== undefined) {
    where.push('category_id = ?');
    args.push(input.categoryId);
  }
  const query = normalizeSearchText(input.query ?? '');
  if (query !== '') {
    // The back office pages through the whole catalog, inactive products included, so it reads
    // the table rather than the counter's indexes (which hold active products only).
    const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      `(lower(sku) LIKE ? ESCAPE '\\' OR lower(name_zh) LIKE ? ESCAPE '\\' OR lower(name_en) LIKE ? ESCAPE '\\' OR pinyin_full LIKE ? ESCAPE '\\'
        OR pinyin_initials LIKE ? ESCAPE '\\' OR id IN (SELECT product_id FROM product_barcodes WHERE barcode LIKE ? ESCAPE '\\'))`,
    );
    args.push(like, like, like, like, like, like);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM products ${clause}`).get(...args) as { n: number }).n;
  const rows = db
    .prepare(`${PRODUCT_SELECT} ${clause} ORDER BY p.active DESC, p.sku LIMIT ? OFFSET ?`)
    .all(...args, input.limit ?? 50, input.offset ?? 0) as ProductRow[];
  return { total, items: rows.map((r) => toProductView(r)) };
}

export function listTaxRates(db: Db): TaxRateView[] {
  return sql(db, 'SELECT rate_bp AS rateBp, label FROM tax_rates ORDER BY rate_bp').all() as TaxRateView[];
}

export function isKnownTaxRate(db: Db, rateBp: number): boolean {
  return sql(db, 'SELECT 1 FROM tax_rates WHERE rate_bp = ?').get(rateBp) !== undefined;
}
