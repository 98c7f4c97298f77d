// The catalog as the register shows it.

export interface TaxRateView {
  rateBp: number;
  label: string;
}

/** How a product is counted at the counter: whole pieces, or a weight in kg with three decimals. */
export type SoldBy = 'piece' | 'weight';

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
  soldBy: SoldBy;
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
  /** `params`: what the sentence names besides the value (the check digit a barcode should end in). */
  errors: { row: number; code: string; field: string; value: string; params?: Record<string, string | number> }[];
}

export interface CsvExport {
  csv: string;
  rows: number;
}
