import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, OWNER, setUpOwner, test, saleScreenReady } from './fixtures';

const CASHIER = { name: '李收银', pin: '4826' };
const SUPERVISOR = { name: '张主管', pin: '7391' };
/** This spec's sections; colleagues register more (printing, terminal), so lists are checked by id. */
const SECTIONS = ['operators', 'catalog', 'settings', 'journal'] as const;

async function expectSections(page: Page, visible: (typeof SECTIONS)[number][]) {
  for (const id of SECTIONS) await expect(page.getByTestId(`back-office-nav-${id}`)).toHaveCount(visible.includes(id) ? 1 : 0);
}

async function logIn(page: Page, name: string, pin: string) {
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByTestId('pin').fill(pin);
  await page.getByTestId('pin').press('Enter');
}

/** CSV files go through a real file chooser: written to disk, then picked with setInputFiles. */
function csvFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-csv-'));
  return {
    write(name: string, text: string): string {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

test('owner adds staff and unlocks a locked cashier; a cashier sees no staff, catalog, settings or journal; a supervisor sees no store settings', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await expect(page.getByRole('heading', { name: '操作员', level: 2 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: '管理功能' });
  await expect(nav.getByRole('button', { name: '操作员' })).toHaveAttribute('aria-current', 'page');
  await expectSections(page, ['operators', 'catalog', 'settings', 'journal']);

  const form = page.getByTestId('add-operator');
  await form.getByLabel('姓名').fill(CASHIER.name);
  await form.getByLabel('角色').selectOption({ label: '收银员' });
  await form.getByLabel('密码（4–8 位数字）').fill(CASHIER.pin);
  await form.getByLabel('再次输入密码').fill('4827');
  await form.getByRole('button', { name: '添加操作员' }).click();
  await expect(form.getByTestId('error')).toHaveText('两次输入的密码不一致。');

  // Main refuses a guessable PIN; its code is shown translated.
  await form.getByLabel('密码（4–8 位数字）').fill('1234');
  await form.getByLabel('再次输入密码').fill('1234');
  await form.getByRole('button', { name: '添加操作员' }).click();
  await expect(form.getByTestId('error')).toHaveText('密码太容易被猜到，请避免重复数字或 1234 这样的连续数字。');

  await form.getByLabel('密码（4–8 位数字）').fill(CASHIER.pin);
  await form.getByLabel('再次输入密码').fill(CASHIER.pin);
  await form.getByRole('button', { name: '添加操作员' }).click();
  await expect(page.getByTestId('notice')).toHaveText('已添加收银员 李收银。');
  const cashierRow = page.getByTestId('operator-row').filter({ hasText: CASHIER.name });
  await expect(cashierRow).toContainText('收银员');
  await expect(cashierRow.getByTestId('operator-state')).toHaveText('正常');

  await form.getByLabel('姓名').fill(SUPERVISOR.name);
  await form.getByLabel('角色').selectOption({ label: '主管' });
  await form.getByLabel('密码（4–8 位数字）').fill(SUPERVISOR.pin);
  await form.getByLabel('再次输入密码').fill(SUPERVISOR.pin);
  await form.getByRole('button', { name: '添加操作员' }).click();
  await expect(page.getByTestId('notice')).toHaveText('已添加主管 张主管。');

  await form.getByLabel('姓名').fill(CASHIER.name);
  await form.getByLabel('密码（4–8 位数字）').fill('5937');
  await form.getByLabel('再次输入密码').fill('5937');
  await form.getByRole('button', { name: '添加操作员' }).click();
  await expect(form.getByTestId('error')).toHaveText('已存在名为“李收银”的操作员。');
  await expect(page.getByTestId('operator-row')).toHaveCount(3);

  // The cashier locks themselves out with five wrong PINs.
  await page.getByTestId('logout').click();
  await page.getByRole('option', { name: new RegExp(CASHIER.name) }).click();
  for (const [i, wrong] of ['9731', '9732', '9733', '9734'].entries()) {
    await page.getByTestId('pin').fill(wrong);
    await page.getByTestId('pin').press('Enter');
    await expect(page.getByTestId('error')).toHaveText(`密码错误。再错 ${4 - i} 次账户将被锁定。`);
  }
  await page.getByTestId('pin').fill('9735');
  await page.getByTestId('pin').press('Enter');
  await expect(page.getByTestId('error')).toContainText('密码错误次数过多');
  await expect(page.getByRole('option', { name: new RegExp(CASHIER.name) })).toContainText('已锁定');

  // The owner sees the lock in the back office (by keyboard: F10) and lifts it.
  await logIn(page, OWNER.name, OWNER.pin);
  await expect(page.getByTestId('operator-name')).toContainText(OWNER.name);
  await saleScreenReady(page);
  await page.getByTestId('totals').click();
  await page.keyboard.press('F10');
  await expect(cashierRow.getByTestId('operator-state')).toHaveText('已锁定');
  await cashierRow.getByRole('button', { name: `解锁 ${CASHIER.name}` }).click();
  await expect(page.getByTestId('notice')).toHaveText('李收银 已解锁，可以重新登录。');
  await expect(cashierRow.getByTestId('operator-state')).toHaveText('正常');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('back-office')).toHaveCount(0);
  await expect(page.getByTestId('search')).toBeVisible();
  await page.getByTestId('logout').click();

  // A cashier sees none of the staff, catalog, settings or journal sections, by button or by F10.
  await logIn(page, CASHIER.name, CASHIER.pin);
  await expect(page.getByTestId('operator-name')).toContainText('李收银 · 收银员');
  await saleScreenReady(page);
  await page.getByTestId('totals').click();
  await page.keyboard.press('F10');
  await expectSections(page, []);
  await expect(page.getByRole('heading', { name: '操作员' })).toHaveCount(0);
  await page.getByTestId('logout').click();

  // A supervisor: operators (list and unlock, no adding), catalog and journal; no store settings.
  await logIn(page, SUPERVISOR.name, SUPERVISOR.pin);
  await page.getByTestId('open-back-office').click();
  await expectSections(page, ['operators', 'catalog', 'journal']);
  await expect(page.getByTestId('operator-row')).toHaveCount(3);
  await expect(page.getByTestId('add-operator')).toHaveCount(0);
  await nav.getByRole('button', { name: '日志校验' }).click();
  await page.getByTestId('journal-check').click();
  await expect(page.getByTestId('journal-result')).toHaveText(/^日志完整：共 \d+ 条记录。$/);
});

test('catalog CSV import: a bad file imports nothing and lists every row; a good file sells at once; settings rename the store; journal intact', async ({
  page,
  register,
}) => {
  const files = csvFolder();
  try {
    await setUpOwner(page, register, 'en');
    await expect(page.getByTestId('store-name')).toHaveText(OWNER.store);
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: 'Back office' }).click();
    // The way back to the sale is on screen beside the 26 sections, not below the last of them.
    await expect(page.getByTestId('back-to-sale')).toBeInViewport({ ratio: 1 });
    await page.getByRole('navigation', { name: 'Back office sections' }).getByRole('button', { name: 'Catalog' }).click();
    await expect(page.getByRole('heading', { name: 'Catalog', level: 2 })).toBeVisible();

    // Row 3 has a bad price; row 4 reuses the demo water's barcode. Row 2 is fine but not imported.
    const bad = files.write(
      'bad.csv',
      'sku,barcode,name_zh,name_en,price,tax_rate\nDUMPLING-20,6921000000019,猪肉水饺 20只,Pork dumplings x20,18.80,9%\nSOY-500,6921000000026,生抽 500ml,Soy sauce 500ml,abc,13%\nVINEGAR-500,6901234567892,陈醋 500ml,Black vinegar 500ml,7.50,13%\n',
    );
    await page.getByTestId('csv-file').setInputFiles(bad);
    await expect(page.getByTestId('import-result')).toHaveText('Nothing was imported: bad.csv has 2 problems. Fix them and import the file again.');
    const errorRows = page.getByTestId('import-error');
    await expect(errorRows).toHaveCount(2);
    await expect(errorRows.nth(0).getByRole('cell')).toHaveText(['3', 'price', 'abc', 'Not a valid price: use a number like 12.50.']);
    await expect(errorRows.nth(1).getByRole('cell')).toHaveText(['4', 'barcode', '6901234567892', 'This barcode is already used by another row or product.']);

    const search = page.getByTestId('product-search');
    await search.fill('DUMPLING');
    await expect(page.getByTestId('product-none')).toHaveText('No products found.');

    // The same rows, fixed.
    const good = files.write(
      'good.csv',
      'sku,barcode,name_zh,name_en,price,tax_rate\nDUMPLING-20,6921000000019,猪肉水饺 20只,Pork dumplings x20,18.80,9%\nSOY-500,6921000000026,生抽 500ml,Soy sauce 500ml,6.50,13%\n',
    );
    await page.getByTestId('csv-file').setInputFiles(good);
    await expect(page.getByTestId('import-result')).toHaveText('2 products imported.');
    await expect(page.getByTestId('import-errors')).toHaveCount(0);
    await search.fill('');
    await search.fill('dumpling');
    const product = page.getByTestId('product-row');
    await expect(product).toHaveCount(1);
    await expect(product.getByRole('cell')).toHaveText(['DUMPLING-20', '6921000000019', '猪肉水饺 20只', 'Pork dumplings x20', '¥18.80', '9%']);

    // The template downloads as a CSV with the header line and one example row.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download a template' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('ringup-catalog-template.csv');
    const lines = readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('sku,barcode,name_zh,name_en,price,tax_rate');

    // Back on the sale screen the new product scans and is found by name.
    await page.getByTestId('back-to-sale').click();
    // The sale screen has loaded its sale and focused the search field: a code keyed before that is lost.
    await saleScreenReady(page);
    // Keyed by hand into the search field, the other way a barcode reaches the till (the sale
    // spec covers scanner bursts).
    await page.getByTestId('search').fill('6921000000019');
    await page.getByTestId('search').press('Enter');
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await expect(page.getByTestId('line-name')).toHaveText('Pork dumplings x20');
    await expect(page.getByTestId('total')).toHaveText('¥18.80');
    await page.getByTestId('search').fill('Soy sauce');
    await expect(page.getByTestId('search-results')).toContainText('Soy sauce 500ml');
    await page.getByTestId('search').press('Escape');

    // Store settings: a value main refuses shows its translated error; a new name reaches the header.
    await page.keyboard.press('F10');
    await page.getByRole('button', { name: 'Store settings' }).click();
    const settings = page.getByTestId('settings-form');
    await expect(settings.getByLabel('Store name')).toHaveValue(OWNER.store);
    await settings.getByLabel('Register ID').fill('R 1');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(settings.getByTestId('error')).toHaveText('The register refused the input (register ID). Please check what was entered.');
    await settings.getByLabel('Register ID').fill('R1');
    await settings.getByLabel('Store name').fill('Corner Shop 街角小店');
    await settings.getByLabel('Receipt footer').fill('Thank you! 谢谢惠顾');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(settings.getByTestId('notice')).toHaveText('Settings saved.');
    await expect(page.getByTestId('store-name')).toHaveText('Corner Shop 街角小店');
    await page.reload();
    await expect(page.getByTestId('store-name')).toHaveText('Corner Shop 街角小店');

    // The journal holds every change made above and its chain is intact. (The header button, not
    // F10: right after a reload the key can arrive before the sale screen listens for it.)
    await page.getByRole('button', { name: 'Back office' }).click();
    await page.getByRole('button', { name: 'Journal check' }).click();
    await page.getByRole('button', { name: 'Check the journal' }).click();
    await expect(page.getByTestId('journal-result')).toHaveText(/^Journal intact: \d+ entries\.$/);
  } finally {
    files.remove();
  }
});
