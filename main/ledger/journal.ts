import { createHash } from 'node:crypto';
import type { JournalVerification } from '../../preload/contract/views';
import { canonicalJson } from './canonical-json';
import type { Db } from './database';
import { existingFeed } from './journal-feed';
import type { JournalKind, JournalPayloads } from './journal-payloads';
import { sql } from './statements';

export const GENESIS_HASH = '0'.repeat(64);

export type { JournalEvent, JournalKind, JournalPayloads } from './journal-payloads';

export interface JournalEntry {
  seq: number;
  at: number;
  kind: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/**
 * hash = SHA-256(prev_hash || payload). The payload is the canonical JSON of the whole entry
 * (seq, time, kind and data), and the seq/at/kind columns must agree with it, so editing any
 * column of any entry breaks the chain at that entry.
 */
export function entryHash(prevHash: string, payload: string): string {
  return createHash('sha256').update(prevHash).update(payload).digest('hex');
}

/**
 * Appends one entry. Call it inside the transaction that makes the change it records, so the
 * effect and its audit trail commit or roll back together; the journal feed's subscribers run
 * before this returns, inside the same transaction.
 */
export function appendJournal<K extends JournalKind>(db: Db, kind: K, data: JournalPayloads[K], at: number = Date.now()): number {
  const last = sql(db, 'SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const payload = canonicalJson({ seq, at, kind, data });
  const hash = entryHash(prevHash, payload);
  sql(db, 'INSERT INTO journal (seq, at, kind, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(seq, at, kind, payload, prevHash, hash);
  existingFeed(db)?.publish({ seq, at, kind, data });
  return seq;
}

/** Why an entry does not hold; a stable code the UI translates. */
export type JournalBreak = NonNullable<JournalVerification['reason']>;

/** Recomputes the whole chain and names the first entry that does not hold. */
export function verifyJournal(db: Db): JournalVerification {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (const row of sql(db, 'SELECT seq, at, kind, payload, prev_hash, hash FROM journal ORDER BY seq').iterate() as IterableIterator<JournalEntry>) {
    entries += 1;
    const bad = (reason: JournalBreak): JournalVerification => ({ ok: false, entries, firstBadSeq: row.seq, reason });
    if (row.seq !== expectedSeq) return { ok: false, entries, firstBadSeq: expectedSeq, reason: 'gap' };
    if (row.prev_hash !== prevHash) return bad('prev_hash_mismatch');
    if (entryHash(row.prev_hash, row.payload) !== row.hash) return bad('hash_mismatch');
    let parsed: { seq?: unknown; at?: unknown; kind?: unknown } | null = null;
    try {
      const value: unknown = JSON.parse(row.payload);
      if (canonicalJson(value) === row.payload && typeof value === 'object' && value !== null) parsed = value;
    } catch {
      parsed = null;
    }
    if (parsed === null) return bad('payload_not_canonical');
    if (parsed.seq !== row.seq || parsed.at !== row.at || parsed.kind !== row.kind) return bad('fields_differ');
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries, firstBadSeq: null, reason: null };
}
