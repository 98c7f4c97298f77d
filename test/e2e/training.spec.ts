import { expect, setUpOwner, test } from './fixtures';

// Demo catalog: 6901234567892 = 农夫山泉 550ml ¥2.00.
test('training mode: the owner switches the register into it, every screen carries the mark, the practice sale has a T number and the next real sale is receipt 1', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await expect(page.getByTestId('training-mark')).toHaveCount(0);

  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-training').click();
  await page.getByTestId('training-register').click();
  await expect(page.getByTestId('training-mark')).toHaveText('练习 / TRAINING · 练习模式：此处录入的一切都不计入账目');
  await expect(page.getByTestId('training-register')).toBeChecked();
  await page.getByTestId('back-to-sale').click();

  // The sale screen carries the mark too; a practice cash sale completes with a training number.
  await expect(page.getByTestId('training-mark')).toBeVisible();
  await page.getByTestId('search').fill('6901234567892');
  await page.getByTestId('search').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F12');
  await page.getByTestId('tendered').fill('5');
  await page.getByTestId('take-cash').click();
  await expect(page.getByTestId('receipt-no')).toHaveText('T-1');
  await expect(page.getByTestId('training-mark')).toBeVisible();
  await page.getByTestId('next-sale').click();

  // Training off: the mark goes, and the first real sale is receipt 1.
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-training').click();
  await page.getByTestId('training-register').click();
  await expect(page.getByTestId('training-mark')).toHaveCount(0);
  await page.getByTestId('back-to-sale').click();
  await page.getByTestId('search').fill('6901234567892');
  await page.getByTestId('search').press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F12');
  await page.getByTestId('tendered').fill('2');
  await page.getByTestId('take-cash').click();
  await expect(page.getByTestId('receipt-no')).toHaveText('1');
});
