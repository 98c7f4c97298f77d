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
  const error = page.getByTestId('hq-section').getByTestId('error');
  // The reason in the owner's words, not the system's ("ECONNREFUSED").
  await expect(error).toHaveText('无法连接总部：该地址和端口没有服务应答（总部服务是否已启动？端口是否正确？）。本机照常收银，上传会自动重试。');
  await expect(status).toHaveAttribute('data-state', 'not_enrolled');

  // A malformed address or code is said with how it should look, and nothing is sent.
  await page.getByTestId('hq-url').fill('hq.example.com');
  await page.getByTestId('hq-enrol').click();
  await expect(error).toContainText('总部地址应以 http:// 或 https:// 开头');
  await page.getByTestId('hq-url').fill('http://127.0.0.1:1');
  await page.getByTestId('hq-code').fill('zz');
  await page.getByTestId('hq-enrol').click();
  await expect(error).toContainText('总部登记码为三组、每组四个字母或数字');
  await expect(status).toHaveAttribute('data-state', 'not_enrolled');
});
