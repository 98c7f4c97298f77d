import { hash } from 'node:crypto';
import type { JournalVerification } from '../../preload/contract/views';
import { canonicalJson } from './canonical-json';
import { scanCanonical } from './canonical-scan';
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
  // One-shot hashing of the joined text: the same bytes as two update() calls, without a Hash object per entry.
  return hash('sha256', prevHash + payload, 'hex');
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

function broken(entries: number, seq: number, reason: JournalBreak): JournalVerification {
  return { ok: false, entries, firstBadSeq: seq, reason };
}

/**
 * Recomputes the whole chain and names the first entry that does not hold. Per entry: the seq
 * follows the one before, prev_hash is the hash before, the hash is SHA-256(prev_hash || payload),
 * the payload is canonical JSON (checked in one pass, ledger/canonical-scan.ts, instead of
 * parsing and serialising it again) and its seq, at and kind are the entry's columns.
 */
export function verifyJournal(db: Db): JournalVerification {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  const rows = sql(db, 'SELECT seq, at, kind, payload, prev_hash, hash FROM journal ORDER BY seq').raw().iterate() as IterableIterator<
    [number, number, string, string, string, string]
  >;
  for (const [seq, at, kind, payload, rowPrevHash, rowHash] of rows) {
    entries += 1;
    if (seq !== expectedSeq) return { ok: false, entries, firstBadSeq: expectedSeq, reason: 'gap' };
    if (rowPrevHash !== prevHash) return broken(entries, seq, 'prev_hash_mismatch');
    if (entryHash(rowPrevHash, payload) !== rowHash) return broken(entries, seq, 'hash_mismatch');
    const spans = scanCanonical(payload);
    if (spans === null) return broken(entries, seq, 'payload_not_canonical');
    // Canonical JSON writes a number or a string one way only, so comparing the raw text is
    // comparing the values.
    if (
      payload.slice(spans.seqStart, spans.seqEnd) !== String(seq) ||
      payload.slice(spans.atStart, spans.atEnd) !== String(at) ||
      payload.slice(spans.kindStart, spans.kindEnd) !== JSON.stringify(kind)
    ) {
      return broken(entries, seq, 'fields_differ');
    }
    prevHash = rowHash;
    expectedSeq += 1;
  }
  return { ok: true, entries, firstBadSeq: null, reason: null };
}
