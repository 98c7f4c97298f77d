// HQ's schema as numbered steps, each applied once in its own transaction and recorded in
// hq_schema_migrations. An advisory lock makes two HQ processes starting together take turns.
import type { Pool } from 'pg';
import { foundation } from './migrations/001-foundation';
import { cashRecords } from './migrations/002-cash-records';
import { zHandover } from './migrations/003-z-handover';
import { withdrawn } from './migrations/004-withdrawn';

export interface HqMigration {
  version: number;
  name: string;
  sql: string;
}

export const hqMigrations: readonly HqMigration[] = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'cash-records', sql: cashRecords },
  { version: 3, name: 'z-handover', sql: zHandover },
  { version: 4, name: 'withdrawn', sql: withdrawn },
];

hqMigrations.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`HQ migration list is not contiguous at ${m.name}`);
});

const LOCK_KEY = 7_405_001;

export async function migrateHq(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS hq_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM hq_schema_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > hqMigrations.length) throw new Error(`HQ database schema ${newest} is newer than this HQ (${hqMigrations.length}); update HQ`);
    for (const step of hqMigrations) {
      if (done.has(step.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(step.sql);
        await client.query('INSERT INTO hq_schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return hqMigrations.length;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
