import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { completedReceiptNo, expect, nextSale, openPayment, OWNER, saleScreenReady, setUpOwner, startRegister, test } from './fixtures';

/** One cash sale of an ad-hoc item, paid exact by keyboard; returns its receipt number. */
async function cashSale(page: Page, price: string): Promise<number> {
  await page.keyboard.press('F4');
  const adHoc = page.getByRole('dialog', { name: '临时商品' });
  await adHoc.getByLabel('商品名称').fill('备份测试商品');
  await adHoc.getByLabel('数量').fill('1');
  await adHoc.getByLabel('单价').fill(price);
  await adHoc.getByRole('button', { name: '加入销售' }).click();
  await expect(adHoc).toBeHidden();
  await openPayment(page);
  await page.keyboard.type(price);
  await page.keyboard.press('Enter');
  const receiptNo = await completedReceiptNo(page);
  await nextSale(page);
  return receiptNo;
}

test('back up today from the back office, see the status, verify the bundle, restore it on a fresh machine and go on numbering', async ({
  page,
  register,
  browser,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'ringup-e2e-backup-'));
  try {
    await setUpOwner(page, register);
    // Nothing backed up yet: the header says so.
    await expect(page.getByTestId('backup-indicator')).toHaveText('尚未备份');
    const receipts = [await cashSale(page, '3.5'), await cashSale(page, '12')];
    expect(receipts).toEqual([1, 2]);

    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-backup').click();
    await expect(page.getByRole('heading', { name: '备份', exact: true })).toBeVisible();
    await page.getByTestId('backup-folder').fill(folder);
    await page.getByTestId('backup-save').click();
    await expect(page.getByTestId('backup-settings-saved')).toHaveText('备份设置已保存。');
    await page.getByTestId('backup-today').click();
    await expect(page.getByTestId('backup-done')).toContainText('备份已写入：');
    const [bundleName] = readdirSync(folder);
    expect(bundleName).toMatch(/^ringup-R1-\d{4}-\d{2}-\d{2}-\d{8}T\d{6}Z\.zip$/);
    const bundle = join(folder, bundleName ?? '');

    // The status, in the section and in the header.
    await expect(page.getByTestId('backup-last-file')).toHaveText(bundle);
    await expect(page.getByTestId('backup-indicator')).toContainText('已备份');

    // Verify it in the app: the path of the last bundle is already filled in.
    await expect(page.getByTestId('bundle-file')).toHaveValue(bundle);
    await page.getByTestId('bundle-verify').click();
    await expect(page.getByTestId('bundle-report')).toContainText('备份校验通过：收银机 R1');

    // A new machine: a fresh data folder, restored from the first-run screen.
    const fresh = await startRegister();
    const context = await browser.newContext();
    try {
      const other = await context.newPage();
      await other.goto(fresh.register.url);
      await expect(other.getByRole('heading', { name: '欢迎使用 Ringup' })).toBeVisible();
      await other.getByTestId('setup-restore').click();
      await other.getByTestId('bundle-file').fill(bundle);
      await other.getByTestId('bundle-verify').click();
      await expect(other.getByTestId('bundle-report')).toContainText('备份校验通过');
      await expect(other.getByTestId('restore-submit')).toBeDisabled();
      await other.getByTestId('restore-confirm').fill('RESTORE');
      await other.getByTestId('restore-submit').click();
      await expect(other.getByRole('heading', { name: '恢复完成' })).toBeVisible();
      await expect(other.getByTestId('restore-done')).toContainText('收银机 R1 已恢复');
      await other.getByTestId('restore-done-continue').click();

      // The restored ledger has its owner: log in with the same PIN and go on from receipt 3.
      await expect(other.getByRole('heading', { name: '登录' })).toBeVisible();
      await other.getByTestId('pin').fill(OWNER.pin);
      await other.getByTestId('pin').press('Enter');
      await expect(other.getByTestId('operator-name')).toContainText(OWNER.name);
      await expect(other.getByTestId('store-name')).toHaveText(OWNER.store);
      await saleScreenReady(other);
      expect(await cashSale(other, '2')).toBe(3);
    } finally {
      await context.close();
      await fresh.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
