// The journal's hash chain as pure functions, shared by the register (main/ledger) and HQ (hq/):
// both must compute the same bytes, and HQ never imports the register's ledger code.
import { hash } from 'node:crypto';
import { canonicalJson, isCanonicalJsonText } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** One journal entry as stored and as uploaded: the payload is the canonical JSON that was hashed. */
export interface ChainEntry {
  seq: number;
  at: number;
  kind: string;
  payload: string;
  prev_hash: string;
  hash: string;
}

/** Why an entry does not hold. */
export type ChainBreak = 'gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'payload_not_canonical' | 'fields_differ';

/**
 * hash = SHA-256(prev_hash || payload). The payload is the canonical JSON of the whole entry
 * (seq, time, kind and data), and the seq/at/kind columns must agree with it, so editing any
 * column of any entry breaks the chain at that entry.
 */
export function entryHash(prevHash: string, payload: string): string {
  // One-shot hashing of the joined text: the same bytes as two update() calls, without a Hash object per entry.
  return hash('sha256', prevHash + payload, 'hex');
}

/** The canonical payload text of an entry about to be appended. */
export function entryPayload(seq: number, at: number, kind: string, data: unknown): string {
  return canonicalJson({ seq, at, kind, data });
}

/**
 * Checks one entry against the one before it (its seq and hash): null when it holds, else why not.
 * The payload must be canonical JSON whose seq, at and kind are the entry's columns.
 */
export function checkEntry(entry: ChainEntry, expectedSeq: number, prevHash: string): ChainBreak | null {
  const checked = checkAndParseEntry(entry, expectedSeq, prevHash);
  return checked.ok ? null : checked.reason;
}

/** checkEntry that also hands back the parsed payload, for a reader that needs it (HQ). */
export function checkAndParseEntry(
  entry: ChainEntry,
  expectedSeq: number,
  prevHash: string,
): { ok: true; value: { seq: number; at: number; kind: string; data?: unknown } } | { ok: false; reason: ChainBreak } {
  if (entry.seq !== expectedSeq) return { ok: false, reason: 'gap' };
  if (entry.prev_hash !== prevHash) return { ok: false, reason: 'prev_hash_mismatch' };
  if (entryHash(entry.prev_hash, entry.payload) !== entry.hash) return { ok: false, reason: 'hash_mismatch' };
  let parsed: { seq?: unknown; at?: unknown; kind?: unknown; data?: unknown } | null = null;
  try {
    const value: unknown = JSON.parse(entry.payload);
    if (typeof value === 'object' && value !== null && isCanonicalJsonText(value, entry.payload)) parsed = value;
  } catch {
    parsed = null;
  }
  if (parsed === null) return { ok: false, reason: 'payload_not_canonical' };
  if (parsed.seq !== entry.seq || parsed.at !== entry.at || parsed.kind !== entry.kind) return { ok: false, reason: 'fields_differ' };
  return { ok: true, value: parsed as { seq: number; at: number; kind: string; data?: unknown } };
}

export interface ChainVerification {
  ok: boolean;
  entries: number;
  firstBadSeq: number | null;
  reason: ChainBreak | null;
}

/** Recomputes a whole chain from seq 1 (or from `start`) and names the first entry that does not hold. */
export function verifyChain(entries: Iterable<ChainEntry>, start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }): ChainVerification {
  let expectedSeq = start.seq + 1;
  let prevHash = start.hash;
  let count = 0;
  for (const entry of entries) {
    count += 1;
    const reason = checkEntry(entry, expectedSeq, prevHash);
    if (reason) return { ok: false, entries: count, firstBadSeq: reason === 'gap' ? expectedSeq : entry.seq, reason };
    prevHash = entry.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: count, firstBadSeq: null, reason: null };
}
