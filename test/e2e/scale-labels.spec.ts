import { expect, scan, setUpOwner, test } from './fixtures';

// The demo's apples (¥9.80 a kilogram) carry 2100001000004, the base code of the default layout
// for prefix 21: item 00001, five digits of grams, EAN check digit. A scale weighing 452 g prints
// 2100001004521.
const APPLES_452G = '2100001004521';

test('a weighed label scanned at the counter adds the apples at their weight, and a misread label is refused', async ({ page, register }) => {
  await setUpOwner(page, register);
  const lines = page.getByTestId('cart-line');

  await scan(page, APPLES_452G);
  await expect(lines).toHaveCount(1);
  await expect(lines.nth(0).getByTestId('line-name')).toHaveText('红富士苹果 (每公斤)');
  await expect(lines.nth(0).getByTestId('line-qty')).toHaveText('0.452 kg × ¥9.80/kg');
  await expect(lines.nth(0).getByTestId('line-total')).toHaveText('¥4.43');

  // The same label again is a second package: a second line, not 0.904 kg on the first.
  await scan(page, APPLES_452G);
  await expect(lines).toHaveCount(2);
  await expect(page.getByTestId('total')).toHaveText('¥8.86');

  // A package's weight is its label's: +1 and −1 are off, and F3 is refused in words.
  const toolbar = page.getByRole('toolbar', { name: '所选商品行' });
  await expect(toolbar.getByRole('button', { name: '+1' })).toBeDisabled();
  await expect(toolbar.getByRole('button', { name: '−1' })).toBeDisabled();
  await page.keyboard.press('F3');
  const qty = page.getByRole('dialog');
  await qty.getByTestId('qty-input').fill('5');
  await qty.getByTestId('qty-input').press('Enter');
  await expect(qty.getByTestId('error')).toHaveText('这一行来自秤签（2100001004521）：重量和金额以秤签为准，不能修改。再来一包请扫描那一包的秤签。');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('total')).toHaveText('¥8.86');

  // One digit misread (4 → 7 in the weight): the EAN check digit gives it away.
  await scan(page, '2100001007521');
  await expect(page.getByTestId('error')).toHaveText('秤码 2100001007521 读取有误（校验位不符）。请重新扫描。');
  await expect(lines).toHaveCount(2);
});

test('the owner sets how the scales print: a new prefix with a price check digit, saved and read back', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-scale-labels').click();
  const rows = page.getByTestId('scale-layout');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('20 IIIII VVVVV K');
  await expect(rows.nth(1)).toContainText('21 IIIII VVVVV K');
  await page.getByRole('button', { name: '添加前缀' }).click();
  await expect(rows).toHaveCount(3);
  await rows.nth(2).getByLabel('内容').selectOption('price');
  await rows.nth(2).getByLabel('金额/重量校验位').check();
  await expect(rows.nth(2)).toContainText('22 IIII C VVVVV K');
  await page.getByTestId('scale-layouts-save').click();
  await expect(page.getByTestId('notice')).toHaveText('秤码格式已保存。');
  await page.reload();
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-scale-labels').click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText('22 IIII C VVVVV K');
});
