// Sold by the piece or by weight, and barcodes with a wrong check digit: what the back office
// may save (editor and CSV file) and what the counter then accepts as a quantity.
import { describe, expect, it } from 'vitest';
import { asSupervisor, COLA, journal, register, skus } from '../support/catalog-register';

const WATER = '6901234567892'; // 农夫山泉 550ml, 2.00, by the piece
const APPLES_KG = '2100001000004'; // 红富士苹果 (每公斤), 9.80 a kg, by weight

const toothbrush = { sku: 'BRUSH-01', nameZh: '牙刷', nameEn: 'Toothbrush', priceMinor: 590, taxRateBp: 1300 };

describe('the product editor', () => {
  it('saves how a product is sold (by the piece unless told), journals a change of it, and shows it at the counter', async () => {
    const reg = register();
    const { supervisorId } = await asSupervisor(reg);
    const brush = await reg.must('catalog.createProduct', { ...toothbrush, barcodes: ['6921234500002'] });
    expect(brush.soldBy).toBe('piece');
    expect(journal(reg, 'catalog.product_created').at(-1)).toMatchObject({ sku: 'BRUSH-01', soldBy: 'piece' });
    const nuts = await reg.must('catalog.createProduct', {
      sku: 'NUTS-KG',
      nameZh: '散装花生',
      nameEn: '',
      priceMinor: 2400,
      taxRateBp: 900,
      soldBy: 'weight',
    });
    expect((await reg.must('catalog.get', { productId: nuts.id })).soldBy).toBe('weight');

    const changed = await reg.must('catalog.updateProduct', { productId: nuts.id, soldBy: 'piece' });
    expect(changed.soldBy).toBe('piece');
    expect(journal(reg, 'catalog.product_updated').at(-1)).toEqual({
      productId: nuts.id,
      sku: 'NUTS-KG',
      operatorId: supervisorId,
      changes: { soldBy: { from: 'weight', to: 'piece' } },
    });
    expect(await reg.call('catalog.updateProduct', { productId: nuts.id, soldBy: 'litre' as never })).toMatchObject({
      ok: false,
      error: { code: 'request.invalid_input' },
    });
    // The demo: fruit by weight, the rest by the piece.
    expect((await reg.must('catalog.lookup', { code: APPLES_KG })).soldBy).toBe('weight');
    expect((await reg.must('catalog.lookup', { code: WATER })).soldBy).toBe('piece');
  });

  it('refuses a new EAN-13, UPC-A or EAN-8 with a wrong check digit, naming the digit; other codes and codes already carried pass', async () => {
    const reg = register();
    await asSupervisor(reg);
    for (const [barcode, expected] of [
      ['6902345678907', 3],
      ['036000291453', 2],
      ['96385075', 4],
    ] as const) {
      expect(await reg.call('catalog.createProduct', { ...toothbrush, barcodes: ['6921234500002', barcode] })).toEqual({
        ok: false,
        error: { code: 'catalog.barcode_check_digit', params: { barcode, expected } },
      });
    }
    expect(await skus(reg, 'BRUSH-01')).toEqual([]);

    // The store's own codes (letters, other lengths) are not judged.
    const brush = await reg.must('catalog.createProduct', { ...toothbrush, barcodes: ['BR-001', '12345', '12345678901234'] });
    expect(await reg.call('catalog.updateProduct', { productId: brush.id, barcodes: ['BR-001', '6921234500001'] })).toMatchObject({
      ok: false,
      error: { code: 'catalog.barcode_check_digit', params: { barcode: '6921234500001', expected: 2 } },
    });
    expect((await reg.must('catalog.get', { productId: brush.id })).barcodes).toEqual(['BR-001', '12345', '12345678901234']);

    // A product that already carries a code with a wrong check digit (from before the check) stays
    // editable with it: only codes new to the product are judged.
    const cola = await reg.must('catalog.lookup', { code: COLA });
    reg.db.prepare("INSERT INTO product_barcodes (barcode, product_id, position) VALUES ('6902345678907', ?, 1)").run(cola.id);
    const renamed = await reg.must('catalog.updateProduct', { productId: cola.id, nameZh: '可口可乐 330毫升', barcodes: [COLA, '6902345678907'] });
    expect(renamed).toMatchObject({ nameZh: '可口可乐 330毫升', barcodes: [COLA, '6902345678907'] });
  });
});

describe('the catalog file', () => {
  it('reads an optional sold_by column; a file without it imports as before and leaves existing products as they are', async () => {
    const reg = register();
    await asSupervisor(reg);
    const withColumn = await reg.must('catalog.importCsv', {
      csv: 'sku,barcode,name_zh,name_en,price,tax_rate,sold_by\nNUTS-KG,,散装花生,Peanuts,24.00,9%,称重\nBRUSH-01,6921234500002,牙刷,Toothbrush,5.90,13%,\nAPPLE-KG,2100001000004,红富士苹果 (每公斤),Fuji apples (per kg),9.90,9%,\n',
    });
    expect(withColumn).toEqual({ imported: 3, errors: [] });
    const soldBy = async (query: string) => (await reg.must('catalog.list', { query, limit: 5 })).items.map((p) => [p.sku, p.soldBy]);
    expect(await soldBy('NUTS-KG')).toEqual([['NUTS-KG', 'weight']]);
    expect(await soldBy('BRUSH-01')).toEqual([['BRUSH-01', 'piece']]);
    // Empty: an existing product keeps how it is sold.
    expect(await soldBy('APPLE-KG')).toEqual([['APPLE-KG', 'weight']]);

    const without = await reg.must('catalog.importCsv', {
      csv: 'sku,barcode,name_zh,name_en,price,tax_rate\nNUTS-KG,,散装花生,Peanuts,25.00,9%\nSEEDS-01,,瓜子,Sunflower seeds,6.00,9%\n',
    });
    expect(without).toEqual({ imported: 2, errors: [] });
    expect(await soldBy('NUTS-KG')).toEqual([['NUTS-KG', 'weight']]);
    expect(await soldBy('SEEDS-01')).toEqual([['SEEDS-01', 'piece']]);
  });

  it('refuses the whole file for a wrong check digit (naming the digit) or an unknown way of selling', async () => {
    const reg = register();
    await asSupervisor(reg);
    const before = (await reg.must('catalog.exportCsv', {})).csv;
    const report = await reg.must('catalog.importCsv', {
      csv: 'sku,barcode,name_zh,name_en,price,tax_rate,extra_barcodes,sold_by\nBRUSH-01,6921234500002,牙刷,Toothbrush,5.90,13%,6921234500001,piece\nCOLA-330,6902345678907,可口可乐,Cola,3.50,13%,,\nNUTS-KG,,花生,Peanuts,24.00,9%,,litre\nGUM-01,ABC-1,口香糖,Gum,9.90,13%,,\n',
    });
    expect(report).toEqual({
      imported: 0,
      errors: [
        { row: 2, code: 'csv.barcode_check_digit', field: 'extra_barcodes', value: '6921234500001', params: { expected: 2 } },
        { row: 3, code: 'csv.barcode_check_digit', field: 'barcode', value: '6902345678907', params: { expected: 3 } },
        { row: 4, code: 'csv.bad_sold_by', field: 'sold_by', value: 'litre' },
      ],
    });
    expect((await reg.must('catalog.exportCsv', {})).csv).toBe(before);
  });

  it('imports back an export whose products carry codes from before the check', async () => {
    const reg = register();
    await asSupervisor(reg);
    const cola = await reg.must('catalog.lookup', { code: COLA });
    reg.db.prepare("INSERT INTO product_barcodes (barcode, product_id, position) VALUES ('6902345678907', ?, 1)").run(cola.id);
    const exported = await reg.must('catalog.exportCsv', {});
    expect(exported.csv).toContain('COLA-330,6902345678903,可口可乐 330ml,Coca-Cola 330ml,3.50,13%,,6902345678907,piece');
    expect(await reg.must('catalog.importCsv', { csv: exported.csv })).toEqual({ imported: 16, errors: [] });
    expect((await reg.must('catalog.exportCsv', {})).csv).toBe(exported.csv);
  });
});

describe('quantities at the counter', () => {
  it('refuses a quantity with decimals on a line sold by the piece, naming the product, and changes nothing', async () => {
    const reg = register();
    await asSupervisor(reg);
    const sale = await reg.must('sale.current', {});
    const withWater = await reg.must('sale.addProduct', { saleId: sale.id, code: WATER });
    const line = withWater.lines[0]?.id ?? 0;
    for (const qtyMilli of [1500, 2001, 999]) {
      expect(await reg.call('sale.setQty', { saleId: sale.id, lineId: line, qtyMilli })).toEqual({
        ok: false,
        error: { code: 'sale.qty_whole_pieces', params: { name: '农夫山泉 550ml', qtyMilli } },
      });
    }
    expect(await reg.call('sale.addProduct', { saleId: sale.id, code: WATER, qtyMilli: 500 })).toMatchObject({
      ok: false,
      error: { code: 'sale.qty_whole_pieces', params: { name: '农夫山泉 550ml', qtyMilli: 500 } },
    });
    expect((await reg.must('sale.current', {})).lines.map((l) => [l.qtyMilli, l.totalMinor])).toEqual([[1000, 200]]);
    expect((await reg.must('sale.setQty', { saleId: sale.id, lineId: line, qtyMilli: 3000 })).lines[0]).toMatchObject({ qtyMilli: 3000, totalMinor: 600 });
  });

  it('keeps three decimals for a weighed product and takes what is keyed for an ad-hoc item', async () => {
    const reg = register();
    await asSupervisor(reg);
    const sale = await reg.must('sale.current', {});
    const { id: applesId } = await reg.must('catalog.lookup', { code: APPLES_KG });
    const apples = await reg.must('sale.addProduct', { saleId: sale.id, productId: applesId, qtyMilli: 1000 });
    const weighed = await reg.must('sale.setQty', { saleId: sale.id, lineId: apples.lines[0]?.id ?? 0, qtyMilli: 1234 });
    expect(weighed.lines[0]).toMatchObject({ qtyMilli: 1234, totalMinor: 1209 }); // 1.234 kg × 9.80 = 12.0932
    const adHoc = await reg.must('sale.addCustomLine', { saleId: sale.id, name: '散装糖', qtyMilli: 1500, unitPriceMinor: 400 });
    const changed = await reg.must('sale.setQty', { saleId: sale.id, lineId: adHoc.lines[1]?.id ?? 0, qtyMilli: 2250 });
    expect(changed.lines.map((l) => [l.name, l.qtyMilli, l.totalMinor])).toEqual([
      ['红富士苹果 (每公斤)', 1234, 1209],
      ['散装糖', 2250, 900],
    ]);
  });
});
