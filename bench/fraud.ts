// The fraud watch's cost on the sale path: the same sales through the router with every rule on
// and with every rule off, in alternating rounds on one ledger, so a noisy neighbour slows both
// alike. The mix includes cheap one-line sales, which make the burst rule walk the journal back
// and raise alerts, and five-line sales, which most rules only glance at.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_FRAUD_THRESHOLDS } from '../main/fraud/fraud-defaults';
import { openRegister, ledgerPathIn } from '../main/register';
import type { FraudThresholds } from '../preload/contract/fraud-views';
import { cashSale, mustOf, openShift, FIVE_CODES } from './ledger';
import { figure, fmt, median, percentile } from './stats';
import { size } from './scale';

const ROUNDS = size(6, 2);
const SALES_PER_ROUND = size(150, 5);

export interface FraudFigures {
  fraud_sale_p50_ms_rules_on: number;
  fraud_sale_p50_ms_rules_off: number;
  /** Median round time with all rules on ÷ with all rules off (1.0 = no cost). */
  fraud_rules_on_off_ratio: number;
}

function allRules(enabled: boolean): FraudThresholds {
  const out: Record<string, unknown> = {};
  for (const [rule, t] of Object.entries(DEFAULT_FRAUD_THRESHOLDS)) out[rule] = { ...t, enabled };
  // On, the opening-hours rule is evaluated on every sale; the whole day is open so it stays quiet.
  return { ...(out as unknown as FraudThresholds), outside_hours: { enabled, opensAtHour: 0, closesAtHour: 24 } };
}

export async function benchFraud(log: (line: string) => void): Promise<FraudFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-bench-fraud-'));
  const reg = openRegister({ ledgerFile: ledgerPathIn(dir), demo: true, log: { info: () => undefined, error: (m, e) => console.error(m, e) } });
  try {
    // Start-up work (scan-to-pay recovery) done before timing, and before the ledger closes.
    await reg.started;
    const must = mustOf(reg);
    await must('setup.createOwner', { name: 'Bench', pin: '4826' });
    await openShift(must);
    const oneLine = async () => {
      const sale = await must('sale.current', {});
      await must('sale.addProduct', { saleId: sale.id, code: FIVE_CODES[0] ?? '' });
      await must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 100_000, idempotencyKey: randomUUID().replaceAll('-', '') });
    };
    const round = async (): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < SALES_PER_ROUND; i++) {
        const t0 = performance.now();
        if (i % 3 === 0) await oneLine();
        else await cashSale(must);
        times.push(performance.now() - t0);
      }
      return times;
    };
    await round(); // warm-up
    const on: number[] = [];
    const off: number[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      await must('fraud.updateSettings', { thresholds: allRules(true) });
      const a = await round();
      await must('fraud.updateSettings', { thresholds: allRules(false) });
      const b = await round();
      on.push(...a);
      off.push(...b);
      ratios.push(a.reduce((s, x) => s + x, 0) / b.reduce((s, x) => s + x, 0));
    }
    const alerts = reg.db.prepare('SELECT COUNT(*) FROM fraud_alerts').pluck().get() as number;
    const figures: FraudFigures = {
      fraud_sale_p50_ms_rules_on: figure(percentile(on, 50)),
      fraud_sale_p50_ms_rules_off: figure(percentile(off, 50)),
      fraud_rules_on_off_ratio: figure(median(ratios)),
    };
    log(`\nFraud watch on the sale path (${ROUNDS} rounds of ${SALES_PER_ROUND} sales with all rules on, then off; ${alerts} alerts raised)`);
    log(`  sale, all rules on     p50 ${fmt(figures.fraud_sale_p50_ms_rules_on)} ms  p99 ${fmt(percentile(on, 99))} ms`);
    log(`  sale, all rules off    p50 ${fmt(figures.fraud_sale_p50_ms_rules_off)} ms  p99 ${fmt(percentile(off, 99))} ms`);
    log(`  on ÷ off               ${fmt(figures.fraud_rules_on_off_ratio)}  (rounds: ${ratios.map((x) => fmt(x, 2)).join(' ')})`);
    return figures;
  } finally {
    reg.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
