import { ServiceError } from '../common/service-error';
import Papa from 'papaparse';
import type { CsvExport, CsvImportReport, SoldBy } from '../../preload/contract/views';
import { MAX_AMOUNT_MINOR } from '../../preload/contract/primitives';
import { hasControlCharacters } from '../../preload/contract/text';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { parseDecimalMinor, parsePercentBp } from '../money/parse-decimal';
import { sql } from '../ledger/statements';
import { formatMinorDecimal, formatPercentBp } from '../money/format-decimal';
import { wrongCheckDigit } from './barcode-check';
import { changePrice } from './price-changes';
import { setBarcodes } from './product-editing';
import { indexProduct, productBarcodes } from './search-index';

/**
 * Columns of a catalog file: sku,barcode,name_zh,name_en,price,tax_rate (e.g. 12.50 and 13%), then
 * three optional ones: category (its Chinese or English name; a new name makes a new category),
 * extra_barcodes (more barcodes of the product, separated by spaces) and sold_by (piece or weight,
 * 计件 or 称重; empty or absent: a new product by the piece, an existing one as it was). The export
 * writes all nine, in this order, so an exported file imports back unchanged; a file of the first
 * eight (an older export) imports as it always did.
 */
export const CSV_COLUMNS = ['sku', 'barcode', 'name_zh', 'name_en', 'price', 'tax_rate', 'category', 'extra_barcodes', 'sold_by'] as const;

const SOLD_BY_WORDS: Readonly<Record<string, SoldBy>> = { piece: 'piece', weight: 'weight', 计件: 'piece', 按件: 'piece', 称重: 'weight', 按重量: 'weight' };

const BARCODE = /^[0-9A-Za-z-]{1,64}$/;
/** Headers people write for a product's name; the file names it name_zh and/or name_en. */
const NAME_COLUMNS: ReadonlySet<string> = new Set(['name', 'product', 'product_name', 'title', '名称', '商品名称', '品名']);

interface ParsedRow {
  row: number;
  sku: string;
  /** The barcode, then the extra barcodes. */
  barcodes: string[];
  /** The file has no extra_barcodes column: an existing product keeps its other barcodes. */
  keepExtras: boolean;
  nameZh: string | null;
  nameEn: string | null;
  priceMinor: number;
  taxRateBp: number;
  category: string | null;
  /** Null: as the product is (by the piece when new). */
  soldBy: SoldBy | null;
}

type RowError = CsvImportReport['errors'][number];

/** An empty line, or one of only separators and spaces: a spreadsheet's empty row. */
function isEmptyRecord(raw: Record<string, string | string[]>): boolean {
  return Object.values(raw).every((v) => (Array.isArray(v) ? v : [v]).every((cell) => (cell ?? '').trim() === ''));
}

/**
 * Validates the whole file first and imports only if every row is good: a half-imported
 * price list is worse than none. Existing SKUs are updated, new ones inserted; changed prices
 * are kept as price changes and listed in the journal entry.
 */
export function importCatalogCsv(db: Db, csv: string, operatorId: number | null, now: number): CsvImportReport {
  // An Excel workbook read as text (.xlsx is a zip, .xls an OLE file: both full of NUL bytes, which
  // no CSV has). Its "header" would be binary noise and every column "missing"; the owner needs
  // to hear "save it as CSV" instead. The screen says so before sending; this is the guard.
  if (csv.startsWith('PK\u0003\u0004') || csv.includes('\u0000')) throw new ServiceError('catalog.csv_spreadsheet');
  // Rows are numbered as a spreadsheet shows the file: empty lines (or lines of only commas) are
  // rows too, so they are skipped here, after numbering, not by the parser. Blank lines before
  // the header move the header down.
  const text = csv.replace(/^\uFEFF/, '');
  const leading = /^(?:[ \t,;]*\r?\n)*/.exec(text)?.[0] ?? '';
  const headerRow = 1 + (leading.match(/\n/g)?.length ?? 0);
  const parsed = Papa.parse<Record<string, string | string[]>>(text.slice(leading.length), {
    header: true,
    skipEmptyLines: false,
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const errors: RowError[] = [];
  const fields = parsed.meta.fields ?? [];
  for (const column of ['sku', 'price', 'tax_rate']) {
    if (!fields.includes(column)) errors.push({ row: headerRow, code: 'csv.missing_column', field: column, value: '' });
  }
  // A column the register does not know is said by name, with the ones it does: a plain `name`
  // was once ignored in silence and every row then said it had no name.
  const expected = CSV_COLUMNS.join(', ');
  for (const column of fields.filter((f) => f !== '' && !(CSV_COLUMNS as readonly string[]).includes(f))) {
    const code = NAME_COLUMNS.has(column) ? 'csv.unknown_name_column' : 'csv.unknown_column';
    errors.push({ row: headerRow, code, field: column, value: column, params: { column, expected } });
  }
  if (errors.length > 0) return { imported: 0, errors };
  const hasExtras = fields.includes('extra_barcodes');
  const hasCategory = fields.includes('category');
  // A code with a wrong check digit that the row's product already carries was let in before the
  // check existed: an exported file must still import back.
  const carries = sql(db, 'SELECT 1 FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.barcode = ? AND p.sku = ?').pluck();

  const knownRates = new Set((sql(db, 'SELECT rate_bp FROM tax_rates').all() as { rate_bp: number }[]).map((r) => r.rate_bp));
  const rows: ParsedRow[] = [];
  const seenBarcodes = new Map<string, string>();
  const seenSkus = new Set<string>();
  parsed.data.forEach((raw, index) => {
    if (isEmptyRecord(raw)) return;
    const row = headerRow + 1 + index;
    const cell = (name: string) => {
      const value = raw[name];
      return typeof value === 'string' ? value.trim() : '';
    };
    const rowErrors: RowError[] = [];
    const sku = cell('sku');
    const primary = cell('barcode');
    const extras = hasExtras
      ? cell('extra_barcodes')
          .split(/[\s|,;]+/)
          .filter((b) => b !== '')
      : [];
    const nameZh = cell('name_zh') || null;
    const nameEn = cell('name_en') || null;
    if (!sku || sku.length > 64) rowErrors.push({ row, code: 'csv.bad_sku', field: 'sku', value: sku });
    const barcodes = [...(primary ? [primary] : []), ...extras];
    for (const code of barcodes) {
      const field = code === primary ? 'barcode' : 'extra_barcodes';
      if (!BARCODE.test(code)) rowErrors.push({ row, code: 'csv.bad_barcode', field, value: code });
      const expected = wrongCheckDigit(code);
      if (expected !== null && carries.get(code, sku) === undefined)
        rowErrors.push({ row, code: 'csv.barcode_check_digit', field, value: code, params: { expected } });
    }
    if (!nameZh && !nameEn) rowErrors.push({ row, code: 'csv.missing_name', field: 'name_zh', value: '' });
    if ((nameZh?.length ?? 0) > 200 || (nameEn?.length ?? 0) > 200) rowErrors.push({ row, code: 'csv.name_too_long', field: 'name', value: '' });
    // As the product form refuses them (text.ts): an ESC or a line break in a name would be printed,
    // searched and sent to HQ as it came. Said per column, with the row, like the other cells.
    if (nameZh !== null && hasControlCharacters(nameZh)) rowErrors.push({ row, code: 'csv.name_control_characters', field: 'name_zh', value: '' });
    if (nameEn !== null && hasControlCharacters(nameEn)) rowErrors.push({ row, code: 'csv.name_control_characters', field: 'name_en', value: '' });
    const priceMinor = parseDecimalMinor(cell('price'));
    if (priceMinor === null || priceMinor > MAX_AMOUNT_MINOR) rowErrors.push({ row, code: 'csv.bad_price', field: 'price', value: cell('price') });
    const taxRateBp = parsePercentBp(cell('tax_rate'));
    if (taxRateBp === null || !knownRates.has(taxRateBp)) rowErrors.push({ row, code: 'csv.unknown_tax_rate', field: 'tax_rate', value: cell('tax_rate') });
    const category = hasCategory ? cell('category') || null : null;
    if ((category?.length ?? 0) > 80) rowErrors.push({ row, code: 'csv.name_too_long', field: 'category', value: '' });
    if (category !== null && hasControlCharacters(category)) rowErrors.push({ row, code: 'csv.name_control_characters', field: 'category', value: '' });
    const soldByText = cell('sold_by');
    const soldBy = soldByText === '' ? null : (SOLD_BY_WORDS[soldByText.toLowerCase()] ?? null);
    if (soldByText !== '' && soldBy === null) rowErrors.push({ row, code: 'csv.bad_sold_by', field: 'sold_by', value: soldByText });
    for (const code of barcodes) {
      if (seenBarcodes.has(code)) rowErrors.push({ row, code: 'csv.duplicate_barcode', field: 'barcode', value: code });
      else seenBarcodes.set(code, sku);
    }
    if (sku) {
      if (seenSkus.has(sku)) rowErrors.push({ row, code: 'csv.duplicate_sku', field: 'sku', value: sku });
      else seenSkus.add(sku);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else rows.push({ row, sku, barcodes, keepExtras: !hasExtras, nameZh, nameEn, priceMinor: priceMinor ?? 0, taxRateBp: taxRateBp ?? 0, category, soldBy });
  });

  // A barcode already used by a product the file does not list is as much a duplicate as one in the file.
  const owner = sql(db, 'SELECT p.sku FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.barcode = ?').pluck();
  for (const r of rows) {
    for (const code of r.barcodes) {
      const existing = owner.get(code) as string | undefined;
      if (existing !== undefined && existing !== r.sku && !seenSkus.has(existing)) {
        errors.push({ row: r.row, code: 'csv.duplicate_barcode', field: 'barcode', value: code });
      }
    }
  }
  if (errors.length > 0) return { imported: 0, errors: errors.sort((a, b) => a.row - b.row) };

  db.transaction(() => {
    const bySku = sql(db, 'SELECT id, price_minor FROM products WHERE sku = ?');
    const insert = sql(
      db,
      'INSERT INTO products (sku, name_zh, name_en, price_minor, tax_rate_bp, category_id, sold_by, active) VALUES (?, ?, ?, ?, ?, ?, ?, 1)',
    );
    const update = sql(
      db,
      'UPDATE products SET name_zh = ?, name_en = ?, tax_rate_bp = ?, category_id = ?, sold_by = COALESCE(?, sold_by), active = 1 WHERE id = ?',
    );
    const categories = new CategoryResolver(db);
    const priceChanges: { sku: string; fromMinor: number; toMinor: number }[] = [];
    // Free the listed products' barcodes first so two products may swap barcodes within one import.
    const ids = new Map<string, number>();
    const extrasKept = new Map<number, string[]>();
    for (const r of rows) {
      const existing = bySku.get(r.sku) as { id: number; price_minor: number } | undefined;
      if (!existing) continue;
      ids.set(r.sku, existing.id);
      if (r.keepExtras) extrasKept.set(existing.id, productBarcodes(db, existing.id).slice(1));
      setBarcodes(db, existing.id, []);
    }
    for (const r of rows) {
      const categoryId = r.category === null ? null : categories.idFor(r.category);
      let id = ids.get(r.sku);
      if (id === undefined) {
        id = Number(insert.run(r.sku, r.nameZh, r.nameEn, r.priceMinor, r.taxRateBp, categoryId, r.soldBy ?? 'piece').lastInsertRowid);
      } else {
        const before = bySku.get(r.sku) as { id: number; price_minor: number };
        update.run(r.nameZh, r.nameEn, r.taxRateBp, categoryId, r.soldBy, id);
        if (before.price_minor !== r.priceMinor) {
          changePrice(
            db,
            { productId: id, sku: r.sku, oldPriceMinor: before.price_minor, newPriceMinor: r.priceMinor, operatorId, source: 'import' },
            now,
            false,
          );
          priceChanges.push({ sku: r.sku, fromMinor: before.price_minor, toMinor: r.priceMinor });
        }
      }
      const kept = (extrasKept.get(id) ?? []).filter((code) => !seenBarcodes.has(code));
      setBarcodes(db, id, [...r.barcodes, ...kept]);
      indexProduct(db, id);
    }
    appendJournal(db, 'catalog.imported', { operatorId, rows: rows.length, ...(priceChanges.length > 0 ? { priceChanges } : {}) }, now);
  })();
  return { imported: rows.length, errors: [] };
}

/** Categories named in a file: found by their Chinese or English name, made when new. */
class CategoryResolver {
  private readonly known = new Map<string, number>();

  constructor(private readonly db: Db) {
    for (const c of sql(db, 'SELECT id, name_zh, name_en FROM categories').all() as { id: number; name_zh: string | null; name_en: string | null }[]) {
      if (c.name_en) this.known.set(c.name_en.toLowerCase(), c.id);
      if (c.name_zh) this.known.set(c.name_zh.toLowerCase(), c.id);
    }
  }

  idFor(name: string): number {
    const id = this.known.get(name.toLowerCase());
    if (id !== undefined) return id;
    const han = /\p{Script=Han}/u.test(name);
    const created = Number(sql(this.db, 'INSERT INTO categories (name_zh, name_en) VALUES (?, ?)').run(han ? name : null, han ? null : name).lastInsertRowid);
    this.known.set(name.toLowerCase(), created);
    return created;
  }
}

/** The active catalog in the import's format, with a BOM so that spreadsheet programs read Chinese. */
export function exportCatalogCsv(db: Db): CsvExport {
  const rows = sql(
    db,
    `SELECT p.id, p.sku, p.name_zh, p.name_en, p.price_minor, p.tax_rate_bp, p.sold_by, COALESCE(c.name_zh, c.name_en) AS category
       FROM products p LEFT JOIN categories c ON c.id = p.category_id WHERE p.active = 1 ORDER BY p.sku`,
  ).all() as {
    id: number;
    sku: string;
    name_zh: string | null;
    name_en: string | null;
    price_minor: number;
    tax_rate_bp: number;
    sold_by: SoldBy;
    category: string | null;
  }[];
  const data = rows.map((r) => {
    const codes = productBarcodes(db, r.id);
    return [
      r.sku,
      codes[0] ?? '',
      r.name_zh ?? '',
      r.name_en ?? '',
      formatMinorDecimal(r.price_minor),
      `${formatPercentBp(r.tax_rate_bp)}%`,
      r.category ?? '',
      codes.slice(1).join(' '),
      r.sold_by,
    ];
  });
  // escapeFormulae: a name starting with = + - @ must not run as a formula in a spreadsheet.
  const csv = Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: '\r\n', escapeFormulae: true });
  return { csv: `\uFEFF${csv}\r\n`, rows: rows.length };
}
