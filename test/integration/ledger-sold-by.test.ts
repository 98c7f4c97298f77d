// Schema 21: products are sold by the piece or by weight. A ledger written at schema 20 opens with
// every product by the piece except the clearly weighed ones (a weight label's base code under the
// store's layouts, or already rung up from a weight label), and with every row otherwise as it was:
// a barcode with a wrong check digit from before is neither refused nor changed.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../main/ledger/database';
import { ledgerAtSchema } from '../support/old-schema';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function schema20Ledger(fill: (db: Database.Database) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-sold-by-'));
  dirs.push(dir);
  const file = join(dir, 'ledger.sqlite');
  const old = ledgerAtSchema(file, 20);
  old.transaction(() => fill(old))();
  old.pragma('wal_checkpoint(TRUNCATE)');
  old.close();
  return file;
}

function addProduct(db: Database.Database, sku: string, barcode: string | null): void {
  const id = db
    .prepare('INSERT INTO products (sku, barcode, name_zh, price_minor, tax_rate_bp) VALUES (?, ?, ?, 100, 900)')
    .run(sku, barcode, sku).lastInsertRowid;
  if (barcode !== null) db.prepare('INSERT INTO product_barcodes (barcode, product_id, position) VALUES (?, ?, 0)').run(barcode, id);
}

function soldBy(file: string): { rows: Record<string, string>; products: unknown[]; barcodes: unknown[]; version: number } {
  const db = openLedger(file);
  try {
    const rows = Object.fromEntries(
      (db.prepare('SELECT sku, sold_by FROM products').all() as { sku: string; sold_by: string }[]).map((r) => [r.sku, r.sold_by]),
    );
    return {
      rows,
      products: db.prepare('SELECT id, sku, barcode, name_zh, name_en, price_minor, tax_rate_bp, active FROM products ORDER BY id').all(),
      barcodes: db.prepare('SELECT * FROM product_barcodes ORDER BY barcode').all(),
      version: db.pragma('user_version', { simple: true }) as number,
    };
  } finally {
    db.close();
  }
}

describe('a ledger from schema 20', () => {
  it('weighs what the default layouts weigh or weight labels sold; the rest, numeric SKUs and price labels included, by the piece', () => {
    let before: { products: unknown[]; barcodes: unknown[] } = { products: [], barcodes: [] };
    const file = schema20Ledger((db) => {
      addProduct(db, 'BRUSH-01', '6902345678907'); // a wrong check digit, let in before the check
      addProduct(db, 'APPLE-KG', '2100001000004'); // base code of prefix 21 (weight), item 00001
      addProduct(db, 'DELI-01', '2000042000004'); // base code of prefix 20 (price): one package
      addProduct(db, '00042', null); // the scale's PLU 00042, rung up from a weight label below
      addProduct(db, '10001', '6901234567892'); // a numbered 货号, never on a scale
      db.prepare("INSERT INTO operators (name, role, pin_hash, pin_salt, pin_params, created_at) VALUES ('O', 'owner', x'00', x'00', '{}', 0)").run();
      const doc = db
        .prepare(
          "INSERT INTO documents (id, kind, status, register_id, operator_id, opened_at, prices_include_tax) VALUES ('d-1', 'sale', 'open', 'R1', 1, 0, 1)",
        )
        .run().lastInsertRowid;
      db.prepare(
        "INSERT INTO document_lines (document_pk, position, product_id, sku, name, qty_milli, unit_price_minor, tax_rate_bp, scale_label, sold_by_weight) VALUES (?, 1, 4, '00042', '花生', 452, 2400, 900, '2100042004527', 1)",
      ).run(doc);
      before = {
        products: db.prepare('SELECT id, sku, barcode, name_zh, name_en, price_minor, tax_rate_bp, active FROM products ORDER BY id').all(),
        barcodes: db.prepare('SELECT * FROM product_barcodes ORDER BY barcode').all(),
      };
    });
    const after = soldBy(file);
    expect(after.version).toBeGreaterThanOrEqual(21);
    expect(after.rows).toEqual({ 'BRUSH-01': 'piece', 'APPLE-KG': 'weight', 'DELI-01': 'piece', '00042': 'weight', '10001': 'piece' });
    expect({ products: after.products, barcodes: after.barcodes }).toEqual(before);
  });

  it("reads the store's own layouts when it saved some", () => {
    const file = schema20Ledger((db) => {
      // A German-style weight layout: prefix 28, four item digits, a value check digit, five value digits.
      db.prepare("INSERT INTO settings (key, value) VALUES ('scaleLabelLayouts', ?)").run(
        JSON.stringify([{ prefix: '28', kind: 'weight', valueDigits: 5, valueCheckDigit: true }]),
      );
      addProduct(db, 'CHEESE-KG', '2800420000004');
      addProduct(db, 'APPLE-KG', '2100001000004'); // 21 is no weight layout of this store
    });
    expect(soldBy(file).rows).toEqual({ 'CHEESE-KG': 'weight', 'APPLE-KG': 'piece' });
  });
});
