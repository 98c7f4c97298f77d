import { callRegister, expect, scan, setUpOwner, test } from './fixtures';

// What the counter says to whoever is at it: the catalog's names in the cashier's language, and
// what a screen reader hears as a sale goes on (issue 13).
const WATER = '6901234567892'; // 农夫山泉 550ml ¥2.00

test('in English, a Chinese store shows the catalog’s English names and money as ¥; the receipt keeps the store’s names', async ({ page, register }) => {
  await setUpOwner(page, register);
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
  const line = page.getByTestId('cart-line').first();
  await expect(line.getByTestId('line-name')).toHaveText('Mineral water 550ml');
  await expect(page.getByTestId('total')).toHaveText('¥2.00');
  await expect(page.getByTestId('pay-cash')).toContainText('¥2.00');
  // The sale itself keeps the name in the store's language: that is what the receipt prints.
  const current = (await callRegister(page, 'sale.current', {})) as { value: { lines: { name: string }[] } };
  expect(current.value.lines[0]?.name).toBe('农夫山泉 550ml');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expect(line.getByTestId('line-name')).toHaveText('农夫山泉 550ml');
});

test('what a screen reader hears: each item added with the total, the screen’s name, −1 as seen, the change with the next-sale button', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await expect(page.getByRole('heading', { level: 1, name: '销售' })).toBeAttached();
  const announcement = page.getByTestId('sale-announcement');
  // Mounted, empty, before the first addition, so that one is heard too.
  await expect(announcement).toHaveAttribute('aria-live', 'polite');
  await expect(announcement).toHaveText('');
  await scan(page, WATER);
  await expect(announcement).toHaveText('已添加 农夫山泉 550ml，合计 ¥2.00');
  await scan(page, WATER);
  await expect(announcement).toHaveText('已添加 农夫山泉 550ml，合计 ¥4.00');
  await expect(page.getByRole('toolbar', { name: '所选商品行' }).getByRole('button', { name: '−1', exact: true })).toBeEnabled();

  await page.keyboard.press('F12');
  await page.getByTestId('tendered').fill('5');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('completion')).toBeVisible();
  await expect(page.getByTestId('next-sale')).toBeFocused();
  await expect(page.getByTestId('next-sale')).toHaveAccessibleDescription('找零 ¥1.00');
});
