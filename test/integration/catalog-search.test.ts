// Finding a product at the counter: ranked search by code, name, pinyin and initials (also the
// initials of a word inside the name), and a ledger from before the search indexes getting them.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../main/ledger/migrations';
import { ledgerPathIn } from '../../main/register';
import { COLA, register, skus, asSupervisor, track } from '../support/catalog-register';
import { CASHIER_PIN, makeRegister, withStaff } from '../support/register-fixture';

describe('catalog search', () => {
  it('finds 可口可乐 by pinyin initials, full pinyin, any part of the Chinese name, English name and item number', async () => {
    const reg = register();
    await withStaff(reg);
    for (const query of [
      'kkkl',
      'KKKL',
      'kekou',
      'ke kou',
      'kekoukele',
      'kele',
      '可口',
      '口可',
      '乐',
      '可口可乐',
      '口可乐',
      'coca',
      'cola',
      'COLA-330',
      'cola-3',
      COLA,
    ]) {
      expect(await skus(reg, query), query).toContain('COLA-330');
    }
    // Full-width letters typed by a Chinese input method are the same letters.
    expect(await skus(reg, 'ｋｋｋｌ')).toContain('COLA-330');
    expect(await skus(reg, 'zzzz')).toEqual([]);
    expect(await skus(reg, '"')).toEqual([]);
  });

  it('ranks an exact code first, then names that start with the query, then names that contain it', async () => {
    const reg = register();
    const { supervisorId } = await asSupervisor(reg);
    expect(supervisorId).toBeGreaterThan(0);
    // 'TEA' is an item number; 'TEA-500' starts with it; 'Green tea' and 'Iced black tea' contain it.
    await reg.must('catalog.createProduct', { sku: 'TEA', nameZh: '散装茶叶', nameEn: 'Loose leaf', priceMinor: 1000, taxRateBp: 900 });
    await reg.must('catalog.createProduct', { sku: 'GT-1', nameZh: '绿茶', nameEn: 'Green tea', priceMinor: 300, taxRateBp: 1300 });
    const ranked = await skus(reg, 'tea');
    expect(ranked[0]).toBe('TEA');
    expect(ranked.indexOf('TEA-500')).toBeLessThan(ranked.indexOf('GT-1'));
    expect(ranked).toContain('GT-1');
    // 可乐: 可口可乐 contains it; a product whose name starts with it comes first.
    await reg.must('catalog.createProduct', { sku: 'KL-1', nameZh: '可乐味糖', nameEn: '', priceMinor: 100, taxRateBp: 1300 });
    expect(await skus(reg, '可乐')).toEqual(['KL-1', 'COLA-330']);
  });

  it('finds a name by the initials of a word inside it (可乐 = kl finds 可口可乐), after names that start with them', async () => {
    const reg = register();
    await asSupervisor(reg);
    expect(await skus(reg, 'kl')).toEqual(['COLA-330']);
    expect(await skus(reg, 'KL')).toEqual(['COLA-330']);
    expect(await skus(reg, 'kk')).toEqual(['COLA-330']);
    expect(await skus(reg, 'hc')).toEqual(['TEA-500']); // 康师傅冰红茶: 红茶
    expect(await skus(reg, 'bhc')).toEqual(['TEA-500']);
    await reg.must('catalog.createProduct', { sku: 'KL-1', nameZh: '可乐味糖', nameEn: '', priceMinor: 100, taxRateBp: 1300 });
    expect(await skus(reg, 'kl')).toEqual(['KL-1', 'COLA-330']);
    // An exact item number still comes before both.
    await reg.must('catalog.createProduct', { sku: 'KL', nameZh: '散装糖果', nameEn: 'Loose sweets', priceMinor: 100, taxRateBp: 1300 });
    expect(await skus(reg, 'kl')).toEqual(['KL', 'KL-1', 'COLA-330']);
    // A deactivated product is not found by its inner initials either.
    const cola = await reg.must('catalog.lookup', { code: COLA });
    await reg.must('catalog.setActive', { productId: cola.id, active: false });
    expect(await skus(reg, 'kl')).toEqual(['KL', 'KL-1']);
  });

  it('honours the limit', async () => {
    const reg = register();
    await withStaff(reg);
    expect((await reg.must('catalog.search', { query: '0ml', limit: 2 })).length).toBe(2);
    expect((await reg.must('catalog.search', { query: '0ml' })).map((p) => p.sku).sort()).toEqual(['COLA-330', 'MILK-250', 'TEA-500', 'WATER-550']);
  });
});

describe('a ledger from before the search indexes', () => {
  it('gets its products indexed when it is opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringup-old-'));
    try {
      const old = new Database(ledgerPathIn(dir));
      old.pragma('journal_mode = WAL');
      for (const m of migrations.filter((x) => x.version <= 4)) {
        old.exec(m.sql);
        old.pragma(`user_version = ${m.version}`);
      }
      old
        .prepare(
          "INSERT INTO products (sku, barcode, name_zh, name_en, price_minor, tax_rate_bp) VALUES ('MT-1', '6900000000048', '茅台', 'Moutai', 149900, 1300)",
        )
        .run();
      old.close();
      const reg = register({ dir, demo: false });
      await withStaff(reg);
      expect(await skus(reg, 'mt')).toEqual(['MT-1']);
      expect(await skus(reg, 'maotai')).toEqual(['MT-1']);
      expect((await reg.must('catalog.lookup', { code: '6900000000048' })).sku).toBe('MT-1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('indexed before inner initials: gets them from the stored initials when it is opened', async () => {
    const first = makeRegister();
    const { cashierId } = await withStaff(first);
    // What a ledger indexed by the previous version holds: name-start keys only.
    first.db.prepare('DELETE FROM search_keys WHERE key >= char(1) AND key < char(2)').run();
    first.db.prepare('UPDATE products SET indexed = 1').run();
    expect(await skus(first, 'kl')).toEqual([]);
    const reg = first.reopen();
    track(reg);
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    expect(await skus(reg, 'kl')).toEqual(['COLA-330']);
    expect(await skus(reg, 'kkkl')).toEqual(['COLA-330']);
    expect(reg.db.prepare('SELECT COUNT(*) FROM products WHERE indexed <> 2').pluck().get()).toBe(0);
  });
});
