import type { Page } from '@playwright/test';
import { completionReady, expect, nextSale, openPayment, scan, setUpOwner, test } from './fixtures';
import { holdAnswers } from './held-answers';

// sweep-rep #9: after an ad-hoc line of a large amount, F12 showed the payment screen with 实收
// focused, yet the cash typed next went to the search field ("找不到商品 1234568"). Not a focus
// race: the sweep typed with Playwright's keyboard.type, a key every millisecond or two, and seven
// digits and Enter that fast are a barcode scanner's burst (keyboard/scanner-burst.ts: six keys or
// more, steady gaps of 35 ms at most). The register took it as a scan, as it must a real one on
// the payment screen: back to the sale, the code looked up. A person's keys, even quick ones, pay.
const CASHIER_PACE_MS = 60;

for (const price of ['1234567.90', '9999999.00']) {
  test(`an ad-hoc line of ¥${price} then F12, keyed at a person's pace: the cash goes to 实收, round after round`, async ({ page, register }) => {
    await setUpOwner(page, register);
    for (let round = 1; round <= 3; round++) {
      await page.keyboard.press('F4');
      const adHoc = page.getByTestId('adhoc-dialog');
      await expect(page.getByTestId('adhoc-name')).toBeFocused();
      await page.keyboard.type(`大额${round}`, { delay: CASHIER_PACE_MS });
      await page.getByTestId('adhoc-price').focus();
      await page.keyboard.type(price, { delay: CASHIER_PACE_MS });
      await page.keyboard.press('Enter');
      await expect(adHoc).toBeHidden();
      await expect(page.getByTestId('cart-line')).toHaveCount(1);
      await openPayment(page);
      await page.keyboard.type(price, { delay: CASHIER_PACE_MS });
      await expect(page.getByTestId('tendered'), `round ${round}`).toHaveValue(price);
      await page.keyboard.press('Enter');
      await completionReady(page);
      await expect(page.getByTestId('search')).toHaveCount(0);
      await nextSale(page);
    }
  });
}

test('the same digits at a scanner’s pace on the payment screen are a scan: the sale looks the code up, nothing is paid', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.keyboard.press('F4');
  await expect(page.getByTestId('adhoc-name')).toBeFocused();
  await page.getByTestId('adhoc-name').fill('大额');
  await page.getByTestId('adhoc-price').fill('1234567.90');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await openPayment(page);
  // Stamped at a scanner's pace (fixtures' scan): keyboard.type waits for the page to handle each
  // key, so on a loaded CI machine its first gap was long enough to make '1' typing and '234568'
  // the scan; a real scanner's keys are stamped by the hardware whatever the page is doing.
  await scan(page, '1234568');
  await expect(page.getByTestId('payment')).toHaveCount(0);
  await expect(page.getByText('找不到商品 1234568', { exact: false })).toBeVisible();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
});

/** F4, the item keyed, Enter: the dialog's change is sent. */
async function keyAdHoc(page: Page, name: string, qty: string, price: string): Promise<void> {
  await page.keyboard.press('F4');
  await expect(page.getByTestId('adhoc-name')).toBeFocused();
  await page.getByTestId('adhoc-name').fill(name);
  await page.getByTestId('adhoc-qty').fill(qty);
  await page.getByTestId('adhoc-price').fill(price);
  await page.keyboard.press('Enter');
}

// Found as a flaky run of the tests above: F12 pressed as soon as the ad-hoc line showed opened
// nothing. The line comes with the register's news of the change, before the answer that closes
// the dialog, and the F12 went to the dialog, which has no use for it. A function key pressed in
// a dialog whose change is on its way is now the sale screen's, and waits for the answer; here
// the answer is held, as on a busy till, so the key surely comes before it.
test('F12 pressed while the ad-hoc line is on its way: the payment opens once the line is in the cart', async ({ page, register }) => {
  const relay = await holdAnswers(page);
  await setUpOwner(page, register);
  relay.hold((call) => call.name === 'sale.addCustomLine');
  await keyAdHoc(page, '整箱水', '1', '12.50');
  await page.keyboard.press('F12');
  await expect(page.getByTestId('adhoc-dialog')).toBeVisible();
  await expect(page.getByTestId('payment')).toHaveCount(0);
  relay.release();
  await expect(page.getByTestId('tendered')).toBeFocused();
  await expect(page.getByTestId('payment')).toContainText('12.50');
});

test('F12 pressed while a refused ad-hoc line is on its way: the dialog stays with the refusal, nothing is paid', async ({ page, register }) => {
  const relay = await holdAnswers(page);
  await setUpOwner(page, register);
  await keyAdHoc(page, '大额', '9', '9999999.00');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  relay.hold((call) => call.name === 'sale.addCustomLine');
  // Together over the largest sale the register takes: main refuses the second line.
  await keyAdHoc(page, '大额', '2', '9999999.00');
  await page.keyboard.press('F12');
  relay.release();
  const adHoc = page.getByTestId('adhoc-dialog');
  await expect(adHoc.getByRole('alert')).toContainText('金额超出单张小票上限');
  await expect(adHoc).toBeVisible();
  // The cashier reads it and closes the dialog: back at the cart, still with its one line.
  await page.keyboard.press('Escape');
  await expect(adHoc).toBeHidden();
  await expect(page.getByTestId('search')).toBeFocused();
  await expect(page.getByTestId('payment')).toHaveCount(0);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
});
