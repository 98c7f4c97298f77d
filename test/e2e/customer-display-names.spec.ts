import { callRegister, expect, ringUpAdHoc, scan, setUpOwner, test } from './fixtures';
import { horizontalScroll, inViewport } from './layout';

// Demo catalog: 6901234567892 = 农夫山泉 550ml / Mineral water 550ml; 2100001004521 = 0.452 kg of
// 红富士苹果 (每公斤) / Fuji apples (per kg). The customer display names the lines in its own
// language (the receipt's until the customer picks another), not in the cashier's.
const WATER = '6901234567892';
const APPLES = '2100001004521';
const SIZE = { width: 1024, height: 768 };

test("at 1024×768 the customer display names the lines in the customer's language: the one they pick, else the receipt's", async ({
  page,
  register,
  context,
}) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  const display = await context.newPage();
  await display.setViewportSize(SIZE);
  await display.goto(`${register.origin}/customer-display.html`);
  await expect(display.getByTestId('display-welcome')).toHaveText('欢迎光临');

  await scan(page, WATER);
  await scan(page, APPLES);
  // The cashier's cart is in the cashier's language, whatever the customer reads.
  await expect(page.getByTestId('line-name')).toHaveText(['农夫山泉 550ml', '红富士苹果 (每公斤)']);
  // An item keyed by hand (this goes on to the payment screen).
  await ringUpAdHoc(page, '手工饺子', '12.00');
  const names = display.getByTestId('display-line-name');
  await expect(names).toHaveText(['农夫山泉 550ml', '红富士苹果 (每公斤)', '手工饺子']);

  // The customer picks English: the catalog's English names; the item keyed by hand stays as keyed.
  await display.getByRole('button', { name: 'English' }).click();
  await expect(names).toHaveText(['Mineral water 550ml', 'Fuji apples (per kg)', '手工饺子']);
  await expect(display.getByText('Total', { exact: true })).toBeVisible();
  for (const name of await names.all()) expect(await inViewport(name)).toBe(true);
  expect(await horizontalScroll(display)).toEqual([]);
  await display.screenshot({ path: test.info().outputPath('display-english-names.png') });

  // Paid: the thank-you keeps the customer's names.
  await page.getByTestId('tendered').fill('50');
  await page.getByTestId('take-cash').click();
  await expect(display.getByTestId('display-thanks')).toHaveText('Thank you, see you again!');
  await expect(names.first()).toHaveText('Mineral water 550ml');
  await page.getByTestId('next-sale').click();

  // A shop that prints its receipts in English: a display nobody has touched starts in English, names included.
  expect(await callRegister(page, 'settings.update', { receiptLocale: 'en' })).toMatchObject({ ok: true });
  const fresh = await context.newPage();
  await fresh.setViewportSize(SIZE);
  await fresh.goto(`${register.origin}/customer-display.html`);
  // Still the last sale's thank-you, now in English.
  await expect(fresh.getByTestId('display-thanks')).toHaveText('Thank you, see you again!');
  await scan(page, WATER);
  await expect(fresh.getByTestId('display-line-name')).toHaveText(['Mineral water 550ml']);
  await expect(page.getByTestId('line-name')).toHaveText(['农夫山泉 550ml']);
  // And the customer may still pick Chinese.
  await fresh.getByRole('button', { name: '中文' }).click();
  await expect(fresh.getByTestId('display-line-name')).toHaveText(['农夫山泉 550ml']);
  await expect(fresh.getByText('合计', { exact: true })).toBeVisible();
});
