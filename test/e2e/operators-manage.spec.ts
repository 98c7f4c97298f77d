import type { Page } from '@playwright/test';
import { expect, OWNER, saleScreenReady, setUpOwner, test } from './fixtures';

// The owner manages staff in 管理 → 操作员 at the counter's 1024×768: a cashier who left is
// deactivated and can no longer log in, a forgotten PIN is replaced, a role changes; the list
// reads owner, supervisors, cashiers, deactivated last; a badge that could not be printed says why.
test.use({ viewport: { width: 1024, height: 768 } });

const CASHIER = { name: '小李', pin: '2468' };
const SUPERVISOR = { name: '张主管', pin: '7391' };

async function openOperators(page: Page) {
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-operators').click();
  await expect(page.getByTestId('operator-table')).toBeVisible();
}

async function addOperator(page: Page, who: { name: string; pin: string }, role: '收银员' | '主管') {
  const form = page.getByTestId('add-operator');
  await form.getByLabel('姓名').fill(who.name);
  await form.getByLabel('角色').selectOption({ label: role });
  await form.getByLabel('密码（4–8 位数字）').fill(who.pin);
  await form.getByLabel('再次输入密码').fill(who.pin);
  await form.getByRole('button', { name: '添加操作员' }).click();
}

async function logInByName(page: Page, name: string, pin: string) {
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByTestId('pin').fill(pin);
  await page.getByTestId('pin').press('Enter');
}

async function logOut(page: Page) {
  await page.getByTestId('back-to-sale').click();
  await page.getByTestId('logout').click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
}

test('owner deactivates a cashier, who can no longer log in; reactivates; changes a role; the list reads owner, supervisor, cashier', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await openOperators(page);
  await addOperator(page, CASHIER, '收银员');
  await expect(page.getByTestId('notice')).toHaveText('已添加收银员 小李。');
  // The same name again: the refusal stands alone, the earlier success is gone.
  await addOperator(page, CASHIER, '主管');
  await expect(page.getByTestId('add-operator').getByTestId('error')).toHaveText('已存在名为“小李”的操作员。');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  await addOperator(page, SUPERVISOR, '主管');
  await expect(page.getByTestId('notice')).toHaveText('已添加主管 张主管。');
  const rows = page.getByTestId('operator-row');
  await expect(rows.nth(0)).toContainText(OWNER.name);
  await expect(rows.nth(1)).toContainText(SUPERVISOR.name);
  await expect(rows.nth(2)).toContainText(CASHIER.name);
  // The owner cannot take their own row's role or deactivate themselves from here.
  await expect(rows.nth(0).getByTestId('operator-deactivate')).toHaveCount(0);
  await expect(rows.nth(0).getByTestId('operator-role')).toHaveCount(0);

  const cashierRow = rows.filter({ hasText: CASHIER.name });
  await cashierRow.getByTestId('operator-deactivate').click();
  const dialog = page.getByTestId('deactivate-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('停用 小李？');
  await expect(dialog.getByRole('button', { name: '取消' })).toBeVisible();
  await dialog.getByRole('button', { name: '停用', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('notice')).toHaveText('小李 已停用，不能再登录。');
  await expect(cashierRow.getByTestId('operator-state')).toHaveText('已停用');
  await expect(rows.last()).toContainText(CASHIER.name);

  // At the login screen 小李 is no longer offered; their number and PIN are refused in words.
  await logOut(page);
  await expect(page.getByRole('option', { name: new RegExp(CASHIER.name) })).toHaveCount(0);
  await page.getByTestId('login-by-number').click();
  await page.getByTestId('login-number').fill('2');
  await page.getByLabel('密码', { exact: true }).fill(CASHIER.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error')).toHaveText('该操作员已停用，不能登录。请联系店主。');
  await page.getByTestId('login-number').fill('1');
  await page.getByLabel('密码', { exact: true }).fill(OWNER.pin);
  await page.keyboard.press('Enter');
  await saleScreenReady(page);

  // Back again: reactivated, and 张主管 made a cashier by the role select.
  await openOperators(page);
  await cashierRow.getByTestId('operator-reactivate').click();
  await expect(page.getByTestId('notice')).toHaveText('小李 已重新启用，可以登录。');
  await expect(cashierRow.getByTestId('operator-state')).toHaveText('正常');
  await rows.filter({ hasText: SUPERVISOR.name }).getByLabel('张主管 的角色').selectOption({ label: '收银员' });
  await expect(page.getByTestId('notice')).toHaveText('张主管 的角色已改为收银员。');
  await expect(rows.nth(1)).toContainText(CASHIER.name);
  await expect(rows.nth(2)).toContainText(SUPERVISOR.name);
  await logOut(page);
  await logInByName(page, CASHIER.name, CASHIER.pin);
  await expect(page.getByTestId('operator-name')).toContainText('小李 · 收银员');
});

test('owner resets a forgotten PIN: the old one no longer works, the new one does', async ({ page, register }) => {
  await setUpOwner(page, register);
  await openOperators(page);
  await addOperator(page, SUPERVISOR, '主管');
  await expect(page.getByTestId('notice')).toHaveText('已添加主管 张主管。');
  await page.getByTestId('operator-row').filter({ hasText: SUPERVISOR.name }).getByTestId('operator-reset-pin').click();
  const dialog = page.getByTestId('reset-pin-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('为 张主管 设置新密码');
  await dialog.getByLabel('密码（4–8 位数字）').fill('3691');
  await dialog.getByLabel('再次输入密码').fill('3692');
  await dialog.getByRole('button', { name: '保存新密码' }).click();
  await expect(dialog.getByTestId('error')).toHaveText('两次输入的密码不一致。');
  await dialog.getByLabel('再次输入密码').fill('3691');
  await dialog.getByRole('button', { name: '保存新密码' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('notice')).toHaveText('张主管 的密码已重置，现在可以用新密码登录。');

  await logOut(page);
  await logInByName(page, SUPERVISOR.name, SUPERVISOR.pin);
  await expect(page.getByTestId('error')).toHaveText('密码错误。再错 4 次账户将被锁定。');
  await page.getByTestId('pin').fill('3691');
  await page.getByTestId('pin').press('Enter');
  await expect(page.getByTestId('operator-name')).toContainText('张主管 · 主管');
});

test('a badge that cannot be printed says why, as a warning; a very long name wraps inside the 1024 px table', async ({ page, register }) => {
  await setUpOwner(page, register);
  await openOperators(page);
  await page.getByTestId('operator-row').filter({ hasText: OWNER.name }).getByTestId('badge-issue').click();
  const notice = page.getByTestId('notice');
  await expect(notice).toHaveText('已为 王店长 生成新工牌，但未能打印：本收银台未设置小票打印机。打印机就绪后请重新打印。');
  await expect(notice).toHaveAttribute('data-tone', 'warning');
  // Not the green of a success: the warning colours of the hardware banner.
  await expect(notice).toHaveCSS('background-color', 'rgb(255, 244, 214)');

  await addOperator(page, { name: 'x'.repeat(120), pin: '3691' }, '主管');
  await expect(page.getByTestId('notice')).toContainText('已添加主管');
  const table = page.getByTestId('operator-table');
  const widths = await table.evaluate((el) => ({ table: el.getBoundingClientRect().right, page: document.documentElement.scrollWidth }));
  expect(widths.table).toBeLessThanOrEqual(1024);
  expect(widths.page).toBeLessThanOrEqual(1024);
  await expect(page.getByTestId('operator-row').filter({ hasText: 'xxxx' }).getByTestId('operator-deactivate')).toBeInViewport();
});
