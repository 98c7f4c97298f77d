// A long run in one register process (bench/long-run-child.ts): memory and ledger size over
// tens of thousands of sales and dozens of business days. Shows that memory does not grow with
// sales (statements cached, nothing left behind per sale), that the WAL stays bounded
// (checkpoints happen), that idempotency keys are pruned day by day, and what a sale costs on
// disk (file growth after a checkpoint, indexes and journal included).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure, fmt } from './stats';
import { size } from './scale';

export interface LongRunFigures {
  bytes_per_sale: number;
  rss_mb_after_25k_sales: number;
  rss_mb_after_50k_sales: number;
  wal_max_mb: number;
}

interface Checkpoint {
  sale: number;
  /** RSS with SQLite's page cache emptied at each checkpoint: the process's own memory. */
  rssMb: number;
  /** The file-backed part of RSS (code, mapped libraries): not the heap. */
  rssFileMb: number;
  /** JS heap in use after a full GC. */
  heapMb: number;
  /** JS heap the engine has committed (in use or kept for the next allocations): part of the RSS. */
  heapTotalMb: number;
  externalMb: number;
  walMaxMb: number;
  idempotencyMax: number;
  statements: number;
  fileBytes: number;
  seconds: number;
}

export const LONG_RUN_SALES = Number(process.env.RINGUP_BENCH_LONG_SALES ?? size(50_000, 200));
/** A busy shop's day (the research's median day is ~1,300 sales). */
const SALES_PER_DAY = size(1_250, 50);

/**
 * Where the long run keeps its ledger: in memory (tmpfs) where there is one. What it measures
 * (bytes on file, the process's memory) does not depend on the disk, and 50,000 fsyncs on a busy
 * shared disk would take this part of the bench from one minute to many. The sale path above
 * measures the disk.
 */
function longRunFolder(): string {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  return mkdtempSync(join(base, 'ringup-bench-long-'));
}

export async function benchLongRun(log: (line: string) => void): Promise<LongRunFigures> {
  const dir = longRunFolder();
  try {
    const points = await new Promise<Checkpoint[]>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', join(__dirname, 'long-run-child.ts'), dir, String(LONG_RUN_SALES), String(SALES_PER_DAY)],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const lines: Checkpoint[] = [];
      let buffer = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          lines.push(JSON.parse(buffer.slice(0, nl)) as Checkpoint);
          buffer = buffer.slice(nl + 1);
        }
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(lines) : reject(new Error(`long run exited with ${code}`))));
    });
    const first = points[0];
    const middle = points.find((p) => p.sale === Math.round(LONG_RUN_SALES / 2));
    const last = points[points.length - 1];
    if (!first || !middle || !last) throw new Error('long run reported too few checkpoints');
    const bytesPerSale = (last.fileBytes - first.fileBytes) / (last.sale - first.sale);
    log(
      `\nLong run: ${last.sale.toLocaleString('en')} cash sales (5 lines) in one register process, ${SALES_PER_DAY} a day, ledger on ${dir.startsWith('/dev/shm') ? 'tmpfs' : 'disk'}, ${fmt(last.seconds, 0)} s`,
    );
    for (const p of points) {
      log(
        `  after ${String(p.sale).padStart(6)} sales: RSS ${fmt(p.rssMb, 1)} MB (${fmt(p.rssFileMb, 1)} MB of it file-backed), ` +
          `JS heap ${fmt(p.heapMb, 1)} MB used of ${fmt(p.heapTotalMb, 1)} MB committed, external ${fmt(p.externalMb, 1)} MB, ledger ${fmt(p.fileBytes / 1024 / 1024, 1)} MB, ` +
          `WAL max ${fmt(p.walMaxMb, 1)} MB, idempotency rows max ${p.idempotencyMax}, statements ${p.statements}`,
      );
    }
    log(
      `  ledger growth ${fmt(bytesPerSale, 0)} bytes/sale (sales ${first.sale}..${last.sale}, after wal_checkpoint(TRUNCATE)); RSS ${middle.sale} → ${last.sale}: ${fmt(last.rssMb - middle.rssMb, 1)} MB, JS heap ${fmt(last.heapMb - middle.heapMb, 1)} MB`,
    );
    log(
      `  RSS with SQLite's page cache emptied at each checkpoint (PRAGMA shrink_memory): the cache otherwise keeps every page written, up to cache_size (128 MiB), and the RSS grows with the ledger until it is full`,
    );
    return {
      bytes_per_sale: figure(bytesPerSale, 0),
      rss_mb_after_25k_sales: figure(middle.rssMb, 1),
      rss_mb_after_50k_sales: figure(last.rssMb, 1),
      wal_max_mb: figure(last.walMaxMb, 2),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
