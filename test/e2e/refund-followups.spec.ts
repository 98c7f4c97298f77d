import { expect, nextSale, saleScreenReady, setUpOwner, test } from './fixtures';
import { cardSaleOf, line, sellWaterForCash } from './refund-steps';

// 退货 in zh-CN at 1024×768, in browser mode with the demo terminal: the keyboard lands on the
// first quantity, a card refund the terminal refuses is worded as a refund and goes when the
// tender changes, and a second window refused a double return shows the receipt as it now is.

test('F7, the receipt number and Enter: the first returnable quantity has the focus', async ({ page, register }) => {
  await setUpOwner(page, register);
  await saleScreenReady(page);
  await sellWaterForCash(page);
  await nextSale(page);

  await page.keyboard.press('F7');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '小票 R1-000001' })).toBeVisible();
  const qty = line(page, '农夫山泉').getByTestId('return-qty');
  await expect(qty).toBeFocused();
  // A digit typed at once is the quantity, and main's preview follows.
  await page.keyboard.type('1');
  await expect(qty).toHaveValue('1');
  await expect(page.getByTestId('refund-plan-total')).toHaveText('¥2.00');
});

test('a card refund the terminal declines says so in a refund’s words, and the words go once 改退现金 is ticked', async ({ page, register }) => {
  await setUpOwner(page, register);
  await saleScreenReady(page);
  // The demo terminal declines amounts ending in .51: the sale of ¥30.00 goes through, the refund of ¥5.51 does not.
  await cardSaleOf(page, [
    ['保温杯', '24.49'],
    ['杯盖', '5.51'],
  ]);

  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('1');
  await page.keyboard.press('Enter');
  await line(page, '杯盖').getByTestId('return-qty').fill('1');
  await page.getByTestId('refund-reason').selectOption('not_wanted');
  await expect(page.getByTestId('refund-plan-tender')).toHaveText([/^退回银行卡.*¥5\.51$/]);
  await page.getByTestId('refund-confirm').click();
  const error = page.getByTestId('error');
  await expect(error).toHaveText('退款到银行卡未成功：终端拒绝（余额不足），钱没有退到卡上。可改退现金。', { timeout: 15_000 });
  await expect(error).not.toContainText('刷卡被拒');

  await page.getByTestId('refund-to-cash').check();
  await expect(page.getByTestId('refund-plan-tender')).toHaveText(['退回现金¥5.51']);
  await expect(page.getByTestId('error')).toHaveCount(0);
});

test('a second window refused a return already made in the first shows what is left: nothing', async ({ page, context, register }) => {
  await setUpOwner(page, register);
  await saleScreenReady(page);
  await sellWaterForCash(page);
  await nextSale(page);

  const second = await context.newPage();
  await second.setViewportSize({ width: 1024, height: 768 });
  await second.goto(register.origin);
  await saleScreenReady(second);
  for (const p of [page, second]) {
    await p.keyboard.press('F7');
    await p.getByTestId('refund-code').fill('1');
    await p.keyboard.press('Enter');
    await expect(line(p, '农夫山泉').getByTestId('refund-line-left')).toHaveText('1 · ¥2.00');
    await line(p, '农夫山泉').getByTestId('return-qty').fill('1');
    await p.getByTestId('refund-reason').selectOption('not_wanted');
    await expect(p.getByTestId('refund-confirm')).toContainText('¥2.00');
  }

  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-done')).toBeVisible();

  await second.getByTestId('refund-confirm').click();
  await expect(second.getByTestId('error')).toHaveText('超出这一行剩余可退的数量或金额：最多 0 件或 ¥0.00。');
  // The receipt's figures are read again: returned 1, nothing left, nothing to confirm.
  await expect(line(second, '农夫山泉').getByTestId('refund-line-left')).toHaveText('0 · ¥0.00');
  await expect(line(second, '农夫山泉').getByTestId('return-qty')).toBeDisabled();
  await expect(second.getByTestId('refund-confirm')).not.toContainText('¥2.00');
  await expect(second.getByTestId('refund-confirm')).toBeDisabled();
  await second.close();
});
