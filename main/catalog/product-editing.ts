// Adding, editing and deactivating products in the back office. Each edit commits with its
// journal entry (field by field, old → new; a price has its own entry with its effective time)
// and the product's search keys, so the counter finds the new name at once.
import type { ProductDetail, SoldBy } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { wrongCheckDigit } from './barcode-check';
import { isKnownTaxRate, productDetail, productRow } from './catalog';
import type { FieldChanges } from './catalog-journal';
import { requireCategory } from './categories';
import { changePrice } from './price-changes';
import { indexProduct, productBarcodes } from './search-index';

export interface ProductFields {
  sku: string;
  nameZh: string;
  nameEn: string;
  priceMinor: number;
  taxRateBp: number;
  categoryId?: number | null | undefined;
  barcodes?: string[] | undefined;
  soldBy?: SoldBy | undefined;
}

function nameOrNull(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}

function checkSku(db: Db, sku: string, productId: number | null): void {
  const owner = sql(db, 'SELECT id FROM products WHERE sku = ?').pluck().get(sku) as number | undefined;
  if (owner !== undefined && owner !== productId) throw new ServiceError('catalog.duplicate_sku', { sku });
}

function checkRefs(db: Db, taxRateBp: number | undefined, categoryId: number | null | undefined): void {
  if (taxRateBp !== undefined && !isKnownTaxRate(db, taxRateBp)) throw new ServiceError('catalog.unknown_tax_rate', { rateBp: taxRateBp });
  if (categoryId !== undefined && categoryId !== null) requireCategory(db, categoryId);
}

/**
 * A new EAN-8, UPC-A or EAN-13 with a wrong check digit is refused, naming the digit it should end
 * in. Codes the product already carries are not judged again: a product from before this check
 * (or from a supplier's file) stays editable with the code its packs really bear.
 */
function checkDigits(barcodes: readonly string[], kept: readonly string[]): void {
  for (const code of barcodes) {
    if (kept.includes(code)) continue;
    const expected = wrongCheckDigit(code);
    if (expected !== null) throw new ServiceError('catalog.barcode_check_digit', { barcode: code, expected });
  }
}

/**
 * Replaces a product's barcodes; a barcode of another product is refused, naming that product, and
 * a code typed twice for this one is said as such (it once read "used by another product").
 */
export function setBarcodes(db: Db, productId: number, barcodes: readonly string[]): void {
  const seen = new Set<string>();
  for (const code of barcodes) {
    if (seen.has(code)) throw new ServiceError('catalog.repeated_barcode', { barcode: code });
    seen.add(code);
    const owner = sql(db, 'SELECT b.product_id AS id, p.sku FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.barcode = ?').get(code) as
      { id: number; sku: string } | undefined;
    if (owner !== undefined && owner.id !== productId) throw new ServiceError('catalog.duplicate_barcode', { barcode: code, sku: owner.sku });
  }
  sql(db, 'DELETE FROM product_barcodes WHERE product_id = ?').run(productId);
  sql(db, 'UPDATE products SET barcode = NULL WHERE id = ?').run(productId);
  const insert = sql(db, 'INSERT INTO product_barcodes (barcode, product_id, position) VALUES (?, ?, ?)');
  barcodes.forEach((code, position) => insert.run(code, productId, position));
  sql(db, 'UPDATE products SET barcode = ? WHERE id = ?').run(barcodes[0] ?? null, productId);
}

export function createProduct(db: Db, input: ProductFields, operatorId: number, now: number): ProductDetail {
  const nameZh = nameOrNull(input.nameZh);
  const nameEn = nameOrNull(input.nameEn);
  if (nameZh === null && nameEn === null) throw new ServiceError('catalog.missing_name');
  return db.transaction(() => {
    checkSku(db, input.sku, null);
    checkRefs(db, input.taxRateBp, input.categoryId);
    checkDigits(input.barcodes ?? [], []);
    const soldBy = input.soldBy ?? 'piece';
    const id = Number(
      sql(db, 'INSERT INTO products (sku, name_zh, name_en, price_minor, tax_rate_bp, category_id, sold_by, active) VALUES (?, ?, ?, ?, ?, ?, ?, 1)').run(
        input.sku,
        nameZh,
        nameEn,
        input.priceMinor,
        input.taxRateBp,
        input.categoryId ?? null,
        soldBy,
      ).lastInsertRowid,
    );
    setBarcodes(db, id, input.barcodes ?? []);
    indexProduct(db, id);
    appendJournal(db, 'catalog.product_created', { productId: id, sku: input.sku, priceMinor: input.priceMinor, soldBy, operatorId }, now);
    return productDetail(db, id, now);
  })();
}

export interface ProductPatch {
  productId: number;
  sku?: string | undefined;
  nameZh?: string | undefined;
  nameEn?: string | undefined;
  taxRateBp?: number | undefined;
  categoryId?: number | null | undefined;
  barcodes?: string[] | undefined;
  soldBy?: SoldBy | undefined;
  priceMinor?: number | undefined;
  priceEffectiveAt?: number | undefined;
}

export function updateProduct(db: Db, patch: ProductPatch, operatorId: number, now: number): ProductDetail {
  return db.transaction(() => {
    const before = productRow(db, patch.productId);
    if (!before) throw new ServiceError('catalog.product_not_found', { productId: patch.productId });
    const after = {
      sku: patch.sku ?? before.sku,
      name_zh: patch.nameZh !== undefined ? nameOrNull(patch.nameZh) : before.name_zh,
      name_en: patch.nameEn !== undefined ? nameOrNull(patch.nameEn) : before.name_en,
      tax_rate_bp: patch.taxRateBp ?? before.tax_rate_bp,
      category_id: patch.categoryId !== undefined ? patch.categoryId : before.category_id,
      sold_by: patch.soldBy ?? before.sold_by,
    };
    if (after.name_zh === null && after.name_en === null) throw new ServiceError('catalog.missing_name');
    if (patch.sku !== undefined) checkSku(db, after.sku, before.id);
    checkRefs(db, patch.taxRateBp, patch.categoryId);

    const changes: FieldChanges = {};
    const fields = { sku: 'sku', nameZh: 'name_zh', nameEn: 'name_en', taxRateBp: 'tax_rate_bp', categoryId: 'category_id', soldBy: 'sold_by' } as const;
    for (const [name, column] of Object.entries(fields)) {
      if (before[column] !== after[column]) changes[name] = { from: before[column], to: after[column] };
    }
    if (patch.barcodes !== undefined) {
      const old = productBarcodes(db, before.id);
      if (old.join('\n') !== patch.barcodes.join('\n')) {
        checkDigits(patch.barcodes, old);
        setBarcodes(db, before.id, patch.barcodes);
        changes.barcodes = { from: old, to: patch.barcodes };
      }
    }
    sql(db, 'UPDATE products SET sku = ?, name_zh = ?, name_en = ?, tax_rate_bp = ?, category_id = ?, sold_by = ? WHERE id = ?').run(
      after.sku,
      after.name_zh,
      after.name_en,
      after.tax_rate_bp,
      after.category_id,
      after.sold_by,
      before.id,
    );
    if (Object.keys(changes).length > 0) {
      appendJournal(db, 'catalog.product_updated', { productId: before.id, sku: after.sku, changes, operatorId }, now);
      indexProduct(db, before.id);
    }
    if (patch.priceMinor !== undefined) {
      changePrice(
        db,
        {
          productId: before.id,
          sku: after.sku,
          oldPriceMinor: before.price_minor,
          newPriceMinor: patch.priceMinor,
          effectiveAt: patch.priceEffectiveAt,
          operatorId,
          source: 'edit',
        },
        now,
      );
    }
    return productDetail(db, before.id, now);
  })();
}

/** A deactivated product is no longer found or sold; its sales, prices and journal stay. */
export function setProductActive(db: Db, productId: number, active: boolean, operatorId: number, now: number): ProductDetail {
  return db.transaction(() => {
    const row = productRow(db, productId);
    if (!row) throw new ServiceError('catalog.product_not_found', { productId });
    if ((row.active === 1) !== active) {
      sql(db, 'UPDATE products SET active = ? WHERE id = ?').run(active ? 1 : 0, productId);
      indexProduct(db, productId);
      appendJournal(db, 'catalog.product_active', { productId, sku: row.sku, active, operatorId }, now);
    }
    return productDetail(db, productId, now);
  })();
}
