// A scanned scale label as a sale line: the product its item code names, at the weight or the
// price printed on it. The parsing is pure (catalog/weighed-barcode.ts); this is where it meets
// the catalog and the store's layouts.
import type { ProductView, StoreSettings } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { lookupProduct } from '../catalog/catalog';
import { parseScaleLabel } from '../catalog/weighed-barcode';
import { ServiceError } from '../common/service-error';

export interface ScaleLabelItem {
  product: ProductView;
  qtyMilli: number;
  unitPriceMinor: number;
  scaleLabel: string;
  soldByWeight: boolean;
}

function findProduct(db: Db, code: string, now: number): ProductView | null {
  try {
    return lookupProduct(db, code, now);
  } catch (e) {
    if (e instanceof ServiceError && e.code === 'catalog.product_not_found') return null;
    throw e;
  }
}

/**
 * The item a scale label stands for, or null when `code` is not one (no layout claims its
 * prefix, or the catalog knows the code itself: a product's own barcode wins). The product is the
 * one carrying the label's base code (value zeroed), else the one whose SKU is the item code (the
 * scale's PLU number).
 *
 * The one exception to "own barcode wins" is a label for nothing: a weighed product's barcode is
 * its labels' base code, which is exactly what the scale prints for an empty pan (or a zero
 * price). Read as the product it rang up a whole kilogram of fruit never weighed.
 */
export function scaleLabelItem(db: Db, settings: StoreSettings, code: string, now: number): ScaleLabelItem | null {
  const read = parseScaleLabel(code, settings.scaleLabelLayouts);
  if (read === null) return null;
  const own = findProduct(db, code, now);
  const emptyOwn = own !== null && read.ok && read.label.value === 0 && own.soldBy === 'weight';
  if (own !== null && !emptyOwn) return null;
  if (!read.ok) throw new ServiceError(read.code, { code });
  const { label } = read;
  // A label for nothing (an empty pan, a zero price) would ring up a free line.
  if (label.value === 0) throw new ServiceError('catalog.scale_label_empty', { code });
  const product = findProduct(db, label.baseCode, now) ?? findProduct(db, label.itemCode, now);
  // The fix is in the scale's PLU table or the catalog, not the barcode: say which item and what it weighed or cost.
  if (!product && label.kind === 'weight')
    throw new ServiceError('catalog.scale_label_unknown_item_weight', { code, itemCode: label.itemCode, weightMilli: label.value });
  if (!product) throw new ServiceError('catalog.scale_label_unknown_item_price', { code, itemCode: label.itemCode, priceMinor: label.value });
  if (label.kind === 'weight') {
    return { product, qtyMilli: label.value, unitPriceMinor: product.priceMinor, scaleLabel: code, soldByWeight: true };
  }
  return { product, qtyMilli: 1000, unitPriceMinor: label.value, scaleLabel: code, soldByWeight: false };
}
