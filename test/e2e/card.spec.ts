import type { Page } from '@playwright/test';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { tokenizeEscPos } from '../support/escpos-tokenizer';
import { callRegister, completedReceiptNo, connectPrinter, expect, previewText, ringUpAdHoc, setUpOwner, test } from './fixtures';

/** An ad-hoc item at `price` (yuan) and on to the payment screen. The demo terminal declines amounts ending in .51. */
const ringUp = (page: Page, price: string): Promise<void> => ringUpAdHoc(page, '礼品卡套', price);

test('a card sale through the demo terminal shows the steps, completes, and the receipt shows the masked card and auth code', async ({ page, register }) => {
  await setUpOwner(page, register);
  await ringUp(page, '23.00');
  await page.getByTestId('pay-card').click();
  const step = page.getByTestId('card-step');
  await expect(step).toHaveText('请顾客插卡、挥卡或刷卡');
  await expect(step).toHaveText('请顾客输入密码');
  await expect(step).toHaveText('请稍候…');
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
  const receiptNo = await completedReceiptNo(page);
  const sale = (await callRegister(page, 'sale.byReceipt', { receiptNo })) as {
    ok: boolean;
    value: { payments: { card: { authCode: string; maskedPan: string } }[] };
  };
  const card = sale.value.payments[0]?.card;
  expect(card?.maskedPan).toBe('476173******0119');
  expect(card?.authCode).toMatch(/^\d{6}$/);
  // The preview is the printer's layout: read its text.
  const text = await previewText(page);
  expect(text).toContain('卡号476173******0119');
  expect(text).toContain(`授权码${card?.authCode ?? 'none'}`);
  expect(text).not.toContain('4761739001010119');
});

test('a card that asks for a signature: the sale completes only once the cashier says it was signed, and the merchant copy has the signature line', async ({
  page,
  register,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const printer = await VirtualPrinter.start({ port: 0 });
  try {
    await setUpOwner(page, register);
    await connectPrinter(page, printer.port);
    await page.getByTestId('back-to-sale').click();
    await ringUp(page, '16.62');
    await page.getByTestId('pay-card').click();
    const check = page.getByTestId('card-signature');
    await expect(check).toContainText('需要签名：请顾客在商户联上签名，并与卡背面核对。', { timeout: 15_000 });
    await expect(page.getByTestId('card-signature-ok')).toBeInViewport();
    await expect(page.getByTestId('completion')).toHaveCount(0);
    await page.getByTestId('card-signature-ok').click();
    await expect(page.getByTestId('completion')).toBeVisible();
    const receiptNo = await completedReceiptNo(page);
    const sale = (await callRegister(page, 'sale.byReceipt', { receiptNo })) as { value: { payments: { card: { signatureRequired: boolean } }[] } };
    expect(sale.value.payments[0]?.card.signatureRequired).toBe(true);
    // One receipt job with both copies: the customer's, then the merchant's with the line the customer signs.
    const [job] = await printer.waitForJobs(1);
    const paper = tokenizeEscPos(job!.bytes).lines.map((l) => l.trim());
    const merchantFrom = paper.findIndex((l) => l.includes('商户联'));
    expect(merchantFrom).toBeGreaterThan(0);
    expect(paper.slice(0, merchantFrom).join('\n')).not.toContain('持卡人签名');
    expect(paper.slice(merchantFrom).join('\n')).toContain('持卡人签名');
    expect(paper.filter((l) => l.includes('476173******0119'))).toHaveLength(2);
  } finally {
    await printer.close();
  }
});

test('a declined card shows the reason and the sale stays open', async ({ page, register }) => {
  await setUpOwner(page, register);
  await ringUp(page, '12.51');
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('error')).toHaveText('刷卡被拒：余额不足。', { timeout: 15_000 });
  await expect(page.getByTestId('payment')).toBeVisible();
  await expect(page.getByTestId('amount-due')).toHaveText('¥12.51');
  await expect(page.getByTestId('pay-card')).toBeEnabled();
  const current = (await callRegister(page, 'sale.current', {})) as { value: { status: string; payments: unknown[] } };
  expect(current.value).toMatchObject({ status: 'open', payments: [] });
});
