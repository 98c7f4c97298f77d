import { expect, previewText, ringUpAdHoc, setUpOwner, test } from './fixtures';
import { checkLayout, inViewport } from './layout';

// "¥100 on the card, the rest in cash", at 1024×768 in zh-CN: the cashier keys the card's part
// above the card button, the demo terminal takes ¥100.00, the payment screen and the sale screen
// say what is in (已收) and what is still to pay (还需支付), an amount the sale does not owe is
// refused before the terminal or the provider hears of it, and cash completes the sale; the
// completion and its receipt show each tender.
const SIZE = { width: 1024, height: 768 };

test('¥268.00: ¥100.00 by card, the rest in cash; 已收/还需支付 on both screens, both tenders on the receipt', async ({ page, register }, info) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '电饭煲', '268');
  const part = page.getByTestId('part-amount');
  await expect(part).toHaveAttribute('placeholder', '留空：全部 ¥268.00');
  await expect(page.getByTestId('pay-card')).toContainText('刷卡 ¥268.00');

  // The card's part, keyed on the on-screen keypad once its field has the focus: the buttons say what they will take.
  await part.click();
  const pad = page.locator('.payment__pad');
  await pad.getByRole('button', { name: '1', exact: true }).click();
  await pad.getByRole('button', { name: '00', exact: true }).click();
  await expect(part).toHaveValue('100');
  await expect(page.getByTestId('tendered')).toHaveValue('');
  await expect(page.getByTestId('pay-card')).toContainText('刷卡 ¥100.00');
  await expect(page.getByTestId('pay-scan')).toContainText('扫码 ¥100.00');
  for (const id of ['part-amount', 'pay-card', 'pay-scan', 'take-cash', 'take-part-cash']) expect(await inViewport(page.getByTestId(id)), id).toBe(true);
  await checkLayout(page, info, 'card part keyed');
  await page.getByTestId('pay-card').click();

  const taken = page.getByTestId('payment').getByTestId('payment-row');
  await expect(taken).toHaveCount(1, { timeout: 15_000 });
  await expect(taken).toHaveAttribute('data-method', 'card');
  await expect(taken).toContainText('银行卡');
  await expect(taken).toContainText('¥100.00');
  await expect(page.getByTestId('payment').locator('.payment__due')).toContainText('还需支付');
  await expect(page.getByTestId('amount-due')).toHaveText('¥168.00');
  await expect(page.getByTestId('amount-remaining')).toHaveText('合计 ¥268.00，还需支付 ¥168.00');
  // The part is spent: the next press pays what is left unless another part is keyed.
  await expect(part).toHaveValue('');
  await expect(page.getByTestId('pay-card')).toContainText('刷卡 ¥168.00');
  await checkLayout(page, info, 'card part taken');

  // On the sale screen: 已收 and 还需支付, as the payment screen says them.
  await page.getByRole('button', { name: /返回销售/ }).click();
  await expect(page.getByTestId('totals-paid')).toHaveText('¥100.00');
  await expect(page.getByTestId('totals-remaining')).toHaveText('¥168.00');
  await expect(page.locator('.totals__row--paid')).toContainText('已收');
  await expect(page.locator('.totals__row--remaining')).toContainText('还需支付');
  await page.getByTestId('pay-cash').click();
  await expect(page.getByTestId('payment')).toBeVisible();

  // More than is still owed, or nothing: refused with the reason; no terminal step, no payment.
  await part.fill('200');
  await page.getByTestId('pay-card').click();
  const refusal = page.getByTestId('payment').getByTestId('error');
  await expect(refusal).toHaveText('刷卡金额超过了还需支付的 ¥168.00。');
  expect(await inViewport(refusal), 'the refusal').toBe(true);
  await part.fill('0');
  await page.getByTestId('pay-card').click();
  await expect(refusal).toHaveText('金额最小为 ¥0.01。');
  await part.fill('168.01');
  await page.getByTestId('pay-scan').click();
  await page.getByTestId('scan-code').fill('134567890123456789');
  await page.getByTestId('scan-submit').click();
  await expect(refusal).toHaveText('扫码金额超过了还需支付的 ¥168.00。');
  await expect(page.getByTestId('card-step')).toHaveCount(0);
  await expect(taken).toHaveCount(1);
  const current = (await page.evaluate(() => document.querySelector('[data-testid="amount-due"]')?.textContent)) ?? '';
  expect(current).toBe('¥168.00');

  // Cash pays the rest: ¥200.00 handed over, ¥32.00 change.
  await part.fill('');
  await page.getByTestId('tendered').fill('200');
  await page.getByTestId('take-cash').click();
  await expect(page.getByTestId('completion')).toBeVisible();
  const rows = page.getByTestId('done-payments').getByTestId('payment-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-method', 'card');
  await expect(rows.nth(0)).toContainText('¥100.00');
  await expect(rows.nth(1)).toHaveAttribute('data-method', 'cash');
  await expect(rows.nth(1)).toContainText('¥200.00');
  await expect(page.getByTestId('change-due')).toHaveText('¥32.00');
  const receipt = (await previewText(page)).replace(/\s+/g, ' ');
  expect(receipt).toMatch(/银行卡 ?[¥￥]100\.00/);
  expect(receipt).toMatch(/现金 ?[¥￥]200\.00/);
  expect(receipt).toMatch(/找零 ?[¥￥]32\.00/);
  expect(receipt).toMatch(/金额 ?[¥￥]100\.00/);
  await checkLayout(page, info, 'card part and cash completed');
});
