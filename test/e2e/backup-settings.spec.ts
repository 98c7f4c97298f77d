import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, setUpOwner, test } from './fixtures';

// The backup section's refusals and what the self-check says about backups, as the owner sees
// them at 1024×768: an emptied backup folder is refused (it used to switch every backup off under
// "saved"), an old error goes once something succeeds, a day to come is refused, and a failed
// backup is named by the self-check and the start-up summary as by the header.
test.use({ viewport: { width: 1024, height: 768 } });

async function openBackup(page: Page, heading: string): Promise<void> {
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-backup').click();
  await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
}

test('an emptied backup folder is refused and nothing is saved; the old error goes once settings are saved; a day to come is refused', async ({
  page,
  register,
}) => {
  const root = mkdtempSync(join(tmpdir(), 'ringup-e2e-backup-settings-'));
  const folder = join(root, 'stick');
  mkdirSync(folder);
  try {
    await setUpOwner(page, register);
    await openBackup(page, '备份');
    const settings = page.getByTestId('backup-settings');
    const run = page.getByTestId('backup-run');
    await page.getByTestId('backup-folder').fill(folder);
    await page.getByTestId('backup-schedule').fill('21:00');
    await page.getByTestId('backup-save').click();
    await expect(page.getByTestId('backup-settings-saved')).toHaveText('备份设置已保存。');

    // The stick is pulled: the backup fails and says why under its button.
    rmSync(folder, { recursive: true });
    await page.getByTestId('backup-today').click();
    await expect(run.getByTestId('error')).toHaveText(`找不到备份文件夹 ${folder}。U 盘是否已插好，网络共享是否已连接？`);

    // Emptied (or blanks only): refused in words, nothing saved.
    for (const typed of ['', '   ']) {
      await page.getByTestId('backup-folder').fill(typed);
      await page.getByTestId('backup-save').click();
      await expect(settings.getByTestId('error')).toContainText('请填写备份文件夹');
      await expect(settings.getByTestId('error')).toContainText('没有保存任何设置。');
      await expect(page.getByTestId('backup-settings-saved')).toHaveCount(0);
      await expect(page.getByTestId('backup-folder')).toHaveAttribute('aria-invalid', 'true');
      await expect(settings.getByTestId('error')).toBeInViewport();
    }

    await page.reload();
    await openBackup(page, '备份');
    await expect(page.getByTestId('backup-folder')).toHaveValue(folder);
    await expect(page.getByTestId('backup-schedule')).toHaveValue('21:00');

    // The stick is back and the settings saved again: the old errors under 备份今天 and 列出备份 are gone.
    const list = page.getByTestId('backup-list-card');
    await page.getByTestId('backup-today').click();
    await expect(run.getByTestId('error')).toContainText('找不到备份文件夹');
    await page.getByTestId('backup-list').click();
    await expect(list.getByTestId('error')).toContainText('找不到备份文件夹');
    mkdirSync(folder);
    await page.getByTestId('backup-save').click();
    await expect(page.getByTestId('backup-settings-saved')).toHaveText('备份设置已保存。');
    await expect(run.getByTestId('error')).toHaveCount(0);
    await expect(list.getByTestId('error')).toHaveCount(0);

    // A day that has not come: refused in words under the button, no bundle written.
    await page.getByTestId('backup-from').fill('2030-01-01');
    await page.getByTestId('backup-range').click();
    await expect(run.getByTestId('error')).toContainText('2030-01-01 还没有到：今天的营业日是');
    expect(readdirSync(folder)).toEqual([]);
    await page.getByTestId('backup-from').fill('');
    await page.getByTestId('backup-today').click();
    await expect(page.getByTestId('backup-done')).toContainText('备份已写入：');
    await expect(run.getByTestId('error')).toHaveCount(0);
    expect(readdirSync(folder)).toHaveLength(1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a failed last backup: the self-check and the start-up summary say so with the reason, as the header does, until a backup succeeds', async ({
  page,
  register,
}) => {
  const root = mkdtempSync(join(tmpdir(), 'ringup-e2e-backup-selfcheck-'));
  const folder = join(root, 'stick');
  mkdirSync(folder);
  try {
    await setUpOwner(page, register, 'en');
    await openBackup(page, 'Backup');
    await page.getByTestId('backup-folder').fill(folder);
    await page.getByTestId('backup-save').click();
    await expect(page.getByTestId('backup-settings-saved')).toHaveText('Backup settings saved.');
    await page.getByTestId('backup-today').click();
    await expect(page.getByTestId('backup-done')).toContainText('Backup written:');
    await page.getByTestId('back-office-nav-self-check').click();
    await expect(page.getByTestId('check-database-state')).toHaveText('all good');

    rmSync(folder, { recursive: true });
    await page.getByTestId('back-office-nav-backup').click();
    await page.getByTestId('backup-today').click();
    await expect(page.getByTestId('backup-run').getByTestId('error')).toContainText('is not there');
    await expect(page.getByTestId('backup-indicator')).toHaveText('Backup failed');

    await page.getByTestId('back-office-nav-self-check').click();
    await expect(page.getByTestId('check-database-state')).toHaveText('needs attention');
    const problem = page.getByTestId('check-database-problem');
    await expect(problem).toContainText(/^The last backup failed \(.*2026.*\): The backup folder .* is not there\./);
    await expect(problem).toContainText(folder);
    await expect(problem).toContainText('Back office → Backup: put that right, then press “Back up today”');

    // After a restart of the window, the start-up summary says it too.
    await page.reload();
    const summary = page.getByTestId('startup-summary');
    await expect(summary).toContainText('The last backup failed');
    await expect(summary).toContainText(`The backup folder ${folder} is not there.`);
    await page.getByTestId('startup-summary-close').click();

    // The stick is back and a backup succeeds: all good again.
    mkdirSync(folder);
    await openBackup(page, 'Backup');
    await page.getByTestId('backup-today').click();
    await expect(page.getByTestId('backup-done')).toContainText('Backup written:');
    await page.getByTestId('back-office-nav-self-check').click();
    await expect(page.getByTestId('check-database-state')).toHaveText('all good');
    await expect(page.getByTestId('check-database-problem')).toHaveCount(0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
