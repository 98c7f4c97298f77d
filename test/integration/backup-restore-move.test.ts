// Another register's bundle (the shared USB stick holds every till's bundles): over books that pass
// their checks and hold documents or an open shift it is refused, move or not, naming what this
// register holds, and nothing changes; a machine whose books are empty or fail their checks may
// take it as a move. After any restore the last good backup is dated when the bundle was made.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getSettings } from '../../main/settings/settings';
import type { RestoreView } from '../../preload/contract/backup-views';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { readBundle, ringUpSales } from '../support/backup-fixture';
import { cleanups, folder, ownerWithFolder, register } from '../support/backup-rig';
import { errorsI18n } from '../support/errors-i18n';
import { makeRegister, openShift, OWNER_PIN, type TestRegister } from '../support/register-fixture';

const i18n = errorsI18n();

/** Register R2 with two sales, backed up: the bundle another till finds in the shared folder. */
async function otherRegistersBundle(): Promise<string> {
  const other = register();
  await ownerWithFolder(other, folder());
  await other.must('session.login', { operatorId: 1, pin: OWNER_PIN });
  await other.must('settings.update', { registerId: 'R2' });
  await ringUpSales(other, 2);
  return (await other.must('backup.run', {})).file;
}

function books(reg: TestRegister): { head: number; documents: number; registerId: string } {
  return {
    head: reg.db.prepare('SELECT MAX(seq) FROM journal').pluck().get() as number,
    documents: reg.db.prepare("SELECT COUNT(*) FROM documents WHERE status = 'completed'").pluck().get() as number,
    registerId: getSettings(reg.db).registerId,
  };
}

const movedAside = (reg: TestRegister): string[] => readdirSync(reg.dir).filter((name) => name.includes('.replaced-'));

/**
 * The restore's view says where the replaced ledger went, as the owner is told on the success
 * screen: its file name, in the register's data folder, the path the journal records; and that
 * file holds the books that were replaced.
 */
function expectKeptAside(reg: TestRegister, view: RestoreView, books: { registerId: string; documents: number }): void {
  const name = movedAside(reg)[0] ?? '';
  expect(name).toMatch(/^ringup-ledger\.sqlite\.replaced-\d{8}T\d{6}Z$/);
  expect(view.movedAside).toEqual({ file: join(reg.dir, name), name, folder: reg.dir });
  const journalled = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'backup.restored'").pluck().get() as string;
  expect(JSON.parse(journalled)).toMatchObject({ data: { movedAsideTo: join(reg.dir, name) } });
  expect(existsSync(join(reg.dir, name))).toBe(true);
  const old = new Database(join(reg.dir, name), { readonly: true, fileMustExist: true });
  try {
    expect({
      registerId: getSettings(old).registerId,
      documents: old.prepare("SELECT COUNT(*) FROM documents WHERE status = 'completed'").pluck().get(),
    }).toEqual(books);
  } finally {
    old.close();
  }
}

describe("restoring another register's bundle", () => {
  it('over healthy books with sales and an open shift: refused as a move too, naming the last receipt, the documents and the shift; nothing changes', async () => {
    const file = await otherRegistersBundle();
    const here = register();
    await ownerWithFolder(here, folder());
    await here.must('session.login', { operatorId: 1, pin: OWNER_PIN });
    expect(await ringUpSales(here, 2)).toEqual([1, 2]);
    const before = books(here);

    const report = await here.must('backup.verify', { file });
    expect(report.comparison).toMatchObject({
      relation: 'other_register',
      damaged: false,
      refused: true,
      move: true,
      bundleRegisterId: 'R2',
      currentRegisterId: 'R1',
      currentLastReceipt: 'R1-000002',
      documentsAfter: 2,
      openShift: true,
      bundleLastReceipt: 'R2-000002',
    });

    for (const asMove of [true, false]) {
      const refused = await here.call('backup.restore', { file, confirm: 'RESTORE', asMove });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'backup.restore_other_register',
          params: { bundleRegisterId: 'R2', registerId: 'R1', currentLastReceipt: 'R1-000002', documents: 2, scope: 'shift_open' },
        },
      });
      if (refused.ok) continue;
      expect(errorMessage(refused.error, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toContain(
        '它属于收银机 R2，而本机 R1 有自己的账本，且检查完好：已到小票 R1-000002，共 2 张已完成单据，还有一个未结束的班次（含备用金）。',
      );
      const en = errorMessage(refused.error, i18n.getFixedT('en'), 'en', 'CNY');
      expect(en).toContain(
        'this register R1 has books of its own that pass their checks: it is at receipt R1-000002, with completed documents: 2, and a shift is open.',
      );
      expect(en).not.toContain('confirm it as a move');
    }
    // Nothing moved aside, nothing journalled; the owner is still logged in and R1 numbering goes on in the same shift.
    expect(books(here)).toEqual(before);
    expect(movedAside(here)).toEqual([]);
    expect(await ringUpSales(here, 1)).toEqual([3]);
  });

  it('over healthy books with only an open shift (no sale yet): refused, the shift named', async () => {
    const file = await otherRegistersBundle();
    const here = register();
    await ownerWithFolder(here, folder());
    await here.must('session.login', { operatorId: 1, pin: OWNER_PIN });
    await openShift(here);
    const report = await here.must('backup.verify', { file });
    expect(report.comparison).toMatchObject({ relation: 'other_register', refused: true, openShift: true, documentsAfter: 0, currentLastReceipt: null });
    const refused = await here.call('backup.restore', { file, confirm: 'RESTORE', asMove: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'backup.restore_other_register', params: { scope: 'shift_open', documents: 0 } } });
    expect(movedAside(here)).toEqual([]);
    expect((await here.must('shift.current', {})).shift).not.toBeNull();
  });

  it('a replacement machine with empty books is offered the move; unticked it is told to tick it, ticked it becomes R2', async () => {
    const file = await otherRegistersBundle();
    const fresh = register();
    await fresh.must('setup.createOwner', { name: 'Here', pin: OWNER_PIN });
    const report = await fresh.must('backup.verify', { file });
    expect(report.comparison).toMatchObject({ relation: 'other_register', refused: false, move: true, documentsAfter: 0, openShift: false });

    const unticked = await fresh.call('backup.restore', { file, confirm: 'RESTORE' });
    expect(unticked).toMatchObject({ ok: false, error: { code: 'backup.other_register', params: { bundleRegisterId: 'R2', registerId: 'R1' } } });
    if (!unticked.ok) {
      expect(errorMessage(unticked.error, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toBe(
        '此备份属于收银机 R2，本机是 R1。恢复后本机将成为那台收银机：请勾选“本机取代备份所属的收银机（迁移）”，再恢复。没有做任何改动。',
      );
    }
    const moved = await fresh.must('backup.restore', { file, confirm: 'RESTORE', asMove: true });
    expect(moved).toMatchObject({ registerId: 'R2', lastReceiptNo: 2 });
    expect(books(fresh)).toMatchObject({ registerId: 'R2', documents: 2 });
    // R1's empty books, kept under a dated name beside the new ledger.
    expectKeptAside(fresh, moved, { registerId: 'R1', documents: 0 });
  });

  it('over books that fail their checks the move is allowed, and the owner is told what stays in the file moved aside', async () => {
    const file = await otherRegistersBundle();
    const here = register();
    await ownerWithFolder(here, folder());
    await here.must('session.login', { operatorId: 1, pin: OWNER_PIN });
    await ringUpSales(here, 2);
    const tampered = here.db.prepare("SELECT MAX(seq) FROM journal WHERE kind = 'sale.completed'").pluck().get() as number;
    here.db.exec('DROP TRIGGER journal_no_update');
    here.db.prepare('UPDATE journal SET payload = replace(payload, \'"receiptNo":\', \'"receiptNo":1\') WHERE seq = ?').run(tampered);
    const damaged = here.reopen();
    cleanups.push(() => damaged.cleanup());
    await damaged.must('session.login', { operatorId: 1, pin: OWNER_PIN });

    const report = await damaged.must('backup.verify', { file });
    expect(report.comparison).toMatchObject({ relation: 'other_register', damaged: true, refused: false, move: true, documentsAfter: 2 });
    const moved = await damaged.must('backup.restore', { file, confirm: 'RESTORE', asMove: true });
    expect(moved.registerId).toBe('R2');
    expect(movedAside(damaged)).toHaveLength(1);
    // The damaged books with R1's two sales are the file the owner is told about.
    expectKeptAside(damaged, moved, { registerId: 'R1', documents: 2 });
  });
});

describe('the last good backup after a restore', () => {
  it('is the time the bundle was made (its manifest), not the moment of the restore: a bundle three days old is stale', async () => {
    const shop = register();
    await ownerWithFolder(shop, folder());
    await ringUpSales(shop, 1);
    const { file } = await shop.must('backup.run', {});
    const made = Date.parse((await readBundle(file)).manifest.createdAt);

    // A machine whose clock is three days on: the bundle has waited on the USB stick since.
    const later = made + 3 * 24 * 3600 * 1000;
    const fresh = makeRegister({ clock: () => later });
    cleanups.push(() => fresh.cleanup());
    await fresh.must('setup.restoreBackup', { file, confirm: 'RESTORE' });
    await fresh.must('session.login', { operatorId: 1, pin: OWNER_PIN });
    const status = await fresh.must('backup.status', {});
    expect(status.lastGood).toMatchObject({ at: made, file });
    expect(status.warning).toBe('stale');
  });

  it('a bundle just made restores as a backup of today: no warning', async () => {
    const shop = register();
    await ownerWithFolder(shop, folder());
    await ringUpSales(shop, 1);
    const { file } = await shop.must('backup.run', {});
    const made = Date.parse((await readBundle(file)).manifest.createdAt);
    await shop.must('backup.restore', { file, confirm: 'RESTORE' });
    await shop.must('session.login', { operatorId: 1, pin: OWNER_PIN });
    expect(await shop.must('backup.status', {})).toMatchObject({ warning: null, lastGood: { at: made, file } });
  });
});
