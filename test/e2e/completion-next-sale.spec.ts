import { callRegister, completionReady, expect, openPayment, scan, setUpOwner, test } from './fixtures';
import { holdAnswers } from './held-answers';

const WATER = '6901234567892'; // 农夫山泉 550ml ¥2.00
const MILK = '6904567890125'; // 蒙牛纯牛奶 250ml ¥3.80

// A cashier presses Enter on the completion screen and scans the next customer's first item at
// once, while the register has not yet answered which sale is next (a busy till). The page's
// socket goes through a relay that holds that answer, and everything after it, until the scan
// has been sent: the order of what the register says is kept, only its timing is the busy till's.
test('a scan right after Enter on the completion, before the next sale is loaded, goes to the next sale', async ({ page, register }) => {
  const relay = await holdAnswers(page);

  await setUpOwner(page, register);
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await openPayment(page);
  await page.keyboard.press('Enter');
  await completionReady(page);

  relay.hold((call) => call.name === 'sale.current');
  await page.keyboard.press('Enter');
  await scan(page, MILK);
  relay.release();

  // The milk is the next sale's only line, nothing was refused, and the paid sale kept its one line.
  const lines = page.getByTestId('cart-line');
  await expect(lines).toHaveCount(1);
  await expect(lines).toContainText('蒙牛纯牛奶 250ml');
  await expect(page.getByTestId('total')).toHaveText('¥3.80');
  await expect(page.getByTestId('error')).toHaveCount(0);
  const paid = (await callRegister(page, 'sale.byReceipt', { receiptNo: 1 })) as { value: { lines: { name: string }[] } };
  expect(paid.value.lines.map((l) => l.name)).toEqual(['农夫山泉 550ml']);
});
