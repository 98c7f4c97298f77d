import { expect, nextSale, scan, setUpOwner, test } from './fixtures';
import { WATER, cardSaleOf, line, payCash } from './refund-steps';

// The customer display (zh-CN, 1024×768) through a card sale, the next customer's cash sale, and a
// return of the first: a card sale shows how it was paid and no change; when the return starts the
// display leaves the previous customer's sale and change for the welcome screen; the returning
// customer then sees the goods and the money going back to their card.
test('the customer display shows a return: the previous sale gives way to the welcome screen, then the refund back to the card', async ({
  page,
  register,
  context,
}) => {
  await setUpOwner(page, register);
  await page.setViewportSize({ width: 1024, height: 768 });
  const display = await context.newPage();
  await display.setViewportSize({ width: 1024, height: 768 });
  await display.goto(`${register.origin}/customer-display.html`);
  await expect(display.getByTestId('display-welcome')).toHaveText('欢迎光临');

  // R1-000001: 毛巾 ¥12.00 and 香皂 ¥8.00 by card. Paid by card: no change line.
  await cardSaleOf(page, [
    ['毛巾', '12.00'],
    ['香皂', '8.00'],
  ]);
  await expect(display.getByTestId('display-paid-by')).toHaveText('已刷卡 ¥20.00');
  await expect(display.getByTestId('display-thanks')).toBeVisible();
  await expect(display.getByTestId('display-change')).toHaveCount(0);

  // The next customer: a water for ¥2.00, ¥50 handed over.
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await payCash(page, '50');
  await expect(display.getByTestId('display-change')).toHaveText('找零：¥48.00');
  await nextSale(page);

  // The first customer is back with the soap: the display no longer shows the water and its change.
  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '小票 R1-000001' })).toBeVisible();
  await expect(display.getByTestId('display-welcome')).toHaveText('欢迎光临');
  await expect(display.getByTestId('display-change')).toHaveCount(0);
  await expect(display.getByTestId('display-line')).toHaveCount(0);

  await line(page, '香皂').getByTestId('return-qty').fill('1');
  await page.getByTestId('refund-reason').selectOption('defective');
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-done')).toBeVisible({ timeout: 15_000 });
  // What goes back, how much, and where to; then thanks.
  await expect(display.getByTestId('display-return-title')).toHaveText('退货');
  await expect(display.getByTestId('display-line')).toHaveCount(1);
  await expect(display.getByTestId('display-line-name')).toHaveText('香皂');
  await expect(display.getByTestId('display-total')).toHaveText('¥8.00');
  await expect(display.getByTestId('display-return-to')).toHaveText('退回银行卡 ¥8.00');
  await expect(display.getByTestId('display-return-status')).toHaveText('退款已完成，谢谢！');
  await expect(display.getByTestId('display-change')).toHaveCount(0);
  // On the display's own screen, nothing spills out of the 1024×768 window.
  expect(await display.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
