// Ledger figures: the bare durable commit rate of this disk, and complete cash sales through
// the router (open, 5 lines, cash, complete), measured in one run on the same folder.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRegister, ledgerPathIn } from '../main/register';
import type { CallInput, CallName, CallResult } from '../preload/contract';
import { fmt, percentile } from './stats';

const COMMITS = 3000;
const SALES = 600;

function bareCommits(dir: string): number[] {
  const db = new Database(join(dir, 'bare.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const times: number[] = [];
  for (let i = 0; i < COMMITS; i++) {
    const t0 = performance.now();
    insert.run(`row ${i}`);
    times.push(performance.now() - t0);
  }
  db.close();
  return times;
}

async function routerSales(dir: string): Promise<{ sale: number[]; calls: number }> {
  const reg = openRegister({ ledgerFile: ledgerPathIn(dir), demo: true, log: { info: () => undefined, error: (m, e) => console.error(m, e) } });
  const must = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>> => {
    const r = await reg.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as CallResult<N>;
  };
  await must('setup.createOwner', { name: 'Bench', pin: '4826' });
  await must('shift.open', { float: { kind: 'counted', counts: [{ denominationMinor: 10000, count: 1 }] }, idempotencyKey: randomUUID().replaceAll('-', '') });
  const codes = ['6901234567892', '6904567890127', '6905678901232', '6907890123452', '6908901234567'];
  const times: number[] = [];
  let calls = 0;
  for (let i = 0; i < SALES; i++) {
    const t0 = performance.now();
    const sale = await must('sale.current', {});
    for (const code of codes) await must('sale.addProduct', { saleId: sale.id, code });
    const done = await must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 10_000, idempotencyKey: randomUUID().replaceAll('-', '') });
    if (done.receiptNo === null) throw new Error('sale did not complete');
    times.push(performance.now() - t0);
    calls += 7;
  }
  reg.close();
  return { sale: times, calls };
}

export async function benchLedger(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-bench-'));
  try {
    const bare = bareCommits(dir);
    const { sale, calls } = await routerSales(dir);
    const bareRate = 1000 / (bare.reduce((a, b) => a + b, 0) / bare.length);
    const saleRate = 1000 / (sale.reduce((a, b) => a + b, 0) / sale.length);
    const callRate = (saleRate * calls) / sale.length;
    console.log('\nLedger (WAL, synchronous=FULL, one folder, one run)');
    console.log(
      `  bare one-row commit        ${fmt(bareRate, 0).padStart(8)} commits/s   p50 ${fmt(percentile(bare, 50))} ms  p99 ${fmt(percentile(bare, 99))} ms  (n=${COMMITS})`,
    );
    console.log(
      `  cash sale through router   ${fmt(saleRate, 0).padStart(8)} sales/s     p50 ${fmt(percentile(sale, 50))} ms  p99 ${fmt(percentile(sale, 99))} ms  (n=${SALES}; open + 5 lines + cash = 7 calls: 6 cart commits at NORMAL, 1 completing commit at FULL)`,
    );
    console.log(`  router calls                        ${fmt(callRate, 0)} calls/s`);
    console.log(`  ratio sales/s ÷ bare commits/s          ${fmt(saleRate / bareRate, 3)}`);
    console.log(`  ratio router calls/s ÷ bare commits/s  ${fmt(callRate / bareRate, 3)}  (target ≥ 0.5)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchLedger();
