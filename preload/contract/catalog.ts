import { z } from 'zod';
import { call } from './define';
import { MAX_CSV_BYTES, utf8ByteLength } from './limits';
import { amountMinor, id, rateBp } from './primitives';
import { plainText } from './text';
import type { CategoryView, CsvExport, CsvImportReport, PriceChangeView, ProductDetail, ProductPage, ProductView, TaxRateView } from './views';

/** Barcodes as scanners read them and CSV files carry them: letters, digits and '-'. */
export const barcode = z.string().regex(/^[0-9A-Za-z-]{1,64}$/);
/** A product's item number (货号 / SKU). */
export const sku = plainText(z.string().trim().min(1).max(64));
// Names: '' means none; a product or category needs a Chinese or an English one.
// No control characters (text.ts): a name is printed, searched and exported as typed.
const productName = plainText(z.string().trim().max(200));
const categoryName = plainText(z.string().trim().max(80));
const barcodes = z.array(barcode).max(20);
/** Whole pieces, or a weight (kg, three decimals). */
export const soldBy = z.enum(['piece', 'weight']);
/** Epoch ms; a time in the past means "now". */
const instant = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const catalogCalls = {
  /** Ranked: an exact code first, then keys that start with the query, then keys that contain it. */
  'catalog.search': call<ProductView[]>()(z.object({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).optional() }).strict()),
  'catalog.lookup': call<ProductView>()(z.object({ code: z.string().trim().min(1).max(64) }).strict()),
  'catalog.get': call<ProductView>()(z.object({ productId: id }).strict()),
  'catalog.importCsv': call<CsvImportReport>()(
    z
      .object({
        // Characters never outnumber bytes, so max() refuses a huge string before it is measured.
        csv: z
          .string()
          .min(1)
          .max(MAX_CSV_BYTES)
          .refine((csv) => utf8ByteLength(csv) <= MAX_CSV_BYTES, { message: 'too_large' }),
      })
      .strict(),
  ),
  /** The first-run wizard's "start with the demo": the demo shop's products, imported like a file. */
  'catalog.importDemo': call<CsvImportReport>()(z.object({}).strict()),
  /** The active catalog as a file the import reads back (same columns). */
  'catalog.exportCsv': call<CsvExport>()(z.object({}).strict()),
  'catalog.taxRates': call<TaxRateView[]>()(z.object({}).strict()),
  /** Adds a rate or renames it; answers the whole list. */
  'catalog.saveTaxRate': call<TaxRateView[]>()(z.object({ rateBp, label: plainText(z.string().trim().min(1).max(20)) }).strict()),
  /** Removes a rate no product uses. */
  'catalog.removeTaxRate': call<TaxRateView[]>()(z.object({ rateBp }).strict()),
  /** A page of the catalog for the back office, inactive products included on request. */
  'catalog.list': call<ProductPage>()(
    z
      .object({
        query: z.string().trim().max(100).optional(),
        categoryId: id.optional(),
        includeInactive: z.boolean().optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
  ),
  'catalog.detail': call<ProductDetail>()(z.object({ productId: id }).strict()),
  'catalog.createProduct': call<ProductDetail>()(
    z
      .object({
        sku,
        nameZh: productName,
        nameEn: productName,
        priceMinor: amountMinor,
        taxRateBp: rateBp,
        categoryId: id.nullable().optional(),
        barcodes: barcodes.optional(),
        /** Default: by the piece. */
        soldBy: soldBy.optional(),
      })
      .strict(),
  ),
  /** Changes what is given. A new price takes effect at `priceEffectiveAt` (default: now) and is journalled old → new. */
  'catalog.updateProduct': call<ProductDetail>()(
    z
      .object({
        productId: id,
        sku: sku.optional(),
        nameZh: productName.optional(),
        nameEn: productName.optional(),
        taxRateBp: rateBp.optional(),
        categoryId: id.nullable().optional(),
        barcodes: barcodes.optional(),
        soldBy: soldBy.optional(),
        priceMinor: amountMinor.optional(),
        priceEffectiveAt: instant.optional(),
      })
      .strict(),
  ),
  /** Deactivate (no longer sold or found; history kept) or bring back. */
  'catalog.setActive': call<ProductDetail>()(z.object({ productId: id, active: z.boolean() }).strict()),
  'catalog.priceHistory': call<PriceChangeView[]>()(z.object({ productId: id }).strict()),
  'catalog.categories': call<CategoryView[]>()(z.object({ includeInactive: z.boolean().optional() }).strict()),
  /** Creates a category (no id) or changes one. */
  'catalog.saveCategory': call<CategoryView>()(
    z.object({ categoryId: id.optional(), nameZh: categoryName, nameEn: categoryName, active: z.boolean().optional() }).strict(),
  ),
};

/** Catalog refusals. Each needs its translation in assets/locales (errors.json). */
export const catalogErrors = [
  'catalog.product_not_found',
  'catalog.csv_invalid',
  'catalog.csv_too_large',
  'catalog.csv_spreadsheet',
  'catalog.duplicate_barcode',
  'catalog.repeated_barcode',
  'catalog.duplicate_sku',
  'catalog.unknown_tax_rate',
  'catalog.missing_name',
  'catalog.category_not_found',
  'catalog.tax_rate_in_use',
  'catalog.scale_label_check_digit',
  'catalog.scale_label_value_check_digit',
  'catalog.scale_label_empty',
  // A valid label whose item (PLU) the catalog does not know (params: code, itemCode, weightMilli or priceMinor).
  'catalog.scale_label_unknown_item_weight',
  'catalog.scale_label_unknown_item_price',
  // An EAN-8, UPC-A or EAN-13 whose last digit is not its check digit (params: barcode, expected).
  'catalog.barcode_check_digit',
] as const;
