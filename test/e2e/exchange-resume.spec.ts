import { expect, nextSale, setUpOwner, test } from './fixtures';
import { exchangeFor, sellWaterForCash } from './refund-steps';

// An exchange's difference paid by card, and the window reloaded while the customer enters the
// PIN (the demo terminal keeps them 8 s on it for amounts ending in .47). Main has begun the
// exchange (the return open, the credit on the sale); the reloaded page must show the payment as
// the exchange's, and its completion as the exchange's: the new sale and its return, both numbered.
test('exchange paid by card: a reload while the customer enters the PIN still shows the exchange, then both documents completed', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await sellWaterForCash(page);
  await expect(page.getByTestId('completion')).toBeVisible();
  await nextSale(page);

  // Back on the sale screen, listening, before F4.
  await exchangeFor(page, 'R1-000001', '农夫山泉');
  // The new goods: 10.47 against the 2.00 credit, a difference of 8.47.
  await page.keyboard.press('F4');
  const adHoc = page.getByRole('dialog', { name: '临时商品' });
  await adHoc.getByLabel('商品名称').fill('保温杯');
  await adHoc.getByLabel('单价').fill('10.47');
  await adHoc.getByRole('button', { name: '加入销售' }).click();
  await expect(adHoc).toBeHidden();
  const panel = page.getByTestId('exchange-panel');
  await expect(panel.getByTestId('exchange-difference')).toHaveText('¥8.47');
  await panel.getByTestId('exchange-pay-card').click();
  const exchangeNote = '换货 · 退回小票 R1-000001 的商品：已抵扣 ¥2.00，顾客补差价。';
  await expect(page.getByTestId('payment-exchange')).toHaveText(exchangeNote);
  await expect(page.getByTestId('card-step')).toHaveText('请顾客输入密码', { timeout: 10_000 });

  // On the smallest screen the till supports: the note does not push the terminal's Cancel out of sight.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();
  await expect(page.getByTestId('card-step')).toHaveText('请顾客输入密码');
  await expect(page.getByTestId('payment-exchange')).toHaveText(exchangeNote);
  await expect(page.getByTestId('card-cancel')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('amount-due')).toHaveText('¥8.47');

  const done = page.getByTestId('completion');
  await expect(done).toBeVisible({ timeout: 20_000 });
  await expect(done.getByTestId('receipt-no')).toHaveText('R1-000002');
  await expect(done.getByTestId('done-exchange')).toHaveText('换货：退货单 R1-000003（退回小票 R1-000001 的商品，抵扣 ¥2.00）已与本单一同完成。');
  await expect(done.getByTestId('payment-row').filter({ hasText: '银行卡' })).toContainText('¥8.47');
  // Both receipts as they print: the new sale's and its return's.
  await expect(page.getByTestId('done-exchange-receipt')).toContainText('退货单');
  await expect(page.getByTestId('done-exchange-receipt')).toContainText('农夫山泉');
  await nextSale(page);
  await expect(page.getByTestId('exchange-panel')).toHaveCount(0);
});
