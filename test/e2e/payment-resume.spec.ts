import { callRegister, completedReceiptNo, expect, nextSale, ringUpAdHoc, scan, setUpOwner, test } from './fixtures';

// A window reloaded (or opened) while the demo register is still taking a payment: the demo pay
// simulator keeps the customer 4 s on the password for amounts ending in .31 (and for ever for
// .32), the demo terminal keeps them 8 s on the PIN for amounts ending in .47. The reloaded page
// never sees the old page's call answer: it must find the payment in main, follow it, and show
// its ending.
const WECHAT_CODE = '134567890123456789';
const ALIPAY_CODE = '2812345678901234';

test('scan-to-pay: a reload while the customer enters the password shows that step, then the completion', async ({ page, register }) => {
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '矿泉水整箱', '12.31');
  await scan(page, WECHAT_CODE);
  await expect(page.getByTestId('scan-step')).toContainText('请顾客在手机上输入支付密码', { timeout: 10_000 });

  // On the smallest screen the till supports: the step and its Cancel are in sight, not below the fold.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();
  const step = page.getByTestId('scan-step');
  await expect(step).toContainText('请顾客在手机上输入支付密码');
  await expect(step).toContainText(/剩余 \d+ 秒/);
  await expect(page.getByTestId('scan-cancel')).toBeEnabled();
  await expect(page.getByTestId('scan-cancel')).toBeInViewport({ ratio: 1 });
  // Nothing else can be taken meanwhile: no cash, no card, no way back to the cart.
  await expect(page.getByTestId('take-cash')).toBeDisabled();
  await expect(page.getByTestId('pay-card')).toBeDisabled();
  await expect(page.getByRole('button', { name: /返回/ })).toBeDisabled();

  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 20_000 });
  const receiptNo = await completedReceiptNo(page);
  const sale = (await callRegister(page, 'sale.byReceipt', { receiptNo })) as { value: { payments: { method: string; amountMinor: number }[] } };
  expect(sale.value.payments).toEqual([expect.objectContaining({ method: 'scan', amountMinor: 1231 })]);
});

test('card: a reload while the customer enters the PIN shows the terminal step with Cancel, then the completion', async ({ page, register }) => {
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '礼品卡套', '23.47');
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('card-step')).toHaveText('请顾客输入密码', { timeout: 10_000 });

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();
  await expect(page.getByTestId('card-step')).toHaveText('请顾客输入密码');
  await expect(page.getByTestId('card-cancel')).toBeEnabled();
  await expect(page.getByTestId('card-cancel')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('take-cash')).toBeDisabled();
  await expect(page.getByTestId('pay-scan')).toBeDisabled();
  await expect(page.getByTestId('card-step')).toHaveText('请稍候…', { timeout: 15_000 });

  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
  const receiptNo = await completedReceiptNo(page);
  const sale = (await callRegister(page, 'sale.byReceipt', { receiptNo })) as {
    value: { payments: { method: string; amountMinor: number; card: { maskedPan: string } | null }[] };
  };
  expect(sale.value.payments).toEqual([
    expect.objectContaining({ method: 'card', amountMinor: 2347, card: expect.objectContaining({ maskedPan: '476173******0119' }) }),
  ]);
});

test('card: a second window follows the running payment, and the first, back after the approval, shows the completion it missed', async ({
  page,
  register,
  context,
}) => {
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '礼品卡套', '31.47');
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('card-step')).toHaveText('请顾客输入密码', { timeout: 10_000 });
  // The first window goes away before the terminal answers.
  await page.goto('about:blank');

  const second = await context.newPage();
  await second.goto(register.url);
  await expect(second.getByTestId('card-step')).toHaveText('请顾客输入密码');
  await expect(second.getByTestId('completion')).toBeVisible({ timeout: 20_000 });
  const receiptNo = await second.getByTestId('receipt-no').textContent();

  await page.goto(register.url);
  await expect(page.getByTestId('completion')).toBeVisible();
  await expect(page.getByTestId('receipt-no')).toHaveText(receiptNo ?? 'none');
  // The completion is the cashier's to leave: the next sale starts empty.
  await nextSale(page);
});

test('card: Cancel in the reloaded window stops the terminal; the refusal is said there and the sale can be paid again', async ({ page, register }) => {
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '礼品卡套', '18.47');
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('card-step')).toHaveText('请顾客输入密码', { timeout: 10_000 });

  await page.reload();
  await expect(page.getByTestId('card-step')).toHaveText('请顾客输入密码');
  await page.getByTestId('card-cancel').click();
  await expect(page.getByTestId('error')).toContainText('刷卡已取消', { timeout: 15_000 });
  await expect(page.getByTestId('card-step')).toBeHidden();
  await expect(page.getByTestId('payment')).toBeVisible();
  await expect(page.getByTestId('amount-due')).toHaveText('¥18.47');
  await expect(page.getByTestId('tendered')).toBeEnabled();
  await expect(page.getByTestId('pay-card')).toBeEnabled();
  const open = (await callRegister(page, 'sale.current', {})) as { value: { status: string; payments: unknown[] } };
  expect(open.value).toMatchObject({ status: 'open', payments: [] });

  // Cash pays it, as after any refusal.
  await page.getByTestId('tendered').fill('20');
  await page.getByTestId('tendered').press('Enter');
  await expect(page.getByTestId('completion')).toBeVisible();
});

test('scan-to-pay: Esc in the reloaded window cancels the order with the provider; the refusal is said on the payment screen', async ({ page, register }) => {
  await setUpOwner(page, register);
  // .32: the customer never enters the password.
  await ringUpAdHoc(page, '保温杯', '45.32');
  await scan(page, ALIPAY_CODE);
  await expect(page.getByTestId('scan-step')).toContainText('请顾客在手机上输入支付密码', { timeout: 10_000 });

  await page.reload();
  await expect(page.getByTestId('scan-step')).toContainText('请顾客在手机上输入支付密码');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('error')).toHaveText('已向支付渠道取消该笔支付，未扣款。', { timeout: 15_000 });
  await expect(page.getByTestId('scan-step')).toBeHidden();
  await expect(page.getByTestId('payment')).toBeVisible();
  await expect(page.getByTestId('pay-scan')).toBeEnabled();
  await expect(page.getByTestId('take-cash')).toBeEnabled();
  const open = (await callRegister(page, 'sale.current', {})) as { value: { id: string; status: string; payments: unknown[] } };
  expect(open.value).toMatchObject({ status: 'open', payments: [] });
  const attempts = (await callRegister(page, 'scanpay.attempts', { saleId: open.value.id })) as { value: { state: string; reason: string }[] };
  expect(attempts.value).toEqual([expect.objectContaining({ state: 'reversed', reason: 'scanpay.reason.cancelled' })]);
});
