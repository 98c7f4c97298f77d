// Schema 18 (issue 18: bytes per sale): a ledger written before it, whose journal stored each
// entry's prev_hash, opens, migrates and still verifies; its chain reads the same through
// journal_chain, goes on from its old head, and still gives an edit away.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../main/ledger/database';
import { appendJournal, verifyJournal } from '../../main/ledger/journal';
import { ledgerAtSchema } from '../support/old-schema';
import { EXPORT_TABLES, exportSource } from '../../main/backup/export-tables';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type OldRow = { seq: number; at: number; kind: string; payload: string; prev_hash: string; hash: string };

/** A ledger at schema 17 with `n` journal entries chained as schema 17 stored them (prev_hash in each row). */
function schema17Ledger(n: number): { file: string; rows: OldRow[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-lean-'));
  dirs.push(dir);
  const file = join(dir, 'ledger.sqlite');
  const old = ledgerAtSchema(file, 17);
  const rows: OldRow[] = [];
  let prev = '0'.repeat(64);
  for (let seq = 1; seq <= n; seq++) {
    const at = 1_700_000_000_000 + seq;
    // Written by hand (keys sorted, no spaces) and hashed with node:crypto, not with the register's own encoder.
    const payload = `{"at":${at},"data":{"operatorId":1,"rows":${seq * 10}},"kind":"catalog.imported","seq":${seq}}`;
    const hash = createHash('sha256').update(prev).update(payload).digest('hex');
    rows.push({ seq, at, kind: 'catalog.imported', payload, prev_hash: prev, hash });
    old
      .prepare('INSERT INTO journal (seq, at, kind, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)')
      .run(seq, at, 'catalog.imported', payload, prev, hash);
    prev = hash;
  }
  old.close();
  return { file, rows };
}

describe('a ledger from before schema 18', () => {
  it('migrates, verifies, shows the same chain through journal_chain and goes on from its head', () => {
    const { file, rows } = schema17Ledger(30);
    const db = openLedger(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(18);
      // No prev_hash column (and, since schema 20, at, kind and hash are read from the payload and the hash's bytes).
      expect(db.prepare("SELECT name FROM pragma_table_xinfo('journal') ORDER BY cid").pluck().all()).not.toContain('prev_hash');
      expect(verifyJournal(db)).toEqual({ ok: true, entries: 30, firstBadSeq: null, reason: null });
      expect(db.prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain ORDER BY seq').all()).toEqual(rows);
      const seq = appendJournal(db, 'catalog.imported', { operatorId: 1, rows: 1 }, 1_700_000_001_000);
      expect(seq).toBe(31);
      const next = db.prepare('SELECT payload, prev_hash, hash FROM journal_chain WHERE seq = 31').get() as {
        payload: string;
        prev_hash: string;
        hash: string;
      };
      expect(next.prev_hash).toBe(rows[29]?.hash);
      expect(next.hash).toBe(createHash('sha256').update(next.prev_hash).update(next.payload).digest('hex'));
      expect(verifyJournal(db)).toEqual({ ok: true, entries: 31, firstBadSeq: null, reason: null });
    } finally {
      db.close();
    }
  });

  it('still names an edited old entry, and a forged one rehashed after the hash before it', () => {
    const { file, rows } = schema17Ledger(10);
    const db = openLedger(file);
    try {
      db.exec('DROP TRIGGER journal_no_update');
      db.exec('SAVEPOINT t');
      db.prepare('UPDATE journal SET payload = replace(payload, \'"rows":50\', \'"rows":51\') WHERE seq = 5').run();
      expect(verifyJournal(db)).toMatchObject({ ok: false, firstBadSeq: 5, reason: 'hash_mismatch' });
      db.exec('ROLLBACK TO t; RELEASE t');
      const forged = (rows[4]?.payload ?? '').replace('"rows":50', '"rows":51');
      db.prepare('UPDATE journal SET payload = ?, hash_bytes = ? WHERE seq = 5').run(
        forged,
        createHash('sha256')
          .update(rows[3]?.hash ?? '')
          .update(forged)
          .digest(),
      );
      // Entry 5 holds now; entry 6 was hashed after the old hash of 5.
      expect(verifyJournal(db)).toMatchObject({ ok: false, firstBadSeq: 6, reason: 'hash_mismatch' });
    } finally {
      db.close();
    }
  });

  it("finds a day's documents through documents_day, not by walking the register", () => {
    const { file } = schema17Ledger(1);
    const db = openLedger(file);
    try {
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' AND name LIKE 'documents_%day'").pluck().all()).toEqual(
        ['documents_day'],
      );
      // The X/Z, fraud and product rollups select a register's day by equality: SQLite picks documents_day over the (register_id, receipt_no) index.
      const plan = db
        .prepare("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM documents WHERE register_id = ? AND business_day = ? AND status = 'completed' AND training = 0")
        .all('R1', '2026-01-01') as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX documents_day (business_day=?)');
    } finally {
      db.close();
    }
  });
  it("reads a bundle's journal rows from the table in a snapshot from before schema 18, and from journal_chain after", () => {
    const { file, rows } = schema17Ledger(3);
    const journal = EXPORT_TABLES.find((t) => t.name === 'journal');
    if (!journal) throw new Error('journal is not exported');
    const old = new Database(file, { readonly: true });
    try {
      expect(exportSource(old, journal)).toBe('journal');
      expect(old.prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal ORDER BY seq').all()).toEqual(rows);
    } finally {
      old.close();
    }
    const db = openLedger(file);
    try {
      expect(exportSource(db, journal)).toBe('journal_chain');
      expect(db.prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain ORDER BY seq').all()).toEqual(rows);
    } finally {
      db.close();
    }
  });
});
