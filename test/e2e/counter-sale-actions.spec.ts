import { callRegister, expect, OWNER, saleScreenReady, scan, setUpOwner, test } from './fixtures';

// Issue 13, "Missing at the counter": the tenders as buttons of their own on the sale screen,
// 挂单 / 取单, and 整单取消, as a cashier uses them between customers.
const WATER = '6901234567892'; // 农夫山泉 550ml ¥2.00
const MILK = '6904567890125'; // 蒙牛纯牛奶 250ml ¥3.80

test('the card tender is on the sale screen: F11 starts the terminal, Cancel has the focus, Esc cancels, cash waits meanwhile', async ({ page, register }) => {
  await setUpOwner(page, register);
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  const tenders = page.getByRole('group', { name: '收款方式' });
  await expect(tenders.getByTestId('pay-cash')).toBeEnabled();
  await expect(tenders.getByTestId('sale-pay-card')).toBeEnabled();
  // Scan-to-pay is a tender of its own too: it opens the payment screen, where the customer's code is scanned.
  await expect(tenders.getByTestId('sale-pay-scan')).toBeEnabled();

  await page.keyboard.press('F11');
  await expect(page.getByTestId('payment')).toBeVisible();
  // The screen takes every tender: its title does not say cash while the terminal asks for a card.
  await expect(page.getByTestId('payment').getByRole('heading', { level: 1 })).toHaveText('收款');
  await expect(page.getByTestId('card-step')).toHaveText('请顾客插卡、挥卡或刷卡');
  await expect(page.getByTestId('card-cancel')).toBeFocused();
  await expect(page.getByTestId('tendered')).toBeDisabled();
  await expect(page.getByTestId('take-cash')).toBeDisabled();
  await page.keyboard.press('Escape');
  // Cancelled on the terminal: still on the payment screen, nothing paid, the cash field ready.
  await expect(page.getByTestId('card-step')).toBeHidden({ timeout: 15_000 });
  await expect(page.getByTestId('payment')).toBeVisible();
  await expect(page.getByTestId('tendered')).toBeEnabled();
  await expect(page.getByTestId('tendered')).toBeFocused();
  const open = (await callRegister(page, 'sale.current', {})) as { value: { status: string; payments: unknown[] } };
  expect(open.value).toMatchObject({ status: 'open', payments: [] });

  // Back to the sale, and the card button this time: the card pays it.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('payment')).toBeHidden();
  await page.getByTestId('sale-pay-card').click();
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
  const rows = page.getByTestId('done-payments').getByTestId('payment-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-method', 'card');
});

test('挂单 parks the cart for the next customer; 取单 brings it back and parks the cart it replaces, after a reload too', async ({ page, register }) => {
  await setUpOwner(page, register);
  const lines = page.getByTestId('cart-line');
  await expect(page.getByTestId('hold-sale')).toBeDisabled();
  await scan(page, WATER);
  await expect(lines).toHaveCount(1);
  await page.getByTestId('hold-sale').click();
  await expect(lines).toHaveCount(0);
  await expect(page.getByTestId('search')).toBeFocused();
  // The emptied cart says where the sale went, until the next customer's first item.
  await expect(page.getByTestId('held-notice')).toHaveText('已挂单：1 件，¥2.00。按 Home 取单。');

  // The next customer.
  await scan(page, MILK);
  await expect(lines).toHaveCount(1);
  await expect(page.getByTestId('held-notice')).toBeHidden();
  await page.getByTestId('open-held').click();
  const dialog = page.getByTestId('held-sales-dialog');
  const held = dialog.getByTestId('held-sale');
  await expect(held).toHaveCount(1);
  await expect(held.first()).toContainText('农夫山泉 550ml');
  await expect(held.first()).toContainText('¥2.00');
  await expect(held.first()).toContainText(`1 件 · ${'王店长'} 挂于`);
  await held.first().getByTestId('recall-sale').click();
  await expect(dialog).toBeHidden();
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText('农夫山泉 550ml');
  await expect(page.getByTestId('total')).toHaveText('¥2.00');

  // The milk cart went on hold in its place, and stays there across a reload.
  await page.reload();
  await expect(lines.first()).toContainText('农夫山泉 550ml');
  await page.getByTestId('open-held').click();
  await expect(held).toHaveCount(1);
  await expect(held.first()).toContainText('蒙牛纯牛奶 250ml');
  await expect(held.first()).toContainText('¥3.80');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('open-held')).toBeFocused();
});

test('整单取消 asks once, then the whole cart goes and the next sale starts empty', async ({ page, register }) => {
  await setUpOwner(page, register);
  await scan(page, WATER);
  await scan(page, MILK);
  const lines = page.getByTestId('cart-line');
  await expect(lines).toHaveCount(2);
  const before = (await callRegister(page, 'sale.current', {})) as { value: { id: string } };

  await page.getByTestId('cancel-sale').click();
  const dialog = page.getByTestId('cancel-sale-dialog');
  await expect(dialog).toContainText('2 件商品，¥5.80');
  // Changing one's mind keeps the cart: the way out says so, not a second 取消 beside 整单取消.
  await dialog.getByRole('button', { name: '保留这笔销售', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(lines).toHaveCount(2);

  await page.getByTestId('cancel-sale').click();
  await dialog.getByRole('button', { name: '整单取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(lines).toHaveCount(0);
  await expect(page.getByTestId('total')).toHaveText('¥0.00');
  const cancelled = (await callRegister(page, 'sale.get', { saleId: before.value.id })) as { value: { status: string; lines: unknown[] } };
  expect(cancelled.value.status).toBe('cancelled');
  expect(cancelled.value.lines).toHaveLength(2);
  const next = (await callRegister(page, 'sale.current', {})) as { value: { id: string } };
  expect(next.value.id).not.toBe(before.value.id);
});

test('挂单, 取单 and 整单取消 by keyboard: Ins, Home and Shift+Del, each shown on its button and in the help', async ({ page, register }) => {
  await setUpOwner(page, register);
  await expect(page.getByTestId('hold-sale').locator('kbd')).toHaveText('Ins');
  await expect(page.getByTestId('open-held').locator('kbd')).toHaveText('Home');
  await expect(page.getByTestId('cancel-sale').locator('kbd')).toHaveText('Shift+Del');
  await page.keyboard.press('F1');
  const help = page.getByTestId('help');
  await expect(help.getByRole('row', { name: /Ins 挂单/ })).toBeVisible();
  await expect(help.getByRole('row', { name: /Home 取单/ })).toBeVisible();
  await expect(help.getByRole('row', { name: 'Shift+Del 整单取消' })).toBeVisible();
  await page.keyboard.press('Escape');
  // The help turns the register's scanner off while it is open: closed first, then the scan.
  await expect(help).toBeHidden();
  await expect(page.getByTestId('search')).toBeFocused();

  const lines = page.getByTestId('cart-line');
  await scan(page, WATER);
  await expect(lines).toHaveCount(1);
  await page.keyboard.press('Insert');
  await expect(lines).toHaveCount(0);
  await expect(page.getByTestId('search')).toBeFocused();

  await scan(page, MILK);
  await expect(lines).toHaveCount(1);
  // With text in the search field, Home moves the caret there and Shift+Del edits it.
  await page.getByTestId('search').fill('牛奶');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+Delete');
  await expect(page.getByTestId('held-sales-dialog')).toBeHidden();
  await expect(page.getByTestId('cancel-sale-dialog')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search')).toHaveValue('');

  await page.keyboard.press('Home');
  const held = page.getByTestId('held-sales-dialog').getByTestId('held-sale');
  await expect(held).toHaveCount(1);
  await expect(held.first()).toContainText('农夫山泉 550ml');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('held-sales-dialog')).toBeHidden();

  // Home, then Enter: the oldest held sale is back (the list comes after the dialog opens, with
  // the focus on 关闭 until then), and the milk cart is parked in its place.
  await page.keyboard.press('Home');
  await expect(held.first().getByTestId('recall-sale')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('held-sales-dialog')).toBeHidden();
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText('农夫山泉 550ml');

  await page.keyboard.press('Shift+Delete');
  const cancel = page.getByTestId('cancel-sale-dialog');
  await expect(cancel).toContainText('1 件商品，¥2.00');
  await page.keyboard.press('Enter');
  await expect(cancel).toBeHidden();
  await expect(lines).toHaveCount(0);
  await expect(page.getByTestId('search')).toBeFocused();
  // The milk cart is still held.
  await page.keyboard.press('Home');
  await expect(held).toHaveCount(1);
  await expect(held.first()).toContainText('蒙牛纯牛奶 250ml');
});

test('a held sale the customer never came back for is cancelled from the recall list, with a supervisor where the store wants one', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  expect(await callRegister(page, 'settings.update', { cancelSaleNeedsSupervisor: true })).toMatchObject({ ok: true });
  expect(await callRegister(page, 'operator.create', { name: '李收银', pin: '4826', role: 'cashier' })).toMatchObject({ ok: true });
  await page.getByTestId('logout').click();
  await page.getByRole('option', { name: /李收银/ }).click();
  await page.getByTestId('pin').fill('4826');
  await page.getByTestId('pin').press('Enter');
  await saleScreenReady(page);

  const lines = page.getByTestId('cart-line');
  await scan(page, WATER);
  await scan(page, MILK);
  await expect(lines).toHaveCount(2);
  const parked = (await callRegister(page, 'sale.current', {})) as { value: { id: string } };
  await page.getByTestId('hold-sale').click();
  await expect(lines).toHaveCount(0);
  await scan(page, MILK);
  await expect(lines).toHaveCount(1);

  await page.getByTestId('open-held').click();
  const list = page.getByTestId('held-sales-dialog');
  await expect(list.getByTestId('held-sale')).toHaveCount(1);
  await list.getByTestId('cancel-held-sale').click();
  const confirm = page.getByTestId('cancel-sale-dialog');
  await expect(confirm).toContainText('取消这笔挂起的销售？');
  await expect(confirm).toContainText('2 件商品，¥5.80');
  // Changing one's mind goes back to the list, the held sale still in it.
  await page.keyboard.press('Escape');
  await expect(list.getByTestId('held-sale')).toHaveCount(1);
  await list.getByTestId('cancel-held-sale').click();
  await confirm.getByRole('button', { name: '整单取消' }).click();

  const approval = page.getByRole('dialog', { name: '主管授权' });
  await expect(approval.getByRole('option', { name: new RegExp(OWNER.name) })).toHaveAttribute('aria-selected', 'true');
  // The PIN field mounts once the supervisors are loaded and focuses itself a moment after: keys before that are lost.
  await expect(approval.getByTestId('pin')).toBeFocused();
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  await expect(approval).toBeHidden();
  // Back on the list, now empty; the cart on the counter is as it was.
  await expect(list).toBeVisible();
  await expect(list.getByTestId('held-sale')).toHaveCount(0);
  await expect(list).toContainText('没有挂起的销售。');
  await page.keyboard.press('Escape');
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText('蒙牛纯牛奶 250ml');
  const gone = (await callRegister(page, 'sale.get', { saleId: parked.value.id })) as { value: { status: string; lines: unknown[] } };
  expect(gone.value).toMatchObject({ status: 'cancelled' });
  expect(gone.value.lines).toHaveLength(2);
});

test('a discount keyed the Chinese way: 9折 is 10% off, and the dialog shows both forms', async ({ page, register }) => {
  await setUpOwner(page, register);
  await scan(page, MILK);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F9');
  const dialog = page.getByTestId('discount-dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.type('20');
  await expect(dialog.getByTestId('discount-forms')).toHaveText('8折 = 优惠 20%');
  // Switching the form keeps the discount: 20% off is 8折.
  await dialog.getByRole('radio', { name: '打折' }).click();
  await expect(dialog.getByTestId('discount-input')).toHaveValue('8');
  // The keyboard goes on into the field, not into the chip just clicked.
  await expect(dialog.getByTestId('discount-input')).toBeFocused();
  await page.keyboard.press('Backspace');
  await page.keyboard.type('95');
  await expect(dialog.getByTestId('discount-input')).toHaveValue('95');
  await expect(dialog.getByTestId('discount-forms')).toHaveText('9.5折 = 优惠 5%');
  await dialog.getByTestId('discount-input').fill('9');
  await expect(dialog.getByTestId('discount-forms')).toHaveText('9折 = 优惠 10%');
  await dialog.getByTestId('discount-input').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('order-discount-total')).toHaveText('−¥0.38');
  await expect(page.getByTestId('total')).toHaveText('¥3.42');
});

test('closing the help or the logout question gives the focus back, so a scan right after Esc is not lost', async ({ page, register }) => {
  await setUpOwner(page, register);
  const search = page.getByTestId('search');
  await expect(search).toBeFocused();
  await page.keyboard.press('F1');
  await expect(page.getByTestId('help')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help')).toBeHidden();
  await expect(search).toBeFocused();
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  // Logging out with the cart full asks; staying gives the focus back to the log-out button.
  const logout = page.getByTestId('logout');
  await logout.click();
  await expect(page.getByTestId('logout-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('logout-dialog')).toBeHidden();
  await expect(logout).toBeFocused();
  await scan(page, MILK);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
});
