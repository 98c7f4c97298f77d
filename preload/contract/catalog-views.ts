// The catalog as the register shows it.

export interface TaxRateView {
  rateBp: number;
  label: string;
}

export interface ProductView {
  id: number;
  sku: string;
  /** The first of `barcodes` (what receipts and short lists show), or null. */
  barcode: string | null;
  /** Every barcode that rings this product up, in the order the owner entered them. */
  barcodes: string[];
  nameZh: string | null;
  nameEn: string | null;
  priceMinor: number;
  taxRateBp: number;
  categoryId: number | null;
  active: boolean;
}

/** A product as the back office edits it: with its derived search keys and a price waiting for its time. */
export interface ProductDetail extends ProductView {
  pinyinFull: string;
  pinyinInitials: string;
  scheduledPrice: { priceMinor: number; effectiveAt: number } | null;
}

export interface ProductPage {
  total: number;
  items: ProductView[];
}

export interface CategoryView {
  id: number;
  nameZh: string | null;
  nameEn: string | null;
  active: boolean;
  productCount: number;
}

export interface PriceChangeView {
  id: number;
  oldPriceMinor: number;
  newPriceMinor: number;
  effectiveAt: number;
  state: 'scheduled' | 'applied' | 'cancelled';
  source: 'edit' | 'import';
  operatorId: number | null;
  operatorName: string | null;
  createdAt: number;
}

export interface CsvImportReport {
  imported: number;
  errors: { row: number; code: string; field: string; value: string }[];
}

export interface CsvExport {
  csv: string;
  rows: number;
}
