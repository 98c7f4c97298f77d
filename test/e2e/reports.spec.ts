import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { readXlsx } from '../support/xlsx-reader';
import { callRegister, expect, nextSale, openShift, saleScreenReady, scan, setUpOwner, test } from './fixtures';

const COLA = '6902345678903';
const TEA = '6903456789014';
const BREAD = '6905678901236';

// A closed day in Chinese with drinks in a category and bread in none: the report shows sales by
// category, the best and the weakest products as many as the owner asks for, and both files
// carry the same tables (the CSV read back as text, the workbook apart from the library that wrote it).
// Read in English, the category is named by its English name.
test('the report shows sales by category and the weakest products, top N chosen, in the CSV and Excel files', async ({ page, register }, testInfo) => {
  await setUpOwner(page, register);
  // Arranged over the register's socket: the catalog screen has its own tests.
  const drinks = (await callRegister(page, 'catalog.saveCategory', { nameZh: '饮料', nameEn: 'Drinks' })) as { value: { id: number } };
  const catalog = (await callRegister(page, 'catalog.list', { limit: 200 })) as { value: { items: { id: number; sku: string }[] } };
  for (const sku of ['COLA-330', 'TEA-500']) {
    const productId = catalog.value.items.find((p) => p.sku === sku)?.id;
    expect(await callRegister(page, 'catalog.updateProduct', { productId, categoryId: drinks.value.id })).toMatchObject({ ok: true });
  }

  // Two colas and a loaf (¥15.50), then a tea (¥3.00): drinks ¥10.00, uncategorised ¥8.50.
  for (const [codes, total] of [
    [[COLA, COLA, BREAD], '¥15.50'],
    [[TEA], '¥3.00'],
  ] as const) {
    for (const code of codes) await scan(page, code);
    await expect(page.getByTestId('total')).toHaveText(total);
    await page.keyboard.press('F12');
    await page.getByTestId('tendered').fill('20');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('completion')).toBeVisible();
    await nextSale(page);
  }
  const status = (await callRegister(page, 'dayClose.status', {})) as { value: { businessDay: string; liveShifts: { shiftId: number }[] } };
  const closed = await callRegister(page, 'dayClose.close', {
    businessDay: status.value.businessDay,
    forceClose: status.value.liveShifts.map((s) => ({ shiftId: s.shiftId, reason: '报表测试' })),
    idempotencyKey: 'reports-z-1',
  });
  expect(closed).toMatchObject({ ok: true });
  await openShift(page);
  await saleScreenReady(page);

  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-reports').click();
  await expect(page.getByTestId('reports-net')).toHaveText('¥18.50');
  const categories = page.getByTestId('reports-table-categories');
  await expect(categories.locator('caption')).toHaveText('分类销售');
  await expect(categories.locator('thead th')).toHaveText(['分类', '数量', '净额']);
  await expect(categories.locator('tbody tr')).toHaveCount(2);
  // On screen amounts read as money; the CSV and the workbook below hold them as numbers a spreadsheet adds up.
  await expect(categories.locator('tbody tr').nth(0).locator('td')).toHaveText(['饮料', '3', '¥10.00']);
  await expect(categories.locator('tbody tr').nth(1).locator('td')).toHaveText(['未分类', '1', '¥8.50']);

  // Ten per list by default (all three products), then one: the best is the loaf, the weakest the tea.
  await expect(page.getByTestId('reports-top')).toHaveValue('10');
  await expect(page.getByTestId('reports-table-top-products').locator('tbody tr')).toHaveCount(3);
  await page.getByTestId('reports-top').fill('1');
  await page.getByTestId('reports-run').click();
  const top = page.getByTestId('reports-table-top-products');
  await expect(top.locator('tbody tr')).toHaveCount(1);
  await expect(top.locator('tbody td')).toHaveText(['全麦面包', '未分类', '1', '¥8.50']);
  const bottom = page.getByTestId('reports-table-bottom-products');
  await expect(bottom.locator('caption')).toHaveText('滞销商品');
  await expect(bottom.locator('tbody tr')).toHaveCount(1);
  await expect(bottom.locator('tbody td')).toHaveText(['康师傅冰红茶 500ml', '饮料', '1', '¥3.00']);

  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-csv').click()]);
  const csvPath = testInfo.outputPath('report.csv');
  await csvFile.saveAs(csvPath);
  const csv = readFileSync(csvPath, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const blocks = csv.slice(1).split('\r\n\r\n');
  const block = (name: string) => Papa.parse<string[]>(blocks.find((b) => b.startsWith(`${name}\r\n`)) ?? '', { skipEmptyLines: true }).data;
  expect(block('分类销售')).toEqual([['分类销售'], ['分类', '数量', '净额'], ['饮料', '3', '10'], ['未分类', '1', '8.5']]);
  expect(block('滞销商品').slice(2)).toEqual([['康师傅冰红茶 500ml', '饮料', '1', '3']]);

  const [xlsxFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-xlsx').click()]);
  const xlsxPath = testInfo.outputPath('report.xlsx');
  await xlsxFile.saveAs(xlsxPath);
  const sheets = await readXlsx(xlsxPath);
  expect([...sheets.keys()]).toEqual(['销售', '畅销商品', '滞销商品', '分类销售', '收银员', '支付方式']);
  // Each sheet opens with the range and the registers (as the CSV), then its header.
  expect(sheets.get('分类销售')?.[0]?.[1]).toBe('全部收银机');
  expect(sheets.get('分类销售')?.slice(1)).toEqual([
    ['分类', '数量', '净额'],
    ['饮料', '3', '10'],
    ['未分类', '1', '8.5'],
  ]);
  expect(sheets.get('滞销商品')?.slice(2)).toEqual([['康师傅冰红茶 500ml', '饮料', '1', '3']]);

  // Read in English, the same report names the category Drinks (as the product editor does), on
  // screen and in the CSV: the Z kept both names, the language picks one.
  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
  await expect(categories.locator('caption')).toHaveText('By category');
  await expect(categories.locator('tbody tr').nth(0).locator('td')).toHaveText(['Drinks', '3', '¥10.00']);
  await expect(categories.locator('tbody tr').nth(1).locator('td')).toHaveText(['No category', '1', '¥8.50']);
  await expect(bottom.locator('tbody td').nth(1)).toHaveText('Drinks');
  const [enFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-csv').click()]);
  const enPath = testInfo.outputPath('report-en.csv');
  await enFile.saveAs(enPath);
  const en = readFileSync(enPath, 'utf8');
  expect(en).toContain('\r\nDrinks,3,10\r\n');
  expect(en).not.toContain('饮料');
});
