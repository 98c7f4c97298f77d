// A new version's schema upgrade runs on the backup's worker thread before the register opens the
// ledger (the desktop shell's start order, electron-policy/start-order.ts): the ledger comes out at
// this code's schema with its journal intact, and the register then opens it at once and sells.
// Files that need no upgrade (new, current, newer, unreadable) are left to the register to judge.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { upgradeLedgerInWorker } from '../../main/backup/upgrade-in-worker';
import { openLedger } from '../../main/ledger/database';
import { verifyJournal } from '../../main/ledger/journal';
import { ledgerNeedsUpgrade } from '../../main/ledger/ledger-upgrade';
import { LATEST_VERSION } from '../../main/ledger/migrations';
import { ledgerPathIn } from '../../main/register';
import { ledgerAtSchema } from '../support/old-schema';
import { makeRegister, withStaff } from '../support/register-fixture';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-upgrade-'));
  dirs.push(dir);
  return dir;
}

/** A ledger of the release before the document keys (schema 18) with `n` journal entries, chained by hand with node:crypto. */
function schema18Ledger(file: string, n: number): void {
  const old = ledgerAtSchema(file, 18);
  let prev = '0'.repeat(64);
  for (let seq = 1; seq <= n; seq++) {
    const at = 1_700_000_000_000 + seq;
    const payload = `{"at":${at},"data":{"operatorId":1,"rows":${seq}},"kind":"catalog.imported","seq":${seq}}`;
    const hash = createHash('sha256').update(prev).update(payload).digest('hex');
    old.prepare('INSERT INTO journal (seq, at, kind, payload, hash) VALUES (?, ?, ?, ?, ?)').run(seq, at, 'catalog.imported', payload, hash);
    prev = hash;
  }
  old.close();
}

describe('the schema upgrade before the register opens', () => {
  it('brings an older ledger to this schema on the worker thread, after which the register opens it and sells', async () => {
    const dir = folder();
    const file = ledgerPathIn(dir);
    schema18Ledger(file, 40);
    expect(ledgerNeedsUpgrade(file)).toBe(true);

    expect(await upgradeLedgerInWorker(file)).toEqual({ from: 18, to: LATEST_VERSION });
    expect(ledgerNeedsUpgrade(file)).toBe(false);
    // Nothing left to do on a second start.
    expect(await upgradeLedgerInWorker(file)).toBeNull();
    const db = openLedger(file);
    try {
      expect(verifyJournal(db)).toEqual({ ok: true, entries: 40, firstBadSeq: null, reason: null });
    } finally {
      db.close();
    }

    const reg = makeRegister({ dir });
    try {
      expect(await reg.must('ledger.selfCheck', {})).toMatchObject({ ok: true });
      await withStaff(reg);
      const { id } = await reg.must('sale.current', {});
      await reg.must('sale.addCustomLine', { saleId: id, name: '茶叶蛋', qtyMilli: 2000, unitPriceMinor: 150 });
      const done = await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 500, idempotencyKey: 'a'.repeat(32) });
      expect(done.receiptNo).not.toBeNull();
    } finally {
      reg.close();
    }
  });

  it('leaves a new, a current, a newer and an unreadable ledger to the register', async () => {
    const dir = folder();
    expect(ledgerNeedsUpgrade(join(dir, 'none.sqlite'))).toBe(false);
    expect(await upgradeLedgerInWorker(join(dir, 'none.sqlite'))).toBeNull();

    const current = join(dir, 'current.sqlite');
    openLedger(current).close();
    expect(ledgerNeedsUpgrade(current)).toBe(false);

    const newer = join(dir, 'newer.sqlite');
    const db = new Database(newer);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(ledgerNeedsUpgrade(newer)).toBe(false);

    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    expect(ledgerNeedsUpgrade(garbage)).toBe(false);
  });
});
