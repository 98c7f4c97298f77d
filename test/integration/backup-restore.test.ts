// Restoring a bundle on a fresh machine, continuing the same receipts and chain; the start check
// that refuses to sell on a damaged ledger until a restore.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { repack, ringUpSales } from '../support/backup-fixture';
import { OWNER_PIN } from '../support/register-fixture';
import { cleanups, folder, ownerWithFolder, register } from '../support/backup-rig';

describe('restoring a bundle', () => {
  it('restores on a fresh machine from the first-run screen: same receipts and chain continue, the old ledger is moved aside', async () => {
    const shop = register();
    const target = folder();
    await ownerWithFolder(shop, target);
    const receipts = await ringUpSales(shop, 5);
    const head = shop.db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    const { file } = await shop.must('backup.run', {});

    const fresh = register();
    expect((await fresh.must('session.current', {})).needsSetup).toBe(true);
    expect(await fresh.call('setup.restoreBackup', { file, confirm: 'WRONG' as 'RESTORE' })).toMatchObject({
      ok: false,
      error: { code: 'request.invalid_input' },
    });
    const restored = await fresh.must('setup.restoreBackup', { file, confirm: 'RESTORE' });
    expect(restored).toMatchObject({ registerId: 'R1', lastReceiptNo: receipts[receipts.length - 1] });
    expect(restored.movedAside?.name).toMatch(/^ringup-ledger\.sqlite\.replaced-/);
    expect(existsSync(restored.movedAside?.file ?? '')).toBe(true);

    const session = await fresh.must('session.current', {});
    expect(session.needsSetup).toBe(false);
    expect(await fresh.must('backup.status', {}).catch(() => null)).toBeNull(); // nobody is logged in after a restore
    expect(session.operator).toBeNull();
    const owner = (await fresh.must('session.operators', {}))[0];
    await fresh.must('session.login', { operatorId: owner?.id ?? 0, pin: OWNER_PIN });
    expect(await fresh.must('backup.status', {})).toMatchObject({ warning: null, lastGood: { file } });
    const [next] = await ringUpSales(fresh, 1);
    expect(next).toBe((receipts[receipts.length - 1] ?? 0) + 1);
    expect(verifyJournal(fresh.db)).toMatchObject({ ok: true });
    const restoredEntry = fresh.db.prepare("SELECT seq, prev_hash FROM journal_chain WHERE kind = 'backup.restored'").get() as {
      seq: number;
      prev_hash: string;
    };
    // The chain goes on from the bundle's head: the restore is the entry right after it.
    expect(restoredEntry).toEqual({ seq: head.seq + 1, prev_hash: head.hash });
  });

  it("refuses another register's bundle unless the owner confirms a move", async () => {
    const other = register();
    const target = folder();
    await ownerWithFolder(other, target);
    await other.must('session.login', { operatorId: 1, pin: OWNER_PIN });
    await other.must('settings.update', { registerId: 'R2' });
    await ringUpSales(other, 2);
    const { file } = await other.must('backup.run', {});

    const here = register();
    await here.must('setup.createOwner', { name: 'Here', pin: OWNER_PIN });
    const before = here.db.prepare('SELECT COUNT(*) FROM journal').pluck().get();
    expect(await here.call('backup.restore', { file, confirm: 'RESTORE' })).toMatchObject({
      ok: false,
      error: { code: 'backup.other_register', params: { bundleRegisterId: 'R2', registerId: 'R1' } },
    });
    expect(here.db.prepare('SELECT COUNT(*) FROM journal').pluck().get()).toBe(before);
    const moved = await here.must('backup.restore', { file, confirm: 'RESTORE', asMove: true });
    expect(moved.registerId).toBe('R2');
    expect(JSON.parse(here.db.prepare("SELECT payload FROM journal WHERE kind = 'backup.restored'").pluck().get() as string)).toMatchObject({
      data: { asMove: true, bundleRegisterId: 'R2' },
    });
  });

  it('refuses a bundle that does not verify and leaves the ledger as it was', async () => {
    const shop = register();
    const target = folder();
    await ownerWithFolder(shop, target);
    await ringUpSales(shop, 2);
    const { file } = await shop.must('backup.run', {});
    const bad = join(target, 'tampered.zip');
    await repack(file, bad, (files) => {
      const csv = files.get('payments.csv') ?? Buffer.alloc(0);
      files.set('payments.csv', Buffer.from(csv.toString('utf8').replace(',cash,', ',card,')));
    });
    const fresh = register();
    const ledgerBefore = readFileSync(fresh.file);
    expect(await fresh.call('setup.restoreBackup', { file: bad, confirm: 'RESTORE' })).toMatchObject({
      ok: false,
      error: { code: 'backup.bundle_invalid', params: { problem: 'hash_mismatch', file: 'payments.csv' } },
    });
    expect((await fresh.must('session.current', {})).needsSetup).toBe(true);
    expect(readFileSync(fresh.file).equals(ledgerBefore)).toBe(true);
  });
});

describe('the start check', () => {
  it('refuses to sell on a ledger whose journal was edited, names the entry, and a restore brings selling back', async () => {
    const shop = register();
    const target = folder();
    await ownerWithFolder(shop, target);
    await ringUpSales(shop, 3);
    const { file } = await shop.must('backup.run', {});
    const tampered = shop.db.prepare("SELECT seq FROM journal WHERE kind = 'sale.completed' ORDER BY seq LIMIT 1 OFFSET 1").pluck().get() as number;
    shop.db.exec('DROP TRIGGER journal_no_update');
    shop.db.prepare('UPDATE journal SET payload = replace(payload, \'"receiptNo":\', \'"receiptNo":1\') WHERE seq = ?').run(tampered);
    const reopened = shop.reopen();
    cleanups.push(() => reopened.cleanup());

    expect(await reopened.must('ledger.selfCheck', {})).toMatchObject({ ok: false, problem: 'chain', seq: tampered, lastBundle: file });
    await reopened.must('session.login', { operatorId: 1, pin: OWNER_PIN });
    expect(await reopened.call('sale.current', {})).toMatchObject({
      ok: false,
      error: { code: 'ledger.damaged', params: { problem: 'chain', seq: tampered } },
    });
    expect(await reopened.call('backup.run', {})).toMatchObject({ ok: false, error: { code: 'backup.ledger_damaged' } });

    await reopened.must('backup.restore', { file, confirm: 'RESTORE' });
    await reopened.must('session.login', { operatorId: 1, pin: OWNER_PIN });
    expect(await reopened.must('ledger.selfCheck', {})).toMatchObject({ ok: true });
    await ringUpSales(reopened, 1);
  });

  it('starts on a ledger SQLite cannot read, refuses setup and sales, and restores from the first-run screen', async () => {
    const shop = register();
    const target = folder();
    await ownerWithFolder(shop, target);
    const receipts = await ringUpSales(shop, 2);
    const { file } = await shop.must('backup.run', {});
    shop.close();
    const garbage = Buffer.alloc(8192, 0x5a);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(shop.file, garbage);
    rmSync(`${shop.file}-wal`, { force: true });
    rmSync(`${shop.file}-shm`, { force: true });

    const broken = register(shop.dir);
    expect(await broken.must('ledger.selfCheck', {})).toMatchObject({ ok: false, problem: 'unreadable', lastBundle: file });
    expect((await broken.must('session.current', {})).needsSetup).toBe(true);
    expect(await broken.call('setup.createOwner', { name: 'New', pin: '4826' })).toMatchObject({ ok: false, error: { code: 'ledger.damaged' } });
    const restored = await broken.must('setup.restoreBackup', { file, confirm: 'RESTORE' });
    expect(readFileSync(restored.movedAside?.file ?? '').equals(garbage)).toBe(true);
    await broken.must('session.login', { operatorId: 1, pin: OWNER_PIN });
    expect(await ringUpSales(broken, 1)).toEqual([(receipts[1] ?? 0) + 1]);
  });

  it('runs the full check with progress and reports an intact ledger', async () => {
    const reg = register();
    await ownerWithFolder(reg, folder());
    await ringUpSales(reg, 2);
    const steps: string[] = [];
    reg.events.subscribe((event, payload) => event === 'backup.progress' && steps.push((payload as { step: string }).step));
    const result = await reg.must('ledger.fullCheck', {});
    expect(result).toMatchObject({ ok: true, full: true, problem: null });
    expect(result.entries).toBe(reg.db.prepare('SELECT COUNT(*) FROM journal').pluck().get());
    expect(steps.length).toBeGreaterThan(0);
  });
});
