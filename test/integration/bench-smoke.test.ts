import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run bench` is how the register's performance promises are measured, and nothing else runs
// it: three sections once failed for weeks (sales had begun to need an open shift) before anyone
// ran it. Here every section runs at toy size (RINGUP_BENCH_SMOKE=1, see bench/scale.ts) and must
// report every key the performance issue names. The figures themselves are not checked: tests
// never assert timings, and toy sizes measure nothing.

const ROOT = join(__dirname, '..', '..');

/** The keys of `npm run bench -- --json` that issues name, by the section that reports them. */
const KEYS: Record<string, string[]> = {
  sale: ['bare_commits_per_s', 'sales_per_s', 'sale_ratio', 'router_calls_per_s', 'cart_call_p50_us', 'sale_p99_ms'],
  refund: ['refund_ratio'],
  verify: ['verify_ratio', 'verify_500k_s'],
  'long-run': ['bytes_per_sale', 'rss_mb_after_25k_sales', 'rss_mb_after_50k_sales', 'wal_max_mb'],
  printer: ['receipt_encode_p50_ms', 'receipt_bytes'],
  terminal: ['card_overhead_p50_ms'],
  catalog: ['barcode_p99_us', 'search_p99_ms'],
  'catalog-chromium': ['scan_to_line_p95_ms'],
  'day-close': ['z_day_ms', 'z_month_ms', 'z_year_ms'],
  fraud: ['fraud_rules_on_off_ratio'],
  backup: ['backup_max_block_ms', 'export_year_s', 'backup_verify_ratio'],
  hq: ['hq_ingest_ratio', 'hq_catchup_day_s'],
  browser: ['cold_start_ms', 'scan_to_line_demo_p95_ms'],
};

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'bench', 'index.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, RINGUP_BENCH_SMOKE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run bench', () => {
  it('runs every section (scan-to-pay prints a table only) and reports every named key as a number', { timeout: 600_000 }, async () => {
    // The Chromium sections drive the built app; without it they say "skipped" and report nothing.
    expect(existsSync(join(ROOT, 'out', 'main', 'web.js')), 'run "npm run build" first; "npm test" does').toBe(true);
    const { code, stdout, stderr } = await runBench(['--json']);
    expect(code, stderr.slice(-3000)).toBe(0);
    const figures = JSON.parse(stdout) as Record<string, unknown>;
    for (const [section, keys] of Object.entries(KEYS)) {
      for (const key of keys) {
        const value = figures[key];
        expect(typeof value === 'number' && Number.isFinite(value), `${section}: ${key} = ${String(value)}`).toBe(true);
      }
    }
    // The tables for people go to stderr, each section with its heading; scan-to-pay has no key.
    expect(stderr).toMatch(/scan-to-pay/i);
  });

  it('refuses a section it does not know, naming the ones it has', async () => {
    const { code, stderr } = await runBench(['--only=sales', '--json']);
    expect(code).toBe(1);
    expect(stderr).toContain('unknown bench section sales');
    expect(stderr).toContain('known: sale, refund');
  });
});
