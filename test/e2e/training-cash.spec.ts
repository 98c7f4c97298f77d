import { adHocCashSale, callRegister, expect, OWNER, setUpOwner, test } from './fixtures';
import { CASHIER, logIn } from './refund-steps';

test('in training the shift form says cash movements are refused, a no-sale is refused with the words, and the Z confirmation says the day close is real', async ({
  page,
  register,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpOwner(page, register);
  await adHocCashSale(page, { name: '矿泉水', price: '12.50', tendered: '20', receiptNo: 'R1-000001' });
  const created = (await callRegister(page, 'operator.create', { name: CASHIER.name, pin: CASHIER.pin, role: 'cashier' })) as {
    ok: true;
    value: { id: number };
  };
  expect(await callRegister(page, 'training.set', { target: 'operator', operatorId: created.value.id, on: true })).toMatchObject({ ok: true });
  await page.getByTestId('logout').click();
  await logIn(page, CASHIER.name, CASHIER.pin);

  // 班次: the paid-out form is there, its button disabled, with the reason.
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-shift').click();
  await expect(page.getByTestId('cash-move-training')).toContainText('练习模式下不能记录现金存取');
  await expect(page.getByTestId('cash-move-submit')).toBeDisabled();
  // 无销售开箱: refused by the register, said under the form; no supervisor is asked for.
  await page.getByTestId('back-office-nav-drawer').click();
  const form = page.getByTestId('drawer-form');
  await form.getByTestId('drawer-reason').fill('练习开钱箱');
  await form.getByTestId('drawer-open').click();
  await expect(form.getByTestId('error')).toContainText('练习模式下不能记录现金存取（支出、存入、存入保险箱、补充备用金）或无销售开箱');
  await expect(page.getByRole('dialog', { name: '主管授权' })).toHaveCount(0);

  // The owner puts the whole register in training and goes to the day close: the confirmation says it is real.
  await page.getByTestId('back-to-sale').click();
  await page.getByTestId('logout').click();
  await logIn(page, OWNER.name, OWNER.pin);
  // Nothing of hers reached the figures: no no-sale, no movement.
  expect(await callRegister(page, 'report.x', { scope: 'shift' })).toMatchObject({
    ok: true,
    value: { figures: { noSales: 0 }, shifts: [{ expected: { paidOutMinor: 0, paidInMinor: 0 } }] },
  });
  expect(await callRegister(page, 'training.set', { target: 'register', on: true })).toMatchObject({ ok: true });
  await expect(page.getByTestId('training-mark')).toBeVisible();
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-day-close').click();
  await page.getByTestId('force-reason-1').fill('练习日结');
  await page.getByTestId('day-close-run').click();
  const warning = page.getByTestId('day-close-training-real');
  await expect(warning).toHaveText('注意：练习模式不适用于日结。日结（Z）和它强制结束的班次都是真实的，会关闭营业日，不能撤销。');
  await warning.scrollIntoViewIfNeeded();
  await expect(warning).toBeInViewport();
  // In English too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(warning).toContainText('training mode does not apply to the day close');
});
