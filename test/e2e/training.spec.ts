import { callRegister, expect, nextSaleReady, previewText, saleScreenReady, scan, setUpOwner, test } from './fixtures';

// Demo catalog: 6901234567892 = 农夫山泉 550ml ¥2.00.
test('training mode: the owner switches the register into it, every screen carries the mark, the practice sale has a T number and the next real sale is receipt 1', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await expect(page.getByTestId('training-mark')).toHaveCount(0);

  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-training').click();
  await page.getByTestId('training-register').click();
  await expect(page.getByTestId('training-mark')).toHaveText('练习 / TRAINING · 练习模式：此处录入的一切都不计入账目');
  await expect(page.getByTestId('training-register')).toBeChecked();
  // Under the mark's strip the menu still ends on screen at 1024×768, its way back to the sale too.
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByTestId('back-to-sale')).toBeInViewport({ ratio: 1 });
  await page.getByTestId('back-to-sale').click();

  // The sale screen carries the mark too; a practice cash sale completes with a training number.
  await expect(page.getByTestId('training-mark')).toBeVisible();
  await page.getByTestId('search').fill('6901234567892');
  await page.getByTestId('search').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F12');
  await page.getByTestId('tendered').fill('5');
  await page.getByTestId('take-cash').click();
  await expect(page.getByTestId('receipt-no')).toHaveText('R1-T-000001');
  await expect(page.getByTestId('training-mark')).toBeVisible();
  await page.getByTestId('next-sale').click();

  // Training off: the mark goes, and the first real sale is receipt 1.
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-training').click();
  await page.getByTestId('training-register').click();
  await expect(page.getByTestId('training-mark')).toHaveCount(0);
  await page.getByTestId('back-to-sale').click();
  await page.getByTestId('search').fill('6901234567892');
  await page.getByTestId('search').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F12');
  await page.getByTestId('tendered').fill('2');
  await page.getByTestId('take-cash').click();
  await expect(page.getByTestId('receipt-no')).toHaveText('R1-000001');
});

test('training mode: a return of a practice sale is practised in the training series, printed as training and counted nowhere', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-training').click();
  await page.getByTestId('training-register').click();
  await expect(page.getByTestId('training-register')).toBeChecked();
  await page.getByTestId('back-to-sale').click();
  await saleScreenReady(page);

  await scan(page, '6901234567892');
  await scan(page, '6901234567892');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F12');
  await page.getByTestId('tendered').fill('5');
  await page.getByTestId('take-cash').click();
  await expect(page.getByTestId('receipt-no')).toHaveText('R1-T-000001');
  await page.getByTestId('next-sale').click();
  await nextSaleReady(page);

  // F7: today's practice sales are listed by their training numbers; the printed number finds one.
  await page.keyboard.press('F7');
  await expect(page.getByTestId('todays-sale-no')).toHaveText(['R1-T-000001']);
  await page.getByTestId('refund-code').fill('R1-T-000001');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '小票 R1-T-000001' })).toBeVisible();
  await page.getByTestId('refund-line').filter({ hasText: '农夫山泉' }).getByTestId('return-qty').fill('1');
  await expect(page.getByTestId('refund-plan-total')).toHaveText('¥2.00');
  await page.getByTestId('refund-reason').selectOption('not_wanted');
  await page.getByTestId('refund-confirm').click();

  const done = page.getByTestId('refund-done');
  await expect(done.getByTestId('refund-done-title')).toHaveText('退货完成');
  await expect(done.getByTestId('refund-receipt-no')).toHaveText('R1-T-000002');
  await expect(page.getByTestId('training-mark')).toBeVisible();
  const text = await previewText(page);
  for (const s of ['练习 TRAINING · 非销售凭证', '退货单', 'R1-T-000002', 'R1-T-000001', '退回现金']) expect(text).toContain(s);

  // In no figure: the day's X has neither the practice sale nor its return.
  expect(await callRegister(page, 'report.x', { scope: 'day' })).toMatchObject({
    ok: true,
    value: { grandTotalMinor: 0, figures: { documentCount: 0, netMinor: 0 } },
  });
});
