// The daily backup through the register: export to a folder, status, verification, a sale during
// an export, retention, the schedule and a failed backup.
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvLines, readBundle, ringUpSales } from '../support/backup-fixture';
import { makeRegister, OWNER_PIN } from '../support/register-fixture';
import { cleanups, folder, ownerWithFolder, register } from '../support/backup-rig';

describe('backing up the day', () => {
  it('writes one verified bundle with the snapshot, CSV with BOM, JSON and the manifest last, and shows it in the status', async () => {
    const reg = register();
    const target = folder();
    await ownerWithFolder(reg, target);
    expect((await reg.must('backup.status', {})).warning).toBe('never');
    const receipts = await ringUpSales(reg, 4, '=HYPERLINK("x") 备注');

    const progress: string[] = [];
    reg.events.subscribe((event, payload) => event === 'backup.progress' && progress.push((payload as { step: string }).step));
    const record = await reg.must('backup.run', {});

    expect(readdirSync(target)).toEqual([record.file.slice(target.length + 1)]);
    expect(record.file).toMatch(/ringup-R1-\d{4}-\d{2}-\d{2}-\d{8}T\d{6}Z\.zip$/);
    expect(progress).toEqual(expect.arrayContaining(['snapshot', 'tables', 'verify', 'finish']));
    const { names, files, manifest } = await readBundle(record.file);
    expect(names[names.length - 1]).toBe('manifest.json');
    expect(names.slice(0, -1).sort()).toEqual(manifest.files.map((f) => f.name).sort());
    expect(names).toEqual(
      expect.arrayContaining(['ledger.sqlite', 'documents.csv', 'documents.json', 'document_lines.csv', 'payments.csv', 'journal.csv', 'journal.json']),
    );
    for (const f of manifest.files) {
      const bytes = files.get(f.name) ?? Buffer.alloc(0);
      expect(bytes.length, f.name).toBe(f.size);
      expect(createHash('sha256').update(bytes).digest('hex'), f.name).toBe(f.sha256);
    }
    const documents = files.get('documents.csv') ?? Buffer.alloc(0);
    expect([...documents.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvLines(documents);
    expect(rows.map((r) => Number(r.split(',')[4]))).toEqual(receipts);
    // A note that a spreadsheet would run as a formula is written as text.
    expect(rows[0]).toContain(`"'=HYPERLINK(""x"") 备注"`);
    const json = JSON.parse((files.get('documents.json') ?? Buffer.alloc(0)).toString('utf8')) as { note: string; total_minor: number }[];
    expect(json.map((d) => d.note)).toEqual(receipts.map(() => '=HYPERLINK("x") 备注'));
    const day = manifest.businessDays.from;
    expect(manifest.totals[day]?.kinds.sale).toMatchObject({ count: 4, totalMinor: json.reduce((s, d) => s + d.total_minor, 0) });
    expect(manifest.registerId).toBe('R1');
    expect(manifest.journal.toSeq).toBe(manifest.journal.snapshotHeadSeq);
    // The journal leaves with every entry's prev_hash (the ledger derives it: it stores only each entry's own hash).
    const entries = JSON.parse((files.get('journal.json') ?? Buffer.alloc(0)).toString('utf8')) as {
      seq: number;
      payload: string;
      prev_hash: string;
      hash: string;
    }[];
    expect(manifest.tables.journal?.columns).toEqual(['seq', 'at', 'kind', 'payload', 'prev_hash', 'hash']);
    expect(entries.map((e) => e.seq)).toEqual(
      Array.from({ length: manifest.journal.toSeq - manifest.journal.fromSeq + 1 }, (_, i) => manifest.journal.fromSeq + i),
    );
    entries.forEach((e, i) => {
      expect(e.prev_hash, `seq ${e.seq}`).toBe(i === 0 ? manifest.journal.startHash : entries[i - 1]?.hash);
      expect(createHash('sha256').update(e.prev_hash).update(e.payload).digest('hex'), `seq ${e.seq}`).toBe(e.hash);
    });
    // The shift the sales were made in goes with the day, with its opening float.
    expect(manifest.tables.shifts?.rows).toBe(1);
    expect(manifest.tables.cash_counts?.rows).toBe(1);

    const verified = await reg.must('backup.verify', { file: record.file });
    expect(verified).toMatchObject({ ok: true, problem: null, registerId: 'R1', toSeq: manifest.journal.toSeq });
    const status = await reg.must('backup.status', {});
    expect(status).toMatchObject({ warning: null, lastGood: { file: record.file, folder: target, trigger: 'manual' }, running: null });
    const kinds = reg.db.prepare("SELECT kind FROM journal WHERE kind LIKE 'backup.%' ORDER BY seq").pluck().all();
    expect(kinds).toEqual(['backup.config_changed', 'backup.exported']);
  });

  it('writes a note of several lines that starts like a formula as text, and the bundle verifies', async () => {
    const reg = register();
    const target = folder();
    await ownerWithFolder(reg, target);
    // A cashier's note as typed: a dash, then a second line.
    await ringUpSales(reg, 1, '-少冰\n打包带走');
    const record = await reg.must('backup.run', {});
    const { files } = await readBundle(record.file);
    expect((files.get('documents.csv') ?? Buffer.alloc(0)).toString('utf8')).toContain(`"'-少冰\n打包带走"`);
    expect(await reg.must('backup.verify', { file: record.file })).toMatchObject({ ok: true });
  });

  it('exports refunds and voids as documents of their kind, with their payments, in totals that verify', async () => {
    const reg = register();
    const target = folder();
    await ownerWithFolder(reg, target);
    await ringUpSales(reg, 3);
    const [sold, voided] = [await reg.must('sale.byReceipt', { receiptNo: 1 }), await reg.must('sale.byReceipt', { receiptNo: 2 })];
    await reg.must('refund.withReceipt', {
      saleId: sold.id,
      lines: [{ lineId: sold.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: 'bk-refund-1',
    });
    await reg.must('void.sale', { saleId: voided.id, reason: 'cashier_error', idempotencyKey: 'bk-void-1' });
    const { file } = await reg.must('backup.run', {});
    const { files, manifest } = await readBundle(file);
    const kinds = JSON.parse((files.get('documents.json') ?? Buffer.alloc(0)).toString('utf8')) as { kind: string; total_minor: number }[];
    expect(kinds.map((d) => d.kind).sort()).toEqual(['refund', 'sale', 'sale', 'sale', 'void']);
    const day = manifest.totals[manifest.businessDays.from];
    for (const kind of ['sale', 'refund', 'void']) {
      const of = kinds.filter((d) => d.kind === kind);
      expect(day?.kinds[kind], kind).toMatchObject({ count: of.length, totalMinor: of.reduce((s, d) => s + d.total_minor, 0) });
    }
    expect(await reg.must('backup.verify', { file })).toMatchObject({ ok: true });
  });

  it('puts a sale completed during an export in the next backup, never half in one', async () => {
    // Bundle names carry the creation second: the second bundle is made a second later on the register's clock, however fast the first was.
    let skewMs = 0;
    const reg = makeRegister({ clock: () => Date.now() + skewMs });
    cleanups.push(() => reg.cleanup());
    const target = folder();
    await ownerWithFolder(reg, target);
    await ringUpSales(reg, 30);
    const running = reg.must('backup.run', {});
    let during = 0;
    let settled = false;
    void running.finally(() => (settled = true));
    while (!settled) {
      await ringUpSales(reg, 1);
      during += 1;
      // Router calls resolve as microtasks; a till gets its next scan from the event loop.
      await new Promise((r) => setImmediate(r));
    }
    const first = await running;
    expect(during).toBeGreaterThan(0);
    const a = await readBundle(first.file);
    const inJournal = reg.db
      .prepare("SELECT seq, json_extract(payload, '$.data.receiptNo') AS receipt FROM journal WHERE kind = 'sale.completed' ORDER BY seq")
      .all() as {
      seq: number;
      receipt: number;
    }[];
    const receiptsIn = (files: Map<string, Buffer>) => csvLines(files.get('documents.csv') ?? Buffer.alloc(0)).map((r) => Number(r.split(',')[4]));
    // Exactly the sales journalled up to the bundle's head, each with its lines and payment.
    const upToHead = inJournal.filter((e) => e.seq <= a.manifest.journal.toSeq).map((e) => e.receipt);
    expect(receiptsIn(a.files)).toEqual(upToHead);
    expect(csvLines(a.files.get('payments.csv') ?? Buffer.alloc(0))).toHaveLength(upToHead.length);
    expect(a.manifest.tables.document_lines?.rows).toBe(upToHead.length);

    skewMs += 1000;
    const second = await reg.backup.runAutomatic('scheduled');
    const b = await readBundle(second.file);
    expect(receiptsIn(b.files)).toEqual(inJournal.map((e) => e.receipt));
    expect(b.manifest.journal.fromSeq).toBeLessThanOrEqual(a.manifest.journal.toSeq + 1);
  });

  it('keeps the newest N bundles of this register and journals what it removed', async () => {
    // Names carry the creation second: the register's clock moves a second between bundles instead of the test waiting one.
    let skewMs = 0;
    const reg = makeRegister({ clock: () => Date.now() + skewMs });
    cleanups.push(() => reg.cleanup());
    const target = folder();
    await ownerWithFolder(reg, target, 2);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      await ringUpSales(reg, 1);
      made.push((await reg.must('backup.run', {})).file);
      skewMs += 1000;
    }
    expect(readdirSync(target).sort()).toEqual(
      made
        .slice(1)
        .map((f) => f.slice(target.length + 1))
        .sort(),
    );
    const pruned = reg.db.prepare("SELECT json_extract(payload, '$.data.files') FROM journal WHERE kind = 'backup.pruned'").pluck().all();
    expect(pruned).toEqual([JSON.stringify([made[0]?.slice(target.length + 1)])]);
    expect((await reg.must('backup.list', {})).map((b) => b.file)).toEqual([...made.slice(1)].reverse());
  });

  it('writes a second and third bundle made within the same second under numbered names, listed newest first, and prunes the oldest', async () => {
    // The register's clock stands still: three presses of "Back up today" within one second.
    const frozen = Date.now();
    const reg = makeRegister({ clock: () => frozen });
    cleanups.push(() => reg.cleanup());
    const target = folder();
    await ownerWithFolder(reg, target, 2);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      await ringUpSales(reg, 1);
      made.push((await reg.must('backup.run', {})).file);
    }
    const [first, second, third] = made.map((f) => f.slice(target.length + 1));
    expect(second).toBe(first?.replace(/Z\.zip$/, 'Z-2.zip'));
    expect(third).toBe(first?.replace(/Z\.zip$/, 'Z-3.zip'));
    expect((await reg.must('backup.list', {})).map((b) => b.file)).toEqual([made[2], made[1]]);
    expect(readdirSync(target).sort()).toEqual([second, third].sort());
    const last = await reg.must('backup.verify', { file: made[2] ?? '' });
    expect(last.ok).toBe(true);
  });

  it('backs up once a day at the set time in the store time zone, and warns when the last good one is over 24 h old', async () => {
    let now = Date.parse('2026-03-10T21:00:00Z');
    const reg = makeRegister({ clock: () => now });
    cleanups.push(() => reg.cleanup());
    const target = folder();
    await reg.must('setup.createOwner', { name: 'Owner 老板', pin: OWNER_PIN });
    await reg.must('settings.update', { timeZone: 'Asia/Shanghai' });
    // 21:00 UTC is 05:00 the next morning in Shanghai: past a 04:30 schedule.
    await reg.must('backup.setConfig', { folder: target, keep: 30, scheduleAt: '04:30' });
    await ringUpSales(reg, 2);
    await reg.backup.maybeScheduled();
    expect(readdirSync(target)).toHaveLength(1);
    expect(await reg.must('backup.status', {})).toMatchObject({ warning: null, lastGood: { trigger: 'scheduled', to: '2026-03-11' } });
    // Once that day, however often the timer looks.
    now += 60_000;
    await reg.backup.maybeScheduled();
    expect(readdirSync(target)).toHaveLength(1);
    now += 25 * 3_600_000;
    expect((await reg.must('backup.status', {})).warning).toBe('stale');
    await reg.backup.maybeScheduled();
    expect(readdirSync(target)).toHaveLength(2);
    expect((await reg.must('backup.status', {})).warning).toBeNull();
  });

  it('refuses a backup before a folder is chosen without recording it as a failed backup', async () => {
    const reg = register();
    await reg.must('setup.createOwner', { name: 'Owner 老板', pin: OWNER_PIN });
    expect(await reg.call('backup.run', {})).toMatchObject({ ok: false, error: { code: 'backup.no_folder' } });
    expect(await reg.must('backup.status', {})).toMatchObject({ warning: 'never', lastFailure: null, running: null });
  });

  it('records a failed backup with its reason and warns until the next good one', async () => {
    const reg = register();
    const target = folder();
    await ownerWithFolder(reg, target);
    rmSync(target, { recursive: true });
    expect(await reg.call('backup.run', {})).toMatchObject({ ok: false, error: { code: 'backup.folder_missing', params: { folder: target } } });
    expect(await reg.must('backup.status', {})).toMatchObject({
      warning: 'failed',
      lastFailure: { code: 'backup.folder_missing', folder: target, params: { folder: target } },
    });
  });
});
