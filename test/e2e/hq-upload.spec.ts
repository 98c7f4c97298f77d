import { expect, setUpOwner, test } from './fixtures';

test('the owner sees the HQ upload section: not enrolled, and an unreachable HQ is said plainly', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-hq').click();
  await expect(page.getByRole('heading', { name: '总部上传', level: 2 })).toBeVisible();
  const status = page.getByTestId('hq-status');
  await expect(status).toHaveAttribute('data-state', 'not_enrolled');
  await expect(status).toContainText('本收银机尚未登记到总部');
  // Nothing listens on port 1 of this machine.
  await page.getByTestId('hq-url').fill('http://127.0.0.1:1');
  await page.getByTestId('hq-code').fill('abcd-efgh-jkmn');
  await page.getByTestId('hq-enrol').click();
  await expect(page.getByTestId('hq-section').getByTestId('error')).toContainText('无法连接总部');
  await expect(status).toHaveAttribute('data-state', 'not_enrolled');
});
