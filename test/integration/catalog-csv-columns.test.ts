// A catalog file whose header has a column the register does not know (sweep-train #13): a plain
// `name` once went unnoticed and every row said it had no name. Now the column is named, with the
// ones the register knows, in both languages, and nothing is imported.
import { describe, expect, it } from 'vitest';
import en from '../../assets/locales/en/errors.json';
import zh from '../../assets/locales/zh-CN/errors.json';
import { asSupervisor, register, skus } from '../support/catalog-register';

const EXPECTED = 'sku, barcode, name_zh, name_en, price, tax_rate, category, extra_barcodes, sold_by';

describe('catalog CSV header', () => {
  it('a `name` column is said by name, pointing to name_zh / name_en; nothing is imported', async () => {
    const reg = register();
    await asSupervisor(reg);
    const report = await reg.must('catalog.importCsv', { csv: 'sku,name,price,tax_rate,barcode\nOOLONG-1,乌龙茶,6.50,13%,\nOOLONG-2,绿茶,5.00,13%,\n' });
    expect(report).toEqual({
      imported: 0,
      errors: [{ row: 1, code: 'csv.unknown_name_column', field: 'name', value: 'name', params: { column: 'name', expected: EXPECTED } }],
    });
    expect(await skus(reg, 'OOLONG')).toEqual([]);
    const words = (en as Record<string, string>)['csv.unknown_name_column'] ?? '';
    expect(words).toContain('name_zh');
    expect((zh as Record<string, string>)['csv.unknown_name_column']).toContain('name_en');
  });

  it('any other unknown column is named with the columns the register knows; a known header imports as before', async () => {
    const reg = register();
    await asSupervisor(reg);
    const refused = await reg.must('catalog.importCsv', { csv: 'sku,name_zh,price,tax_rate,colour\nOOLONG-1,乌龙茶,6.50,13%,green\n' });
    expect(refused.imported).toBe(0);
    expect(refused.errors).toEqual([
      { row: 1, code: 'csv.unknown_column', field: 'colour', value: 'colour', params: { column: 'colour', expected: EXPECTED } },
    ]);
    expect((en as Record<string, string>)['csv.unknown_column']).toContain('{{column}}');
    expect((zh as Record<string, string>)['csv.unknown_column']).toContain('{{expected}}');

    const imported = await reg.must('catalog.importCsv', { csv: 'SKU,Name_ZH,price,tax_rate\nOOLONG-1,乌龙茶,6.50,13%\n' });
    expect(imported).toEqual({ imported: 1, errors: [] });
    expect(await skus(reg, 'OOLONG-1')).toEqual(['OOLONG-1']);
  });
});
