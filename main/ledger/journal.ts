import type { JournalVerification } from '../../preload/contract/views';
import { entryHash, entryPayload, GENESIS_HASH, verifyChain, type ChainEntry } from '../journal-chain/chain';
import type { Db } from './database';
import { existingFeed } from './journal-feed';
import type { JournalKind, JournalPayloads } from './journal-payloads';
import { sql } from './statements';

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
  const payload = entryPayload(seq, at, kind, data);
  const hash = entryHash(prevHash, payload);
  sql(db, 'INSERT INTO journal (seq, at, kind, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)').run(seq, at, kind, payload, prevHash, hash);
  existingFeed(db)?.publish({ seq, at, kind, data });
  return seq;
}

/** Why an entry does not hold; a stable code the UI translates. */
export type JournalBreak = NonNullable<JournalVerification['reason']>;

/** Recomputes the whole chain and names the first entry that does not hold. */
export function verifyJournal(db: Db): JournalVerification {
  return verifyChain(sql(db, 'SELECT seq, at, kind, payload, prev_hash, hash FROM journal ORDER BY seq').iterate() as IterableIterator<JournalEntry>);
}
