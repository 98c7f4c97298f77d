// Ringup HQ as a value: a pool, migrations, the HTTP server. `npm run hq` (hq/main.ts) starts one
// from the environment; tests and the bench start one in-process or as a child.
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { pruneNonces } from './auth/verify-request';
import { migrateHq } from './db/migrations';
import { createPool } from './db/pool';
import { createHqServer } from './http/server';

export interface HqOptions {
  databaseUrl: string;
  host?: string;
  port?: number;
  adminToken: string;
  clock?: () => number;
  log?: (message: string) => void;
}

export interface Hq {
  url: string;
  port: number;
  pool: Pool;
  close(): Promise<void>;
}

export async function startHq(options: HqOptions): Promise<Hq> {
  const pool = createPool(options.databaseUrl, 20);
  const clock = options.clock ?? Date.now;
  const log = options.log ?? ((m: string) => console.error(m));
  await migrateHq(pool);
  const server = createHqServer({ pool, adminToken: options.adminToken, clock, log });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const prune = setInterval(() => void pruneNonces(pool, clock()).catch(() => undefined), 60_000);
  prune.unref();
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    pool,
    close: async () => {
      clearInterval(prune);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
