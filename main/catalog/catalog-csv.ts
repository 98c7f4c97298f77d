import Papa from 'papaparse';
import type { CsvImportReport } from '../../preload/contract/views';
import { MAX_AMOUNT_MINOR } from '../../preload/contract/primitives';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { parseDecimalMinor, parsePercentBp } from '../money/parse-decimal';
import { sql } from '../ledger/statements';

/** Columns of a catalog file: sku,barcode,name_zh,name_en,price,tax_rate (e.g. 12.50 and 13%). */
export const CSV_COLUMNS = ['sku', 'barcode', 'name_zh', 'name_en', 'price', 'tax_rate'] as const;

interface ParsedRow {
  row: number;
  sku: string;
  barcode: string | null;
  nameZh: string | null;
  nameEn: string | null;
  priceMinor: number;
  taxRateBp: number;
}

type RowError = CsvImportReport['errors'][number];

/**
 * Validates the whole file first and imports only if every row is good: a half-imported
 * price list is worse than none. Existing SKUs are updated, new ones inserted.
 */
export function importCatalogCsv(db: Db, csv: string, operatorId: number | null, now: number): CsvImportReport {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const errors: RowError[] = [];
  const fields = parsed.meta.fields ?? [];
  for (const column of ['sku', 'price', 'tax_rate']) {
    if (!fields.includes(column)) errors.push({ row: 1, code: 'csv.missing_column', field: column, value: '' });
  }
  if (errors.length > 0) return { imported: 0, errors };

  const knownRates = new Set((sql(db, 'SELECT rate_bp FROM tax_rates').all() as { rate_bp: number }[]).map((r) => r.rate_bp));
  const rows: ParsedRow[] = [];
  const seenBarcodes = new Map<string, number>();
  const seenSkus = new Map<string, number>();
  parsed.data.forEach((raw, index) => {
    const row = index + 2; // header is row 1, as a spreadsheet shows it
    const cell = (name: string) => (raw[name] ?? '').trim();
    const rowErrors: RowError[] = [];
    const sku = cell('sku');
    const barcode = cell('barcode') || null;
    const nameZh = cell('name_zh') || null;
    const nameEn = cell('name_en') || null;
    if (!sku || sku.length > 64) rowErrors.push({ row, code: 'csv.bad_sku', field: 'sku', value: sku });
    if (barcode !== null && !/^[0-9A-Za-z-]{1,64}$/.test(barcode)) rowErrors.push({ row, code: 'csv.bad_barcode', field: 'barcode', value: barcode });
    if (!nameZh && !nameEn) rowErrors.push({ row, code: 'csv.missing_name', field: 'name_zh', value: '' });
    if ((nameZh?.length ?? 0) > 200 || (nameEn?.length ?? 0) > 200) rowErrors.push({ row, code: 'csv.name_too_long', field: 'name', value: '' });
    const priceMinor = parseDecimalMinor(cell('price'));
    if (priceMinor === null || priceMinor > MAX_AMOUNT_MINOR) rowErrors.push({ row, code: 'csv.bad_price', field: 'price', value: cell('price') });
    const taxRateBp = parsePercentBp(cell('tax_rate'));
    if (taxRateBp === null || !knownRates.has(taxRateBp)) rowErrors.push({ row, code: 'csv.unknown_tax_rate', field: 'tax_rate', value: cell('tax_rate') });
    if (barcode !== null) {
      const first = seenBarcodes.get(barcode);
      if (first !== undefined) rowErrors.push({ row, code: 'csv.duplicate_barcode', field: 'barcode', value: barcode });
      else seenBarcodes.set(barcode, row);
    }
    if (sku) {
      if (seenSkus.has(sku)) rowErrors.push({ row, code: 'csv.duplicate_sku', field: 'sku', value: sku });
      else seenSkus.set(sku, row);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else rows.push({ row, sku, barcode, nameZh, nameEn, priceMinor: priceMinor ?? 0, taxRateBp: taxRateBp ?? 0 });
  });

  // A barcode already used by another SKU in the catalog is as much a duplicate as one in the file.
  const owner = sql(db, 'SELECT sku FROM products WHERE barcode = ?');
  for (const r of rows) {
    if (r.barcode === null) continue;
    const existing = owner.get(r.barcode) as { sku: string } | undefined;
    if (existing && existing.sku !== r.sku) errors.push({ row: r.row, code: 'csv.duplicate_barcode', field: 'barcode', value: r.barcode });
  }
  if (errors.length > 0) return { imported: 0, errors: errors.sort((a, b) => a.row - b.row) };

  db.transaction(() => {
    const upsert = sql(
      db,
      `INSERT INTO products (sku, barcode, name_zh, name_en, price_minor, tax_rate_bp, active) VALUES (?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT(sku) DO UPDATE SET barcode = excluded.barcode, name_zh = excluded.name_zh, name_en = excluded.name_en,
         price_minor = excluded.price_minor, tax_rate_bp = excluded.tax_rate_bp, active = 1`,
    );
    // Free barcodes first so two products may swap barcodes within one import.
    const release = sql(db, 'UPDATE products SET barcode = NULL WHERE sku = ?');
    for (const r of rows) release.run(r.sku);
    for (const r of rows) upsert.run(r.sku, r.barcode, r.nameZh, r.nameEn, r.priceMinor, r.taxRateBp);
    appendJournal(db, 'catalog.imported', { operatorId, rows: rows.length }, now);
  })();
  return { imported: rows.length, errors: [] };
}
