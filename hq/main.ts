// `npm run hq`: Ringup HQ against the PostgreSQL server in DATABASE_URL. Listens on HQ_HOST
// (default 127.0.0.1) and HQ_PORT (default 8470). The owner's API token is HQ_ADMIN_TOKEN; it is
// required, so a forgotten setting never leaves the back office open.
import { startHq } from './hq-service';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const adminToken = process.env.HQ_ADMIN_TOKEN;
  if (!databaseUrl) throw new Error('set DATABASE_URL, e.g. postgresql://ringup@localhost/ringup_hq');
  if (!adminToken || adminToken.length < 16)
    throw new Error('set HQ_ADMIN_TOKEN to a random string of at least 16 characters (the owner presents it as a bearer token)');
  const hq = await startHq({ databaseUrl, adminToken, host: process.env.HQ_HOST ?? '127.0.0.1', port: Number(process.env.HQ_PORT ?? 8470) });
  console.log(`Ringup HQ listening on ${hq.url}`);
  const stop = () => void hq.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Ringup HQ could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
