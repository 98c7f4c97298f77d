import { expect, setUpOwner, test } from './fixtures';

// What the shift's screens say (sweep-train #7), at 1024×768: a paid-out with no printer says what
// really happened.
test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
});

test('a paid-out with no printer says it was recorded and the drawer is to be opened with its key', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-shift').click();
  await page.getByText('支出', { exact: true }).click();
  await page.getByTestId('cash-move-amount').fill('20');
  await page.getByTestId('cash-move-reason').fill('买冰块');
  await page.getByTestId('cash-move-submit').click();
  await expect(page.getByTestId('notice')).toHaveText('已记录支出 ¥20.00。本收银台未设置小票打印机：钱箱没有自动打开，请用钥匙打开；未打印凭单。');
  await expect(page.getByTestId('cash-movements')).toContainText('买冰块');
});
