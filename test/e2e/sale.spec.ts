import { expect, scan, setUpOwner, test } from './fixtures';

// Demo catalog: 6901234567892 = 农夫山泉 550ml ¥2.00 (13%), 6904567890125 = 蒙牛纯牛奶 250ml ¥3.80 (9%).
const WATER = '6901234567892';
const MILK = '6904567890125';

test('a cash sale from first run to receipt: scan, ad-hoc item, discount, reload, second window, language, change', async ({ page, register, context }) => {
  await setUpOwner(page, register);
  await expect(page.getByTestId('store-name')).toHaveText('测试便利店');
  await expect(page.getByTestId('cart-empty')).toContainText('购物车是空的');

  // A scan while the search field holds text adds the item and leaves the field as it was.
  const search = page.getByTestId('search');
  await search.fill('面包');
  await scan(page, WATER);
  const lines = page.getByTestId('cart-line');
  await expect(lines).toHaveCount(1);
  await expect(lines.nth(0)).toContainText('农夫山泉 550ml');
  await expect(search).toHaveValue('面包');

  // A scan with focus on no field at all.
  await search.fill('');
  await page.getByTestId('totals').click();
  await scan(page, MILK);
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(1).getByTestId('line-name')).toHaveText('蒙牛纯牛奶 250ml');
  await expect(lines.nth(1).getByTestId('line-qty')).toHaveText('1 × ¥3.80');

  // An ad-hoc item with a Chinese name, by keyboard (F4).
  await page.keyboard.press('F4');
  const adHoc = page.getByRole('dialog', { name: '临时商品' });
  await adHoc.getByLabel('商品名称').fill('手工水饺');
  await adHoc.getByLabel('数量').fill('2');
  await adHoc.getByLabel('单价').fill('12.5');
  await adHoc.getByRole('button', { name: '加入销售' }).click();
  await expect(adHoc).toBeHidden();
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(2).getByTestId('line-name')).toHaveText('手工水饺');
  await expect(lines.nth(2).getByTestId('line-qty')).toHaveText('2 × ¥12.50');
  await expect(lines.nth(2).getByTestId('line-total')).toHaveText('¥25.00');
  await expect(page.getByTestId('total')).toHaveText('¥30.80');

  // 10 % off the milk: select the line, F8.
  await lines.nth(1).click();
  await page.keyboard.press('F8');
  const discount = page.getByRole('dialog', { name: '折扣：蒙牛纯牛奶 250ml' });
  await discount.getByTestId('discount-input').fill('10');
  await discount.getByTestId('discount-input').press('Enter');
  await expect(discount).toBeHidden();
  await expect(lines.nth(1).getByTestId('line-discount')).toHaveText('折扣 10% −¥0.38');
  await expect(lines.nth(1).getByTestId('line-total')).toHaveText('¥3.42');
  // The 小计 is after the line's discount, as the receipt prints it: 2.00 + 3.42 + 25.00.
  await expect(page.getByTestId('subtotal')).toHaveText('¥30.42');
  await expect(page.getByTestId('total')).toHaveText('¥30.42');
  await expect(page.getByTestId('tax-row')).toHaveCount(2);

  // Reload mid-sale: the cart lives in the register, not in the page.
  await page.reload();
  await expect(lines).toHaveCount(3);
  await expect(page.getByTestId('total')).toHaveText('¥30.42');

  // A second window shows the same cart, and follows changes made in the first.
  const second = await context.newPage();
  await second.goto(register.origin);
  await expect(second.getByTestId('cart-line')).toHaveCount(3);
  await expect(second.getByTestId('total')).toHaveText('¥30.42');
  await page.getByTestId('totals').click();
  await scan(page, WATER);
  await expect(lines.nth(0).getByTestId('line-qty')).toHaveText('2 × ¥2.00');
  await expect(second.getByTestId('cart-line').nth(0).getByTestId('line-qty')).toHaveText('2 × ¥2.00');
  await expect(second.getByTestId('total')).toHaveText('¥32.42');
  await second.close();

  // Switch to English: the text changes in place, without a reload.
  await page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 42));
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: /Pay cash/ })).toBeVisible();
  await expect(page.getByText('Total', { exact: true })).toBeVisible();
  await expect(page.getByTestId('total')).toHaveText('¥32.42');
  expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);

  // Pay cash (F12): too little is refused with main's translated error, then quick cash ¥50.
  await page.keyboard.press('F12');
  await expect(page.getByTestId('amount-due')).toHaveText('¥32.42');
  await page.getByTestId('tendered').fill('20');
  await expect(page.getByText('Still short')).toBeVisible();
  await page.getByTestId('tendered').press('Enter');
  await expect(page.getByTestId('error')).toHaveText('Not enough cash: at least ¥32.42 is due.');
  await page.getByRole('button', { name: '¥50.00' }).click();
  await expect(page.getByTestId('change-preview')).toHaveText('¥17.58');
  await page.getByTestId('take-cash').click();

  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  await expect(page.getByTestId('receipt-no')).toHaveText('R1-000001');
  await expect(page.getByTestId('change-due')).toHaveText('¥17.58');
  await expect(page.getByTestId('done-total')).toHaveText('¥32.42');

  // Next sale starts empty.
  await page.getByTestId('next-sale').click();
  await expect(page.getByTestId('cart-empty')).toContainText('The cart is empty');
});
