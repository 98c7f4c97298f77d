import { expect, OWNER, setUpOwner, test } from './fixtures';
import type { Page } from '@playwright/test';

async function enterPin(page: Page, pin: string) {
  await page.getByTestId('pin').fill(pin);
  await page.getByTestId('pin').press('Enter');
}

test('log out and in; a wrong PIN shows the translated error; five wrong PINs lock the operator', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.getByTestId('logout').click();

  // The login screen lists the operators; the only one is preselected.
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await expect(page.getByRole('option', { name: new RegExp(OWNER.name) })).toHaveAttribute('aria-selected', 'true');
  // At 1024×768 the whole form is on screen, its 登录 button too.
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.locator('.login').getByRole('button', { name: '登录', exact: true })).toBeInViewport({ ratio: 1 });
  // The empty field under the name says what goes in it.
  await expect(page.getByTestId('pin')).toHaveAttribute('placeholder', '输入密码（4–8 位数字）');

  await enterPin(page, OWNER.pin);
  await expect(page.getByTestId('operator-name')).toContainText(OWNER.name);
  await expect(page.getByTestId('search')).toBeVisible();
  await page.getByTestId('logout').click();

  // Wrong PIN, in Chinese, then in English after a language switch.
  await enterPin(page, '9731');
  await expect(page.getByTestId('error')).toHaveText('密码错误。再错 4 次账户将被锁定。');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('error')).toHaveText('Wrong PIN. 4 attempts left before the account is locked.');
  await enterPin(page, '9732');
  await expect(page.getByTestId('error')).toHaveText('Wrong PIN. 3 attempts left before the account is locked.');
  await enterPin(page, '9733');
  await expect(page.getByTestId('error')).toHaveText('Wrong PIN. 2 attempts left before the account is locked.');
  await enterPin(page, '9734');
  await expect(page.getByTestId('error')).toHaveText('Wrong PIN. 1 attempt left before the account is locked.');

  // The fifth failure locks for 30 minutes; even the right PIN is refused then. The shop has only
  // its owner, so no one could unlock it: the message says to wait, not to ask a supervisor.
  await enterPin(page, '9735');
  await expect(page.getByTestId('error')).toHaveText(/^Too many wrong PINs\. This operator is locked until \d{2}:\d{2} (AM|PM); try again then\.$/);
  await expect(page.getByRole('option', { name: new RegExp(OWNER.name) })).toContainText('Locked');
  await enterPin(page, OWNER.pin);
  await expect(page.getByTestId('error')).toContainText('Too many wrong PINs');
  await expect(page.getByTestId('search')).toHaveCount(0);

  // Still locked after a reload: the count lives in the register.
  await page.reload();
  await expect(page.getByRole('option', { name: new RegExp(OWNER.name) })).toContainText('Locked');
});
