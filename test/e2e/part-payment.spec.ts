import { expect, nextSaleReady, ringUpAdHoc, scan, setUpOwner, test } from './fixtures';
import { checkLayout, inViewport, textLines } from './layout';

// A part payment taken on a sale, at 1024×768 in zh-CN: the sale screen says what is still to pay,
// a customer who paid part in cash and walks away gets the cash back by 整单取消 and the shift
// closes; the payment screen keeps every tender button on screen with a payment taken and a
// refusal showing; the scan countdown and the card cancel read cleanly.
const SIZE = { width: 1024, height: 768 };

test('a ¥12.00 sale with ¥2.00 cash taken: the sale shows ¥10.00 still to pay, 整单取消 gives the ¥2.00 back, and the shift closes', async ({
  page,
  register,
}, info) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '牙刷', '12');
  await page.getByTestId('tendered').fill('2');
  await page.getByTestId('take-part-cash').click();
  await expect(page.getByTestId('payment-row')).toHaveCount(1);
  await expect(page.getByTestId('amount-due')).toHaveText('¥10.00');
  await page.getByRole('button', { name: /返回销售/ }).click();

  // Back on the sale: what was taken and what is still to pay, and the pay button takes the rest.
  await expect(page.getByTestId('totals-paid')).toHaveText('¥2.00');
  await expect(page.getByTestId('totals-remaining')).toHaveText('¥10.00');
  await expect(page.getByTestId('total')).toHaveText('¥12.00');
  await expect(page.getByTestId('pay-cash')).toContainText('¥10.00');
  await expect(page.getByTestId('pay-cash')).not.toContainText('¥12.00');
  await checkLayout(page, info, 'sale after a part payment');

  // The cancel says plainly that the cash goes back, before it is confirmed.
  await page.getByTestId('cancel-sale').click();
  const dialog = page.getByTestId('cancel-sale-dialog');
  await expect(dialog.getByTestId('cancel-cash-back')).toHaveText('已收现金 ¥2.00 将退还给顾客。');
  await checkLayout(page, info, 'cancel with cash taken');
  await dialog.getByRole('button', { name: '整单取消' }).click();
  await expect(dialog).toBeHidden();
  await nextSaleReady(page);
  await expect(page.getByTestId('totals-paid')).toHaveCount(0);

  // The till is not stuck: counted at the float (¥250.00), nothing over or short, and closed.
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-shift').click();
  await page.getByTestId('shift-close-start').click();
  await page.getByTestId('count-10000').fill('2');
  await page.getByTestId('count-1000').fill('5');
  await page.getByTestId('closing-count-submit').click();
  await expect(page.getByTestId('shift-closing')).toBeVisible();
  await expect(page.getByTestId('expected-total')).toHaveText('¥250.00');
  await expect(page.getByTestId('counted-total')).toHaveText('¥250.00');
  await page.getByTestId('shift-confirm-close').click();
  await expect(page.getByTestId('shift-closed')).toHaveText('班次 #1 已结班，实点 ¥250.00。');
});

test('with ¥5.00 cash taken and a card declined, every payment button stays on the 1024×768 screen', async ({ page, register }, info) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  // ¥25.51: the demo terminal declines amounts ending in .51 (余额不足).
  await ringUpAdHoc(page, '毛巾', '25.51');
  await page.getByTestId('tendered').fill('5');
  await page.getByTestId('take-part-cash').click();
  await expect(page.getByTestId('payment-row')).toHaveCount(1);
  await page.getByTestId('pay-card').click();
  const refusal = page.getByTestId('payment').getByTestId('error');
  await expect(refusal).toHaveText('刷卡被拒：余额不足。', { timeout: 15_000 });
  await expect(page.getByTestId('pay-card')).toBeEnabled();
  await expect(page.getByTestId('amount-remaining')).toBeVisible();
  for (const id of ['take-cash', 'take-part-cash', 'pay-card', 'pay-scan']) expect(await inViewport(page.getByTestId(id)), id).toBe(true);
  expect(await inViewport(page.getByRole('button', { name: /返回销售/ })), '返回销售').toBe(true);
  expect(await inViewport(refusal), 'the refusal').toBe(true);
  // Nothing scrolled into view: the page itself does not scroll.
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
  await checkLayout(page, info, 'part cash, card declined');
});

test('the scan countdown keeps "（剩余 n 秒）" on one line, its cancel on screen after a part payment; cancelling a card at the PIN says so once', async ({
  page,
  register,
}) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  // ¥12.32: the demo provider's customer never enters the password; the countdown runs.
  // ¥2.00 is taken in cash first: the waiting step and its cancel fit under the payments-taken box.
  await ringUpAdHoc(page, '保温杯', '12.32');
  await page.getByTestId('tendered').fill('2');
  await page.getByTestId('take-part-cash').click();
  await expect(page.getByTestId('amount-due')).toHaveText('¥10.32');
  await scan(page, '134567890123456791');
  const step = page.getByTestId('scan-step');
  await expect(step).toContainText(/剩余 \d+ 秒/, { timeout: 10_000 });
  expect(await textLines(step.locator('.nowrap'))).toBe(1);
  expect(await inViewport(page.getByTestId('scan-cancel')), 'scan cancel').toBe(true);
  await page.getByTestId('scan-cancel').click();
  await expect(page.getByTestId('pay-card')).toBeEnabled({ timeout: 15_000 });
  await page.getByRole('button', { name: /返回销售/ }).click();
  await page.getByTestId('cancel-sale').click();
  await expect(page.getByTestId('cancel-cash-back')).toHaveText('已收现金 ¥2.00 将退还给顾客。');
  await page.getByTestId('cancel-sale-dialog').getByRole('button', { name: '整单取消' }).click();
  await nextSaleReady(page);

  // ¥9.47: the demo terminal holds the PIN step; the cashier cancels it.
  await ringUpAdHoc(page, '杯套', '9.47');
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('card-step')).toHaveText('请顾客输入密码', { timeout: 10_000 });
  await page.getByTestId('card-cancel').click();
  await expect(page.getByTestId('payment').getByTestId('error')).toHaveText('刷卡已取消。', { timeout: 15_000 });
});
