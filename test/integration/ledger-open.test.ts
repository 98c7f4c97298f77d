import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerOpenError, openLedger, WAL_SIZE_LIMIT } from '../../main/ledger/database';
import { LATEST_VERSION } from '../../main/ledger/migrations';
import { assertFullDurability, withCartDurability } from '../../main/ledger/durability';

const dirs: string[] = [];
function tmpFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-open-'));
  dirs.push(dir);
  return join(dir, 'ledger.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('opening the ledger', () => {
  it('is WAL, synchronous=FULL and foreign keys on, also when reopened', () => {
    const file = tmpFile();
    openLedger(file).close();
    // A plain reopen of a WAL file comes back at NORMAL (1): exactly the trap openLedger must undo.
    const plain = new Database(file);
    expect(plain.pragma('synchronous', { simple: true })).toBe(1);
    plain.close();
    const db = openLedger(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('cuts the WAL back after one big transaction has been checkpointed', () => {
    const file = tmpFile();
    const db = openLedger(file);
    db.exec('CREATE TABLE bulk (b BLOB)');
    const insert = db.prepare('INSERT INTO bulk (b) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 64; i++) insert.run(Buffer.alloc(256 * 1024, i));
    })();
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(4 * WAL_SIZE_LIMIT);
    db.pragma('wal_checkpoint(PASSIVE)');
    // The next write starts the WAL over, and the file is cut to the limit.
    insert.run(Buffer.alloc(16));
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(WAL_SIZE_LIMIT);
    db.close();
  });

  it('refuses a ledger written by a newer version, and leaves it untouched', () => {
    const file = tmpFile();
    openLedger(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openLedger(file)).toThrow(LedgerOpenError);
    expect(() => openLedger(file)).toThrow(/newer Ringup/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    check.close();
  });

  it('migrates a fresh file once, and a second open changes nothing', () => {
    const file = tmpFile();
    const db = openLedger(file);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['documents', 'document_lines', 'payments', 'journal', 'operators', 'products', 'register_counters', 'idempotency']),
    );
    db.close();
    const again = openLedger(file);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    again.close();
  });
});

describe('durability per commit', () => {
  it('relaxes only cart edits, restores FULL afterwards, and refuses a money commit below FULL', () => {
    const db = openLedger(tmpFile());
    const inside = withCartDurability(db, () => db.pragma('synchronous', { simple: true }));
    expect(inside).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(() => withCartDurability(db, () => assertFullDurability(db))).toThrow(/below synchronous=FULL/);
    expect(() =>
      withCartDurability(db, () => {
        throw new Error('edit failed');
      }),
    ).toThrow('edit failed');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });
});
