import type { Page } from '@playwright/test';
import { expect, OWNER, scan, setUpOwner, test } from './fixtures';
import { holdAnswers } from './held-answers';
import { asCashier, BREAD } from './refund-steps';

/** A cashier's 20 % order discount on the bread (¥8.50), above their 10 % limit: the approval dialog opens. */
async function discountAboveLimit(page: Page): Promise<void> {
  await scan(page, BREAD);
  await expect(page.getByTestId('total')).toHaveText('¥8.50');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('discount-input')).toBeFocused();
  await page.keyboard.type('20');
  await page.keyboard.press('Enter');
}

test('a supervisor’s PIN keyed as the approval opens, before the supervisors are loaded, is kept and approves', async ({ page, register }) => {
  const relay = await holdAnswers(page);
  await setUpOwner(page, register);
  await asCashier(page);

  relay.hold((call) => call.name === 'session.operators');
  await discountAboveLimit(page);
  const approval = page.getByRole('dialog', { name: '主管授权' });
  await expect(approval).toBeVisible();
  await page.keyboard.type(OWNER.pin);
  relay.release();

  // The only supervisor (the owner) is picked once loaded; the PIN keyed before is still there.
  await expect(approval.getByRole('option', { name: new RegExp(OWNER.name) })).toHaveAttribute('aria-selected', 'true');
  await expect(approval.getByTestId('pin')).toHaveValue(OWNER.pin);
  await page.keyboard.press('Enter');
  await expect(approval).toBeHidden();
  await expect(page.getByTestId('total')).toHaveText('¥6.80');
});

test('a PIN and Enter keyed before the supervisors are loaded are sent as soon as the only supervisor is picked', async ({ page, register }) => {
  const relay = await holdAnswers(page);
  await setUpOwner(page, register);
  await asCashier(page);

  relay.hold((call) => call.name === 'session.operators');
  await discountAboveLimit(page);
  const approval = page.getByRole('dialog', { name: '主管授权' });
  await expect(approval).toBeVisible();
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  // Nothing to send it with yet: it waits, not dropped.
  await expect(approval.getByTestId('pin')).toHaveValue(OWNER.pin);
  relay.release();

  await expect(approval).toBeHidden();
  await expect(page.getByTestId('total')).toHaveText('¥6.80');
});

test('a supervisor keys the right PIN while a mistyped one is still being checked: it is kept for the next try', async ({ page, register }) => {
  const relay = await holdAnswers(page);
  await setUpOwner(page, register);
  await asCashier(page);
  await discountAboveLimit(page);
  const approval = page.getByRole('dialog', { name: '主管授权' });
  await expect(approval.getByRole('option', { name: new RegExp(OWNER.name) })).toHaveAttribute('aria-selected', 'true');
  await expect(approval.getByTestId('pin')).toBeFocused();

  relay.hold((call) => typeof call.input === 'object' && call.input !== null && 'approval' in call.input);
  await page.keyboard.type('9731');
  await page.keyboard.press('Enter');
  // Sent: the field is emptied for the next try while the register checks it.
  await expect(approval.getByTestId('pin')).toHaveValue('');
  await page.keyboard.type(OWNER.pin);
  relay.release();

  await expect(approval.getByTestId('error')).toHaveText('授权未通过：密码错误。');
  await expect(page.getByTestId('total')).toHaveText('¥8.50');
  await expect(approval.getByTestId('pin')).toHaveValue(OWNER.pin);
  await page.keyboard.press('Enter');
  await expect(approval).toBeHidden();
  await expect(page.getByTestId('total')).toHaveText('¥6.80');
});
