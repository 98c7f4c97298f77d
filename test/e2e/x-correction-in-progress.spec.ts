import { expect, setUpOwner, test } from './fixtures';
import { brokenTokens, tablesOutOfTheirBox } from './layout';
import { cardSaleOf } from './refund-steps';

// The X report on screen (zh-CN, 1024×768) while a return is half done. A sale of ¥100.00 paid on
// two cards of ¥50.00; a return of ¥55.51 gives the first card its ¥50.00 back, and the demo
// terminal (declining amounts ending in .51) refuses the second card's ¥5.51, so the return stays
// open. The shift's X counts the return only once it completes, so its card out is still nothing;
// below it the X lists the return in progress with the ¥50.00 already back on the card, the sum
// that makes it match the terminal.
test('the X lists a half-done return apart from its figures, with the card money already back', async ({ page, register }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpOwner(page, register);
  await cardSaleOf(
    page,
    [
      ['保温杯', '55.51'],
      ['杯盖', '44.49'],
    ],
    '50',
  );

  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('1');
  await page.keyboard.press('Enter');
  await page.getByTestId('refund-line').filter({ hasText: '保温杯' }).getByTestId('return-qty').fill('1');
  await page.getByTestId('refund-reason').selectOption('not_wanted');
  await page.getByTestId('refund-confirm').click();
  const done = page.getByTestId('refund-done');
  await expect(done.getByTestId('refund-done-title')).toHaveText('分笔退款', { timeout: 30_000 });
  await expect(done.getByTestId('refund-part').nth(1)).toHaveAttribute('data-state', 'refused');
  await done.getByTestId('refund-finish').click();

  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-day-close').click();
  await page.getByTestId('x-shift').click();
  const x = page.getByTestId('x-report');
  // The figures: the sale's two cards in, nothing out yet (the return has not completed).
  await expect(x.getByTestId('report-tender-card').locator('td')).toHaveText(['2 · ¥100.00', '0 · ¥0.00', '¥100.00']);
  await expect(x.getByTestId('report-kind-refund').locator('td').first()).toHaveText('0');
  const open = x.getByTestId('x-in-progress');
  await expect(open.getByRole('table')).toHaveAccessibleName('进行中的退货/作废（1 笔）');
  await expect(open.getByTestId('in-progress-total').locator('td')).toHaveText(['1', '¥55.51']);
  await expect(open.getByTestId('in-progress-back-card')).toContainText('已退回银行卡');
  await expect(open.getByTestId('in-progress-back-card').locator('td')).toHaveText(['1', '¥50.00']);
  await expect(open.getByTestId('in-progress-back-scan')).toHaveCount(0);
  await expect(open).toContainText('终端银行卡退款 = 上面的银行卡退 + 这里的已退回银行卡');
  // At 1024×768 its figures stay whole and its table fits, as the rest of the X.
  expect(await brokenTokens(page)).toEqual([]);
  expect(await tablesOutOfTheirBox(page)).toEqual([]);
});
