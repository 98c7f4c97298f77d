// A report names each category in the language it is read in: the Z keeps both names in its product
// rollups, and the screen and its files pick the UI language's (the other where one is missing).
// Rollups from before both were kept (schema 21) get the English name of the category they name
// where it still exists, and keep the name they have where it does not.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../main/ledger/database';
import { salesReport } from '../../main/reports/report-query';
import type { SalesReportView } from '../../preload/contract/reports-views';
import { reportCsv, reportTables, type Cell } from '../../renderer/src/screens/reports/report-files';
import { key, openShop, shanghai, type Shop } from '../support/day-close-shop';
import { ledgerAtSchema } from '../support/old-schema';

const shops: Shop[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const s of shops.splice(0)) s.reg.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const t = (k: string) => (k === 'reports.noCategory' ? '(none)' : k);
/** The category column of a table, by product or by category, as the reader sees it in `language`. */
function names(view: SalesReportView, language: string, table: 'categories' | 'top-products'): Record<string, Cell | undefined> {
  const rows = reportTables(view, t, language).find((x) => x.key === table)?.rows ?? [];
  // By category: name → quantity; by product: product → category.
  const entries: [string, Cell | undefined][] = rows.map((row) => [typeof row[0] === 'string' ? row[0] : '?', row[1]]);
  return Object.fromEntries(entries);
}

describe('categories in a report', () => {
  it('an English report says Drinks, a Chinese one 饮料, on screen and in the CSV; a category with one name shows it in both', async () => {
    const s = await openShop(shanghai('2026-11-30', '10:00'));
    shops.push(s);
    await s.as('owner');
    // An English shop: its receipts (and the lines a report lists) name products in English.
    await s.reg.must('settings.update', { storeLocale: 'en' });
    const drinks = await s.reg.must('catalog.saveCategory', { nameZh: '饮料', nameEn: 'Drinks' });
    const bakery = await s.reg.must('catalog.saveCategory', { nameZh: '', nameEn: 'Bakery' });
    const cola = await s.reg.must('catalog.createProduct', {
      sku: 'COLA',
      nameZh: '可口可乐',
      nameEn: 'Coca-Cola 330ml',
      priceMinor: 350,
      taxRateBp: 1300,
      categoryId: drinks.id,
    });
    const bread = await s.reg.must('catalog.createProduct', {
      sku: 'BREAD',
      nameZh: '面包',
      nameEn: 'Bread',
      priceMinor: 850,
      taxRateBp: 900,
      categoryId: bakery.id,
    });
    await s.as('cashier');
    const sale = await s.sale([200]);
    await s.reg.must('sale.addProduct', { saleId: sale, productId: cola.id });
    await s.reg.must('sale.addProduct', { saleId: sale, productId: bread.id });
    await s.reg.must('sale.tenderCash', { saleId: sale, tenderedMinor: 1_400, idempotencyKey: key() });
    await s.closeShift();
    await s.as('supervisor');
    await s.z();

    const view = await s.reg.must('report.sales', { from: '2026-11-30', to: '2026-11-30', groupBy: 'day' });
    expect(names(view, 'en', 'categories')).toEqual({ Bakery: 1, Drinks: 1, '(none)': 1 });
    expect(names(view, 'zh-CN', 'categories')).toEqual({ Bakery: 1, 饮料: 1, '(none)': 1 });
    expect(names(view, 'en', 'top-products')).toMatchObject({ 'Coca-Cola 330ml': 'Drinks', Bread: 'Bakery', '商品 Item': '(none)' });
    expect(names(view, 'zh-CN', 'top-products')).toMatchObject({ 'Coca-Cola 330ml': '饮料', Bread: 'Bakery' });
    const csv = reportCsv(view, reportTables(view, t, 'en'), (m) => m / 100, 'R1');
    expect(csv).toContain('Coca-Cola 330ml,Drinks,1,3.5');
    expect(csv).toContain('\r\nDrinks,1,3.5\r\n');
    expect(csv).not.toContain('饮料');
  });

  it('a rollup from before English names were kept: filled where its category still exists, its own name where it does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringup-rollup-names-'));
    dirs.push(dir);
    const file = join(dir, 'ledger.sqlite');
    const old = ledgerAtSchema(file, 21);
    old.pragma('foreign_keys = OFF');
    old.transaction(() => fillSchema21(old))();
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();

    const db = openLedger(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(22);
      expect(db.prepare('SELECT product_key, category, category_en FROM product_rollups ORDER BY product_key').all()).toEqual([
        { product_key: 'n:Bag', category: null, category_en: null },
        { product_key: 'p:1', category: '饮料', category_en: 'Drinks' },
        { product_key: 'p:2', category: '膨化食品', category_en: null },
        { product_key: 'p:3', category: 'Household', category_en: 'Household' },
        { product_key: 'p:4', category: '茶', category_en: 'Tea' },
      ]);
      // Rollups are still immutable after the fill.
      expect(() => db.prepare("UPDATE product_rollups SET category_en = 'x'").run()).toThrow(/rollups are immutable/);

      const view = salesReport(db, { from: '2026-11-20', to: '2026-11-20', groupBy: 'day' }, '2026-11-20');
      // The renamed category has no English name to show: its old name, not nothing.
      expect(names(view, 'en', 'categories')).toEqual({ Drinks: 2, 膨化食品: 1, Household: 1, Tea: 1, '(none)': 1 });
      expect(names(view, 'zh-CN', 'categories')).toEqual({ 饮料: 2, 膨化食品: 1, Household: 1, 茶: 1, '(none)': 1 });
    } finally {
      db.close();
    }
  });
});

/** A schema-21 ledger's closed day: rollups with the category's Chinese-else-English name only (foreign keys off: only the rows a report reads). */
function fillSchema21(db: Database.Database): void {
  const category = db.prepare('INSERT INTO categories (id, name_zh, name_en) VALUES (?, ?, ?)');
  category.run(1, '饮料', 'Drinks');
  category.run(2, '零食', 'Snacks'); // was 膨化食品 when the day closed
  category.run(3, null, 'Household');
  // Two categories called 茶: the product's own gives the English name.
  category.run(4, '茶', 'Tea leaves');
  category.run(5, '茶', 'Tea');
  const product = db.prepare('INSERT INTO products (id, sku, name_zh, price_minor, tax_rate_bp, category_id) VALUES (?, ?, ?, 100, 900, ?)');
  product.run(1, 'COLA', '可乐', 1);
  product.run(2, 'CHIPS', '薯片', 2);
  product.run(3, 'SOAP', '肥皂', 3);
  product.run(4, 'TEA', '绿茶', 5);
  db.prepare(
    `INSERT INTO z_reports (id, register_id, z_no, business_day, closed_at, operator_id, grand_total_before_minor, grand_total_after_minor, last_journal_seq, figures)
     VALUES (1, 'R1', 1, '2026-11-20', 0, 1, 0, 0, 0, '{}')`,
  ).run();
  const rollup = db.prepare(
    `INSERT INTO product_rollups (z_id, register_id, business_day, product_key, name, category, lines, qty_milli, net_minor) VALUES (1, 'R1', '2026-11-20', ?, ?, ?, 1, ?, 100)`,
  );
  rollup.run('p:1', '可乐', '饮料', 2_000);
  rollup.run('p:2', '薯片', '膨化食品', 1_000);
  rollup.run('p:3', '肥皂', 'Household', 1_000);
  rollup.run('p:4', '绿茶', '茶', 1_000);
  rollup.run('n:Bag', 'Bag', null, 1_000);
}
