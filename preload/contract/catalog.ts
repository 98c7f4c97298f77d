import { z } from 'zod';
import { call } from './define';
import { MAX_CSV_BYTES, utf8ByteLength } from './limits';
import { id } from './primitives';
import type { CsvImportReport, ProductView, TaxRateView } from './views';

export const catalogCalls = {
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
  'catalog.taxRates': call<TaxRateView[]>()(z.object({}).strict()),
};

/** Catalog refusals. Each needs its translation in assets/locales (errors.json). */
export const catalogErrors = [
  'catalog.product_not_found',
  'catalog.csv_invalid',
  'catalog.csv_too_large',
  'catalog.duplicate_barcode',
  'catalog.duplicate_sku',
  'catalog.unknown_tax_rate',
] as const;
