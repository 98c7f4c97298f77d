// The sale path against the disk it runs on: the bare durable commit rate of this folder, and
// complete cash sales through the router (open, 5 lines, cash: 7 calls), measured in rounds
// that alternate the two on the same folder, so a noisy neighbour slows both alike. Ratios are
// per round, then the median round.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRegister, ledgerPathIn, type Register } from '../main/register';
import type { CallInput, CallName, CallResult } from '../preload/contract';
import { figure, fmt, median, percentile, sum } from './stats';
import { size } from './scale';

const ROUNDS = size(7, 1);
const COMMITS_PER_ROUND = size(1500, 20);
const SALES_PER_ROUND = size(300, 5);
/** Five demo products: a 5-line sale. */
export const FIVE_CODES = ['6901234567892', '6904567890125', '6905678901236', '6907890123458', '6908901234569'];

export interface SalePathFigures {
  bare_commits_per_s: number;
  sales_per_s: number;
  sale_ratio: number;
  router_calls_per_s: number;
  cart_call_p50_us: number;
  sale_p99_ms: number;
}

type Must = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallResult<N>>;

export function mustOf(reg: Pick<Register, 'dispatch'>): Must {
  return async (name, input) => {
    const r = await reg.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as never;
  };
}

/** Sales need an open shift: one counted 100-yuan float, as a cashier would start the day. */
export async function openShift(must: Must): Promise<void> {
  await must('shift.open', { float: { kind: 'counted', counts: [{ denominationMinor: 10000, count: 1 }] }, idempotencyKey: randomUUID().replaceAll('-', '') });
}

/** One 5-line cash sale through the router; returns the milliseconds of each addProduct call. */
export async function cashSale(must: Must, cartCalls?: number[]): Promise<void> {
  const sale = await must('sale.current', {});
  for (const code of FIVE_CODES) {
    const t0 = performance.now();
    await must('sale.addProduct', { saleId: sale.id, code });
    cartCalls?.push(performance.now() - t0);
  }
  const done = await must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 100_000, idempotencyKey: randomUUID().replaceAll('-', '') });
  if (done.receiptNo === null) throw new Error('sale did not complete');
}

export function bareRound(db: Database.Database, n: number): number {
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const t0 = performance.now();
  for (let i = 0; i < n; i++) insert.run(`row ${i}`);
  return performance.now() - t0;
}

export async function benchSalePath(log: (line: string) => void): Promise<SalePathFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-bench-'));
  const bare = new Database(join(dir, 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const reg = openRegister({ ledgerFile: ledgerPathIn(dir), demo: true, log: { info: () => undefined, error: (m, e) => console.error(m, e) } });
  try {
    const must = mustOf(reg);
    await must('setup.createOwner', { name: 'Bench', pin: '4826' });
    await openShift(must);
    // Warm-up: the JIT, the statement cache, the first WAL growth of both files.
    bareRound(bare, COMMITS_PER_ROUND);
    for (let i = 0; i < 100; i++) await cashSale(must);

    const rounds: { bareRate: number; saleRate: number }[] = [];
    const cartCalls: number[] = [];
    const sales: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const bareMs = bareRound(bare, COMMITS_PER_ROUND);
      const roundSales: number[] = [];
      for (let i = 0; i < SALES_PER_ROUND; i++) {
        const t0 = performance.now();
        await cashSale(must, cartCalls);
        roundSales.push(performance.now() - t0);
      }
      sales.push(...roundSales);
      rounds.push({ bareRate: (1000 * COMMITS_PER_ROUND) / bareMs, saleRate: (1000 * SALES_PER_ROUND) / sum(roundSales) });
    }
    const ratios = rounds.map((r) => r.saleRate / r.bareRate);
    const figures: SalePathFigures = {
      bare_commits_per_s: figure(median(rounds.map((r) => r.bareRate)), 0),
      sales_per_s: figure(median(rounds.map((r) => r.saleRate)), 0),
      sale_ratio: figure(median(ratios)),
      router_calls_per_s: figure(median(rounds.map((r) => r.saleRate * 7)), 0),
      cart_call_p50_us: figure(percentile(cartCalls, 50) * 1000, 1),
      sale_p99_ms: figure(percentile(sales, 99)),
    };
    log(`\nSale path (WAL, synchronous=FULL, one folder; ${ROUNDS} rounds of ${COMMITS_PER_ROUND} bare commits then ${SALES_PER_ROUND} sales)`);
    log(`  bare one-row commit (FULL)          ${fmt(figures.bare_commits_per_s, 0).padStart(8)} commits/s`);
    log(
      `  cash sale through the router        ${fmt(figures.sales_per_s, 0).padStart(8)} sales/s    p50 ${fmt(percentile(sales, 50))} ms  p99 ${fmt(figures.sale_p99_ms)} ms  (open + 5 lines + cash = 7 calls)`,
    );
    log(`  router calls                        ${fmt(figures.router_calls_per_s, 0).padStart(8)} calls/s`);
    log(`  add a line (sale.addProduct)        p50 ${fmt(figures.cart_call_p50_us, 1)} µs  p99 ${fmt(percentile(cartCalls, 99) * 1000, 1)} µs`);
    log(`  sales/s ÷ bare commits/s            ${fmt(figures.sale_ratio)}  (rounds: ${ratios.map((r) => fmt(r, 2)).join(' ')}; goal ≥ 0.5)`);
    return figures;
  } finally {
    reg.close();
    bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
