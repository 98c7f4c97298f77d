// The refund path beside the sale path, measured the same way: rounds of bare one-row commits
// (WAL, synchronous=FULL) alternating with rounds of refunds through the router, each refund
// being what a cashier does with a receipt in hand: find the original by its receipt number,
// then refund two of its five lines to cash. refund_ratio = refunds/s ÷ bare commits/s.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRegister, ledgerPathIn } from '../main/register';
import { bareRound, cashSale, mustOf, openShift } from './ledger';
import { figure, fmt, median, percentile, sum } from './stats';
import { size } from './scale';

const ROUNDS = size(5, 1);
const COMMITS_PER_ROUND = size(1500, 20);
const REFUNDS_PER_ROUND = size(150, 5);

export interface RefundFigures {
  refunds_per_s: number;
  refund_ratio: number;
  refund_p99_ms: number;
}

export async function benchRefund(log: (line: string) => void): Promise<RefundFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-bench-refund-'));
  const bare = new Database(join(dir, 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const reg = openRegister({ ledgerFile: ledgerPathIn(dir), demo: true, log: { info: () => undefined, error: (m, e) => console.error(m, e) } });
  try {
    const must = mustOf(reg);
    await must('setup.createOwner', { name: 'Bench', pin: '4826' });
    await openShift(must);
    // The originals: one 5-line cash sale per refund, plus a warm-up's worth.
    const warmUp = 50;
    for (let i = 0; i < warmUp + ROUNDS * REFUNDS_PER_ROUND; i++) await cashSale(must);
    let receiptNo = 0;
    const refund = async (): Promise<void> => {
      receiptNo += 1;
      const found = await must('refund.find', { code: String(receiptNo) });
      const lines = found.lines.slice(0, 2).map((l) => ({ lineId: l.lineId, qtyMilli: 1000, restock: true }));
      await must('refund.withReceipt', { saleId: found.sale.id, lines, reason: 'not_wanted', idempotencyKey: randomUUID().replaceAll('-', '') });
    };
    bareRound(bare, COMMITS_PER_ROUND);
    for (let i = 0; i < warmUp; i++) await refund();

    const rounds: { bareRate: number; refundRate: number }[] = [];
    const refunds: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const bareMs = bareRound(bare, COMMITS_PER_ROUND);
      const round: number[] = [];
      for (let i = 0; i < REFUNDS_PER_ROUND; i++) {
        const t0 = performance.now();
        await refund();
        round.push(performance.now() - t0);
      }
      refunds.push(...round);
      rounds.push({ bareRate: (1000 * COMMITS_PER_ROUND) / bareMs, refundRate: (1000 * REFUNDS_PER_ROUND) / sum(round) });
    }
    const figures: RefundFigures = {
      refunds_per_s: figure(median(rounds.map((r) => r.refundRate)), 0),
      refund_ratio: figure(median(rounds.map((r) => r.refundRate / r.bareRate))),
      refund_p99_ms: figure(percentile(refunds, 99)),
    };
    log(
      `\nRefund path (${ROUNDS} rounds of ${COMMITS_PER_ROUND} bare commits then ${REFUNDS_PER_ROUND} refunds: find by receipt number + 2 of 5 lines to cash)`,
    );
    log(
      `  refund through the router           ${fmt(figures.refunds_per_s, 0).padStart(8)} refunds/s  p50 ${fmt(percentile(refunds, 50))} ms  p99 ${fmt(figures.refund_p99_ms)} ms`,
    );
    log(`  refunds/s ÷ bare commits/s          ${fmt(figures.refund_ratio)}`);
    return figures;
  } finally {
    reg.close();
    bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchRefund(console.log);
