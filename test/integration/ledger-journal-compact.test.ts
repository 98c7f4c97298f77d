// Schema 20 (issue 18: bytes per sale): the journal stores each entry's payload and the 32 bytes
// of its hash, and reads its time, kind and hex hash from them. A ledger written at schema 19
// opens, migrates, reads the same rows, still verifies, goes on from its head and costs less.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../main/ledger/database';
import { appendJournal, verifyJournal } from '../../main/ledger/journal';
import { INDEXED_KINDS } from '../../main/ledger/journal-kind-index';
import { ledgerAtSchema } from '../support/old-schema';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Row = { seq: number; at: number; kind: string; payload: string; prev_hash: string; hash: string };

/** A ledger at schema 19 with `n` entries hashed by hand with node:crypto, as schemas 18 and 19 stored them. */
function schema19Ledger(n: number): { file: string; rows: Row[] } {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-compact-'));
  dirs.push(dir);
  const file = join(dir, 'ledger.sqlite');
  const old = ledgerAtSchema(file, 19);
  const rows: Row[] = [];
  let prev = '0'.repeat(64);
  const insert = old.prepare('INSERT INTO journal (seq, at, kind, payload, hash) VALUES (?, ?, ?, ?, ?)');
  old.transaction(() => {
    for (let seq = 1; seq <= n; seq++) {
      const at = 1_700_000_000_000 + seq * 1000;
      const kind = seq % 3 ? 'catalog.imported' : 'settings.changed';
      // Keys sorted, no spaces, a Chinese text in every third: written out here, not by the register's encoder.
      const data = seq % 3 ? `{"operatorId":1,"rows":${seq}}` : `{"changes":{"storeName":{"from":null,"to":"小店 ${seq}"}},"operatorId":1}`;
      const payload = `{"at":${at},"data":${data},"kind":"${kind}","seq":${seq}}`;
      const hash = createHash('sha256').update(prev).update(payload).digest('hex');
      rows.push({ seq, at, kind, payload, prev_hash: prev, hash });
      insert.run(seq, at, kind, payload, hash);
      prev = hash;
    }
  })();
  old.pragma('wal_checkpoint(TRUNCATE)');
  old.close();
  return { file, rows };
}

describe('a ledger from schema 19', () => {
  it('migrates, reads the same entries, verifies and goes on from its head', () => {
    const { file, rows } = schema19Ledger(40);
    const db = openLedger(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(20);
      expect(db.prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain ORDER BY seq').all()).toEqual(rows);
      expect(db.prepare('SELECT seq, at, kind, payload, hash FROM journal ORDER BY seq').all()).toEqual(
        rows.map(({ seq, at, kind, payload, hash }) => ({ seq, at, kind, payload, hash })),
      );
      expect(db.prepare("SELECT COUNT(*) FROM journal WHERE kind = 'settings.changed'").pluck().get()).toBe(13);
      // The kind index is still the way to a kind's entries (but a document's: ledger/journal-kind-index.ts).
      const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT MAX(at) FROM journal WHERE kind = 'settings.changed' AND ${INDEXED_KINDS}`).all() as {
        detail: string;
      }[];
      expect(plan.map((p) => p.detail).join(' ')).toContain('journal_kind');
      expect(verifyJournal(db)).toEqual({ ok: true, entries: 40, firstBadSeq: null, reason: null });
      expect(appendJournal(db, 'catalog.imported', { operatorId: 1, rows: 1 }, 1_700_000_100_000)).toBe(41);
      const next = db.prepare('SELECT payload, prev_hash, hash FROM journal_chain WHERE seq = 41').get() as Row;
      expect(next.prev_hash).toBe(rows[39]?.hash);
      expect(next.hash).toBe(createHash('sha256').update(next.prev_hash).update(next.payload).digest('hex'));
      expect(verifyJournal(db)).toEqual({ ok: true, entries: 41, firstBadSeq: null, reason: null });
      expect(() => db.prepare('DELETE FROM journal WHERE seq = 41').run()).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE journal SET payload = '{}' WHERE seq = 2").run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('stores about 54 bytes less an entry', () => {
    const { file } = schema19Ledger(4000);
    const bytes = (path: string): number => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare("SELECT SUM(pgsize) FROM dbstat WHERE name IN ('journal', 'journal_kind')").pluck().get() as number;
      } finally {
        db.close();
      }
    };
    const before = bytes(file);
    const db = openLedger(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const after = bytes(file);
    // 13-digit time (7 bytes with its header), a kind of 16 characters (17) and 32 of the hash's 64 hex digits.
    expect((before - after) / 4000).toBeGreaterThan(45);
  });
});
