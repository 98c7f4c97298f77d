import { callRegister, expect, nextSale, previewText, ringUpAdHoc, setUpOwner, test } from './fixtures';
import { cardSaleOf, openVoidOf } from './refund-steps';

// Money back to two cards, at 1024×768 in zh-CN. A sale paid on two cards (¥100.00 keyed in
// 刷卡/扫码金额 under the keypad on one card, the rest on another) is voided: the void dialog
// lists both cards and says they go back in turn, the demo terminal gives each its part back, and
// the void screen and its receipt show both parts; the sale is voided in the ledger with each card
// given back exactly once.
const SIZE = { width: 1024, height: 768 };

test('a sale on two cards is voided: each card gets its own part back, and the void shows both', async ({ page, register }) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '电饭煲', '268');
  const part = page.getByTestId('part-amount');
  await part.click();
  const pad = page.locator('.payment__pad');
  await pad.getByRole('button', { name: '1', exact: true }).click();
  await pad.getByRole('button', { name: '00', exact: true }).click();
  await expect(page.getByTestId('pay-card')).toContainText('刷卡 ¥100.00');
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('payment').getByTestId('payment-row')).toHaveCount(1, { timeout: 15_000 });
  // The rest, ¥168.00, on the second card.
  await expect(page.getByTestId('pay-card')).toContainText('刷卡 ¥168.00');
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('done-payments').getByTestId('payment-row')).toHaveCount(2);
  await nextSale(page);

  const dialog = await openVoidOf(page, '1');
  const tenders = dialog.getByTestId('void-tender');
  await expect(tenders).toHaveCount(2);
  await expect(tenders.nth(0)).toContainText('¥100.00');
  await expect(tenders.nth(1)).toContainText('¥168.00');
  await expect(dialog).toContainText('各张银行卡和各个钱包依次退回；全部退回后整单才撤销。');
  await dialog.getByTestId('void-reason').selectOption('cashier_error');
  await dialog.getByRole('button', { name: '确认撤销' }).click();

  const done = page.getByTestId('refund-done');
  await expect(done.getByTestId('refund-done-title')).toHaveText('整单已撤销', { timeout: 30_000 });
  await expect(done.getByTestId('refund-done-total')).toHaveText('¥268.00');
  const back = done.getByTestId('refund-done-tender');
  await expect(back).toHaveCount(2);
  await expect(back.nth(0)).toHaveAttribute('data-method', 'card');
  await expect(back.nth(0)).toContainText('退回银行卡');
  await expect(back.nth(0)).toContainText('¥100.00');
  await expect(back.nth(1)).toHaveAttribute('data-method', 'card');
  await expect(back.nth(1)).toContainText('¥168.00');
  await expect(done.getByTestId('refund-parts')).toHaveCount(0);
  const text = await previewText(page);
  for (const s of ['撤销单', '-￥268.00', '￥100.00', '￥168.00']) expect(text).toContain(s);

  // In the ledger: the sale voided once, each card payment given back in full, each once.
  const found = (await callRegister(page, 'refund.find', { code: '1' })) as {
    value: { voidable: boolean; corrections: { kind: string; status: string }[]; payments: { method: string; amountMinor: number; refundedMinor: number }[] };
  };
  expect(found.value.corrections).toEqual([expect.objectContaining({ kind: 'void', status: 'completed' })]);
  expect(found.value.payments.map((p) => [p.method, p.amountMinor, p.refundedMinor])).toEqual([
    ['card', 10_000, 10_000],
    ['card', 16_800, 16_800],
  ]);
});

// The demo terminal declines amounts ending in .51: a return of ¥55.51 over two cards of ¥50.00
// gives the first card its ¥50.00 back, and the second card refuses its ¥5.51.
test('a return over two cards whose second card refuses: the screen says which part went back, 改退现金 finishes it', async ({ page, register }) => {
  await page.setViewportSize(SIZE);
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
  await expect(page.getByTestId('refund-plan-tender')).toHaveText([/^退回银行卡.*¥50\.00$/, /^退回银行卡.*¥5\.51$/]);
  await page.getByTestId('refund-confirm').click();

  const done = page.getByTestId('refund-done');
  await expect(done.getByTestId('refund-done-title')).toHaveText('分笔退款', { timeout: 30_000 });
  const parts = done.getByTestId('refund-part');
  await expect(parts).toHaveCount(2);
  await expect(parts.nth(0)).toHaveAttribute('data-state', 'back');
  await expect(parts.nth(0).getByTestId('refund-part-state')).toHaveText('已退回');
  await expect(parts.nth(1)).toHaveAttribute('data-state', 'refused');
  await expect(parts.nth(1).getByTestId('refund-part-state')).toContainText('未退回');
  await expect(done.getByTestId('refund-parts-incomplete')).toContainText('还没有全部退回');
  // Leaving now leaves the return open, and the button says so rather than 完成.
  await expect(done.getByTestId('refund-finish')).toContainText('暂时离开，稍后继续退款');
  // Nothing completed yet: no receipt number, no receipt.
  await expect(done.getByTestId('refund-receipt-no')).not.toContainText('R1-');

  await parts.nth(1).getByTestId('refund-part-cash').click();
  await expect(done.getByTestId('refund-done-title')).toHaveText('退货完成', { timeout: 15_000 });
  await expect(done.getByTestId('refund-finish')).toContainText('完成');
  const back = done.getByTestId('refund-done-tender');
  await expect(back).toHaveCount(2);
  await expect(back.nth(0)).toHaveAttribute('data-method', 'card');
  await expect(back.nth(0)).toContainText('¥50.00');
  await expect(back.nth(1)).toHaveAttribute('data-method', 'cash');
  await expect(back.nth(1)).toContainText('¥5.51');
  await expect(done.getByTestId('refund-parts')).toHaveCount(0);
  const text = await previewText(page);
  for (const s of ['-￥55.51', '￥5.51']) expect(text).toContain(s);
});
