import { callRegister, expect, saleScreenReady, setUpOwner, test } from './fixtures';
import { cardSaleOf, line } from './refund-steps';

// A refund screen reloaded while money goes back to a card: the demo terminal keeps the customer
// 8 s on the PIN for amounts ending in .47. The reloaded page never sees the old page's call
// answer: it must find the give-back in main, show the terminal's step, and then its ending.

/** A card sale of two items, 23.47 and 10.01 (33.48: the demo terminal approves it at once). */
const TWO_ITEMS = [
  ['礼品卡套', '23.47'],
  ['贺卡', '10.01'],
] as const;

/** Returns 礼品卡套 (23.47) to the card and waits for the terminal to ask for the PIN. */
async function refundToCardUntilPin(page: import('@playwright/test').Page): Promise<void> {
  await page.getByTestId('open-refund').click();
  await page.getByTestId('todays-sale').getByTestId('refund-pick').click();
  await line(page, '礼品卡套').getByTestId('return-qty').fill('1');
  await page.getByTestId('refund-reason').selectOption('defective');
  await expect(page.getByTestId('refund-plan-tender')).toHaveText(['退回银行卡 476173******0119¥23.47']);
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('card-step')).toHaveText('请顾客输入密码', { timeout: 10_000 });
}

test('card refund: a reload while the customer enters the PIN shows the terminal step on the refund screen, then the refund done', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await cardSaleOf(page, TWO_ITEMS);
  await refundToCardUntilPin(page);

  await page.reload();
  const resumed = page.getByTestId('refund-giving-back');
  await expect(resumed).toBeVisible();
  await expect(resumed.getByRole('heading')).toHaveText('正在退款到银行卡');
  await expect(page.getByTestId('refund-giving-back-amount')).toHaveText('退回银行卡：¥23.47');
  await expect(page.getByTestId('card-step')).toHaveText('请顾客输入密码');
  await expect(page.getByTestId('card-cancel')).toBeEnabled();

  const done = page.getByTestId('refund-done');
  await expect(done).toBeVisible({ timeout: 20_000 });
  await expect(done.getByTestId('refund-done-tender')).toHaveText(['退回银行卡 476173******0119¥23.47']);
  const found = (await callRegister(page, 'refund.find', { code: '1' })) as { value: { lines: { returnableQtyMilli: number }[] } };
  expect(found.value.lines.map((l) => l.returnableQtyMilli)).toEqual([0, 1000]);
  // A second reload shows the sale screen: the give-back was shown and is forgotten.
  await page.reload();
  await saleScreenReady(page);
});

test('card refund: Cancel in the reloaded window stops the terminal; the refusal is said there and nothing is refunded', async ({ page, register }) => {
  await setUpOwner(page, register);
  await cardSaleOf(page, TWO_ITEMS);
  await refundToCardUntilPin(page);

  await page.reload();
  await expect(page.getByTestId('card-step')).toHaveText('请顾客输入密码');
  await page.getByTestId('card-cancel').click();
  await expect(page.getByTestId('error')).toContainText('刷卡已取消', { timeout: 15_000 });
  await expect(page.getByTestId('card-step')).toBeHidden();
  await page.getByTestId('refund-giving-back-back').click();
  // Back on the sale, whose goods are all returnable again.
  await expect(line(page, '礼品卡套')).toBeVisible();
  const found = (await callRegister(page, 'refund.find', { code: '1' })) as { value: { lines: { returnableQtyMilli: number }[]; corrections: unknown[] } };
  expect(found.value.lines.map((l) => l.returnableQtyMilli)).toEqual([1000, 1000]);
  expect(found.value.corrections).toEqual([]);
});
