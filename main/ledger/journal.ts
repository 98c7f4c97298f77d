import type { JournalVerification } from '../../preload/contract/views';
import { canonicalJson } from '../journal-chain/canonical-json';
import { entryHash, GENESIS_HASH, type ChainEntry } from '../journal-chain/chain';
import { scanCanonical } from './canonical-scan';
import type { Db } from './database';
import { existingFeed } from './journal-feed';
import type { JournalKind, JournalPayloads } from './journal-payloads';
import { sql } from './statements';

// The chain's rules live in journal-chain/ (shared with HQ); this file stores and verifies the register's journal.
export { entryHash, GENESIS_HASH };

export type { JournalEvent, JournalKind, JournalPayloads } from './journal-payloads';

export type JournalEntry = ChainEntry;

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

/** The raw text payload[start, end) is the canonical form of the integer `n`. */
function integerTextIs(payload: string, start: number, end: number, n: number): boolean {
  if (start < 0) return false;
  // Canonical integers have no leading zeros or plus sign, so the digits alone decide.
  let i = start;
  const negative = payload.charCodeAt(i) === 0x2d;
  if (negative) i += 1;
  if (i === end || end - start > 17) return false;
  let value = 0;
  for (; i < end; i++) {
    const digit = payload.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return false;
    value = value * 10 + digit;
  }
  return (negative ? -value : value) === n;
}

// What JSON.stringify writes otherwise than as itself inside a string.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const ESCAPED_IN_JSON = /["\\\u0000-\u001f\ud800-\udfff]/;

/** The raw text payload[start, end) is the canonical form of the string `s`. */
function stringTextIs(payload: string, start: number, end: number, s: string): boolean {
  if (start < 0) return false;
  if (payload.charCodeAt(start) === 0x22 && end - start === s.length + 2 && payload.startsWith(s, start + 1) && !ESCAPED_IN_JSON.test(s)) return true;
  return payload.slice(start, end) === JSON.stringify(s);
}

/** A walk over part of the chain: where it ended, so a caller can go on from there (a backup's head). */
export interface JournalRangeVerification extends JournalVerification {
  /** The hash of the last entry that held (the range's head), or the hash before the range if none did. */
  lastHash: string;
  lastSeq: number;
}

/**
 * Recomputes the chain over entries fromSeq..toSeq (toSeq: the head when omitted) and names the
 * first entry that does not hold. Per entry: the seq follows the one before (entry fromSeq links
 * to the stored hash of fromSeq-1), prev_hash is the hash before, the hash is SHA-256(prev_hash ||
 * payload), the payload is canonical JSON (checked in one pass, ledger/canonical-scan.ts, instead
 * of parsing and serialising it again) and its seq, at and kind are the entry's columns (compared
 * as raw text: canonical JSON writes a value one way only). The one walker of the chain: the
 * journal check, the start check, the backup's snapshot and bundle checks all use it.
 */
export function verifyJournalRange(db: Db, range: { fromSeq?: number; toSeq?: number; onProgress?: (checked: number) => void } = {}): JournalRangeVerification {
  const start = Math.max(1, range.fromSeq ?? 1);
  const before =
    start === 1
      ? GENESIS_HASH
      : ((sql(db, 'SELECT hash FROM journal WHERE seq = ?')
          .pluck()
          .get(start - 1) as string | undefined) ?? null);
  if (before === null) return { ok: false, entries: 0, firstBadSeq: start - 1, reason: 'gap', lastHash: GENESIS_HASH, lastSeq: start - 1 };
  const last = range.toSeq ?? (sql(db, 'SELECT MAX(seq) FROM journal').pluck().get() as number | null) ?? 0;
  let expectedSeq = start;
  let prevHash = before;
  let entries = 0;
  const broken = (seq: number, reason: JournalBreak): JournalRangeVerification => ({
    ok: false,
    entries,
    firstBadSeq: seq,
    reason,
    lastHash: prevHash,
    lastSeq: expectedSeq - 1,
  });
  const rows = sql(db, 'SELECT seq, at, kind, payload, prev_hash, hash FROM journal WHERE seq BETWEEN ? AND ? ORDER BY seq')
    .raw()
    .iterate(start, last) as IterableIterator<[number, number, string, string, string, string]>;
  for (const row of rows) {
    const seq = row[0];
    const payload = row[3];
    entries += 1;
    if (seq !== expectedSeq) return broken(expectedSeq, 'gap');
    if (row[4] !== prevHash) return broken(seq, 'prev_hash_mismatch');
    if (entryHash(prevHash, payload) !== row[5]) return broken(seq, 'hash_mismatch');
    const spans = scanCanonical(payload);
    if (spans === null) return broken(seq, 'payload_not_canonical');
    if (
      !integerTextIs(payload, spans.seqStart, spans.seqEnd, seq) ||
      !integerTextIs(payload, spans.atStart, spans.atEnd, row[1]) ||
      !stringTextIs(payload, spans.kindStart, spans.kindEnd, row[2])
    ) {
      return broken(seq, 'fields_differ');
    }
    prevHash = row[5];
    expectedSeq += 1;
    if (range.onProgress && entries % 5000 === 0) range.onProgress(entries);
  }
  if (expectedSeq <= last) return broken(expectedSeq, 'gap');
  return { ok: true, entries, firstBadSeq: null, reason: null, lastHash: prevHash, lastSeq: last };
}

/** The whole chain, from the first entry to the head. */
export function verifyJournal(db: Db): JournalVerification {
  const { ok, entries, firstBadSeq, reason } = verifyJournalRange(db);
  return { ok, entries, firstBadSeq, reason };
}
