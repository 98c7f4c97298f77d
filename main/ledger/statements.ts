import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per connection. Preparing costs more than running most of
 * the register's queries, and a sale makes dozens of them.
 */
export function sql(db: Db, text: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

/** How many statements this connection has compiled: flat over a long run, since every text is a constant. */
export function statementCount(db: Db): number {
  return caches.get(db)?.size ?? 0;
}

/** The texts this connection has compiled: a test reads the query plans of the statements the register really ran. */
export function statementTexts(db: Db): string[] {
  return [...(caches.get(db)?.keys() ?? [])];
}
