import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger, type Db } from '../../main/ledger/database';
import { appendJournal, verifyJournal } from '../../main/ledger/journal';
import { canonicalJson } from '../../main/journal-chain/canonical-json';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ringup-journal-'));
  db = openLedger(join(dir, 'ledger.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function fill(n: number): void {
  for (let i = 1; i <= n; i++)
    if (i % 2) appendJournal(db, 'catalog.imported', { operatorId: i, rows: i * 100 }, 1_700_000_000_000 + i);
    else appendJournal(db, 'settings.changed', { operatorId: i, changes: { storeName: { from: null, to: `收据 ${i}` } } }, 1_700_000_000_000 + i);
}

/** Three entries with the update trigger dropped (as an attacker with the file could): the third as stored, and its data. */
function thirdOfThreeEditable(): { row: { at: number; kind: string; payload: string; prev_hash: string }; data: unknown } {
  fill(3);
  db.exec('DROP TRIGGER journal_no_update;');
  const row = db.prepare('SELECT at, kind, payload, prev_hash FROM journal_chain WHERE seq = 3').get() as {
    at: number;
    kind: string;
    payload: string;
    prev_hash: string;
  };
  return { row, data: (JSON.parse(row.payload) as { data: unknown }).data };
}

describe('canonical JSON', () => {
  it('sorts keys and refuses floats', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: 2 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":2,"z":1}}');
    expect(() => canonicalJson({ a: 0.1 })).toThrow();
  });
});

describe('journal', () => {
  it('chains entries with gapless seq and verifies', () => {
    fill(20);
    const rows = db.prepare('SELECT seq, prev_hash, hash FROM journal_chain ORDER BY seq').all() as { seq: number; prev_hash: string; hash: string }[];
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]?.hash));
    rows.forEach((r) =>
      expect(r.hash).toBe(
        createHash('sha256')
          .update(r.prev_hash)
          .update(db.prepare('SELECT payload FROM journal WHERE seq = ?').pluck().get(r.seq) as string)
          .digest('hex'),
      ),
    );
    expect(verifyJournal(db)).toEqual({ ok: true, entries: 20, firstBadSeq: null, reason: null });
  });

  it("stores no prev_hash (the hash before is the previous entry's), the hash as its 32 bytes, and at and kind only in the payload", () => {
    fill(2);
    const columns = db.prepare("SELECT name, hidden FROM pragma_table_xinfo('journal') ORDER BY cid").all();
    // hidden 2: a computed (VIRTUAL) column, stored nowhere.
    expect(columns).toEqual([
      { name: 'seq', hidden: 0 },
      { name: 'payload', hidden: 0 },
      { name: 'hash_bytes', hidden: 0 },
      { name: 'at', hidden: 2 },
      { name: 'kind', hidden: 2 },
      { name: 'hash', hidden: 2 },
    ]);
    const row = db.prepare('SELECT at, kind, hash, hash_bytes, payload FROM journal WHERE seq = 2').get() as {
      at: number;
      kind: string;
      hash: string;
      hash_bytes: Buffer;
      payload: string;
    };
    expect(row.hash_bytes).toHaveLength(32);
    expect(row.hash).toBe(row.hash_bytes.toString('hex'));
    expect(row).toMatchObject({ at: 1_700_000_000_002, kind: 'settings.changed' });
    expect(JSON.parse(row.payload)).toMatchObject({ at: 1_700_000_000_002, kind: 'settings.changed', seq: 2 });
  });

  it('refuses UPDATE and DELETE through its triggers', () => {
    fill(3);
    expect(() => db.prepare("UPDATE journal SET payload = '{}' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal WHERE seq = 3').run()).toThrow(/append-only/);
    expect(verifyJournal(db).ok).toBe(true);
  });

  // The time and kind are read from the payload (they cannot be edited apart from it): an edit of
  // either is an edit of the payload.
  const tamperings: [string, string][] = [
    ['at', `payload = replace(payload, '"at":17', '"at":18')`],
    ['kind', `payload = replace(payload, '"kind":"', '"kind":"x')`],
    ['payload', "payload = replace(payload, '00', '01')"],
    ['hash', "hash_bytes = unhex(substr('00' || hex(hash_bytes), 1, 64))"],
    ['seq', 'seq = seq + 1000'],
  ];

  for (const [field, set] of tamperings) {
    it(`detects an edit of ${field} in any entry, at that entry`, () => {
      fill(8);
      // An attacker with the file can drop the triggers; the chain must still give them away.
      db.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');
      for (const seq of [1, 4, 8]) {
        db.exec('SAVEPOINT t');
        db.prepare(`UPDATE journal SET ${set} WHERE seq = ?`).run(seq);
        const result = verifyJournal(db);
        expect(result.ok).toBe(false);
        expect(result.firstBadSeq).toBe(seq);
        db.exec('ROLLBACK TO t; RELEASE t');
      }
      expect(verifyJournal(db).ok).toBe(true);
    });
  }

  it('detects a deleted entry at the gap', () => {
    fill(6);
    db.exec('DROP TRIGGER journal_no_delete;');
    db.prepare('DELETE FROM journal WHERE seq = 4').run();
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'gap' });
  });

  it('detects a rewritten entry even when its own hash is recomputed', () => {
    fill(6);
    db.exec('DROP TRIGGER journal_no_update;');
    const row = db.prepare('SELECT payload, prev_hash FROM journal_chain WHERE seq = 3').get() as { payload: string; prev_hash: string };
    const forged = row.payload.replace('"rows":300', '"rows":1');
    db.prepare('UPDATE journal SET payload = ?, hash_bytes = ? WHERE seq = 3').run(forged, createHash('sha256').update(row.prev_hash).update(forged).digest());
    // Entry 3 now hashes correctly, so the break shows where entry 4 was hashed after the old hash.
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'hash_mismatch' });
  });

  it('detects a payload that is no longer canonical JSON, even with its hash recomputed', () => {
    fill(5);
    db.exec('DROP TRIGGER journal_no_update;');
    const row = db.prepare('SELECT payload, prev_hash FROM journal_chain WHERE seq = 5').get() as { payload: string; prev_hash: string };
    // The same values, keys out of order: what parses alike need not be what was hashed and written.
    const parsed = JSON.parse(row.payload) as Record<string, unknown>;
    const reordered = JSON.stringify({ seq: parsed.seq, kind: parsed.kind, at: parsed.at, data: parsed.data });
    db.prepare('UPDATE journal SET payload = ?, hash_bytes = ? WHERE seq = 5').run(
      reordered,
      createHash('sha256').update(row.prev_hash).update(reordered).digest(),
    );
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBadSeq: 5, reason: 'payload_not_canonical' });
  });

  it('verifies entries whose strings need escapes or are not ASCII, and refuses a raw control character', () => {
    appendJournal(db, 'catalog.imported', { operatorId: 1, rows: 1 }, 1_700_000_000_001);
    appendJournal(
      db,
      'settings.changed',
      { operatorId: 1, changes: { storeName: { from: 'a "quoted"\\ name', to: 'line\nbreak\u0001\u001f' } } },
      1_700_000_000_002,
    );
    appendJournal(db, 'settings.changed', { operatorId: 1, changes: { storeName: { from: '收据 🧾', to: '#"#' } } }, 1_700_000_000_003);
    expect(verifyJournal(db)).toEqual({ ok: true, entries: 3, firstBadSeq: null, reason: null });
    db.exec('DROP TRIGGER journal_no_update;');
    const row = db.prepare('SELECT payload, prev_hash FROM journal_chain WHERE seq = 2').get() as { payload: string; prev_hash: string };
    // The escape written as the raw character it stands for: the same value, not its canonical text.
    const raw = row.payload.replace('\\n', '\n');
    expect(raw).not.toBe(row.payload);
    db.prepare('UPDATE journal SET payload = ?, hash_bytes = ? WHERE seq = 2').run(raw, createHash('sha256').update(row.prev_hash).update(raw).digest());
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'payload_not_canonical' });
  });

  it('walks a chain longer than one read and names the first bad entry in any part of it', () => {
    // Entries are read a thousand at a time: breaks on both sides of a read's edge, and past it.
    fill(2_050);
    expect(verifyJournal(db)).toEqual({ ok: true, entries: 2_050, firstBadSeq: null, reason: null });
    db.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');
    for (const seq of [1_000, 1_001, 2_001]) {
      db.exec('SAVEPOINT t');
      db.prepare('DELETE FROM journal WHERE seq = ?').run(seq);
      expect([seq, verifyJournal(db)]).toMatchObject([seq, { ok: false, firstBadSeq: seq, reason: 'gap' }]);
      db.exec('ROLLBACK TO t; RELEASE t');
    }
    for (const seq of [1_000, 1_001, 1_999]) {
      const row = db.prepare('SELECT payload, prev_hash FROM journal_chain WHERE seq = ?').get(seq) as { payload: string; prev_hash: string };
      const spaced = row.payload.replace(':', ': ');
      db.exec('SAVEPOINT t');
      db.prepare('UPDATE journal SET payload = ?, hash_bytes = ? WHERE seq = ?').run(
        spaced,
        createHash('sha256').update(row.prev_hash).update(spaced).digest(),
        seq,
      );
      expect([seq, verifyJournal(db)]).toMatchObject([seq, { ok: false, firstBadSeq: seq, reason: 'payload_not_canonical' }]);
      db.exec('ROLLBACK TO t; RELEASE t');
    }
    expect(verifyJournal(db).ok).toBe(true);
  });

  it('names fields_differ when the payload holds the seq, time or kind as another value or type', () => {
    const { row, data } = thirdOfThreeEditable();
    const variants = [
      { at: row.at, data, kind: row.kind, seq: '3' },
      { at: row.at, data, kind: row.kind, seq: [3] },
      { at: row.at, data, kind: row.kind, seq: 30 },
      { at: row.at, data, kind: row.kind },
      { at: String(row.at), data, kind: row.kind, seq: 3 },
      { data, kind: row.kind, seq: 3 },
      { at: row.at, data, kind: [row.kind], seq: 3 },
      { at: row.at, data, seq: 3 },
      { data: { at: row.at, kind: row.kind, seq: 3 } },
    ];
    for (const variant of variants) {
      const payload = canonicalJson(variant);
      db.exec('SAVEPOINT t');
      db.prepare('UPDATE journal SET payload = ?, hash_bytes = ? WHERE seq = 3').run(
        payload,
        createHash('sha256').update(row.prev_hash).update(payload).digest(),
      );
      expect([payload, verifyJournal(db)]).toMatchObject([payload, { ok: false, firstBadSeq: 3, reason: 'fields_differ' }]);
      db.exec('ROLLBACK TO t; RELEASE t');
    }
    expect(verifyJournal(db).ok).toBe(true);
  });

  it('reads the time and kind from the payload, so no column can tell another story than the one hashed', () => {
    const { row, data } = thirdOfThreeEditable();
    const payload = canonicalJson({ at: row.at + 1, data, kind: 'session.logout', seq: 3 });
    db.prepare('UPDATE journal SET payload = ? WHERE seq = 3').run(payload);
    expect(db.prepare('SELECT at, kind FROM journal WHERE seq = 3').get()).toEqual({ at: row.at + 1, kind: 'session.logout' });
    expect(db.prepare("SELECT seq FROM journal WHERE kind = 'session.logout'").pluck().all()).toEqual([3]);
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'hash_mismatch' });
    // A damaged file whose payload is no longer JSON: the columns read NULL and the walk names the entry, nothing throws.
    db.prepare('UPDATE journal SET payload = \'{"at":1\' WHERE seq = 2').run();
    expect(db.prepare('SELECT at, kind FROM journal WHERE seq = 2').get()).toEqual({ at: null, kind: null });
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'hash_mismatch' });
  });
});
