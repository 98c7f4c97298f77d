// Child process of bench/long-run.ts: one register process making cash sales in a loop (5 lines,
// cash, through the router), with a window's worth of listeners on its event bus, over many
// business days (a clock that moves one day per `salesPerDay` sales). It prints one JSON line
// per checkpoint of the run and a last one when done.
//
//   node --expose-gc --import tsx bench/long-run-child.ts <dir> <sales> <salesPerDay>
import { readFileSync, statSync, writeSync } from 'node:fs';
import { openRegister, ledgerPathIn } from '../main/register';
import { statementCount } from '../main/ledger/statements';
import { cashSale, mustOf, openShift } from './ledger';

const MB = 1024 * 1024;

/** A field of /proc/self/status in MB (Linux); NaN elsewhere. */
function statusMb(field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function main(): Promise<void> {
  const [dir, salesArg, perDayArg] = process.argv.slice(2);
  if (!dir || !salesArg || !perDayArg) throw new Error('usage: long-run-child <dir> <sales> <salesPerDay>');
  const sales = Number(salesArg);
  const perDay = Number(perDayArg);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const file = ledgerPathIn(dir);
  // Opening at 08:00 on a Monday; each sale moves the clock on so that `perDay` sales fill a day.
  const start = Date.parse('2026-03-02T08:00:00Z');
  let now = start;
  const reg = openRegister({ ledgerFile: file, demo: true, clock: () => now, log: { info: () => undefined, error: (m, e) => console.error(m, e) } });
  // What a connected window does with every event: serialise it.
  let eventBytes = 0;
  reg.events.subscribe((event, payload) => {
    eventBytes += JSON.stringify({ event, payload }).length;
  });
  const must = mustOf(reg);
  await must('setup.createOwner', { name: 'Bench', pin: '4826' });
  await openShift(must);
  await must('settings.update', { timeZone: 'UTC', businessDayStartsAt: '04:00' });

  const walSize = (): number => {
    try {
      return statSync(`${file}-wal`).size;
    } catch {
      return 0;
    }
  };
  const fileSizeAfterCheckpoint = (): number => {
    reg.db.pragma('wal_checkpoint(TRUNCATE)');
    return statSync(file).size;
  };
  let walMax = 0;
  let idempotencyMax = 0;
  const report = (sale: number, extra: Record<string, number> = {}): void => {
    gc();
    // SQLite's page cache (cache_size, 128 MiB: ledger/database.ts) keeps every page the run
    // writes until it is full, so the RSS would grow with the ledger up to that bound whatever
    // else the process does (302 → 400 MB over 25k → 50k sales). It is emptied at each checkpoint
    // (PRAGMA shrink_memory), so it holds at most the pages written since the last one and what
    // remains of the RSS is the process's own memory, where a leak would show. The allocator keeps
    // the freed pages for the cache to refill, so this is the RSS as the system sees it.
    reg.db.pragma('shrink_memory');
    const m = process.memoryUsage();
    const line = {
      sale,
      rssMb: m.rss / MB,
      rssFileMb: statusMb('RssFile'),
      heapMb: m.heapUsed / MB,
      heapTotalMb: m.heapTotal / MB,
      externalMb: m.external / MB,
      walMaxMb: walMax / MB,
      idempotencyMax,
      statements: statementCount(reg.db),
      eventBytes,
      ...extra,
    };
    writeSync(1, `${JSON.stringify(line)}\n`);
  };

  // Every tenth of the run (10k, 15k, ... for 50k), so a trend shows and is not one noisy point.
  const checkpoints = new Set(Array.from({ length: 9 }, (_, k) => Math.round((sales * (k + 2)) / 10)));
  const t0 = performance.now();
  for (let i = 1; i <= sales; i++) {
    now = start + Math.floor((i * 86_400_000) / perDay);
    await cashSale(must);
    if (i % 500 === 0) {
      walMax = Math.max(walMax, walSize());
      idempotencyMax = Math.max(idempotencyMax, reg.db.prepare('SELECT COUNT(*) FROM idempotency').pluck().get() as number);
    }
    if (checkpoints.has(i)) report(i, { fileBytes: fileSizeAfterCheckpoint(), seconds: (performance.now() - t0) / 1000 });
  }
  reg.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
