import { callRegister, expect, finishRefund, nextSale, OWNER, previewText, scan, setUpOwner, test } from './fixtures';
import { brokenTokens, horizontalScroll, overflowAndClipping, smallTargets, tablesOutOfTheirBox, textLines } from './layout';
import {
  asCashier,
  CASHIER,
  exchangeForBreadPayingTen,
  line,
  logIn,
  MILK,
  payCash,
  returnWaterOfFirstReceipt,
  returnWrongItem,
  sellWaterForCash,
  WATER,
} from './refund-steps';

// 单据 / Documents in the back office, in zh-CN browser mode: each sale with its corrections,
// each correction with its sale; a receipt opens as printed, a sale starts a return; the list
// filtered by business day and by operator.

test('back office documents: each sale with its corrections, each correction with its sale; a receipt opens, a sale starts a return', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await scan(page, WATER);
  await scan(page, MILK);
  // Both lines in before F12: a scan's line arrives after the register answers.
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await payCash(page, '10');
  await nextSale(page);
  await returnWrongItem(page, 'R1-000001', '蒙牛纯牛奶', '1');
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-done')).toBeVisible();
  await finishRefund(page);

  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-documents').click();
  const table = page.getByRole('table', { name: '单据' });
  const sale = table.locator('[data-kind="sale"]');
  const refund = table.locator('[data-kind="refund"]');
  await expect(sale.getByTestId('document-related')).toHaveText('退货退款 R1-000002 -¥3.80');
  await expect(refund.getByTestId('document-related')).toHaveText('更正 R1-000001');
  await expect(refund.getByTestId('document-total')).toHaveText('-¥3.80');
  await expect(refund).toContainText('商品不符');

  // Filter by kind: only the refund.
  await page.getByTestId('documents-kind').selectOption('refund');
  await page.getByTestId('documents-search').click();
  await expect(table.getByTestId('document')).toHaveCount(1);
  await refund.getByTestId('document-original').click();
  const preview = page.getByTestId('document-preview');
  await expect(preview.getByRole('heading')).toHaveText('小票 R1-000001');
  expect(await previewText(page)).toContain('销售小票');
  await preview.getByRole('button', { name: '关闭' }).click();

  // Filter by receipt number, then start a return from the sale.
  await page.getByTestId('documents-kind').selectOption('');
  // Typed full-width, as a Chinese input method in full-width mode types it.
  await page.getByTestId('documents-receipt').fill('Ｒ１－０００００１');
  await page.getByTestId('documents-search').click();
  await expect(table.getByTestId('document')).toHaveCount(1);
  await sale.getByTestId('document-return').click();
  await expect(page.getByRole('heading', { name: '小票 R1-000001' })).toBeVisible();
  await expect(line(page, '蒙牛纯牛奶').getByTestId('refund-line-left')).toHaveText('0 · ¥0.00');
});

test('back office documents: filtered by business day and by operator', async ({ page, register }) => {
  await setUpOwner(page, register);
  await scan(page, WATER);
  // The line is in before the tender key: a pay key ahead of the scan's answer finds an empty cart.
  await expect(page.getByTestId('total')).toHaveText('¥2.00');
  await payCash(page, '10');
  await nextSale(page);
  await asCashier(page);
  await scan(page, MILK);
  await expect(page.getByTestId('total')).toHaveText('¥3.80');
  await payCash(page, '10');
  await nextSale(page);
  await page.getByTestId('logout').click();
  await logIn(page, OWNER.name, OWNER.pin);
  const status = (await callRegister(page, 'dayClose.status', {})) as { value: { businessDay: string } };

  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-documents').click();
  const table = page.getByRole('table', { name: '单据' });
  const receipts = table.getByTestId('document-receipt');
  await expect(receipts).toHaveText(['R1-000002', 'R1-000001']);

  // One operator's sales only: the cashier's, then the owner's.
  await page.getByTestId('documents-operator').selectOption({ label: CASHIER.name });
  await page.getByTestId('documents-search').click();
  await expect(receipts).toHaveText(['R1-000002']);
  await expect(table.getByTestId('document')).toContainText(CASHIER.name);
  await page.getByTestId('documents-operator').selectOption({ label: OWNER.name });
  await page.getByTestId('documents-search').click();
  await expect(receipts).toHaveText(['R1-000001']);

  // The business day: today's holds both sales, another day none.
  await page.getByTestId('documents-operator').selectOption('');
  await page.getByTestId('documents-day').fill(status.value.businessDay);
  await page.getByTestId('documents-search').click();
  await expect(receipts).toHaveText(['R1-000002', 'R1-000001']);
  await page.getByTestId('documents-day').fill('2020-01-02');
  await page.getByTestId('documents-search').click();
  await expect(page.getByTestId('documents-empty')).toBeVisible();
  await expect(table.getByTestId('document')).toHaveCount(0);
  // Both filters at once: the cashier on today.
  await page.getByTestId('documents-day').fill(status.value.businessDay);
  await page.getByTestId('documents-operator').selectOption({ label: CASHIER.name });
  await page.getByTestId('documents-search').click();
  await expect(receipts).toHaveText(['R1-000002']);
});

test('back office documents at 1024×768, in Chinese and English: the day above the time, each whole; amounts on one line; the list inside its section', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await page.setViewportSize({ width: 1024, height: 768 });
  // Two sales of a water; the first returned, the second exchanged for a bread: every kind of row and related document.
  await sellWaterForCash(page);
  await nextSale(page);
  await sellWaterForCash(page);
  await nextSale(page);
  await returnWaterOfFirstReceipt(page);
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-done')).toBeVisible();
  await finishRefund(page);
  await returnWrongItem(page, 'R1-000002', '农夫山泉');
  await page.getByTestId('refund-exchange').click();
  await exchangeForBreadPayingTen(page);
  await nextSale(page);

  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-documents').click();
  const rows = page.getByTestId('document');
  for (const language of ['zh-CN', 'en']) {
    if (language === 'en') {
      await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
      await expect(page.getByRole('heading', { name: 'Documents' })).toBeVisible();
    }
    await expect(rows).toHaveCount(5);
    await expect(rows.and(page.locator('[data-kind="refund"]')).getByTestId('document-total')).toHaveText(['-¥2.00', '-¥2.00']);
    // Each row's when: the day on one line, the time on the next (it broke into 2026- / 11-30 / · / 08:43).
    for (const when of await page.getByTestId('document-when').all()) expect(await textLines(when), (await when.textContent()) ?? '').toBe(2);
    // Amounts, a correction's amount and the day never wrap inside themselves (-¥2.00 broke after its minus).
    expect(await brokenTokens(page), language).toEqual([]);
    for (const total of await page.getByTestId('document-total').all()) expect(await textLines(total)).toBe(1);
    // The table within the section, each return button whole inside it, nothing scrolled or cut off.
    expect(await tablesOutOfTheirBox(page), language).toEqual([]);
    for (const button of await page.getByTestId('document-return').all()) {
      await button.scrollIntoViewIfNeeded();
      await expect(button).toBeInViewport({ ratio: 1 });
    }
    expect(await horizontalScroll(page)).toEqual([]);
    expect(await overflowAndClipping(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
  }
});
