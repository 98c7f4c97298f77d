import { expect, saleScreenReady, scan, setUpOwner, test } from './fixtures';

// A zero where the cashier meant a number (input sweep, second pass): an ad-hoc item keyed at ¥0
// and a discount of 0 are said in words, in both languages, and change nothing in the cart. A
// dialog that shows a discount already given points to 取消折扣 / Remove discount instead.
const WATER = '6901234567892'; // 农夫山泉 550ml ¥2.00

const WORDS = {
  'zh-CN': {
    adHocZero: '单价不能为 0：零价多半是漏输了价格。请输入实际价格。',
    percentZero: '优惠百分比为 0，不会优惠任何金额。请输入要优惠的数值。',
    amountZero: '优惠金额为 0，不会优惠任何金额。请输入要优惠的数值。',
    percentZeroRemove: '优惠百分比为 0，不会优惠任何金额。请输入要优惠的数值；要去掉现有折扣，请按“取消折扣”。',
    amountChip: '金额',
    percentChip: '百分比',
    discounted: '折扣 10% −¥0.20',
  },
  en: {
    adHocZero: 'The unit price cannot be 0: a zero price is almost always a price not keyed. Key the real price.',
    percentZero: 'Percent off: 0 takes nothing off. Key the discount to give.',
    amountZero: 'Amount off: 0 takes nothing off. Key the discount to give.',
    percentZeroRemove: 'Percent off: 0 takes nothing off. Key the discount to give, or press “Remove discount” to take the current one off.',
    amountChip: 'Amount',
    percentChip: 'Percent',
    discounted: 'Discount 10% −¥0.20',
  },
} as const;

for (const language of ['zh-CN', 'en'] as const) {
  const words = WORDS[language];

  test(`${language}: an ad-hoc item at 0 is refused in words and adds nothing; with a price it is added`, async ({ page, register }) => {
    await setUpOwner(page, register, language);
    await page.keyboard.press('F4');
    const adHoc = page.getByTestId('adhoc-dialog');
    await adHoc.getByTestId('adhoc-name').fill('Bag');
    const price = adHoc.getByTestId('adhoc-price');
    for (const zero of ['0', '0.00']) {
      await price.fill(zero);
      await price.press('Enter');
      await expect(adHoc.getByTestId('error')).toHaveText(words.adHocZero);
      await expect(adHoc).toBeVisible();
    }
    await expect(page.getByTestId('cart-line')).toHaveCount(0);

    await price.fill('0.50');
    await expect(adHoc.getByTestId('error')).toHaveCount(0);
    await price.press('Enter');
    await expect(adHoc).toBeHidden();
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await saleScreenReady(page);
  });

  test(`${language}: a discount of 0 is said to take nothing off, and with a discount given points to removing it`, async ({ page, register }) => {
    await setUpOwner(page, register, language);
    await scan(page, WATER);
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    const dialog = page.getByTestId('discount-dialog');
    const input = dialog.getByTestId('discount-input');
    const lineDiscount = page.getByTestId('cart-line').getByTestId('line-discount');

    await page.keyboard.press('F8');
    await input.fill('0');
    await input.press('Enter');
    await expect(dialog.getByTestId('error')).toHaveText(words.percentZero);
    await dialog.getByRole('radio', { name: words.amountChip }).click();
    await input.fill('0.00');
    await input.press('Enter');
    await expect(dialog.getByTestId('error')).toHaveText(words.amountZero);
    await expect(dialog).toBeVisible();
    await expect(lineDiscount).toHaveText('');

    await dialog.getByRole('radio', { name: words.percentChip }).click();
    await input.fill('10');
    await input.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(lineDiscount).toHaveText(words.discounted);

    // With 10% given, "0" is not read as taking it off: the dialog says how, and the 10% stays.
    await saleScreenReady(page);
    await page.keyboard.press('F8');
    await input.fill('0');
    await input.press('Enter');
    await expect(dialog.getByTestId('error')).toHaveText(words.percentZeroRemove);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(lineDiscount).toHaveText(words.discounted);
  });
}
