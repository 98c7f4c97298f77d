// Crash safety of scan-to-pay: a child register pays sales by scanned code against the provider
// simulator in THIS process and is SIGKILLed at every step of an attempt — written but not sent,
// sent, customer entering the password, unknown outcome, mid-query, mid-reverse, paid but not
// booked, booked — and at random moments. Each restart sends every open attempt back to the query
// step. In the end the provider's books and the ledgers must agree exactly: no double charge, no
// lost payment, nothing left open.
//
// Two registers (two ledgers, one provider) take the kills side by side: each restart is mostly
// waiting for a process to start, and two lanes halve the wall time without fewer kills.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import { openLedger } from '../../main/ledger/database';
import { verifyJournal } from '../../main/ledger/journal';
import { ledgerPathIn } from '../../main/register';
import { bundleChild, type BundledChild } from '../support/bundled-child';

const LANES = 2;
const KILLS_PER_LANE = 52;
const MOMENTS = ['created', 'sent', 'waiting', 'unknown', 'query', 'reversing', 'reverse', 'paid', 'completed', 'external', 'external', 'external', 'external'];
const root = mkdtempSync(join(tmpdir(), 'ringup-scan-crash-'));
const lanes = Array.from({ length: LANES }, (_, i) => join(root, `register-${i}`));
// The child starts over 100 times: from one bundle of its sources (support/bundled-child.ts).
let loop: BundledChild;
let sim: PaySimulator;

beforeAll(async () => {
  loop = bundleChild('test/support/scan-sale-loop.ts');
  for (const dir of lanes) mkdirSync(dir);
  sim = await PaySimulator.start({ passwordMs: 60 });
});
afterAll(async () => {
  await sim.stop();
  rmSync(root, { recursive: true, force: true });
  loop.remove();
});

function run(
  dir: string,
  moment: string,
  nth: number,
  externalAfterMs: number,
): Promise<{ signal: string | null; code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const self = moment === 'external' ? 'none' : moment;
    const child = spawn(process.execPath, [loop.file, dir, self, String(nth)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        RINGUP_SIM: JSON.stringify({ wechat: sim.wechatCredentials(), alipay: sim.alipayCredentials() }),
        // Node keeps what it compiled of the bundle from one start to the next.
        NODE_COMPILE_CACHE: join(root, 'compile-cache'),
      },
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    // A self-kill that never comes (a moment not reached) must not hang the test.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      if (moment === 'external' && !timer && out.includes('READY\n')) timer = setTimeout(() => child.kill('SIGKILL'), externalAfterMs);
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(guard);
      resolve({ signal, code, out, err });
    });
  });
}

/** One register killed again and again; returns the moments at which it killed itself. */
async function killLoop(dir: string, offset: number): Promise<string[]> {
  const reached: string[] = [];
  for (let i = 0; i < KILLS_PER_LANE; i++) {
    const moment = MOMENTS[(i + offset) % MOMENTS.length] ?? 'external';
    const r = await run(dir, moment, 1 + (i % 3), 20 + Math.floor(Math.random() * 400));
    expect(r.out, r.err).not.toContain('UNEXPECTED');
    expect(r.signal, `${moment}: ${r.err}`).toBe('SIGKILL');
    const self = /KILL (\w+)/.exec(r.out)?.[1];
    if (self) reached.push(self);
  }
  return reached;
}

describe('registers killed mid scan-to-pay', () => {
  it(`never charge twice and never lose a payment, over ${LANES * KILLS_PER_LANE} SIGKILLs`, async () => {
    const reached = (await Promise.all(lanes.map((dir, i) => killLoop(dir, i * 6)))).flat();
    // Every step of an attempt was hit by a kill of its own (not only by the guard).
    for (const moment of new Set(MOMENTS.filter((m) => m !== 'external'))) expect(reached, moment).toContain(moment);
    expect(LANES * KILLS_PER_LANE).toBeGreaterThanOrEqual(100);
    for (const dir of lanes) {
      const last = await run(dir, 'settle', 1, 0);
      expect(last.out).toContain('READY');
      expect(last.code, last.err).toBe(0);
    }

    const booked: { out_trade_no: string; sale_id: string; amount_minor: number }[] = [];
    const scanPayments = { n: 0, sum: 0 };
    let recovered = 0;
    let reversed = 0;
    for (const dir of lanes) {
      const db = openLedger(ledgerPathIn(dir));
      try {
        booked.push(
          ...(db
            .prepare(
              `SELECT a.out_trade_no, a.sale_id, p.amount_minor FROM scan_attempts a JOIN payments p ON p.id = a.payment_id WHERE p.method = 'scan' AND a.state = 'paid'`,
            )
            .all() as { out_trade_no: string; sale_id: string; amount_minor: number }[]),
        );
        const payments = db.prepare("SELECT COUNT(*) AS n, COALESCE(SUM(amount_minor), 0) AS sum FROM payments WHERE method = 'scan'").get() as {
          n: number;
          sum: number;
        };
        scanPayments.n += payments.n;
        scanPayments.sum += payments.sum;
        const overpaid = db
          .prepare(
            "SELECT d.id FROM documents d WHERE d.kind = 'sale' AND (SELECT COALESCE(SUM(amount_minor), 0) FROM payments WHERE document_pk = d.pk) > COALESCE(d.total_minor, 1e12)",
          )
          .all();
        expect(overpaid).toEqual([]);
        const open = db
          .prepare("SELECT state, COUNT(*) AS n FROM scan_attempts WHERE state IN ('created', 'sent', 'waiting', 'unknown', 'reversing') GROUP BY state")
          .all();
        expect(open).toEqual([]);
        recovered += (db.prepare("SELECT COUNT(*) AS n FROM scan_attempts WHERE state = 'paid' AND resolved_by = 'recovery'").get() as { n: number }).n;
        reversed += (db.prepare("SELECT COUNT(*) AS n FROM scan_attempts WHERE state = 'reversed'").get() as { n: number }).n;
        expect(verifyJournal(db).ok).toBe(true);
      } finally {
        db.close();
      }
    }
    const book = sim.entries();
    const charged = book.filter((e) => e.netMinor > 0);
    // Every payment the provider holds is booked, under its own order number, for its amount; nothing else is booked.
    expect(booked.map((b) => [b.out_trade_no, b.amount_minor]).sort()).toEqual(charged.map((e) => [e.outTradeNo, e.netMinor]).sort());
    expect(scanPayments).toEqual({ n: charged.length, sum: charged.reduce((s, e) => s + e.netMinor, 0) });
    // No sale was charged twice: at most one provider payment per sale, never more than it cost.
    const perSale = new Map<string, number>();
    for (const b of booked) perSale.set(b.sale_id, (perSale.get(b.sale_id) ?? 0) + 1);
    expect([...perSale.values()].filter((n) => n > 1)).toEqual([]);
    expect(charged.length).toBeGreaterThan((LANES * KILLS_PER_LANE) / 3);
    // Some payments were known only to the provider when the register died: recovery booked them.
    expect(recovered).toBeGreaterThan(0);
    expect(reversed).toBeGreaterThan(0);
  }, 400_000);
});
