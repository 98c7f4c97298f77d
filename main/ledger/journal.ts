import type { JournalVerification } from '../../preload/contract/views';
import { canonicalJson } from '../journal-chain/canonical-json';
import { entryHash, GENESIS_HASH, type ChainEntry } from '../journal-chain/chain';
import { AT_END, AT_START, KIND_END, KIND_START, scanEnvelope, SEQ_END, SEQ_START } from './canonical-scan';
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
  // at and kind are read from the payload by the table itself (migration 20); the hash is stored as its bytes.
  sql(db, 'INSERT INTO journal (seq, payload, hash_bytes) VALUES (?, ?, ?)').run(seq, payload, Buffer.from(hash, 'hex'));
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

/**
 * The raw text payload[start, end), a value the canonical scan accepted, is the canonical form of
 * the string `s`. A token that is a quote, s and a quote decodes to s when s holds no backslash
 * (only escapes change in decoding), and an accepted token is the canonical form of its value.
 */
function stringTextIs(payload: string, start: number, end: number, s: string): boolean {
  if (start < 0) return false;
  if (payload.charCodeAt(start) === 0x22 && end - start === s.length + 2 && payload.startsWith(s, start + 1) && !s.includes('\\')) return true;
  return payload.slice(start, end) === JSON.stringify(s);
}

/** The payload holds an integer at [start, end): what the time must be for the table's at column to read it. */
function isIntegerText(payload: string, start: number, end: number): boolean {
  if (start < 0 || end - start > 17) return false;
  const first = payload.charCodeAt(start);
  return first === 0x2d || (first >= 0x30 && first <= 0x39);
}

/** The payload holds a string at start: what the kind must be for the table's kind column to read it. */
function isStringText(payload: string, start: number): boolean {
  return start >= 0 && payload.charCodeAt(start) === 0x22;
}

/** The journal reads at and kind from the payload (schema 20 on); older ledgers and snapshots store copies. */
function derivesFields(db: Db): boolean {
  return sql(db, "SELECT 1 FROM pragma_table_xinfo('journal') WHERE name = 'hash_bytes'").get() !== undefined;
}

/** Rows read per call into SQLite while verifying. */
const VERIFY_CHUNK = 1000;

/** Where scanEnvelope leaves the payload's at, kind and seq (start, end each); reused for every entry. */
const spans = new Int32Array(6);

/** A walk over part of the chain: where it ended, so a caller can go on from there (a backup's head). */
export interface JournalRangeVerification extends JournalVerification {
  /** The hash of the last entry that held (the range's head), or the hash before the range if none did. */
  lastHash: string;
  lastSeq: number;
}

/**
 * Recomputes the chain over entries fromSeq..toSeq (toSeq: the head when omitted) and names the
 * first entry that does not hold. Per entry: the seq follows the one before (entry fromSeq links
 * to the stored hash of fromSeq-1), the hash is SHA-256(hash before || payload) (the ledger stores
 * no prev_hash since schema 18: it is the hash before, which the walk carries), the payload is canonical JSON (checked in one pass, ledger/canonical-scan.ts, instead
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
  // Since schema 20 the table reads at and kind out of the payload itself: they cannot differ from
  // it, and reading them would parse every payload in SQLite once more. A snapshot from before
  // stores them as copies, which must still agree with what was hashed.
  const copies = !derivesFields(db);
  const select = sql(
    db,
    copies
      ? 'SELECT seq, at, kind, payload, hash FROM journal WHERE seq BETWEEN ? AND ? ORDER BY seq'
      : 'SELECT seq, NULL, NULL, payload, hash FROM journal WHERE seq BETWEEN ? AND ? ORDER BY seq',
  ).raw();
  // The rows come a chunk at a time through all(): one call into SQLite per chunk instead of one
  // per row as iterate() makes, which takes a quarter off the time spent reading them. The read
  // transaction keeps one snapshot across chunks, as a single statement would.
  const walk = (): JournalRangeVerification | null => {
    for (let from = start; from <= last; from += VERIFY_CHUNK) {
      const rows = select.all(from, Math.min(last, from + VERIFY_CHUNK - 1)) as [number, number, string, string, string][];
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] as [number, number, string, string, string];
        const seq = row[0];
        const payload = row[3];
        entries += 1;
        if (seq !== expectedSeq) return broken(expectedSeq, 'gap');
        if (entryHash(prevHash, payload) !== row[4]) return broken(seq, 'hash_mismatch');
        if (!scanEnvelope(payload, spans)) return broken(seq, 'payload_not_canonical');
        if (
          !integerTextIs(payload, spans[SEQ_START] as number, spans[SEQ_END] as number, seq) ||
          (copies
            ? !integerTextIs(payload, spans[AT_START] as number, spans[AT_END] as number, row[1]) ||
              !stringTextIs(payload, spans[KIND_START] as number, spans[KIND_END] as number, row[2])
            : !isIntegerText(payload, spans[AT_START] as number, spans[AT_END] as number) || !isStringText(payload, spans[KIND_START] as number))
        ) {
          return broken(seq, 'fields_differ');
        }
        prevHash = row[4];
        expectedSeq += 1;
        if (range.onProgress && entries % 5000 === 0) range.onProgress(entries);
      }
    }
    return null;
  };
  const stopped = db.transaction(walk)();
  if (stopped) return stopped;
  if (expectedSeq <= last) return broken(expectedSeq, 'gap');
  return { ok: true, entries, firstBadSeq: null, reason: null, lastHash: prevHash, lastSeq: last };
}

/** The whole chain, from the first entry to the head. */
export function verifyJournal(db: Db): JournalVerification {
  const { ok, entries, firstBadSeq, reason } = verifyJournalRange(db);
  return { ok, entries, firstBadSeq, reason };
}
