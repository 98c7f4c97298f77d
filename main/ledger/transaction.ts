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
