import type { Page } from '@playwright/test';
import { callRegister, expect, OWNER, saleScreenReady, setUpOwner, test, type Register } from './fixtures';

// A cashier's count is blind, and stays so: refused paid-outs of different amounts would tell them
// what the drawer should hold (two refusals within the hour: each is told only the amount it asked
// for, and the owner finds an alert about that cashier and the refusals in the audit trail), and so
// would the expected cash shown after the count, before the one recount.

async function logIn(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByTestId('pin').fill(pin);
  await page.getByTestId('pin').press('Enter');
  await saleScreenReady(page);
}

/** The owner opens the day (a ¥250.00 float); the cashier 李收银 logs in and opens 班次 in the back office. */
async function cashierAtTheShift(page: Page, register: Register): Promise<void> {
  await setUpOwner(page, register);
  expect(await callRegister(page, 'operator.create', { name: '李收银', pin: '4826', role: 'cashier' })).toMatchObject({ ok: true });
  await page.getByTestId('logout').click();
  await logIn(page, '李收银', '4826');
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-shift').click();
}

test("a cashier's paid-out beyond the drawer is refused twice; the owner sees the alert about them", async ({ page, register }) => {
  // The owner's shift holds a float of ¥250.00.
  await cashierAtTheShift(page, register);
  await page.getByText('支出', { exact: true }).click();
  const amount = page.getByTestId('cash-move-amount');
  const submit = page.getByTestId('cash-move-submit');
  const error = page.getByTestId('cash-move-form').getByTestId('error');
  await page.getByTestId('cash-move-reason').fill('买菜');
  await amount.fill('99999');
  await submit.click();
  await expect(error).toHaveText('钱箱里没有 ¥99,999.00 现金，不能取出这么多。请核对金额，或请主管处理。');
  await amount.fill('300');
  await submit.click();
  await expect(error).toHaveText('钱箱里没有 ¥300.00 现金，不能取出这么多。请核对金额，或请主管处理。');
  await expect(page.getByTestId('shift-section')).not.toContainText('买菜');

  await page.getByTestId('back-to-sale').click();
  await page.getByTestId('logout').click();
  await logIn(page, OWNER.name, OWNER.pin);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-fraud').click();
  const alert = page.getByTestId('fraud-alert');
  await expect(alert).toHaveCount(1);
  await expect(alert.getByRole('heading')).toHaveText('取现被拒（试探钱箱）');
  await expect(alert.getByTestId('fraud-alert-explanation')).toHaveText(
    '李收银 在 60 分钟内 2 次要求取出超过钱箱应有现金的金额并被拒绝（共 ¥100,299.00），上限为 2 次。反复试探金额可以在结班清点前摸清钱箱应有现金。',
  );
  await expect(alert.getByTestId('fraud-alert-entries')).toHaveText(/^相关日志：#\d+、#\d+$/);

  // The refusals themselves, named in the audit trail.
  await page.getByTestId('back-office-nav-audit').click();
  await page.getByTestId('audit-search').click();
  const refused = page.locator('[data-testid="audit-entry"][data-kind="cash.out_refused"]');
  await expect(refused).toHaveCount(2);
  await expect(refused.first()).toContainText('取现被拒（超过钱箱现金）');
  await expect(refused.first()).toContainText('李收银');
});

test("a cashier's count stays blind until the close: no expected cash or over/short after counting, and the recount is blind too", async ({
  page,
  register,
}) => {
  // The owner's shift holds a float of ¥250.00; the cashier counts ¥245.00.
  await cashierAtTheShift(page, register);
  await page.getByTestId('shift-close-start').click();
  await page.getByTestId('count-10000').fill('2');
  await page.getByTestId('count-1000').fill('4');
  await page.getByTestId('count-500').fill('1');
  await page.getByTestId('closing-count-submit').click();
  await expect(page.getByTestId('counted-total')).toHaveText('¥245.00');
  await expect(page.getByTestId('shift-blind-note')).toHaveText('清点结果已记录，店主或主管会与钱箱应有现金核对。如对某项数目没有把握，可以重新清点一次。');
  await expect(page.getByTestId('shift-closing')).not.toContainText('250.00');
  await expect(page.getByTestId('shift-difference')).toHaveCount(0);
  await page.getByTestId('shift-recount').click();
  await expect(page.getByTestId('shift-closing')).not.toContainText('250.00');
  await page.getByTestId('recount').getByTestId('count-10000').fill('2');
  await page.getByTestId('recount').getByTestId('count-1000').fill('5');
  await page.getByTestId('recount-submit').click();
  await expect(page.getByTestId('recounted-total')).toHaveText('¥250.00');
  await expect(page.getByTestId('shift-difference')).toHaveCount(0);
  // Nor does the register's answer to the cashier hold them.
  expect(await callRegister(page, 'shift.current', {})).toMatchObject({ ok: true, value: { closing: { expected: null, differenceMinor: null } } });

  // (A supervisor or the owner sees both figures: test/integration/shifts.test.ts.)
});
