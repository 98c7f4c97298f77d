// Side effects subscribe to the journal instead of being called by hand after each event: the
// print queue to completed sales, later the card batch, fraud rules, Z rollups, backup and HQ
// upload. A subscriber runs synchronously inside the transaction that appends the entry, so what
// it writes commits or rolls back with the event. One that must never stop the event (printing
// a receipt must not undo a sale) catches its own errors; one whose work must be atomic with the
// event lets them through, and the whole transaction rolls back.
import type { Db } from './database';
import type { JournalEvent, JournalKind } from './journal-payloads';

export type JournalSubscriber<K extends JournalKind> = (event: JournalEvent<K>) => void;

export class JournalFeed {
  private readonly subscribers = new Map<JournalKind, Set<JournalSubscriber<JournalKind>>>();

  /** Calls `subscriber` for every entry of `kind` appended from now on; returns the unsubscribe. */
  subscribe<K extends JournalKind>(kind: K, subscriber: JournalSubscriber<K>): () => void {
    let set = this.subscribers.get(kind);
    if (!set) {
      set = new Set();
      this.subscribers.set(kind, set);
    }
    const entry = subscriber as unknown as JournalSubscriber<JournalKind>;
    set.add(entry);
    return () => set.delete(entry);
  }

  /** Called by appendJournal, inside the appending transaction. */
  publish(event: JournalEvent): void {
    const set = this.subscribers.get(event.kind);
    if (!set) return;
    for (const subscriber of set) subscriber(event);
  }
}

// One feed per open ledger. Held beside the connection rather than passed through every service
// call, because every journal append already has the connection in hand.
const feeds = new WeakMap<Db, JournalFeed>();

/** The feed of this ledger connection, created on first use. */
export function journalFeed(db: Db): JournalFeed {
  let feed = feeds.get(db);
  if (!feed) {
    feed = new JournalFeed();
    feeds.set(db, feed);
  }
  return feed;
}

/** The feed if anyone subscribed to this connection (appendJournal's fast path). */
export function existingFeed(db: Db): JournalFeed | undefined {
  return feeds.get(db);
}
