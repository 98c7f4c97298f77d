import { callRegister, expect, OWNER, saleScreenReady, scan, setUpOwner, test } from './fixtures';
import { holdAnswers } from './held-answers';
import { asCashier } from './refund-steps';

// The sale screen's dialogs (renderer/src/screens/sale/SaleDialogs.tsx): one open at a time,
// the focus back on what opened each, main's refusals where the cashier looks for them.
const WATER = '6901234567892'; // 2.00

test('a closed dialog gives the focus back to what opened it, or to the search field; a refused change stays said', async ({ page, register }) => {
  await setUpOwner(page, register, 'en');
  const search = page.getByTestId('search');

  // Opened by its key from the search field: back to the search field.
  await page.keyboard.press('F6');
  const note = page.getByRole('dialog', { name: 'Note on this sale' });
  await note.getByTestId('note-input').fill('Deliver after 5 pm');
  await note.getByTestId('note-input').press('Enter');
  await expect(note).toBeHidden();
  await expect(page.getByTestId('sale-note')).toHaveText('Note: Deliver after 5 pm');
  await expect(search).toBeFocused();

  // Opened by its button: back to the button.
  const noteButton = page.getByRole('button', { name: 'Note F6' });
  await noteButton.click();
  await expect(note).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();
  await expect(noteButton).toBeFocused();

  // Opened with the focus nowhere (after a click on the totals): to the search field.
  await page.getByTestId('totals').click();
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  // The new line is the selection F3 acts on.
  await expect(page.getByTestId('cart-line')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('F3');
  const qty = page.getByRole('dialog', { name: 'Quantity: Mineral water 550ml' });
  await qty.getByTestId('qty-input').fill('100000');
  await qty.getByTestId('qty-input').press('Enter');
  // Main refuses: the dialog stays open with its reason.
  await expect(qty.getByTestId('error')).toHaveText('The quantity can be at most 99,999.');
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(qty).toBeHidden();
  await expect(search).toBeFocused();
  // The refused change stays said under the search field until the next change goes through.
  await expect(page.getByTestId('error')).toHaveText('The quantity can be at most 99,999.');
  await scan(page, WATER);
  await expect(page.getByTestId('line-qty')).toHaveText('2 × ¥2.00');
  await expect(page.getByTestId('error')).toHaveCount(0);
});

test("a discount above the cashier's limit turns its dialog into the supervisor's approval, one dialog at a time", async ({ page, register }) => {
  await setUpOwner(page, register, 'en');
  expect(await callRegister(page, 'operator.create', { name: 'Li', pin: '4826', role: 'cashier' })).toMatchObject({ ok: true });
  await page.getByTestId('logout').click();
  await page.getByRole('option', { name: /Li/ }).click();
  await page.getByTestId('pin').fill('4826');
  await page.getByTestId('pin').press('Enter');
  await saleScreenReady(page);
  await scan(page, WATER);
  await expect(page.getByTestId('total')).toHaveText('¥2.00');

  await page.keyboard.press('F9');
  const discount = page.getByRole('dialog', { name: 'Discount on the whole order' });
  await discount.getByTestId('discount-input').fill('50');
  await discount.getByTestId('discount-input').press('Enter');
  const approval = page.getByRole('dialog', { name: 'Supervisor approval' });
  await expect(approval).toBeVisible();
  await expect(discount).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  // Asking for a supervisor is no refusal: nothing is said under the search field.
  await expect(page.getByTestId('error')).toHaveCount(0);

  // A wrong PIN is said in the approval only, and cancelling leaves nothing behind. The PIN
  // field is there once the supervisors are loaded and the only one is picked.
  await expect(approval.getByRole('option', { name: new RegExp(OWNER.name) })).toHaveAttribute('aria-selected', 'true');
  await expect(approval.getByTestId('pin')).toBeFocused();
  await page.keyboard.type('9731');
  await page.keyboard.press('Enter');
  await expect(approval.getByTestId('error')).toHaveText('The approval was not accepted: wrong PIN.');
  await page.keyboard.press('Escape');
  await expect(approval).toBeHidden();
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('search')).toBeFocused();
  await expect(page.getByTestId('total')).toHaveText('¥2.00');

  // Again, approved this time: the discount is on the sale and the focus is back in the search field.
  await page.keyboard.press('F9');
  await discount.getByTestId('discount-input').fill('50');
  await discount.getByTestId('discount-input').press('Enter');
  await expect(approval.getByTestId('pin')).toBeFocused();
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  await expect(approval).toBeHidden();
  await expect(page.getByTestId('total')).toHaveText('¥1.00');
  await expect(page.getByTestId('search')).toBeFocused();
});

test('the discount dialog: a 折 it cannot read is refused, the amount form drops that complaint and says ¥ as the totals do', async ({ page, register }) => {
  await setUpOwner(page, register);
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F9');
  const dialog = page.getByTestId('discount-dialog');
  await dialog.getByRole('radio', { name: '打折' }).click();
  // The field takes the keys again after the click on the chip.
  await expect(dialog.getByTestId('discount-input')).toBeFocused();
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('折数');
  await dialog.getByRole('radio', { name: '金额' }).click();
  await expect(dialog.getByRole('alert')).toBeHidden();
  await expect(dialog.locator('.field__suffix')).toHaveText('¥');
});

// A key pressed in a dialog whose change is on its way (here the supervisor's approval, sent
// with the discount) is the sale screen's, and waits for the answer: F12 pays the discounted
// cart. The answer is held, as on a busy till, so the key surely comes first.
test('F12 right after the supervisor approves a discount pays the discounted total', async ({ page, register }) => {
  const relay = await holdAnswers(page);
  await setUpOwner(page, register);
  await asCashier(page);
  await scan(page, WATER);
  await expect(page.getByTestId('total')).toHaveText('¥2.00');
  await page.keyboard.press('F9');
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');
  const approval = page.getByRole('dialog', { name: '主管授权' });
  await expect(approval.getByTestId('pin')).toBeFocused();
  relay.hold((call) => call.name === 'sale.setOrderDiscount');
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  await page.keyboard.press('F12');
  await expect(approval).toBeVisible();
  await expect(page.getByTestId('payment')).toHaveCount(0);
  relay.release();
  await expect(page.getByTestId('tendered')).toBeFocused();
  await expect(page.getByTestId('payment')).toContainText('¥1.00');
});
