// The catalog a shop runs on: editing with several barcodes and journalled price changes; a sale
// in progress keeping its prices; the CSV export reading back as the import; the demo catalog.
// (Search is in catalog-search.test.ts.)
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { verifyJournal } from '../../main/ledger/journal';
import { COLA, register, skus, asSupervisor, journal, track } from '../support/catalog-register';
import { OWNER_PIN, SUPERVISOR_PIN, withStaff } from '../support/register-fixture';

describe('editing the catalog', () => {
  it('adds a product with several barcodes and a category; every barcode rings it up; edits are journalled and found at once', async () => {
    const reg = register();
    const { supervisorId } = await asSupervisor(reg);
    const drinks = await reg.must('catalog.saveCategory', { nameZh: '饮料', nameEn: 'Drinks' });
    const created = await reg.must('catalog.createProduct', {
      sku: 'SPRITE-330',
      nameZh: '雪碧 330ml',
      nameEn: 'Sprite 330ml',
      priceMinor: 350,
      taxRateBp: 1300,
      categoryId: drinks.id,
      barcodes: ['6900000000014', '6900000000021'],
    });
    expect(created).toMatchObject({ barcode: '6900000000014', barcodes: ['6900000000014', '6900000000021'], pinyinFull: 'xuebi', pinyinInitials: 'xb' });
    for (const code of ['6900000000014', '6900000000021', 'sprite-330']) expect((await reg.must('catalog.lookup', { code })).id).toBe(created.id);
    expect(await skus(reg, 'xb')).toContain('SPRITE-330');
    expect((await reg.must('catalog.categories', {})).find((c) => c.id === drinks.id)?.productCount).toBe(1);

    // A barcode of another product, an item number taken, a missing name, an unknown category: refused, nothing changed.
    expect(await reg.call('catalog.createProduct', { sku: 'X-1', nameZh: '甲', nameEn: '', priceMinor: 1, taxRateBp: 1300, barcodes: [COLA] })).toMatchObject({
      error: { code: 'catalog.duplicate_barcode', params: { barcode: COLA, sku: 'COLA-330' } },
    });
    // The same new code typed twice is said as such, not as "used by another product".
    expect(
      await reg.call('catalog.createProduct', {
        sku: 'X-2',
        nameZh: '乙',
        nameEn: '',
        priceMinor: 1,
        taxRateBp: 1300,
        barcodes: ['6900000000038', '6900000000038'],
      }),
    ).toMatchObject({ error: { code: 'catalog.repeated_barcode', params: { barcode: '6900000000038' } } });
    expect(await skus(reg, 'X-2')).toEqual([]);
    expect(await reg.call('catalog.updateProduct', { productId: created.id, sku: 'COLA-330' })).toMatchObject({ error: { code: 'catalog.duplicate_sku' } });
    expect(await reg.call('catalog.updateProduct', { productId: created.id, nameZh: '', nameEn: ' ' })).toMatchObject({
      error: { code: 'catalog.missing_name' },
    });
    expect(await reg.call('catalog.updateProduct', { productId: created.id, categoryId: 999 })).toMatchObject({
      error: { code: 'catalog.category_not_found' },
    });
    expect(await reg.call('catalog.updateProduct', { productId: created.id, taxRateBp: 1700 })).toMatchObject({ error: { code: 'catalog.unknown_tax_rate' } });

    const renamed = await reg.must('catalog.updateProduct', { productId: created.id, nameZh: '七喜 330ml', barcodes: ['6900000000021', '6900000000038'] });
    expect(renamed.barcodes).toEqual(['6900000000021', '6900000000038']);
    expect(await skus(reg, 'qixi')).toContain('SPRITE-330');
    expect(await skus(reg, 'xuebi')).not.toContain('SPRITE-330');
    expect(await reg.call('catalog.lookup', { code: '6900000000014' })).toMatchObject({ error: { code: 'catalog.product_not_found' } });
    expect(journal(reg, 'catalog.product_updated').at(-1)).toEqual({
      productId: created.id,
      sku: 'SPRITE-330',
      operatorId: supervisorId,
      changes: {
        nameZh: { from: '雪碧 330ml', to: '七喜 330ml' },
        barcodes: { from: ['6900000000014', '6900000000021'], to: ['6900000000021', '6900000000038'] },
      },
    });

    // Deactivated: neither found nor sold; brought back: both again.
    await reg.must('catalog.setActive', { productId: created.id, active: false });
    expect(await skus(reg, 'qixi')).toEqual([]);
    expect(await reg.call('catalog.lookup', { code: '6900000000021' })).toMatchObject({ error: { code: 'catalog.product_not_found' } });
    const sale = await reg.must('sale.current', {});
    expect(await reg.call('sale.addProduct', { saleId: sale.id, productId: created.id })).toMatchObject({ error: { code: 'catalog.product_not_found' } });
    const page = await reg.must('catalog.list', { query: 'qixi', includeInactive: true });
    expect(page.items.map((p) => [p.sku, p.active])).toEqual([['SPRITE-330', false]]);
    await reg.must('catalog.setActive', { productId: created.id, active: true });
    expect(await skus(reg, 'qixi')).toEqual(['SPRITE-330']);
    expect(journal(reg, 'catalog.product_active').map((d) => d.active)).toEqual([false, true]);
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('a cashier may search but not edit', async () => {
    const reg = register();
    await withStaff(reg);
    expect(await reg.call('catalog.createProduct', { sku: 'X', nameZh: '甲', nameEn: '', priceMinor: 1, taxRateBp: 1300 })).toMatchObject({
      error: { code: 'session.forbidden' },
    });
  });
});

describe('price changes', () => {
  it('journals old and new price with the effective time; a scheduled price applies at its time', async () => {
    let now = Date.UTC(2026, 10, 1, 9, 0);
    const reg = register({ clock: () => now });
    const { supervisorId } = await asSupervisor(reg);
    const cola = await reg.must('catalog.lookup', { code: COLA });
    await reg.must('catalog.updateProduct', { productId: cola.id, priceMinor: 380 });
    expect((await reg.must('catalog.lookup', { code: COLA })).priceMinor).toBe(380);

    const monday = Date.UTC(2026, 10, 2, 0, 0);
    const scheduled = await reg.must('catalog.updateProduct', { productId: cola.id, priceMinor: 300, priceEffectiveAt: monday });
    expect(scheduled).toMatchObject({ priceMinor: 380, scheduledPrice: { priceMinor: 300, effectiveAt: monday } });
    expect(journal(reg, 'catalog.price_changed')).toEqual([
      { productId: cola.id, sku: 'COLA-330', fromMinor: 350, toMinor: 380, effectiveAt: now, scheduled: false, operatorId: supervisorId },
      { productId: cola.id, sku: 'COLA-330', fromMinor: 380, toMinor: 300, effectiveAt: monday, scheduled: true, operatorId: supervisorId },
    ]);
    now = monday - 1;
    expect((await reg.must('catalog.lookup', { code: COLA })).priceMinor).toBe(380);
    now = monday;
    expect((await reg.must('catalog.lookup', { code: COLA })).priceMinor).toBe(300);
    const history = await reg.must('catalog.priceHistory', { productId: cola.id });
    expect(history.map((h) => [h.oldPriceMinor, h.newPriceMinor, h.state, h.operatorName])).toEqual([
      [380, 300, 'applied', 'Sue'],
      [350, 380, 'applied', 'Sue'],
    ]);
    // Survives a restart: the applied price is in the ledger, not in memory.
    const again = reg.reopen();
    track(again);
    await again.must('session.login', { operatorId: supervisorId, pin: SUPERVISOR_PIN });
    expect((await again.must('catalog.get', { productId: cola.id })).priceMinor).toBe(300);
  });

  it('a sale in progress keeps the price it was rung up at; the next sale gets the new one', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: COLA });

    // The owner changes the price from the back office while the cashier's sale is open.
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const cola = await reg.must('catalog.lookup', { code: COLA });
    await reg.must('catalog.updateProduct', { productId: cola.id, priceMinor: 420 });
    await reg.must('session.login', { operatorId: staff.cashierId, pin: '1357' });

    const rescanned = await reg.must('sale.addProduct', { saleId: sale.id, code: COLA });
    expect(rescanned.lines.map((l) => [l.qtyMilli, l.unitPriceMinor])).toEqual([[2000, 350]]);
    const done = await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 1000, idempotencyKey: 'price-open-1' });
    expect(done.sale.totals.totalMinor).toBe(700);

    const next = await reg.must('sale.current', {});
    const rung = await reg.must('sale.addProduct', { saleId: next.id, code: COLA });
    expect(rung.lines[0]?.unitPriceMinor).toBe(420);
  });
});

describe('CSV', () => {
  it('exports the catalog in the import format, and the export imports back unchanged', async () => {
    const reg = register();
    await asSupervisor(reg);
    const drinks = await reg.must('catalog.saveCategory', { nameZh: '饮料', nameEn: '' });
    const cola = await reg.must('catalog.lookup', { code: COLA });
    await reg.must('catalog.updateProduct', { productId: cola.id, categoryId: drinks.id, barcodes: [COLA, '6902345678910'] });
    const exported = await reg.must('catalog.exportCsv', {});
    expect(exported.rows).toBe(16);
    const lines = exported.csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFsku,barcode,name_zh,name_en,price,tax_rate,category,extra_barcodes,sold_by');
    expect(lines).toContain('COLA-330,6902345678903,可口可乐 330ml,Coca-Cola 330ml,3.50,13%,饮料,6902345678910,piece');
    expect(lines).toContain('APPLE-KG,2100001000004,红富士苹果 (每公斤),Fuji apples (per kg),9.80,9%,,2000001000007,weight');

    const before = await reg.must('catalog.list', { limit: 200 });
    const report = await reg.must('catalog.importCsv', { csv: exported.csv });
    expect(report).toEqual({ imported: 16, errors: [] });
    expect(await reg.must('catalog.list', { limit: 200 })).toEqual(before);
    expect((await reg.must('catalog.exportCsv', {})).csv).toBe(exported.csv);
  });

  it('an import that changes prices keeps each change and lists it in the journal', async () => {
    const reg = register();
    const { supervisorId } = await asSupervisor(reg);
    const report = await reg.must('catalog.importCsv', {
      csv: 'sku,barcode,name_zh,name_en,price,tax_rate\nCOLA-330,6902345678903,可口可乐 330ml,Coca-Cola 330ml,3.90,13%\n',
    });
    expect(report.imported).toBe(1);
    expect(journal(reg, 'catalog.imported').at(-1)).toEqual({
      operatorId: supervisorId,
      rows: 1,
      priceChanges: [{ sku: 'COLA-330', fromMinor: 350, toMinor: 390 }],
    });
    const cola = await reg.must('catalog.lookup', { code: COLA });
    expect((await reg.must('catalog.priceHistory', { productId: cola.id })).map((h) => [h.oldPriceMinor, h.newPriceMinor, h.source])).toEqual([
      [350, 390, 'import'],
    ]);
    // The file had no extra_barcodes column: the product's other barcodes are kept.
    expect(await skus(reg, 'kkkl')).toEqual(['COLA-330']);
  });
});

describe('the demo catalog', () => {
  it('an owner starting without the demo can load it, and it is found by pinyin', async () => {
    const reg = register({ demo: false });
    const staff = await withStaff(reg);
    expect(await skus(reg, 'kkkl')).toEqual([]);
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    expect(await reg.must('catalog.importDemo', {})).toEqual({ imported: 16, errors: [] });
    expect(await skus(reg, 'kkkl')).toEqual(['COLA-330']);
  });

  it('an Excel workbook picked by mistake is refused as a workbook ("save it as CSV"), and nothing is imported', async () => {
    const reg = register();
    await asSupervisor(reg);
    const before = await skus(reg, 'a');
    // A real .xlsx is a zip; the screen reads the picked file as UTF-8 text, as here.
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('<?xml version="1.0"?><Types/>'), '[Content_Types].xml');
    zip.addBuffer(Buffer.from('<worksheet><sheetData><row><c><v>sku</v></c></row></sheetData></worksheet>'), 'xl/worksheets/sheet1.xml');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
    const asText = Buffer.concat(chunks).toString('utf8');
    expect(await reg.call('catalog.importCsv', { csv: asText })).toMatchObject({ ok: false, error: { code: 'catalog.csv_spreadsheet' } });
    expect(await skus(reg, 'a')).toEqual(before);
  });
});
