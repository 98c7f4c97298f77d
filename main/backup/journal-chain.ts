// Walks the journal's hash chain over a range of seqs: the bundle verifier (a snapshot from its
// first entry to the manifest's head), the startup self-check (the tail) and the back office's
// full check (everything, with progress). Same rules and reasons as ledger/journal.ts's
// verifyJournal; the column check reads the canonical payload's frame instead of re-parsing it,
// because canonical JSON puts the keys in one known order: {"at":…,"data":…,"kind":…,"seq":…}.
import type { JournalVerification } from '../../preload/contract/views';
import type { Db } from '../ledger/db';
import { entryHash, GENESIS_HASH } from '../ledger/journal';

export interface ChainResult extends JournalVerification {
  /** The hash of the last entry checked (the chain head of the range), or the start hash if none. */
  lastHash: string;
  lastSeq: number;
}

interface Row {
  seq: number;
  at: number;
  kind: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** The hash just before `seq` (the genesis hash before seq 1), or null if entry seq-1 is missing. */
export function hashBefore(db: Db, seq: number): string | null {
  if (seq <= 1) return GENESIS_HASH;
  const row = db.prepare('SELECT hash FROM journal WHERE seq = ?').get(seq - 1) as { hash: string } | undefined;
  return row?.hash ?? null;
}

export function journalHead(db: Db): { seq: number; hash: string } {
  const row = db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/**
 * Checks entries fromSeq..toSeq (toSeq: the head when omitted): no gap, each links to the one
 * before (entry fromSeq to the stored hash of fromSeq-1), each hash recomputes, and the columns
 * agree with the hashed payload. `onProgress` is called every few thousand entries.
 */
export function verifyChain(db: Db, fromSeq = 1, toSeq?: number, onProgress?: (checked: number) => void): ChainResult {
  const start = Math.max(1, fromSeq);
  let prevHash = hashBefore(db, start);
  const last = toSeq ?? journalHead(db).seq;
  if (prevHash === null) return { ok: false, entries: 0, firstBadSeq: start - 1, reason: 'gap', lastHash: GENESIS_HASH, lastSeq: start - 1 };
  let expected = start;
  let entries = 0;
  const rows = db
    .prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal WHERE seq BETWEEN ? AND ? ORDER BY seq')
    .iterate(start, last) as IterableIterator<Row>;
  for (const row of rows) {
    entries += 1;
    const bad = (reason: NonNullable<JournalVerification['reason']>, seq = row.seq): ChainResult => ({
      ok: false,
      entries,
      firstBadSeq: seq,
      reason,
      lastHash: prevHash ?? GENESIS_HASH,
      lastSeq: expected - 1,
    });
    if (row.seq !== expected) return bad('gap', expected);
    if (row.prev_hash !== prevHash) return bad('prev_hash_mismatch');
    if (entryHash(row.prev_hash, row.payload) !== row.hash) return bad('hash_mismatch');
    if (!framedAs(row)) return bad('fields_differ');
    prevHash = row.hash;
    expected += 1;
    if (onProgress && entries % 5000 === 0) onProgress(entries);
  }
  if (expected <= last) return { ok: false, entries, firstBadSeq: expected, reason: 'gap', lastHash: prevHash, lastSeq: expected - 1 };
  return { ok: true, entries, firstBadSeq: null, reason: null, lastHash: prevHash, lastSeq: last };
}

function framedAs(row: Row): boolean {
  return row.payload.startsWith(`{"at":${row.at},"data":`) && row.payload.endsWith(`,"kind":${JSON.stringify(row.kind)},"seq":${row.seq}}`);
}
