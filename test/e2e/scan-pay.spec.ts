import { callRegister, completedReceiptNo, expect, previewText, ringUpAdHoc, scan, setUpOwner, test } from './fixtures';

// The demo register answers scan-to-pay with the provider simulator started inside it (no
// provider configured): the customer takes about 4 s to enter the password, and the amount's fen
// script the case (.31 password then paid, .32 never entered, .33 insufficient balance).
const WECHAT_CODE = '134567890123456789';
const ALIPAY_CODE = '2812345678901234';

interface ScanPaymentView {
  method: string;
  amountMinor: number;
  scan: { provider: string; transactionId: string | null } | null;
}

test('a scanned WeChat Pay code is paid after the customer enters the password; the receipt names WeChat Pay', async ({ page, register }) => {
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '矿泉水整箱', '12.31');
  await scan(page, WECHAT_CODE);
  const step = page.getByTestId('scan-step');
  await expect(step).toContainText('请顾客在手机上输入支付密码', { timeout: 10_000 });
  await expect(step).toContainText(/剩余 \d+ 秒/);
  await expect(page.getByTestId('scan-cancel')).toBeVisible();
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 20_000 });

  const receiptNo = await completedReceiptNo(page);
  const sale = (await callRegister(page, 'sale.byReceipt', { receiptNo })) as { ok: boolean; value: { payments: ScanPaymentView[] } };
  expect(sale.value.payments).toHaveLength(1);
  const payment = sale.value.payments[0];
  expect(payment).toMatchObject({ method: 'scan', amountMinor: 1231, scan: { provider: 'wechat' } });
  const transactionId = payment?.scan?.transactionId ?? '';
  expect(transactionId.length).toBeGreaterThan(10);

  const text = await previewText(page);
  expect(text).toContain('微信支付￥12.31');
  expect(text).toContain(`交易单号${transactionId.slice(0, 4)}****${transactionId.slice(-6)}`);
  expect(text).not.toContain(transactionId);
  expect(text).not.toContain(WECHAT_CODE);
});

test('an Alipay code keyed at F8 is declined for balance, the sale stays open, and cash pays it', async ({ page, register }) => {
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '洗衣液', '8.33');
  // By keyboard alone: F8 opens the prompt, the code is keyed, Enter sends it.
  await page.keyboard.press('F8');
  await expect(page.getByTestId('scan-code')).toBeFocused();
  // At a person's pace: faster, the register would take it for a scan (which pays the same way).
  await page.keyboard.type(ALIPAY_CODE, { delay: 60 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error')).toHaveText('支付被拒绝：余额不足，请顾客换一种付款方式。', { timeout: 15_000 });
  await expect(page.getByTestId('payment')).toBeVisible();
  await expect(page.getByTestId('amount-due')).toHaveText('¥8.33');
  const open = (await callRegister(page, 'sale.current', {})) as { value: { status: string; payments: unknown[] } };
  expect(open.value).toMatchObject({ status: 'open', payments: [] });
  const attempts = (await callRegister(page, 'scanpay.attempts', { saleId: (open.value as unknown as { id: string }).id })) as {
    value: { provider: string; state: string; reason: string; maskedCode: string }[];
  };
  expect(attempts.value).toEqual([
    expect.objectContaining({ provider: 'alipay', state: 'failed', reason: 'scanpay.reason.insufficient_balance', maskedCode: '2812********1234' }),
  ]);

  await page.getByTestId('tendered').fill('10');
  await page.getByTestId('tendered').press('Enter');
  await expect(page.getByTestId('completion')).toBeVisible();
  const receiptNo = await completedReceiptNo(page);
  const sale = (await callRegister(page, 'sale.byReceipt', { receiptNo })) as { value: { payments: ScanPaymentView[] } };
  expect(sale.value.payments.map((p) => p.method)).toEqual(['cash']);
});

test("after a declined payment code, paying by card clears the refusal: it does not stand beside the terminal's steps", async ({ page, register }) => {
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '洗衣液', '8.33');
  await page.keyboard.press('F8');
  await page.keyboard.type(ALIPAY_CODE, { delay: 60 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error')).toHaveText('支付被拒绝：余额不足，请顾客换一种付款方式。', { timeout: 15_000 });
  // The demo terminal takes a few seconds over card, PIN and bank: the refusal is gone while its steps show.
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('card-step')).toBeVisible();
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
});

test('a payment code scanned on the sale screen goes to payment; Esc cancels while the customer has not confirmed', async ({ page, register }) => {
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '保温杯', '45.32');
  await page.getByRole('button', { name: /返回销售/ }).click();
  await expect(page.getByTestId('search')).toBeFocused();
  await scan(page, WECHAT_CODE);
  await expect(page.getByTestId('payment')).toBeVisible();
  await expect(page.getByTestId('scan-step')).toContainText('请顾客在手机上输入支付密码', { timeout: 10_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('error')).toHaveText('已向支付渠道取消该笔支付，未扣款。', { timeout: 15_000 });
  await expect(page.getByTestId('payment')).toBeVisible();
  const open = (await callRegister(page, 'sale.current', {})) as { value: { id: string; status: string; payments: unknown[] } };
  expect(open.value).toMatchObject({ status: 'open', payments: [] });
  const attempts = (await callRegister(page, 'scanpay.attempts', { saleId: open.value.id })) as { value: { state: string; reason: string }[] };
  expect(attempts.value).toEqual([expect.objectContaining({ state: 'reversed', reason: 'scanpay.reason.cancelled' })]);
});

test('a product barcode keyed as a payment code is refused on the spot; an unknown prefix asks whose code it is and the provider answers', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '雨伞', '29.00');
  await page.keyboard.press('F8');
  await page.keyboard.type('6901234567892', { delay: 60 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error')).toHaveText('这不是顾客的付款码（付款码为 16 位或更多数字）。');
  await expect(page.getByTestId('scan-code')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('scan-code')).toBeHidden();
  await expect(page.getByTestId('payment')).toBeVisible();

  // 16+ digits with a prefix no provider is known to use: never refused by the register itself.
  await scan(page, '9912345678901234567');
  const choose = page.getByTestId('scan-choose');
  await expect(choose).toBeVisible();
  await expect(choose.getByTestId('scan-choose-wechat')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error')).toHaveText('支付被拒绝：不是该支付渠道的有效付款码，请顾客刷新付款码。', { timeout: 15_000 });
  const open = (await callRegister(page, 'sale.current', {})) as { value: { id: string; status: string; payments: unknown[] } };
  expect(open.value).toMatchObject({ status: 'open', payments: [] });
  const attempts = (await callRegister(page, 'scanpay.attempts', { saleId: open.value.id })) as { value: { provider: string; state: string }[] };
  expect(attempts.value).toEqual([expect.objectContaining({ provider: 'wechat', state: 'failed' })]);
});
