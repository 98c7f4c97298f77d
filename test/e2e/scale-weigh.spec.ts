import { expect, nextSale, scan, setUpOwner, test } from './fixtures';
import { line, payCash } from './refund-steps';

// Weighed goods on a 1024×768 till in Chinese (sweep-hw #1 and #8). The demo apples (¥9.80 a kilogram,
// sold by weight) carry 2100001000004, which is also what the scale prints for an empty pan.
test.use({ viewport: { width: 1024, height: 768 } });

const APPLES_EMPTY_PAN = '2100001000004';

test('an empty-pan label rings up nothing, scan after scan; a label for an item the catalog lacks says which item; a demo price label rings up', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  const lines = page.getByTestId('cart-line');

  for (let i = 0; i < 2; i++) {
    await scan(page, APPLES_EMPTY_PAN);
    await expect(page.getByTestId('error')).toHaveText('秤码 2100001000004 没有重量或金额。请重新称重。');
    await expect(page.getByTestId('cart-empty')).toBeVisible();
  }
  await expect(page.getByTestId('total')).toHaveText('¥0.00');

  // Item 00009, 452 g: the scale knows it, the catalog does not.
  await scan(page, '2100009004523');
  await expect(page.getByTestId('error')).toHaveText(
    '秤签 2100009004523 是商品编号 00009 的称重秤签（0.452 kg），但商品目录里没有这个编号的商品。请在秤的 PLU 表或商品目录中核对编号 00009；这一包可先按临时商品手工录入。',
  );
  await expect(lines).toHaveCount(0);

  // The default price layout (prefix 20) finds the demo apples too: a bag priced ¥4.43 by the scale.
  await scan(page, '2000001004432');
  await expect(lines).toHaveCount(1);
  await expect(lines.nth(0).getByTestId('line-qty')).toHaveText('1 × ¥4.43');
  await expect(page.getByTestId('total')).toHaveText('¥4.43');
});

test('apples picked from the list ask for their weight: Esc adds nothing, 0.452 adds a weight line that +1 cannot change', async ({ page, register }) => {
  await setUpOwner(page, register);
  const lines = page.getByTestId('cart-line');
  const search = page.getByTestId('search');
  const weigh = page.getByTestId('weigh-dialog');
  const pickApples = async () => {
    await search.fill('苹果');
    await page
      .getByTestId('search-results')
      .getByRole('option', { name: /红富士苹果/ })
      .click();
  };

  await pickApples();
  await expect(weigh).toBeVisible();
  await expect(weigh.getByRole('heading')).toHaveText('称重：红富士苹果 (每公斤)');
  await page.keyboard.press('Escape');
  await expect(weigh).toBeHidden();
  await expect(page.getByTestId('cart-empty')).toBeVisible();

  await pickApples();
  await weigh.getByTestId('weigh-input').fill('0');
  await weigh.getByTestId('weigh-input').press('Enter');
  await expect(weigh.getByTestId('error')).toHaveText('请输入大于零的重量（公斤，最多 3 位小数）。');
  await expect(lines).toHaveCount(0);
  await weigh.getByTestId('weigh-input').fill('0.452');
  await weigh.getByTestId('weigh-input').press('Enter');
  await expect(weigh).toBeHidden();
  await expect(lines).toHaveCount(1);
  await expect(lines.nth(0).getByTestId('line-qty')).toHaveText('0.452 kg × ¥9.80/kg');
  await expect(lines.nth(0).getByTestId('line-total')).toHaveText('¥4.43');
  await expect(page.getByTestId('total')).toHaveText('¥4.43');

  // A weight is keyed again (F3, in kilograms), never raised by a kilogram.
  const toolbar = page.getByRole('toolbar', { name: '所选商品行' });
  await expect(toolbar.getByRole('button', { name: '+1' })).toBeDisabled();
  await page.keyboard.press('F3');
  const qty = page.getByTestId('qty-dialog');
  await expect(qty.getByRole('heading')).toHaveText('称重：红富士苹果 (每公斤)');
  await qty.getByTestId('qty-input').fill('0.5');
  await qty.getByTestId('qty-input').press('Enter');
  await expect(lines.nth(0).getByTestId('line-qty')).toHaveText('0.500 kg × ¥9.80/kg');
  await expect(page.getByTestId('total')).toHaveText('¥4.90');
});

test('a weighed line on the return screen reads as a weight, and more than was weighed is refused in kilograms (sweep-hw #7)', async ({ page, register }) => {
  await setUpOwner(page, register);
  await scan(page, '2100001004521'); // 0.452 kg of apples, ¥4.43
  await expect(page.getByTestId('total')).toHaveText('¥4.43');
  await payCash(page, '5');
  await nextSale(page);

  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('R1-000001');
  await page.keyboard.press('Enter');
  const apples = line(page, '红富士苹果');
  await expect(apples).toContainText('0.452 kg × ¥9.80/kg');
  await expect(apples.getByTestId('refund-line-left')).toHaveText('0.452 kg · ¥4.43');
  await apples.getByTestId('return-qty').fill('1');
  await expect(page.getByTestId('error')).toHaveText('超出这一行剩余可退的重量或金额：最多 0.452 kg 或 ¥4.43。');
  await apples.getByTestId('return-qty').fill('0.2');
  await expect(page.getByTestId('refund-plan-line')).toHaveText(/× 0\.200 kg\s*¥1\.96/);
});

test('a cashier working in English in a Chinese shop is asked for the weight in English, with the English name', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
  await page.getByTestId('search').fill('apple');
  await page
    .getByTestId('search-results')
    .getByRole('option', { name: /Fuji apples/ })
    .click();
  const weigh = page.getByTestId('weigh-dialog');
  await expect(weigh.getByRole('heading')).toHaveText('Weigh: Fuji apples (per kg)');
  await weigh.getByTestId('weigh-input').fill('0.452');
  await weigh.getByTestId('weigh-input').press('Enter');
  await expect(page.getByTestId('cart-line').getByTestId('line-qty')).toHaveText('0.452 kg × ¥9.80/kg');
});
