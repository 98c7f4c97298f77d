import { callRegister, expect, nextSale, OWNER, openPayment, saleScreenReady, scan, setUpOwner, test } from './fixtures';
import { asCashier, BREAD, CASHIER, logIn, openVoidOf, payCash } from './refund-steps';

test('a cashier discount above the limit asks for a supervisor PIN, keyboard only', async ({ page, register }) => {
  await setUpOwner(page, register);
  expect(await callRegister(page, 'operator.create', { name: '李收银', pin: '4826', role: 'cashier' })).toMatchObject({ ok: true });
  await page.getByTestId('logout').click();

  await page.getByRole('option', { name: /李收银/ }).click();
  await page.getByTestId('pin').fill('4826');
  await page.getByTestId('pin').press('Enter');
  await expect(page.getByTestId('operator-name')).toContainText('李收银 · 收银员');
  await saleScreenReady(page);

  await page.getByTestId('totals').click();
  await scan(page, '6905678901236'); // 全麦面包 ¥8.50
  await expect(page.getByTestId('total')).toHaveText('¥8.50');

  // 20 % off the order: above the cashier's 10 % limit.
  await page.keyboard.press('F9');
  await expect(page.getByTestId('discount-input')).toBeFocused();
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
  const approval = page.getByRole('dialog', { name: '主管授权' });
  await expect(approval).toContainText('超过 10% 的折扣需要主管授权。');
  await expect(approval.getByRole('option', { name: new RegExp(OWNER.name) })).toHaveAttribute('aria-selected', 'true');
  // The PIN field has the focus from the moment the dialog opens (approval-typing.spec.ts: keys before the names are loaded are kept).
  await expect(approval.getByTestId('pin')).toBeFocused();
  await page.keyboard.type('9731');
  await page.keyboard.press('Enter');
  await expect(approval.getByTestId('error')).toHaveText('授权未通过：密码错误。');
  await expect(page.getByTestId('total')).toHaveText('¥8.50');

  // The PIN field stays, focused and emptied, while the approval is checked, and after the refusal.
  await expect(approval.getByTestId('pin')).toBeFocused();
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  await expect(approval).toBeHidden();
  await expect(page.getByTestId('order-discount-total')).toHaveText('−¥1.70');
  await expect(page.getByTestId('total')).toHaveText('¥6.80');

  // Pay exact by keyboard: F12, type, Enter.
  await openPayment(page);
  await page.keyboard.type('6.8');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('receipt-no')).toHaveText('R1-000001');
  await expect(page.getByTestId('change-due')).toHaveText('¥0.00');
  await nextSale(page);
});

test('a cashier’s void is approved by scanning a supervisor’s badge; a bad badge is refused in words', async ({ page, register }) => {
  await setUpOwner(page, register);
  const supervisor = (await callRegister(page, 'operator.create', { name: '王主管', pin: '6137', role: 'supervisor' })) as { value: { id: number } };
  const issued = (await callRegister(page, 'operator.issueBadge', { operatorId: supervisor.value.id, print: false })) as { value: { code: string } };
  await asCashier(page);
  await scan(page, BREAD);
  await expect(page.getByTestId('total')).toHaveText('¥8.50');
  await payCash(page, '10');
  await nextSale(page);

  const dialog = await openVoidOf(page, '1');
  await dialog.getByTestId('void-reason').selectOption('cashier_error');
  await dialog.getByRole('button', { name: '确认撤销' }).click();

  const approval = page.getByRole('dialog', { name: '主管授权' });
  await expect(approval.getByTestId('approval-badge-hint')).toHaveText('请选择姓名并输入密码，或扫描主管工牌。');
  // Open (shown modal), so its badge scanner listens: it starts with the dialog.
  await expect(approval).toBeVisible();
  // A badge nobody holds: refused, and the dialog stays for the right one.
  await scan(page, 'B2-AAAAAAAAAAAAAAAA');
  await expect(approval.getByTestId('error')).toHaveText('授权未通过：该工牌无效（未知、已注销或已被新工牌取代）。');
  await scan(page, issued.value.code);
  await expect(approval).toBeHidden();

  const done = page.getByTestId('refund-done');
  await expect(done.getByTestId('refund-done-title')).toHaveText('整单已撤销');
  const found = (await callRegister(page, 'refund.find', { code: '1' })) as { value: { voidable: boolean; corrections: { kind: string }[] } };
  expect(found.value).toMatchObject({ voidable: false, corrections: [{ kind: 'void' }] });
  // The cashier is still the one at the till.
  await expect(page.getByTestId('operator-name')).toContainText(CASHIER.name);
});

test('a cashier changes a catalog item’s price (改价) with the owner’s approval, and the journal keeps it', async ({ page, register }) => {
  await setUpOwner(page, register);
  await asCashier(page);
  await scan(page, BREAD); // 全麦面包 ¥8.50
  await expect(page.getByTestId('cart-line')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('line-price').click();
  const dialog = page.getByTestId('price-dialog');
  await expect(dialog.getByTestId('price-now')).toHaveText('现价：¥8.50');
  await dialog.getByTestId('price-input').fill('6.5');
  await dialog.getByTestId('price-reason').selectOption('damaged');
  await dialog.getByRole('button', { name: '确定' }).click();

  const approval = page.getByRole('dialog', { name: '主管授权' });
  await expect(approval).toContainText('改价需要主管授权。');
  await expect(approval.getByTestId('pin')).toBeFocused();
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  await expect(approval).toBeHidden();
  await expect(page.getByTestId('total')).toHaveText('¥6.50');
  // The price it was rung up at stays beside the new one.
  await expect(page.getByTestId('line-list-price')).toHaveText('原价 ¥8.50');
  await page.getByTestId('line-price').click();
  await expect(dialog.getByTestId('price-now')).toHaveText('现价：¥6.50 · 原价 ¥8.50');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();

  const entries = (await callRegister(page, 'journal.list', { kinds: ['sale.price_overridden'] })) as { ok: boolean };
  // The cashier may not read the journal; the owner may.
  expect(entries).toMatchObject({ ok: false, error: { code: 'session.forbidden' } });
  await payCash(page, '10');
  await nextSale(page);
  await page.getByTestId('logout').click();
  await logIn(page, OWNER.name, OWNER.pin);
  const page1 = (await callRegister(page, 'journal.list', { kinds: ['sale.price_overridden'] })) as {
    value: { entries: { operatorName: string; approverName: string; data: unknown }[] };
  };
  expect(page1.value.entries).toMatchObject([
    { operatorName: CASHIER.name, approverName: OWNER.name, data: { oldUnitPriceMinor: 850, newUnitPriceMinor: 650, reason: 'damaged' } },
  ]);
});
