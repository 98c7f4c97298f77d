// The connection pool. bigint columns come back as JS numbers: every amount and seq HQ stores is
// a safe integer (the register's own limits keep them below 2^53), and a larger one is refused.
import pg from 'pg';

pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${value} is beyond a safe integer`);
  return n;
});

export type { Pool, PoolClient } from 'pg';

export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client losing its server (PostgreSQL restarted) must not crash HQ; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}
