// A restore compared with the books in place: an older bundle (or one whose journal went another
// way) over a ledger that passes its checks is refused and leaves it as it was; over a damaged
// ledger it is allowed and the owner is told where the bundle ends; the same or a newer bundle
// restores as before.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ledgerPathIn } from '../../main/register';
import { ringUpSales } from '../support/backup-fixture';
import { OWNER_PIN } from '../support/register-fixture';
import { cleanups, folder, ownerWithFolder, register } from '../support/backup-rig';

type Reg = ReturnType<typeof register>;

function books(reg: Reg): { head: number; documents: number } {
  return {
    head: reg.db.prepare('SELECT MAX(seq) FROM journal').pluck().get() as number,
    documents: reg.db.prepare("SELECT COUNT(*) FROM documents WHERE status = 'completed'").pluck().get() as number,
  };
}

function movedAside(reg: Reg): string[] {
  return readdirSync(reg.dir).filter((name) => name.includes('.replaced-'));
}

describe('restoring a bundle over the books in place', () => {
  it('refuses an older bundle over a healthy ledger, says what would be lost, and changes nothing', async () => {
    const shop = register();
    const target = folder();
    await ownerWithFolder(shop, target);
    await ringUpSales(shop, 1);
    const { file: older } = await shop.must('backup.run', {});
    const [later] = await ringUpSales(shop, 1);
    expect(later).toBe(2);
    const before = books(shop);

    const report = await shop.must('backup.verify', { file: older });
    expect(report.ok).toBe(true);
    expect(report.comparison).toMatchObject({
      relation: 'older',
      damaged: false,
      refused: true,
      bundleLastReceipt: 'R1-000001',
      currentLastReceipt: 'R1-000002',
      documentsAfter: 1,
    });
    expect(report.comparison?.entriesAfter).toBeGreaterThanOrEqual(2);

    const refused = await shop.call('backup.restore', { file: older, confirm: 'RESTORE' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'backup.restore_older',
        params: { documents: 1, bundleLastReceipt: 'R1-000001', currentLastReceipt: 'R1-000002', entries: report.comparison?.entriesAfter },
      },
    });
    // Nothing moved, nothing journalled, the owner still logged in, and numbering goes on.
    expect(books(shop)).toEqual(before);
    expect(movedAside(shop)).toEqual([]);
    expect(await ringUpSales(shop, 1)).toEqual([3]);
  });

  it('allows an older bundle over a damaged ledger and names where the bundle ends', async () => {
    const shop = register();
    const target = folder();
    await ownerWithFolder(shop, target);
    await ringUpSales(shop, 2);
    const { file: older } = await shop.must('backup.run', {});
    await ringUpSales(shop, 1);
    const tampered = shop.db.prepare("SELECT MAX(seq) FROM journal WHERE kind = 'sale.completed'").pluck().get() as number;
    shop.db.exec('DROP TRIGGER journal_no_update');
    shop.db.prepare('UPDATE journal SET payload = replace(payload, \'"receiptNo":\', \'"receiptNo":1\') WHERE seq = ?').run(tampered);
    const damaged = shop.reopen();
    cleanups.push(() => damaged.cleanup());
    expect(await damaged.must('ledger.selfCheck', {})).toMatchObject({ ok: false, problem: 'chain' });
    await damaged.must('session.login', { operatorId: 1, pin: OWNER_PIN });

    const report = await damaged.must('backup.verify', { file: older });
    expect(report.comparison).toMatchObject({ relation: 'older', damaged: true, refused: false, bundleLastReceipt: 'R1-000002', documentsAfter: 1 });
    const lastAt = damaged.db.prepare('SELECT at FROM journal WHERE seq = ?').pluck().get(report.toSeq) as number;
    expect(report.comparison?.bundleLastEntryAt).toBe(lastAt);

    const restored = await damaged.must('backup.restore', { file: older, confirm: 'RESTORE' });
    expect(restored.lastReceiptNo).toBe(2);
    expect(movedAside(damaged)).toHaveLength(1);
  });

  it('restores the bundle just made (nothing after it but its own export) and a newer one over an older copy', async () => {
    const shop = register();
    const target = folder();
    await ownerWithFolder(shop, target);
    await ringUpSales(shop, 1);
    const { file: first } = await shop.must('backup.run', {});
    expect((await shop.must('backup.verify', { file: first })).comparison).toMatchObject({ relation: 'same_or_newer', refused: false });
    await shop.must('backup.restore', { file: first, confirm: 'RESTORE' });

    // An older copy of the same books, taken now; the shop goes on and backs up again.
    await shop.must('session.login', { operatorId: 1, pin: OWNER_PIN });
    const copyDir = mkdtempSync(join(tmpdir(), 'ringup-copy-'));
    cleanups.push(() => rmSync(copyDir, { recursive: true, force: true }));
    shop.db.exec(`VACUUM INTO '${ledgerPathIn(copyDir)}'`);
    await ringUpSales(shop, 2);
    const { file: newer } = await shop.must('backup.run', {});
    const copy = register(copyDir);
    const restored = await copy.backup.restore(newer, false, null);
    expect(restored.lastReceiptNo).toBe(3);
    expect(existsSync(restored.movedAside?.file ?? '')).toBe(true);
  });

  it('refuses a bundle whose journal went another way over a healthy ledger', async () => {
    const shop = register();
    const target = folder();
    await ownerWithFolder(shop, target);
    await ringUpSales(shop, 1);
    const { file: first } = await shop.must('backup.run', {});
    // A second machine restored from the same bundle sells on its own and backs up.
    const twin = register();
    await twin.must('setup.restoreBackup', { file: first, confirm: 'RESTORE' });
    await twin.must('session.login', { operatorId: 1, pin: OWNER_PIN });
    await ringUpSales(twin, 1);
    const twinTarget = folder();
    await twin.must('backup.setConfig', { folder: twinTarget, keep: 30 });
    const { file: other } = await twin.must('backup.run', {});

    await ringUpSales(shop, 2);
    const before = books(shop);
    const report = await shop.must('backup.verify', { file: other });
    expect(report.comparison).toMatchObject({
      relation: 'diverged',
      refused: true,
      bundleLastReceipt: 'R1-000002',
      currentLastReceipt: 'R1-000003',
      documentsAfter: 2,
    });
    expect(await shop.call('backup.restore', { file: other, confirm: 'RESTORE' })).toMatchObject({
      ok: false,
      error: { code: 'backup.restore_diverged', params: { documents: 2, bundleLastReceipt: 'R1-000002', currentLastReceipt: 'R1-000003' } },
    });
    expect(books(shop)).toEqual(before);
    expect(movedAside(shop)).toEqual([]);
  });

  it('a machine just set up, with no receipt issued, may take the bundle from the back office: no sale is lost, no number reused', async () => {
    const shop = register();
    const target = folder();
    await ownerWithFolder(shop, target);
    await ringUpSales(shop, 2);
    const { file } = await shop.must('backup.run', {});
    // The replacement machine: the owner set up first, then restores from the back office.
    const fresh = register();
    await fresh.must('setup.createOwner', { name: 'Here', pin: OWNER_PIN });
    const report = await fresh.must('backup.verify', { file });
    expect(report.comparison).toMatchObject({ relation: 'diverged', refused: false, currentLastReceipt: null, documentsAfter: 0 });
    await fresh.must('backup.restore', { file, confirm: 'RESTORE' });
    expect(books(fresh).documents).toBe(2);
    expect(movedAside(fresh)).toHaveLength(1);
  });

  it('over a ledger SQLite cannot read, any verified bundle may be restored and the owner is told where it ends', async () => {
    const shop = register();
    await ownerWithFolder(shop, folder());
    await ringUpSales(shop, 2);
    const { file } = await shop.must('backup.run', {});
    await ringUpSales(shop, 1);
    shop.close();
    writeFileSync(shop.file, Buffer.alloc(8192, 0x5a));
    rmSync(`${shop.file}-wal`, { force: true });
    rmSync(`${shop.file}-shm`, { force: true });
    const broken = register(shop.dir);
    const report = await broken.must('setup.verifyBackup', { file });
    expect(report.comparison).toMatchObject({ relation: 'no_ledger', damaged: true, refused: false, bundleLastReceipt: 'R1-000002' });
    expect((await broken.must('setup.restoreBackup', { file, confirm: 'RESTORE' })).lastReceiptNo).toBe(2);
  });
});
