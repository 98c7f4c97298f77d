import type { ProductView, TaxRateView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { ServiceError } from '../common/service-error';
import { sql } from '../ledger/statements';

interface ProductRow {
  id: number;
  sku: string;
  barcode: string | null;
  name_zh: string | null;
  name_en: string | null;
  price_minor: number;
  tax_rate_bp: number;
}

export function toProductView(r: ProductRow): ProductView {
  return { id: r.id, sku: r.sku, barcode: r.barcode, nameZh: r.name_zh, nameEn: r.name_en, priceMinor: r.price_minor, taxRateBp: r.tax_rate_bp };
}

export function getProduct(db: Db, id: number): ProductView {
  const row = sql(db, 'SELECT * FROM products WHERE id = ? AND active = 1').get(id) as ProductRow | undefined;
  if (!row) throw new ServiceError('catalog.product_not_found', { productId: id });
  return toProductView(row);
}

/** A scanned barcode or a keyed SKU; barcodes win because scanners are the common case. */
export function lookupProduct(db: Db, code: string): ProductView {
  const row = (sql(db, 'SELECT * FROM products WHERE barcode = ? AND active = 1').get(code) ??
    sql(db, 'SELECT * FROM products WHERE sku = ? COLLATE NOCASE AND active = 1').get(code)) as ProductRow | undefined;
  if (!row) throw new ServiceError('catalog.product_not_found', { code });
  return toProductView(row);
}

export function searchProducts(db: Db, query: string, limit = 20): ProductView[] {
  const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .prepare(
      `SELECT * FROM products WHERE active = 1 AND (
         name_zh LIKE ? ESCAPE '\\' OR name_en LIKE ? ESCAPE '\\' OR sku LIKE ? ESCAPE '\\' OR barcode LIKE ? ESCAPE '\\')
       ORDER BY COALESCE(name_zh, name_en) LIMIT ?`,
    )
    .all(like, like, like, like, limit) as ProductRow[];
  return rows.map(toProductView);
}

export function listTaxRates(db: Db): TaxRateView[] {
  return sql(db, 'SELECT rate_bp AS rateBp, label FROM tax_rates ORDER BY rate_bp').all() as TaxRateView[];
}

export function isKnownTaxRate(db: Db, rateBp: number): boolean {
  return sql(db, 'SELECT 1 FROM tax_rates WHERE rate_bp = ?').get(rateBp) !== undefined;
}
