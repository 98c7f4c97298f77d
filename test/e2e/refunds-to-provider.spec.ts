import { callRegister, expect, previewText, setUpOwner, test } from './fixtures';
import { cardSaleOf, line } from './refund-steps';

// Money back the way it came, in zh-CN browser mode: a card refund through the demo terminal
// (and one it declines), a scan-to-pay refund that waits for the provider.

test('refunds part of a card sale to the card through the demo terminal; a refund the terminal declines refunds nothing', async ({ page, register }) => {
  await setUpOwner(page, register);
  // Two items, 12.51 and 10.02: the demo terminal declines amounts ending in .51.
  await cardSaleOf(page, [
    ['礼品卡套', '12.51'],
    ['贺卡', '10.02'],
  ]);

  // Picked from today's sales.
  await page.getByTestId('open-refund').click();
  const today = page.getByTestId('todays-sale');
  await expect(today).toHaveCount(1);
  await expect(today).toContainText('银行卡');
  await today.getByTestId('refund-pick').click();
  await expect(page.getByTestId('refund-sale-payment')).toContainText('476173******0119');

  await line(page, '礼品卡套').getByTestId('return-qty').fill('1');
  await page.getByTestId('refund-reason').selectOption('defective');
  await expect(page.getByTestId('refund-plan-tender')).toHaveText(['退回银行卡 476173******0119¥12.51']);
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('error')).toHaveText('退款到银行卡未成功：终端拒绝（余额不足），钱没有退到卡上。可改退现金。', { timeout: 15_000 });
  await expect(page.getByTestId('refund-done')).toHaveCount(0);
  const after = (await callRegister(page, 'refund.find', { code: '1' })) as { value: { lines: { returnableQtyMilli: number }[]; corrections: unknown[] } };
  expect(after.value.lines.map((l) => l.returnableQtyMilli)).toEqual([1000, 1000]);
  expect(after.value.corrections).toEqual([]);

  // The other item goes back to the card: the terminal's steps show as for a payment.
  await line(page, '礼品卡套').getByTestId('return-qty').fill('');
  await line(page, '贺卡').getByTestId('return-qty').fill('1');
  await expect(page.getByTestId('refund-plan-total')).toHaveText('¥10.02');
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('card-step')).toHaveText('请顾客插卡、挥卡或刷卡');
  const done = page.getByTestId('refund-done');
  await expect(done).toBeVisible({ timeout: 15_000 });
  await expect(done.getByTestId('refund-done-tender')).toHaveText(['退回银行卡 476173******0119¥10.02']);
  const text = await previewText(page);
  const squeezed = text.replace(/\s+/g, '');
  for (const s of ['退货单', '退回银行卡-￥10.02', '卡号476173******0119', '原因质量问题']) expect(squeezed).toContain(s);
});

test('a scan-to-pay sale refunded to the wallet: the return stays open until the provider confirms, then completes on screen', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.keyboard.press('F4');
  const adHoc = page.getByRole('dialog', { name: '临时商品' });
  await adHoc.getByLabel('商品名称').fill('会员卡');
  // The demo provider loses its first reply to a refund of an amount ending in .41.
  await adHoc.getByLabel('单价').fill('3.41');
  await adHoc.getByRole('button', { name: '加入销售' }).click();
  await expect(adHoc).toBeHidden();
  const current = (await callRegister(page, 'sale.current', {})) as { value: { id: string } };
  expect(await callRegister(page, 'scanpay.pay', { saleId: current.value.id, code: '134567890123456789', idempotencyKey: 'e2e-scan-sale-1' })).toMatchObject({
    ok: true,
    value: { receiptNo: 1 },
  });

  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('R1-000001');
  await page.keyboard.press('Enter');
  await page.getByTestId('return-all').click();
  await page.getByTestId('refund-reason').selectOption('not_wanted');
  await expect(page.getByTestId('refund-plan-tender')).toHaveText(['退回微信支付¥3.41']);
  await page.getByTestId('refund-confirm').click();

  const done = page.getByTestId('refund-done');
  await expect(done.getByTestId('refund-waiting')).toHaveText('退款已提交支付渠道，等待确认…');
  await expect(done.getByTestId('receipt-preview')).toHaveCount(0);
  // Completed once the provider confirms: main's sale.changed brings the receipt number and the receipt.
  await expect(done.getByTestId('refund-waiting')).toBeHidden({ timeout: 30_000 });
  await expect(done.getByTestId('refund-receipt-no')).toHaveText('R1-000002');
  await expect(done.getByTestId('refund-done-tender')).toHaveText(['退回微信支付¥3.41']);
  expect((await previewText(page)).replace(/\s+/g, '')).toContain('退回微信支付-￥3.41');
});
