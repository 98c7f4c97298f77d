import type { Db } from './db';

// better-sqlite3's db.transaction(fn) builds five wrapper functions each time it is called; a
// call that made one per request spent more on that than on some of its statements. One runner
// per connection takes the work as an argument instead. Same semantics: BEGIN (deferred), COMMIT,
// ROLLBACK on a throw, and a SAVEPOINT when already inside a transaction.
const runners = new WeakMap<Db, (work: () => unknown) => unknown>();

/** Runs `work` in a transaction on `db` and returns what it returns. */
export function inTransaction<T>(db: Db, work: () => T): T {
  let run = runners.get(db);
  if (!run) {
    run = db.transaction((w: () => unknown) => w());
    runners.set(db, run);
  }
  return run(work) as T;
}

/**
 * Runs `work` atomically: inside the caller's transaction when there is one, else in its own.
 * Unlike inTransaction it opens no SAVEPOINT when nested. A savepoint copies every page the work
 * touches into a statement journal (a sale's completion touches about 16, which spills it to a
 * temporary file), only so that a caller could catch the error and commit the rest. Use it only
 * where no caller does that: a throw must end the caller's whole transaction, as the router's
 * does for a money call (its transaction rolls back on any throw, so nothing of the work stays).
 */
export function inCallerTransaction<T>(db: Db, work: () => T): T {
  return db.inTransaction ? work() : inTransaction(db, work);
}
