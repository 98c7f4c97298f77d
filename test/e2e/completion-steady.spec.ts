import { expect, openPayment, scan, setUpOwner, test } from './fixtures';
import { holdAnswers } from './held-answers';

const WATER = '6901234567892'; // 农夫山泉 550ml ¥2.00

// The completion screen lists the tenders once the register has said whether the sale was the new
// half of an exchange. Until then nothing may move: the rows used to be filled in a moment after
// the screen showed, under the receipt number, and pushed 下一单 down under the cashier's finger.
// The page's socket goes through a relay that holds that answer for as long as the test needs.
test('下一单 stays where it first shows while the completion waits to list the tenders', async ({ page, register }) => {
  const relay = await holdAnswers(page);

  await setUpOwner(page, register);
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await openPayment(page);
  await page.getByTestId('tendered').fill('10');
  // The sale screen asks the same while it loads; only the completion's question is held.
  relay.hold((call) => call.name === 'exchange.ofSale');
  await page.keyboard.press('Enter');
  const next = page.getByTestId('next-sale');
  await expect(next).toBeFocused();
  const rows = page.getByTestId('done-payments').getByTestId('payment-row');
  // Waiting: the tender is not shown yet (it might be an exchange's credit, not cash handed over).
  await expect(rows.first()).toBeHidden();
  const before = await next.boundingBox();

  relay.release();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toBeVisible();
  await expect(rows.first()).toHaveText(/^现金（实收）\s*¥10\.00$/);
  await expect(page.getByTestId('change-due')).toHaveText('¥8.00');
  expect(await next.boundingBox()).toEqual(before);
});
