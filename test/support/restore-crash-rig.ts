// A data folder caught part-way through a restore, as a power cut would leave it: the shop's books
// with receipts 1-2 (ledger and WAL, copied while the register was running), a bundle of the same
// books at receipts 1-4, and the bundle's verified snapshot staged in backup-work/ as a restore
// stages it. Each test then does the restore's steps up to its crash point and starts the register.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import type { BundleReportView } from '../../preload/contract/backup-views';
import { runInWorker } from '../../main/backup/worker-client';
import type { RestoreIntent, RestoreRecord } from '../../main/backup/restore-intent';
import { ledgerPathIn } from '../../main/register';
import { ringUpSales } from './backup-fixture';
import { cleanups, folder, ownerWithFolder, register } from './backup-rig';
import { OWNER_PIN, type TestRegister } from './register-fixture';

export interface CrashRig {
  dir: string;
  ledger: string;
  staged: string;
  bundle: string;
  intent: RestoreIntent;
}

export async function crashRig(): Promise<CrashRig> {
  const shop = register();
  await ownerWithFolder(shop, folder());
  expect(await ringUpSales(shop, 2)).toEqual([1, 2]);
  const dir = mkdtempSync(join(tmpdir(), 'ringup-restore-crash-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const ledger = ledgerPathIn(dir);
  // The register is running: its last commits are in the WAL, which has to travel with the ledger.
  expect(statSync(`${shop.file}-wal`).size).toBeGreaterThan(0);
  for (const suffix of ['', '-wal', '-shm']) copyFileSync(shop.file + suffix, ledger + suffix);
  expect(await ringUpSales(shop, 2)).toEqual([3, 4]);
  const { file: bundle } = await shop.must('backup.run', {});

  const work = join(dir, 'backup-work');
  mkdirSync(work);
  const staged = join(work, `restoring-${Date.now()}.sqlite`);
  const report = await runInWorker<BundleReportView>({ kind: 'verify', file: bundle, options: { level: 'full', workDir: work, keepSnapshotAs: staged } });
  expect(report.ok).toBe(true);
  const record: RestoreRecord = {
    bundle,
    bundleRegisterId: report.registerId ?? '',
    toSeq: report.toSeq ?? 0,
    headHash: report.headHash ?? '',
    madeAt: Date.parse(report.createdAt ?? ''),
    bytes: statSync(bundle).size,
    from: report.from ?? '',
    to: report.to ?? '',
    asMove: false,
    operatorId: 1,
  };
  return { dir, ledger, staged, bundle, intent: { version: 1, phase: 'swap', staged: relative(dir, staged), aside: null, undoneTo: null, record } };
}

/** The last receipt number in a ledger file, read without the register. */
export function lastReceiptIn(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT MAX(last_receipt_no) FROM register_counters').pluck().get() as number | null) ?? 0;
  } finally {
    db.close();
  }
}

/** The ledgers moved aside in the data folder (without their sidecars). */
export function movedAside(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /\.replaced-[0-9TZ-]+$/.test(n))
    .sort();
}

/**
 * Starts the register on the folder and checks what the owner would: the shop is set up (no
 * first-run screen), the ledger passes its check, the next sale takes the receipt number after
 * `lastReceipt`, and nothing of the restore is left behind (marker, staged copies).
 */
export async function startAndCheckBooks(dir: string, lastReceipt: number): Promise<TestRegister> {
  const reg = register(dir);
  expect((await reg.must('session.current', {})).needsSetup).toBe(false);
  const owner = (await reg.must('session.operators', {}))[0];
  await reg.must('session.login', { operatorId: owner?.id ?? 0, pin: OWNER_PIN });
  expect(await reg.must('ledger.selfCheck', {})).toMatchObject({ ok: true });
  expect(await ringUpSales(reg, 1)).toEqual([lastReceipt + 1]);
  const names = readdirSync(dir);
  expect(names).not.toContain('restore-intent.json');
  expect(names.filter((n) => n.startsWith('restoring-'))).toEqual([]);
  expect(existsSync(join(dir, 'backup-work')) ? readdirSync(join(dir, 'backup-work')) : []).toEqual([]);
  return reg;
}
