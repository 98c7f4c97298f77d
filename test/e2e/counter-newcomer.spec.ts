import { callRegister, expect, nextSale, openPayment, previewText, ringUpAdHoc, scan, setUpOwner, test } from './fixtures';
import { exchangeForBreadPayingTen, returnWaterOfFirstReceipt, WATER, sellWaterForCash } from './refund-steps';

// What a newcomer found at the counter (zh-CN, on a 1024×768 till): finding 可口可乐 by the
// initials of 可乐, the completion screen's receipt number against the paper's, and an exchange's
// credit on its receipt.
test.use({ viewport: { width: 1024, height: 768 } });

test('1. pinyin initials of a word inside the name find it: "kl" (可乐) and "kk" find 可口可乐; Enter rings it up', async ({ page, register }) => {
  await setUpOwner(page, register);
  const search = page.getByTestId('search');
  const options = page.getByTestId('search-results').getByRole('option');
  await search.fill('kk');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('可口可乐 330ml');
  await search.fill('kl');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('可口可乐 330ml');
  await search.press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('line-name')).toHaveText('可口可乐 330ml');
  await expect(search).toHaveValue('');
});

test('2. the completion screen shows the receipt number as the receipt prints it (R1-000001), for the next sale too', async ({ page, register }) => {
  await setUpOwner(page, register);
  for (const expected of ['R1-000001', 'R1-000002']) {
    await scan(page, WATER); // 农夫山泉 550ml ¥2.00
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await openPayment(page);
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receipt-no')).toHaveText(expected);
    expect(await previewText(page)).toMatch(new RegExp(`小票号 *${expected}`));
    await nextSale(page);
  }
});

test("3. an exchange names the returned goods' credit (换货抵扣) on the completion screen and on its receipt, not as a second cash line", async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await sellWaterForCash(page);
  await expect(page.getByTestId('receipt-no')).toHaveText('R1-000001');
  await nextSale(page);

  // The water comes back (¥2.00 credit), a bread (¥8.50) goes out, ¥10 handed over for the difference.
  await returnWaterOfFirstReceipt(page);
  await page.getByTestId('refund-exchange').click();
  await exchangeForBreadPayingTen(page);

  const done = page.getByTestId('completion');
  await expect(done.getByTestId('receipt-no')).toHaveText('R1-000003');
  const rows = done.getByTestId('payment-row');
  await expect(rows).toHaveText([/^换货抵扣\s*¥2\.00$/, /^现金（实收）\s*¥10\.00$/]);
  await expect(done.getByTestId('change-due')).toHaveText('¥3.50');

  // The new sale's receipt (the first preview; the return's follows it): the credit, then the cash handed over, once.
  const svg = page.getByTestId('receipt-preview').first().locator('svg');
  await expect(svg).toBeVisible();
  const paper = (await svg.evaluate((el) => el.textContent ?? '')).replace(/\u00a0/g, ' ');
  expect(paper).toContain('全麦面包');
  expect(paper).toMatch(/换货抵扣 *￥2\.00 *现金 *￥10\.00 *找零 *￥3\.50/);
  expect(paper.match(/现金/g)).toHaveLength(1);
});

test('4. rounded for cash, the completion shows the rounding with the change worked from it, as the receipt does', async ({ page, register }) => {
  await setUpOwner(page, register);
  expect(await callRegister(page, 'settings.update', { cashRoundingStepMinor: 10 })).toMatchObject({ ok: true });
  await ringUpAdHoc(page, '散装饼干', '25.18');
  await page.getByTestId('tendered').fill('50');
  await page.getByTestId('take-cash').click();
  await expect(page.getByTestId('done-total')).toHaveText('¥25.18');
  await expect(page.getByTestId('done-rounding')).toHaveText('+¥0.02');
  await expect(page.getByTestId('change-due')).toHaveText('¥24.80');
  expect((await previewText(page)).replace(/\s+/g, '')).toContain('现金舍入+￥0.02');
});

test('5. rounded for cash, the refund button says the cash handed back, as the tenders list it', async ({ page, register }) => {
  await setUpOwner(page, register);
  expect(await callRegister(page, 'settings.update', { cashRoundingStepMinor: 10 })).toMatchObject({ ok: true });
  await scan(page, WATER);
  await scan(page, '2100001004521'); // 0.452 kg of apples, ¥4.43: ¥6.43 in all, ¥6.40 in cash
  await openPayment(page);
  await page.getByTestId('tendered').fill('10');
  await page.getByTestId('take-cash').click();
  await expect(page.getByTestId('change-due')).toHaveText('¥3.60');
  await nextSale(page);
  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('R1-000001');
  await page.keyboard.press('Enter');
  await page.getByTestId('return-all').click();
  await page.getByTestId('refund-reason').selectOption('not_wanted');
  await expect(page.getByTestId('refund-plan-tender')).toHaveText(['退回现金¥6.40']);
  await expect(page.getByTestId('refund-confirm')).toContainText('确认退款 ¥6.40');
});
