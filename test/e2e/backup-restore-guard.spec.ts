import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { startWebRegister } from '../support/web-register';
import { adHocCashSale, closePagesAndStop, expect, OWNER, saleScreenReady, setUpOwner, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

async function openBackup(page: Page): Promise<void> {
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-backup').click();
  await expect(page.getByRole('heading', { name: '备份', exact: true })).toBeVisible();
}

/** Back office → Backup: folder set and saved, 备份今天; returns the bundle written. */
async function backUpToday(page: Page, folder: string): Promise<string> {
  await openBackup(page);
  await page.getByTestId('backup-folder').fill(folder);
  await page.getByTestId('backup-save').click();
  await expect(page.getByTestId('backup-settings-saved')).toHaveText('备份设置已保存。');
  await page.getByTestId('backup-today').click();
  await expect(page.getByTestId('backup-done')).toContainText('备份已写入：');
  return join(folder, readdirSync(folder)[0] ?? '');
}

test('an older bundle over healthy books is refused before the confirmation word, naming the receipts; numbering goes on', async ({ page, register }) => {
  const folder = mkdtempSync(join(tmpdir(), 'ringup-e2e-guard-'));
  try {
    await setUpOwner(page, register);
    await adHocCashSale(page, { name: '矿泉水', price: '3.5', tendered: '3.5', receiptNo: 'R1-000001' });
    const first = await backUpToday(page, folder);

    await page.getByTestId('back-to-sale').click();
    await saleScreenReady(page);
    await adHocCashSale(page, { name: '面包', price: '8', tendered: '8', receiptNo: 'R1-000002' });

    await openBackup(page);
    await page.getByTestId('bundle-file').fill(first);
    await page.getByTestId('bundle-verify').click();
    await expect(page.getByTestId('bundle-report')).toContainText('备份校验通过');
    const refusal = page.getByTestId('restore-refused');
    await expect(refusal).toContainText('不能恢复这份备份：它比本机账本旧。备份止于小票 R1-000001，本机已到 R1-000002。');
    await expect(refusal).toContainText('1 张已完成单据');
    await expect(refusal).toContainText('请改为立即做一份新备份');
    await expect(refusal).toBeInViewport();
    // No confirmation to type: the restore is not offered.
    await expect(page.getByTestId('restore-confirm')).toHaveCount(0);
    await expect(page.getByTestId('restore-submit')).toHaveCount(0);

    await page.getByTestId('back-to-sale').click();
    await saleScreenReady(page);
    await adHocCashSale(page, { name: '牛奶', price: '1', tendered: '1', receiptNo: 'R1-000003' });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('bundles to keep: empty, 0, negative, a fraction or letters are refused with the range, and nothing is saved', async ({ page, register }) => {
  const folder = mkdtempSync(join(tmpdir(), 'ringup-e2e-keep-'));
  try {
    await setUpOwner(page, register);
    await openBackup(page);
    await page.getByTestId('backup-folder').fill(folder);
    await page.getByTestId('backup-keep').fill('30');
    await page.getByTestId('backup-save').click();
    await expect(page.getByTestId('backup-settings-saved')).toBeVisible();
    // Each hint sits under its own field.
    await expect(page.getByTestId('backup-schedule-hint')).toHaveText('留空则不自动备份。');
    await expect(page.getByTestId('backup-keep-hint')).toContainText('1 到 3650 份');

    const keep = page.getByTestId('backup-keep');
    for (const typed of ['', '0', '-3', '2.5', '3651']) {
      await keep.fill(typed);
      await page.getByTestId('backup-folder').fill('/nowhere/else');
      await page.getByTestId('backup-save').click();
      await expect(page.getByTestId('error')).toHaveText('“保留备份份数”须为 1 到 3650 之间的整数。没有保存任何设置。');
      await expect(page.getByTestId('backup-settings-saved')).toBeHidden();
    }
    // Letters: a number field keeps none of them, which reads as empty.
    await keep.fill('');
    await keep.pressSequentially('abc');
    await page.getByTestId('backup-save').click();
    await expect(page.getByTestId('error')).toContainText('保留备份份数');

    // Back in the section: the saved settings are the ones of before.
    await page.getByTestId('back-to-sale').click();
    await openBackup(page);
    await expect(page.getByTestId('backup-keep')).toHaveValue('30');
    await expect(page.getByTestId('backup-folder')).toHaveValue(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('over a damaged ledger the older bundle may be restored, and the owner is told where it ends before confirming', async ({ context }) => {
  const folder = mkdtempSync(join(tmpdir(), 'ringup-e2e-guard-'));
  const till = await startWebRegister();
  try {
    const page = await context.newPage();
    await setUpOwner(page, till);
    await adHocCashSale(page, { name: '矿泉水', price: '3.5', tendered: '3.5', receiptNo: 'R1-000001' });
    const first = await backUpToday(page, folder);
    await page.getByTestId('back-to-sale').click();
    await saleScreenReady(page);
    await adHocCashSale(page, { name: '面包', price: '8', tendered: '8', receiptNo: 'R1-000002' });

    // The journal entry of the second sale is changed on disk: the ledger no longer passes its check.
    const db = new Database(join(till.dataDir, 'ringup-ledger.sqlite'), { fileMustExist: true });
    db.exec('DROP TRIGGER journal_no_update');
    const seq = db.prepare("SELECT MAX(seq) FROM journal WHERE kind = 'sale.completed'").pluck().get() as number;
    db.prepare(`UPDATE journal SET payload = replace(payload, '"receiptNo":', '"receiptNo":1') WHERE seq = ?`).run(seq);
    db.close();

    await openBackup(page);
    await page.getByTestId('bundle-file').fill(first);
    await page.getByTestId('bundle-verify').click();
    await expect(page.getByTestId('bundle-report')).toContainText('备份校验通过');
    const warning = page.getByTestId('restore-comparison');
    await expect(warning).toContainText('本机账本未通过检查，可以用这份较旧的备份恢复。');
    await expect(warning).toContainText('备份止于小票 R1-000001（最后一条日志记于 ');
    await expect(warning).toContainText('本机账本已到 R1-000002');
    await expect(warning).toContainText('只保留在移到一旁的旧账本文件中');
    await page.getByTestId('restore-confirm').fill('RESTORE');
    await page.getByTestId('restore-submit').click();

    // The owner is told where the damaged books went before the login screen.
    await expect(page.getByRole('heading', { name: '恢复完成' })).toBeVisible();
    const aside = readdirSync(till.dataDir).filter((name) => name.includes('.replaced-'));
    expect(aside).toHaveLength(1);
    await expect(page.getByTestId('restore-moved-aside-name')).toHaveText(aside[0] ?? '');
    await expect(page.getByTestId('restore-moved-aside-folder')).toHaveText(till.dataDir);
    await page.getByTestId('restore-done-continue').click();
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await page.getByTestId('pin').fill(OWNER.pin);
    await page.getByTestId('pin').press('Enter');
    await expect(page.getByTestId('operator-name')).toContainText(OWNER.name);
    await saleScreenReady(page);
    // The restored books end at receipt 1: the damaged ledger's sale 2 lives in the file moved aside.
    await adHocCashSale(page, { name: '牛奶', price: '1', tendered: '1', receiptNo: 'R1-000002' });
    expect(readdirSync(till.dataDir).filter((name) => name.includes('.replaced-'))).toHaveLength(1);
  } finally {
    await closePagesAndStop(context, till.stop);
    rmSync(folder, { recursive: true, force: true });
  }
});
