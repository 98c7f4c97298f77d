import { expect, openPayment, previewText, saleScreenReady, scan, setUpOwner, test } from './fixtures';

// What a newcomer found at the counter (zh-CN, on a 1024×768 till): finding 可口可乐 by the
// initials of 可乐, the completion screen's receipt number against the paper's, and an exchange's
// credit on its receipt.
test.use({ viewport: { width: 1024, height: 768 } });

test('1. pinyin initials of a word inside the name find it: "kl" (可乐) and "kk" find 可口可乐; Enter rings it up', async ({ page, register }) => {
  await setUpOwner(page, register);
  const search = page.getByTestId('search');
  const options = page.getByTestId('search-results').getByRole('option');
  await search.fill('kk');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('可口可乐 330ml');
  await search.fill('kl');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('可口可乐 330ml');
  await search.press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('line-name')).toHaveText('可口可乐 330ml');
  await expect(search).toHaveValue('');
});

test('2. the completion screen shows the receipt number as the receipt prints it (R1-000001), for the next sale too', async ({ page, register }) => {
  await setUpOwner(page, register);
  for (const expected of ['R1-000001', 'R1-000002']) {
    await scan(page, '6901234567892'); // 农夫山泉 550ml ¥2.00
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await openPayment(page);
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receipt-no')).toHaveText(expected);
    expect(await previewText(page)).toMatch(new RegExp(`小票号 *${expected}`));
    await page.keyboard.press('Enter');
    await saleScreenReady(page);
  }
});
