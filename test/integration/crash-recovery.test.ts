// Two registers (two ledgers) take the kills side by side: a restart is mostly waiting for a
// process to start, and two lanes halve the wall time without fewer kills.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../main/ledger/database';
import { verifyJournal } from '../../main/ledger/journal';
import { ledgerPathIn } from '../../main/register';
import { bundleChild, type BundledChild } from '../support/bundled-child';

const LANES = 2;
const KILLS_PER_LANE = 25;
const root = mkdtempSync(join(tmpdir(), 'ringup-crash-'));
const lanes = Array.from({ length: LANES }, (_, i) => join(root, `register-${i}`));
let loop: BundledChild;
beforeAll(() => {
  loop = bundleChild('test/support/sale-loop.ts');
  for (const dir of lanes) mkdirSync(dir);
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  loop.remove();
});

/** Runs the sale loop until a random moment after it is ready, then SIGKILLs it. Returns the acknowledged receipts. */
function runAndKill(dir: string, killAfterMs: number): Promise<{ acked: Map<number, string>; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [loop.file, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked = new Map<number, string>();
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line === 'READY') timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        const m = /^ACK (\d+) (\S+)$/.exec(line);
        if (m) acked.set(Number(m[1]), m[2] ?? '');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`sale loop ended by itself: ${stderr}`));
      else resolve({ acked, stderr });
    });
  });
}

/** Kills one lane's register KILLS_PER_LANE times, checking its ledger after each kill. Returns how many sales were acknowledged. */
async function killRepeatedly(dir: string): Promise<number> {
  const allAcked = new Map<number, string>();
  let maxReceipt = 0;
  for (let i = 0; i < KILLS_PER_LANE; i++) {
    const { acked } = await runAndKill(dir, 20 + Math.floor(Math.random() * 300));
    for (const [no, id] of acked) allAcked.set(no, id);

    const db = openLedger(ledgerPathIn(dir));
    try {
      const receipts = db.prepare("SELECT receipt_no AS no, id FROM documents WHERE status = 'completed' ORDER BY receipt_no").all() as {
        no: number;
        id: string;
      }[];
      // Gapless: 1..N with nothing missing.
      expect(receipts.map((r) => r.no)).toEqual(receipts.map((_, k) => k + 1));
      // Every sale the cashier saw acknowledged is there, with the same id.
      const byNo = new Map(receipts.map((r) => [r.no, r.id]));
      for (const [no, id] of allAcked) expect(byNo.get(no)).toBe(id);
      expect(receipts.length).toBeGreaterThanOrEqual(maxReceipt);
      maxReceipt = receipts.length;
      expect(verifyJournal(db).ok).toBe(true);
      // The grand total equals the sum of what was completed.
      const totals = db
        .prepare(
          "SELECT (SELECT COALESCE(SUM(total_minor), 0) FROM documents WHERE status = 'completed') AS sum, (SELECT grand_total_minor FROM register_counters) AS grand",
        )
        .get() as { sum: number; grand: number | null };
      expect(totals.grand ?? 0).toBe(totals.sum);
      // At most one open sale survives a crash, and it is resumed rather than duplicated.
      const open = db.prepare("SELECT COUNT(*) AS n FROM documents WHERE status = 'open'").get() as { n: number };
      expect(open.n).toBeLessThanOrEqual(1);
    } finally {
      db.close();
    }
  }
  return allAcked.size;
}

describe('a register killed mid-sale', () => {
  it(`loses no acknowledged sale, leaves no gap and keeps the chain, over ${LANES * KILLS_PER_LANE} SIGKILLs`, async () => {
    const acked = await Promise.all(lanes.map(killRepeatedly));
    // The kills must have landed while sales were being made, not only at start-up.
    for (const n of acked) expect(n).toBeGreaterThan(KILLS_PER_LANE);
  }, 240_000);
});
