// The catalog as the register shows it.

export interface TaxRateView {
  rateBp: number;
  label: string;
}

export interface ProductView {
  id: number;
  sku: string;
  barcode: string | null;
  nameZh: string | null;
  nameEn: string | null;
  priceMinor: number;
  taxRateBp: number;
}

export interface CsvImportReport {
  imported: number;
  errors: { row: number; code: string; field: string; value: string }[];
}
