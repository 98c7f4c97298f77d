import type { Page } from '@playwright/test';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { callRegister, connectPrinter, expect, OWNER, saleScreenReady, setUpOwner, test } from './fixtures';

// "No sale" (back office → 无销售开钱箱): a cashier needs a supervisor's PIN, asked for in the
// approval dialog; the drawer job then shows in the print queue, a table a screen reader can read.

async function logIn(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByTestId('pin').fill(pin);
  await page.getByTestId('pin').press('Enter');
  await saleScreenReady(page);
}

test("a cashier's no-sale asks for a supervisor; the drawer job is listed in the print queue", async ({ page, register }) => {
  const printer = await VirtualPrinter.start({ port: 0 });
  try {
    await setUpOwner(page, register);
    await connectPrinter(page, printer.port);
    expect(await callRegister(page, 'operator.create', { name: '李收银', pin: '4826', role: 'cashier' })).toMatchObject({ ok: true });
    await page.getByTestId('back-to-sale').click();
    await page.getByTestId('logout').click();
    await logIn(page, '李收银', '4826');

    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-drawer').click();
    const form = page.getByTestId('drawer-form');
    // No reason: asked for in the window, nothing sent.
    await form.getByTestId('drawer-open').click();
    await expect(form.getByTestId('error')).toHaveText('请填写开钱箱原因。');

    await form.getByTestId('drawer-reason').fill('找零');
    await form.getByTestId('drawer-open').click();
    const approval = page.getByRole('dialog', { name: '主管授权' });
    await expect(approval).toContainText('无销售开钱箱需要主管授权。');
    // Asking for a supervisor is not a refusal of the form.
    await expect(form.getByTestId('error')).toHaveCount(0);
    await approval.getByTestId('pin').fill('9731');
    await approval.getByTestId('pin').press('Enter');
    await expect(approval.getByTestId('error')).toHaveText('授权未通过：密码错误。');
    await approval.getByTestId('pin').fill(OWNER.pin);
    await approval.getByTestId('pin').press('Enter');
    await expect(approval).toBeHidden();
    await expect(form.getByTestId('notice')).toHaveText('已发送开钱箱指令。');
    await expect(form.getByTestId('drawer-reason')).toHaveValue('');
    await expect(form.getByTestId('error')).toHaveCount(0);
    await printer.waitForJobs(1);

    // The owner sees the job in the print queue: a named table with column headings.
    await page.getByTestId('back-to-sale').click();
    await page.getByTestId('logout').click();
    await logIn(page, OWNER.name, OWNER.pin);
    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-print-queue').click();
    const queue = page.getByRole('table', { name: '打印队列' });
    await expect(queue.getByRole('columnheader')).toHaveText(['任务', '内容', '状态', '尝试次数', '最近问题', '操作']);
    const drawerJob = queue.getByTestId('print-job').filter({ hasText: '无销售开钱箱：找零' });
    await expect(drawerJob.getByTestId('print-job-state')).toHaveText('已打印');
  } finally {
    await printer.close();
  }
});
