// A register killed during the Z leaves either no Z or a complete one: killed inside the Z's
// transaction (after every row is written, before the commit), and killed at random moments while
// it sells and closes day after day. After each kill the ledger is opened and checked.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger, type Db } from '../../main/ledger/database';
import { verifyJournal } from '../../main/ledger/journal';
import { ledgerPathIn } from '../../main/register';
import { bundleChild, type BundledChild } from '../support/bundled-child';

const dirs: string[] = [];
let loop: BundledChild;
beforeAll(() => {
  loop = bundleChild('test/support/z-loop.ts');
});
afterAll(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  loop.remove();
});

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-zcrash-'));
  dirs.push(dir);
  return dir;
}

/** Runs the child; kills it `killAfterMs` after READY (loop mode). Resolves with its acknowledged Zs and how it ended. */
function run(
  dir: string,
  mode: 'in-z' | 'complete' | 'loop',
  killAfterMs?: number,
): Promise<{ acked: number[]; signal: NodeJS.Signals | null; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [loop.file, dir, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      let nl: number;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        if (line === 'READY' && killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        const m = /^Z (\d+) /.exec(line);
        if (m) acked.push(Number(m[1]));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ acked, signal, code, stderr });
    });
  });
}

function withLedger<T>(dir: string, read: (db: Db) => T): T {
  const db = openLedger(ledgerPathIn(dir));
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Every Z is whole: numbered 1..n, its rollups and shifts there, its figures those of its day's documents. */
function checkWhole(db: Db): number {
  const zs = db.prepare('SELECT id, z_no, business_day, figures, grand_total_before_minor, grand_total_after_minor FROM z_reports ORDER BY z_no').all() as {
    id: number;
    z_no: number;
    business_day: string;
    figures: string;
    grand_total_before_minor: number;
    grand_total_after_minor: number;
  }[];
  expect(zs.map((z) => z.z_no)).toEqual(zs.map((_, i) => i + 1));
  let grand = 0;
  for (const z of zs) {
    const net = db
      .prepare(
        "SELECT COALESCE(SUM(CASE WHEN kind = 'sale' THEN total_minor ELSE -total_minor END), 0) AS net, COUNT(*) AS n FROM documents WHERE business_day = ? AND status = 'completed'",
      )
      .get(z.business_day) as { net: number; n: number };
    const rollup = db.prepare("SELECT count, amount_minor FROM day_rollups WHERE z_id = ? AND dimension = 'net' AND key = 'all'").get(z.id) as
      { count: number; amount_minor: number } | undefined;
    expect(rollup, `rollup of Z ${z.z_no}`).toEqual({ count: net.n, amount_minor: net.net });
    expect((JSON.parse(z.figures) as { figures: { netMinor: number } }).figures.netMinor).toBe(net.net);
    expect(z.grand_total_before_minor).toBe(grand);
    grand += net.net;
    expect(z.grand_total_after_minor).toBe(grand);
    const shifts = db.prepare('SELECT COUNT(*) AS n FROM z_shifts WHERE z_id = ?').get(z.id) as { n: number };
    expect(shifts.n, `shifts of Z ${z.z_no}`).toBeGreaterThan(0);
    const entry = db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'day.closed' AND json_extract(payload, '$.data.zId') = ?").get(z.id) as {
      n: number;
    };
    expect(entry.n).toBe(1);
  }
  // No half Z: nothing points at a Z that is not there.
  expect(db.prepare('SELECT COUNT(*) AS n FROM day_rollups WHERE z_id NOT IN (SELECT id FROM z_reports)').get()).toEqual({ n: 0 });
  expect(db.prepare('SELECT COUNT(*) AS n FROM z_shifts WHERE z_id NOT IN (SELECT id FROM z_reports)').get()).toEqual({ n: 0 });
  // A shift closed by a Z's force-close is in that Z.
  expect(db.prepare('SELECT COUNT(*) AS n FROM shifts WHERE force_reason IS NOT NULL AND id NOT IN (SELECT shift_id FROM z_shifts)').get()).toEqual({ n: 0 });
  expect(verifyJournal(db).ok).toBe(true);
  return zs.length;
}

describe('a register killed during the Z', () => {
  it('killed inside the Z transaction leaves no Z; the next start takes it whole', async () => {
    const dir = freshDir();
    const killed = await run(dir, 'in-z');
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(killed.acked).toEqual([]);
    withLedger(dir, (db) => {
      expect(db.prepare('SELECT COUNT(*) AS n FROM z_reports').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT COUNT(*) AS n FROM day_rollups').get()).toEqual({ n: 0 });
      // The force-close went with it: the shift is still being counted, not closed.
      expect(db.prepare('SELECT state, force_reason FROM shifts').all()).toEqual([{ state: 'counting', force_reason: null }]);
      checkWhole(db);
    });
    const again = await run(dir, 'complete');
    expect(again.code, again.stderr).toBe(0);
    expect(again.acked).toEqual([1]);
    withLedger(dir, (db) => expect(checkWhole(db)).toBe(1));
  }, 60_000);

  it('killed at random moments while closing day after day: every Z there is whole, every acknowledged Z is there', async () => {
    const dir = freshDir();
    const acked = new Set<number>();
    let zs = 0;
    for (let i = 0; i < 12; i++) {
      const r = await run(dir, 'loop', 30 + Math.floor(Math.random() * 400));
      expect(r.signal, r.stderr).toBe('SIGKILL');
      r.acked.forEach((n) => acked.add(n));
      zs = withLedger(dir, (db) => checkWhole(db));
      for (const n of acked) expect(n).toBeLessThanOrEqual(zs);
    }
    expect(zs).toBeGreaterThan(3);
  }, 240_000);
});
