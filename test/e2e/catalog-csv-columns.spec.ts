import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closePagesAndStop, expect, OWNER, startRegister, test } from './fixtures';

// The wizard's 商品 step with a file whose header says `name` (sweep-train #13), at 1024×768: the
// column is named, with name_zh / name_en and the columns the register knows; once renamed, it imports.
test('wizard 商品: a `name` column is refused on row 1 by name, pointing to name_zh / name_en; renamed, the file imports', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-csv-'));
  const { register, stop } = await startRegister({ demo: false });
  try {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(register.url);
    await page.getByLabel('店主姓名').fill(OWNER.name);
    await page.getByLabel('密码（4–8 位数字）').fill(OWNER.pin);
    await page.getByLabel('再次输入密码').fill(OWNER.pin);
    await page.getByLabel('店铺名称').fill(OWNER.store);
    await page.getByRole('button', { name: '创建店主并开始' }).click();
    const step = page.getByTestId('wizard-step');
    for (const next of ['收银机', '小票', '税率', '商品']) {
      await page.getByTestId('wizard-skip').click();
      await expect(step).toHaveText(next);
    }

    const plain = join(dir, 'plain.csv');
    writeFileSync(plain, 'sku,name,price,tax_rate,barcode\nTEA-1,乌龙茶,6.50,13%,\nTEA-2,绿茶,5.00,13%,\n');
    await page.getByTestId('csv-file').setInputFiles(plain);
    const rows = page.getByTestId('import-error');
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByRole('cell')).toHaveText([
      '1',
      'name',
      'name',
      '收银机不认识“name”这一列，整个文件未导入。商品名称请写在 name_zh（中文名称）或 name_en（英文名称）列中。可用的列：sku, barcode, name_zh, name_en, price, tax_rate, category, extra_barcodes, sold_by。',
    ]);

    const renamed = join(dir, 'renamed.csv');
    writeFileSync(renamed, 'sku,name_zh,price,tax_rate,barcode\nTEA-1,乌龙茶,6.50,13%,\nTEA-2,绿茶,5.00,13%,\n');
    await page.getByTestId('csv-file').setInputFiles(renamed);
    await expect(page.getByTestId('import-result')).toHaveText('已导入 2 件商品。');
    await expect(page.getByTestId('import-errors')).toHaveCount(0);
  } finally {
    await closePagesAndStop(page.context(), stop);
    rmSync(dir, { recursive: true, force: true });
  }
});
