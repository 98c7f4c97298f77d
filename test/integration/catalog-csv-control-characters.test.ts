// A product name with a control character in it (an ESC, a C1 control, a line break pasted into a
// cell) is refused per row, naming the row and the column, as the product form refuses it; the
// whole file is then left unimported, as with every other row refusal.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import enErrors from '../../assets/locales/en/errors.json';
import zhErrors from '../../assets/locales/zh-CN/errors.json';
import { asSupervisor, journal, register, skus } from '../support/catalog-register';

const HEADER = 'sku,barcode,name_zh,name_en,price,tax_rate,category';

describe('catalog CSV names with control characters', () => {
  it('refuses each such name with its row and column, imports nothing, and says why in both languages', async () => {
    const reg = register();
    await asSupervisor(reg);
    const importsBefore = journal(reg, 'catalog.imported').length;
    const csv = [
      HEADER,
      'CC-1,,矿泉水,,2.00,13%,',
      'CC-2,,"可乐\u001b[31m",,3.00,13%,',
      'CC-3,,,"Tea\u0085",4.00,13%,',
      'CC-4,,"面包\n全麦",,5.00,13%,',
      'CC-5,,牛奶,,6.00,13%,"饮料\u0007"',
    ].join('\n');
    const report = await reg.must('catalog.importCsv', { csv });
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'name_zh', 'csv.name_control_characters'],
      [4, 'name_en', 'csv.name_control_characters'],
      [5, 'name_zh', 'csv.name_control_characters'],
      // The cell over two lines is one row: CC-5 is the sixth.
      [6, 'category', 'csv.name_control_characters'],
    ]);
    // Nothing of the file was kept, not even its good row.
    expect(await skus(reg, 'CC-')).toEqual([]);
    expect(journal(reg, 'catalog.imported')).toHaveLength(importsBefore);

    const t = i18next.createInstance();
    await t.init({ resources: { en: { errors: enErrors }, 'zh-CN': { errors: zhErrors } }, ns: ['errors'], keySeparator: false, initAsync: false });
    expect(t.getFixedT('zh-CN', 'errors')('csv.name_control_characters')).toBe(
      '名称含有控制字符（随复制的文字带入的不可见字符，如 NUL、ESC 或换行）。请在文件中删除后重新导入。',
    );
    expect(t.getFixedT('en', 'errors')('csv.name_control_characters')).toBe(
      'The name contains control characters (invisible characters that come with copied text, such as NUL, ESC or a line break). Remove them from the file and import it again.',
    );

    // The same file without them imports.
    const clean = [HEADER, 'CC-1,,矿泉水,,2.00,13%,', 'CC-2,,可乐,,3.00,13%,', 'CC-3,,,Tea,4.00,13%,', 'CC-5,,牛奶,,6.00,13%,饮料'].join('\n');
    expect(await reg.must('catalog.importCsv', { csv: clean })).toMatchObject({ imported: 4, errors: [] });
  });
});
