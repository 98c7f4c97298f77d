// Operators that came down from HQ before HQ's operators got numbers have none (工号): after the
// upgrade each has the next free number, in the order they were added, and the numbers the till
// had given keep theirs (printed badges carry them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../main/ledger/database';
import { LATEST_VERSION } from '../../main/ledger/migrations';
import { ledgerAtSchema } from '../support/old-schema';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('operator numbers for operators HQ sent down before they were given one', () => {
  it('gives each the next free number and leaves the others as they were', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringup-operator-numbers-'));
    dirs.push(dir);
    const file = join(dir, 'ledger.sqlite');
    const old = ledgerAtSchema(file, 22);
    const add = old.prepare(
      "INSERT INTO operators (id, name, role, pin_hash, pin_salt, pin_params, created_at, number) VALUES (?, ?, ?, x'00', x'00', '{}', 0, ?)",
    );
    add.run(1, 'Owner 老板', 'owner', 1);
    add.run(2, '王芳', 'cashier', null); // from HQ
    add.run(3, 'Sue', 'supervisor', 7); // numbers are never reused, so gaps exist
    add.run(4, '李娜', 'cashier', null); // from HQ
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();

    const db = openLedger(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(db.prepare('SELECT id, number FROM operators ORDER BY id').all()).toEqual([
        { id: 1, number: 1 },
        { id: 2, number: 8 },
        { id: 3, number: 7 },
        { id: 4, number: 9 },
      ]);
    } finally {
      db.close();
    }
  });
});
