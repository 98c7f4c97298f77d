// What the owner may not save or run in the backup section, refused in main with a translated
// code and nothing changed: no backup folder (which used to switch every backup off, the daily one
// included, under "saved"), a file given as the folder, and days that have not come yet (a bundle
// named for 2030 counted as the last good backup). Real ledgers, real folders.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ringUpSales } from '../support/backup-fixture';
import { cleanups, folder, ownerWithFolder, register } from '../support/backup-rig';
import { errorsI18n } from '../support/errors-i18n';
import { makeRegister, OWNER_PIN, type TestRegister } from '../support/register-fixture';

const configChanges = (reg: TestRegister) =>
  (reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'backup.config_changed'").get() as { n: number }).n;

const zh = errorsI18n();
const say = (code: string, params: Record<string, unknown> = {}, lng = 'zh-CN') => zh.t(code, { ns: 'errors', lng, ...params });

describe('the backup folder is required', () => {
  it('refuses no folder and an all-spaces one, keeps the saved folder and schedule, and the daily backup still runs', async () => {
    // 21:00 UTC is 05:00 in Shanghai: past the 04:30 schedule.
    const now = Date.parse('2026-03-10T21:00:00Z');
    const reg = makeRegister({ clock: () => now });
    cleanups.push(() => reg.cleanup());
    const target = folder();
    await reg.must('setup.createOwner', { name: 'Owner 老板', pin: OWNER_PIN });
    await reg.must('settings.update', { timeZone: 'Asia/Shanghai' });
    const saved = await reg.must('backup.setConfig', { folder: target, scheduleAt: '04:30', keep: 30 });
    const changes = configChanges(reg);

    // What the settings form sends for an emptied field: no folder at all.
    expect(await reg.call('backup.setConfig', { scheduleAt: '04:30', keep: 30 })).toMatchObject({ ok: false, error: { code: 'backup.folder_required' } });
    // Blanks that reach main some other way are no folder either.
    expect(() => reg.backup.setConfig({ folder: '   ', scheduleAt: '04:30', keep: 30 }, 1)).toThrow(
      expect.objectContaining({ code: 'backup.folder_required' }),
    );
    expect(say('backup.folder_required')).toContain('请填写备份文件夹');
    expect(say('backup.folder_required', {}, 'en')).toMatch(/^Please fill in the backup folder.*Nothing was saved\.$/);

    expect(await reg.must('backup.getConfig', {})).toEqual(saved);
    expect(configChanges(reg)).toBe(changes);
    await ringUpSales(reg, 1);
    await reg.backup.maybeScheduled();
    expect(readdirSync(target)).toHaveLength(1);
    expect(await reg.must('backup.status', {})).toMatchObject({ warning: null, lastGood: { trigger: 'scheduled' } });
  });

  it('refuses a file, or a path under a file, as the folder, and saves nothing', async () => {
    const reg = register();
    const target = folder();
    await ownerWithFolder(reg, target);
    const changes = configChanges(reg);
    const file = join(target, 'notes.txt');
    writeFileSync(file, 'not a folder\n');
    for (const path of [file, join(file, 'ringup')]) {
      expect(await reg.call('backup.setConfig', { folder: path, keep: 30 })).toMatchObject({
        ok: false,
        error: { code: 'backup.folder_is_file', params: { folder: path } },
      });
    }
    expect(say('backup.folder_is_file', { folder: file })).toBe(
      `${file} 是一个文件，不是文件夹（或路径中有一部分是文件）。请填写文件夹的路径，例如 /media/usb/ringup。`,
    );
    expect((await reg.must('backup.getConfig', {})).folder).toBe(target);
    expect(configChanges(reg)).toBe(changes);
    // A folder not there yet (a USB stick to plug in later) may still be saved.
    const later = join(target, 'stick-later');
    expect((await reg.must('backup.setConfig', { folder: later, keep: 30 })).folder).toBe(later);
  });
});

describe('a file where the backup folder was', () => {
  it('is named as a file, not as a missing folder, when backing up and listing', async () => {
    const reg = register();
    const target = folder();
    await ownerWithFolder(reg, target);
    await ringUpSales(reg, 1);
    // The folder saved is replaced by a file of the same name (a copy gone wrong on the share).
    rmSync(target, { recursive: true });
    writeFileSync(target, 'till-7\n');
    expect(await reg.call('backup.run', {})).toMatchObject({ ok: false, error: { code: 'backup.folder_is_file', params: { folder: target } } });
    expect(await reg.must('backup.status', {})).toMatchObject({ warning: 'failed', lastFailure: { code: 'backup.folder_is_file', folder: target } });
    expect(await reg.call('backup.list', {})).toMatchObject({ ok: false, error: { code: 'backup.folder_is_file' } });
    expect(say('backup.folder_is_file', { folder: target }, 'en')).not.toMatch(/USB stick|not there/);
    // A folder really not there is still told so.
    rmSync(target);
    expect(await reg.call('backup.list', {})).toMatchObject({ ok: false, error: { code: 'backup.folder_missing' } });
    mkdirSync(target);
  });
});

describe('backing up days that have not come yet', () => {
  it('refuses a range that ends after the business day, writes and records nothing, and backs up today', async () => {
    // 12:00 UTC is 20:00 in Shanghai: the business day is 2026-03-10.
    const now = Date.parse('2026-03-10T12:00:00Z');
    const reg = makeRegister({ clock: () => now });
    cleanups.push(() => reg.cleanup());
    const target = folder();
    await reg.must('setup.createOwner', { name: 'Owner 老板', pin: OWNER_PIN });
    await reg.must('settings.update', { timeZone: 'Asia/Shanghai' });
    await reg.must('backup.setConfig', { folder: target, keep: 30 });
    await ringUpSales(reg, 2);
    const before = await reg.must('backup.status', {});

    for (const [range, day] of [
      [{ from: '2030-01-01' }, '2030-01-01'],
      [{ from: '2026-03-10', to: '2026-03-11' }, '2026-03-11'],
      [{ to: '2026-03-11' }, '2026-03-11'],
    ] as const) {
      expect(await reg.call('backup.run', range), JSON.stringify(range)).toMatchObject({
        ok: false,
        error: { code: 'backup.range_in_future', params: { day, today: '2026-03-10' } },
      });
    }
    // A reversed range is a typing slip, not a failed backup: refused before anything is recorded.
    expect(await reg.call('backup.run', { from: '2026-03-10', to: '2026-03-09' })).toMatchObject({
      ok: false,
      error: { code: 'backup.bad_range', params: { from: '2026-03-10', to: '2026-03-09' } },
    });
    expect(readdirSync(target)).toEqual([]);
    expect(await reg.must('backup.status', {})).toEqual(before);
    expect(say('backup.range_in_future', { day: '2030-01-01', today: '2026-03-10' })).toBe(
      '2030-01-01 还没有到：今天的营业日是 2026-03-10。请选择不晚于 2026-03-10 的日期。',
    );

    const written = await reg.must('backup.run', { from: '2026-03-09', to: '2026-03-10' });
    expect(written).toMatchObject({ from: '2026-03-09', to: '2026-03-10' });
    expect(readdirSync(target)).toEqual([basename(written.file)]);
    expect(await reg.must('backup.status', {})).toMatchObject({ warning: null, lastGood: { file: written.file } });
  });
});
