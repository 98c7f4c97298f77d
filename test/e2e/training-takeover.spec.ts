import { callRegister, expect, nextSaleReady, OWNER, saleScreenReady, scan, setUpOwner, test } from './fixtures';
import { BREAD, CASHIER, logIn, WATER } from './refund-steps';

/** The owner adds 李收银 and puts her (not the register) into training. */
async function addTrainee(page: Parameters<typeof setUpOwner>[0]): Promise<void> {
  const created = (await callRegister(page, 'operator.create', { name: CASHIER.name, pin: CASHIER.pin, role: 'cashier' })) as {
    ok: true;
    value: { id: number };
  };
  expect(created).toMatchObject({ ok: true });
  expect(await callRegister(page, 'training.set', { target: 'operator', operatorId: created.value.id, on: true })).toMatchObject({ ok: true });
}

test("the login list marks the trainee; the owner who takes over a trainee's left cart sees the practice mark, is refused cash with the words, cancels it, and his next sale is R1-000001", async ({
  page,
  register,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpOwner(page, register);
  await addTrainee(page);
  await page.getByTestId('logout').click();
  // The login list says who is in training before anyone keys a PIN.
  await expect(page.getByRole('option', { name: new RegExp(CASHIER.name) })).toContainText('练习中');
  await expect(page.getByRole('option', { name: new RegExp(OWNER.name) })).not.toContainText('练习中');
  await logIn(page, CASHIER.name, CASHIER.pin);
  await expect(page.getByTestId('training-mark')).toBeVisible();
  await scan(page, BREAD);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  // 直接退出: the practice cart is left for the next operator.
  await page.getByTestId('logout').click();
  await page.getByTestId('logout-leave').click();
  await logIn(page, OWNER.name, OWNER.pin);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  // The owner is not in training, but the sale on screen is practice, and says so.
  await expect(page.getByTestId('training-mark')).toHaveCount(0);
  const mark = page.getByTestId('practice-sale-mark');
  await expect(mark).toBeVisible();
  await expect(mark).toContainText('练习 / TRAINING');
  await expect(mark).toContainText('这是一笔练习销售');
  await expect(mark).toBeInViewport();

  // Another item is refused where the cashier scans.
  await scan(page, WATER);
  await expect(page.getByTestId('error')).toContainText('这是一笔练习销售');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  // Cash is refused, with what to do.
  await page.keyboard.press('F12');
  await expect(page.getByTestId('tendered')).toBeFocused();
  await page.getByTestId('tendered').fill('20');
  await page.getByTestId('take-cash').click();
  const refusal = page.getByTestId('payment').getByTestId('error');
  await expect(refusal).toContainText('这是一笔练习销售');
  await expect(refusal).toContainText('请整单取消');
  await expect(page.getByTestId('completion')).toHaveCount(0);
  await expect(page.getByTestId('practice-sale-mark')).toBeVisible();
  await expect(page.getByTestId('take-cash')).toBeInViewport();
  expect(await callRegister(page, 'report.x', { scope: 'day' })).toMatchObject({ ok: true, value: { figures: { documentCount: 0 } } });

  // Back to the cart: cancelling is what he may do.
  await page.getByRole('button', { name: /返回销售/ }).click();
  await saleScreenReady(page);
  await page.getByTestId('cancel-sale').click();
  await page.getByTestId('cancel-sale-dialog').getByRole('button', { name: '整单取消' }).click();
  await nextSaleReady(page);
  await expect(page.getByTestId('practice-sale-mark')).toHaveCount(0);

  // His next sale is real and the first of the real series.
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F12');
  await page.getByTestId('tendered').fill('2');
  await page.getByTestId('take-cash').click();
  await expect(page.getByTestId('receipt-no')).toHaveText('R1-000001');
});

test('a held practice sale is marked in the recall list, and a trainee is told that a real cart is real', async ({ page, register }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpOwner(page, register);
  await addTrainee(page);
  // The owner leaves a real cart.
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('logout').click();
  await page.getByTestId('logout-leave').click();
  await logIn(page, CASHIER.name, CASHIER.pin);
  await expect(page.getByTestId('training-mark')).toBeVisible();
  await expect(page.getByTestId('real-sale-mark')).toContainText('这是一笔真实销售');
  // She may hold it (and ring up her own practice sale); the list then tells the two apart.
  await page.getByTestId('hold-sale').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  await scan(page, BREAD);
  await expect(page.getByTestId('real-sale-mark')).toHaveCount(0);
  await page.getByTestId('hold-sale').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  await page.getByTestId('open-held').click();
  const held = page.getByTestId('held-sales-dialog').getByTestId('held-sale');
  await expect(held).toHaveCount(2);
  await expect(held.filter({ hasText: '农夫山泉' }).getByTestId('held-sale-training')).toHaveCount(0);
  await expect(held.filter({ hasText: '全麦面包' }).getByTestId('held-sale-training')).toHaveText(/练习销售/);
});
