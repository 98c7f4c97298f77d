// Another till's bundle in the shared backup folder (the usual USB stick): over this register's own
// books in use it is refused before the confirmation word, naming what this register holds, and no
// move is offered; a machine with empty books (a replacement) is offered the move and becomes that till.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startWebRegister } from '../support/web-register';
import {
  adHocCashSale,
  callRegister,
  closePagesAndStop,
  createOwner,
  expect,
  openShift,
  OWNER,
  saleScreenReady,
  setUpOwner,
  test,
  type Register,
} from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

async function openBackup(page: Page): Promise<void> {
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-backup').click();
  await expect(page.getByRole('heading', { name: '备份', exact: true })).toBeVisible();
}

/** Till POS-2 with one sale and its shift open, backed up into `folder`; returns the bundle. */
async function otherTillsBundle(context: BrowserContext, till: Register, folder: string): Promise<string> {
  const page = await context.newPage();
  await createOwner(page, till);
  expect(await callRegister(page, 'settings.update', { registerId: 'POS-2' })).toMatchObject({ ok: true });
  await page.reload();
  await openShift(page);
  await saleScreenReady(page);
  await adHocCashSale(page, { name: '面包', price: '8', tendered: '10', receiptNo: 'POS-2-000001' });
  await openBackup(page);
  await page.getByTestId('backup-folder').fill(folder);
  await page.getByTestId('backup-save').click();
  await expect(page.getByTestId('backup-settings-saved')).toBeVisible();
  await page.getByTestId('backup-today').click();
  await expect(page.getByTestId('backup-done')).toContainText('备份已写入：');
  await page.close();
  return join(folder, readdirSync(folder)[0] ?? '');
}

async function verify(page: Page, bundle: string): Promise<void> {
  await openBackup(page);
  await page.getByTestId('bundle-file').fill(bundle);
  await page.getByTestId('bundle-verify').click();
  await expect(page.getByTestId('bundle-report')).toContainText('备份校验通过：收银机 POS-2');
}

test("another till's bundle over this register's sales and open shift is refused before the confirmation word; no move is offered", async ({
  page,
  register,
  context,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'ringup-e2e-move-'));
  const till = await startWebRegister();
  try {
    const bundle = await otherTillsBundle(context, till, folder);
    await setUpOwner(page, register);
    await adHocCashSale(page, { name: '矿泉水', price: '3', tendered: '3', receiptNo: 'R1-000001' });
    await adHocCashSale(page, { name: '牛奶', price: '12', tendered: '20', receiptNo: 'R1-000002' });

    await verify(page, bundle);
    const refusal = page.getByTestId('restore-refused');
    await expect(refusal).toContainText('不能在本机恢复这份备份：它属于收银机 POS-2，而本机 R1 有自己的账本，且检查完好');
    await expect(refusal).toContainText('已到小票 R1-000002，共 2 张已完成单据，还有一个未结束的班次（含备用金）');
    await expect(refusal).toContainText('请在收银机 POS-2 上恢复它');
    await expect(refusal).not.toContainText('确认为“迁移”');
    await expect(refusal).toBeInViewport();
    // Neither the confirmation word nor the move is offered.
    await expect(page.getByTestId('restore-confirm')).toHaveCount(0);
    await expect(page.getByTestId('restore-as-move')).toHaveCount(0);
    await expect(page.getByTestId('restore-submit')).toHaveCount(0);

    // The books are R1's as before: the shift goes on and so do its numbers.
    await page.getByTestId('back-to-sale').click();
    await saleScreenReady(page);
    await adHocCashSale(page, { name: '面包', price: '1', tendered: '1', receiptNo: 'R1-000003' });
    expect(readdirSync(till.dataDir).filter((name) => name.includes('.replaced-'))).toEqual([]);
  } finally {
    await closePagesAndStop(context, till.stop);
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a replacement machine with empty books is offered the move, becomes the other till, and the owner is told where its old ledger went', async ({
  page,
  register,
  context,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'ringup-e2e-move-'));
  // The replacement machine, with its data folder at hand: the file moved aside is looked for there.
  const spare = await startWebRegister();
  try {
    const bundle = await otherTillsBundle(context, register, folder);
    // Set up, no shift opened and no sale: the owner goes on without one (跳过) to the back office.
    await createOwner(page, spare);
    await page.getByTestId('shift-skip').click();
    await verify(page, bundle);
    await expect(page.getByTestId('restore-comparison')).toContainText(
      '这份备份属于收银机 POS-2；本机是 R1，还没有自己的销售。恢复后本机将成为收银机 POS-2（迁移）',
    );
    await page.getByTestId('restore-confirm').fill('RESTORE');
    // Not ticked: told to tick it, nothing changed.
    await page.getByTestId('restore-submit').click();
    await expect(page.getByTestId('error')).toHaveText(
      '此备份属于收银机 POS-2，本机是 R1。恢复后本机将成为那台收银机：请勾选“本机取代备份所属的收银机（迁移）”，再恢复。没有做任何改动。',
    );
    await page.getByTestId('restore-as-move').check();
    await page.getByTestId('restore-submit').click();

    // The success screen, before the login screen: which till this is now, and the file that keeps R1's old books.
    await expect(page.getByRole('heading', { name: '恢复完成' })).toBeVisible();
    await expect(page.getByTestId('restore-done')).toContainText('收银机 POS-2 已恢复，下一张小票为第 2 号');
    const aside = readdirSync(spare.dataDir).filter((name) => name.includes('.replaced-'));
    expect(aside).toEqual([expect.stringMatching(/^ringup-ledger\.sqlite\.replaced-\d{8}T\d{6}Z$/)]);
    const name = aside[0] ?? '';
    await expect(page.getByTestId('restore-moved-aside')).toContainText('原来的账本没有删除：它已改名，保存在恢复后的账本旁边');
    await expect(page.getByTestId('restore-moved-aside')).toContainText('请记下这个文件名');
    await expect(page.getByTestId('restore-moved-aside-name')).toHaveText(name);
    await expect(page.getByTestId('restore-moved-aside-folder')).toHaveText(spare.dataDir);
    await expect(page.getByTestId('restore-moved-aside-name')).toBeInViewport();
    await expect(page.getByTestId('restore-done-continue')).toBeInViewport();
    await page.getByTestId('restore-done-continue').click();

    // The login screen, which cashiers see too, does not show it.
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await expect(page.getByText(name)).toHaveCount(0);
    await page.getByTestId('pin').fill(OWNER.pin);
    await page.getByTestId('pin').press('Enter');
    await saleScreenReady(page);
    await expect(page.getByText(name)).toHaveCount(0);
    await adHocCashSale(page, { name: '牛奶', price: '1', tendered: '1', receiptNo: 'POS-2-000002' });
  } finally {
    await closePagesAndStop(context, spare.stop);
    rmSync(folder, { recursive: true, force: true });
  }
});
