// Walks the journal's hash chain over a range of seqs: the bundle verifier (a snapshot from its
// first entry to the manifest's head), the startup self-check (the tail) and the back office's
// full check (everything, with progress), all through ledger/journal.ts's verifyJournalRange.
import type { Db } from '../ledger/db';
import { GENESIS_HASH, verifyJournalRange, type JournalRangeVerification } from '../ledger/journal';

export type ChainResult = JournalRangeVerification;

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
 * Checks entries fromSeq..toSeq (toSeq: the head when omitted) with the ledger's one chain walker:
 * no gap, each links to the one before (entry fromSeq to the stored hash of fromSeq-1), each hash
 * recomputes, the payload is canonical and the columns agree with it. `onProgress` is called
 * every few thousand entries.
 */
export function verifyChain(db: Db, fromSeq = 1, toSeq?: number, onProgress?: (checked: number) => void): ChainResult {
  return verifyJournalRange(db, { fromSeq, ...(toSeq === undefined ? {} : { toSeq }), ...(onProgress ? { onProgress } : {}) });
}
