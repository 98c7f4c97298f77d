// The two ways a ledger change runs atomically, on a real ledger file: a transaction of its own
// (a savepoint when nested), and the caller's transaction when there is one (no savepoint, so a
// throw must end the caller's whole transaction).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger, type Db } from '../../main/ledger/database';
import { inCallerTransaction, inTransaction } from '../../main/ledger/transaction';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ringup-tx-'));
  db = openLedger(join(dir, 'ledger.sqlite'));
  db.exec('CREATE TABLE t (v TEXT NOT NULL)');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const put = (v: string): void => void db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
const rows = (): string[] => (db.prepare('SELECT v FROM t ORDER BY rowid').pluck().all() as string[]).slice();

describe('inCallerTransaction', () => {
  it('alone, commits its writes together, and keeps none of them when it throws', () => {
    expect(inCallerTransaction(db, () => (put('a'), put('b'), 'done'))).toBe('done');
    expect(db.inTransaction).toBe(false);
    expect(() =>
      inCallerTransaction(db, () => {
        put('c');
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(db.inTransaction).toBe(false);
    expect(rows()).toEqual(['a', 'b']);
  });

  it("inside a caller's transaction, commits with it, and a throw rolls back everything the caller wrote too", () => {
    inTransaction(db, () => {
      put('before');
      inCallerTransaction(db, () => put('inside'));
      put('after');
    });
    expect(rows()).toEqual(['before', 'inside', 'after']);

    expect(() =>
      inTransaction(db, () => {
        put('lost before');
        inCallerTransaction(db, () => {
          put('lost inside');
          throw new Error('refused');
        });
      }),
    ).toThrow('refused');
    expect(db.inTransaction).toBe(false);
    expect(rows()).toEqual(['before', 'inside', 'after']);
  });
});
