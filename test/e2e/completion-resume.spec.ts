import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebRegister, type WebRegister } from '../support/web-register';
import { restartAndLogIn } from './restart-steps';
import { closePagesAndStop, expect, nextSaleReady, ringUpAdHoc, saleScreenReady, setUpOwner, test } from './fixtures';
import { returnWrongItem, sellWaterForCash } from './refund-steps';

// A cash sale's completion (its receipt number and the change to hand back) is the register's,
// not the window's: a reload, a second window and a restart of the register all show it again
// until the cashier starts the next sale, so "paid" is never mistaken for "lost".

/** 礼品卡套 ¥12.30 paid with ¥50: the completion the tester saw vanish. */
async function giftSleevePaidWithFifty(page: import('@playwright/test').Page): Promise<void> {
  await ringUpAdHoc(page, '礼品卡套', '12.30');
  await page.getByTestId('tendered').fill('50');
  await page.getByTestId('take-cash').click();
  await expectCompletion(page);
}

async function expectCompletion(page: import('@playwright/test').Page, timeout = 5_000): Promise<void> {
  const done = page.getByTestId('completion');
  await expect(done).toBeVisible({ timeout });
  await expect(done.getByTestId('receipt-no')).toHaveText('R1-000001');
  await expect(done.getByTestId('change-due')).toHaveText('¥37.70');
  await expect(done.getByTestId('payment-row')).toHaveText(['现金（实收）¥50.00']);
}

test('a reload and a second window show the cash sale just completed, until 下一单 in either window', async ({ page, context, register }) => {
  await setUpOwner(page, register);
  await giftSleevePaidWithFifty(page);
  await expect(page.getByTestId('done-restored')).toHaveCount(0);

  await page.reload();
  await expectCompletion(page);
  await expect(page.getByTestId('done-restored')).toHaveText('这是本收银机的上一单：已完成收款。');
  await expect(page.getByTestId('cart-empty')).toHaveCount(0);

  const second = await context.newPage();
  await second.goto(register.origin);
  await expectCompletion(second);

  // 下一单 in the first window: the second follows to the empty cart, and neither shows it again.
  await page.getByTestId('next-sale').click();
  await nextSaleReady(page);
  await expect(second.getByTestId('completion')).toHaveCount(0);
  await expect(second.getByTestId('cart-empty')).toBeVisible();
  await second.reload();
  await expect(second.getByTestId('cart-empty')).toBeVisible();
  await expect(second.getByTestId('completion')).toHaveCount(0);
  await second.close();
  await page.reload();
  await nextSaleReady(page);
});

test('a return just completed comes back on a reload; 完成 leaves it for good', async ({ page, register }) => {
  await setUpOwner(page, register);
  await sellWaterForCash(page);
  await page.keyboard.press('Enter');
  await nextSaleReady(page);
  await returnWrongItem(page, 'R1-000001', '农夫山泉');
  await page.getByTestId('refund-confirm').click();
  const done = page.getByTestId('refund-done');
  await expect(done.getByTestId('refund-receipt-no')).toHaveText('R1-000002');

  await page.reload();
  await expect(done.getByTestId('refund-receipt-no')).toHaveText('R1-000002');
  await expect(done.getByTestId('refund-done-total')).toHaveText('¥2.00');
  await expect(done.getByTestId('refund-done-tender')).toHaveCount(1);
  await page.getByTestId('refund-finish').click();
  await saleScreenReady(page);
  await page.reload();
  await nextSaleReady(page);
  await expect(done).toHaveCount(0);
});

test('the register killed and started again after a cash sale: the cashier logs in to its receipt number and change', async ({ page, context }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ringup-web-completion-'));
  let current: WebRegister = await startWebRegister({ dataDir });
  const restart = async () => {
    current = await restartAndLogIn(page, current, dataDir);
  };
  try {
    await setUpOwner(page, current);
    await giftSleevePaidWithFifty(page);
    await restart();
    await expectCompletion(page, 20_000);
    await expect(page.getByTestId('done-restored')).toBeVisible();

    // Left with 下一单 and a sale started: a second restart offers it no more.
    await page.getByTestId('next-sale').click();
    await nextSaleReady(page);
    await ringUpAdHoc(page, '贺卡', '3.00');
    await restart();
    await expect(page.getByTestId('cart-line')).toHaveCount(1, { timeout: 20_000 });
    await expect(page.getByTestId('completion')).toHaveCount(0);
  } finally {
    await closePagesAndStop(context, current.stop);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
