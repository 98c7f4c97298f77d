// Ten registers (separate processes, separate SQLite ledgers) sell for about a minute while the
// test SIGKILLs registers and HQ at random, and cuts, slows and restores the network between them
// (a proxy). Afterwards HQ must hold every entry exactly once, every chain must verify, every
// document the registers completed must be there once, and HQ's day figures must equal the
// registers' own.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain, type ChainEntry } from '../../main/journal-chain/chain';
import { startThrowawayCluster, type ThrowawayCluster } from '../../hq/dev/throwaway-cluster';
import { createPool } from '../../hq/db/pool';
import { makeRegister, OWNER_PIN } from '../support/register-fixture';
import { startFlakyProxy, type FlakyProxy } from '../support/flaky-proxy';
import { ADMIN_TOKEN, post } from '../support/hq-rig';
import { closedPort } from '../support/closed-port';
import { until } from '../support/until';
import { bundleChild, type BundledChild } from '../support/bundled-child';

const REGISTERS = 10;
const SOAK_MS = 60_000;
const SALE_PACE_MS = 120;
const root = mkdtempSync(join(tmpdir(), 'ringup-soak-'));
const repo = join(__dirname, '..', '..');
const children = new Set<ChildProcess>();
let cluster: ThrowawayCluster | null = null;
let proxy: FlakyProxy | null = null;
// Registers restart dozens of times: from one bundle of their sources (support/bundled-child.ts).
let saleLoop: BundledChild;

beforeAll(() => {
  saleLoop = bundleChild('test/support/sync-sale-loop.ts');
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await proxy?.close();
  cluster?.stop();
  rmSync(root, { recursive: true, force: true });
  saleLoop.remove();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (a: number, b: number) => a + Math.floor(Math.random() * (b - a));

/** A Node child, watched so that afterAll kills what is left. `nodeArgs`: the script and what goes before it. */
function startChild(nodeArgs: string[], args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function lines(child: ChildProcess, onLine: (line: string) => void): void {
  let buffer = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
    }
  });
}

/** HQ as a child process (`hq/main.ts`, what `npm run hq` runs), on a fixed port so a restart is found again. */
function startHqChild(databaseUrl: string, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = startChild(['--import', 'tsx', join(repo, 'hq/main.ts')], [], {
      DATABASE_URL: databaseUrl,
      HQ_ADMIN_TOKEN: ADMIN_TOKEN,
      HQ_PORT: String(port),
    });
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    lines(child, (line) => {
      if (line.includes('listening')) resolve(child);
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`HQ exited (${code}): ${stderr}`));
    });
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
}

describe('ten registers, one HQ, kill -9 and a flaky network', () => {
  it('HQ holds every entry exactly once, every chain verifies, 0 lost, 0 duplicated, day totals agree', { timeout: 480_000 }, async () => {
    cluster = startThrowawayCluster({ fsync: false });
    const hqPort = await closedPort();
    let hq = await startHqChild(cluster.url, hqPort);
    proxy = await startFlakyProxy(hqPort);
    const hqUrl = `http://127.0.0.1:${proxy.port}`;
    const admin = (path: string, body: unknown) =>
      post<{ code: string }>(`http://127.0.0.1:${hqPort}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await admin('/api/admin/shops', { id: 'SA', name: 'Shop A' });
    await admin('/api/admin/shops', { id: 'SB', name: 'Shop B' });

    // Each register: set up and enrolled by its owner, then handed to its own process.
    const dirs: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < REGISTERS; i++) {
      const dir = join(root, `r${i}`);
      const id = `${i % 2 ? 'SB' : 'SA'}-R${i}`;
      const code = await admin('/api/admin/registers', { id, shopId: i % 2 ? 'SB' : 'SA', name: id });
      if (!code.body.ok) throw new Error(JSON.stringify(code.body));
      const reg = makeRegister({ dir, sync: { auto: false } });
      await reg.must('setup.createOwner', { name: `Owner ${i}`, pin: OWNER_PIN });
      // Each till has its own receipt numbering id, as two tills in one shop must.
      await reg.must('settings.update', { registerId: `T${i}` });
      await reg.must('sync.enrol', { hqUrl, code: code.body.value.code });
      reg.close();
      dirs.push(dir);
      ids.push(id);
    }

    const acked = dirs.map(() => new Map<number, string>());
    const running: (ChildProcess | null)[] = dirs.map(() => null);
    // Whether a register has acknowledged a sale since it was last started: on a loaded machine a
    // fresh process can take seconds to start, and killing it again before it ever sold would
    // test nothing and leave that register with no sales at all.
    const sellingSinceStart = dirs.map(() => false);
    const startRegister = (i: number) => {
      sellingSinceStart[i] = false;
      const child = startChild([saleLoop.file], [dirs[i] ?? '', String(SALE_PACE_MS)]);
      lines(child, (line) => {
        const m = /^ACK (\d+) (\S+)$/.exec(line);
        if (m) {
          acked[i]?.set(Number(m[1]), m[2] ?? '');
          sellingSinceStart[i] = true;
        }
      });
      running[i] = child;
    };
    for (let i = 0; i < REGISTERS; i++) startRegister(i);
    // The storm starts once every register sells: ten processes starting at once on a loaded
    // machine can take long, and a minute of faults before the first sale would test nothing.
    await until('every register selling', () => sellingSinceStart.every(Boolean), 180_000);

    // The faults, all at once, until the time is up and each kind has happened often enough to
    // count (on a loaded machine a restart eats into the minute).
    const end = Date.now() + SOAK_MS;
    const counts = { registerKills: 0, hqKills: 0 };
    const registerChaos = (async () => {
      while (Date.now() < end || counts.registerKills < 10) {
        await sleep(between(800, 2500));
        const selling = sellingSinceStart.flatMap((yes, i) => (yes ? [i] : []));
        if (selling.length === 0) continue;
        const i = selling[between(0, selling.length)] ?? 0;
        const child = running[i];
        if (child) await kill(child);
        counts.registerKills += 1;
        await sleep(between(50, 600));
        startRegister(i);
      }
    })();
    const hqChaos = (async () => {
      while (Date.now() < end || counts.hqKills < 3) {
        await sleep(between(5000, 9000));
        await kill(hq);
        counts.hqKills += 1;
        await sleep(between(300, 1500));
        hq = await startHqChild(cluster?.url ?? '', hqPort);
      }
    })();
    const networkChaos = (async () => {
      // Two cuts, then a slow spell, over and over: random timing, but a fixed mix, so a minute
      // always holds several of each (at most 9 s a round, so at least 7 rounds: 5 cuts, 2 slow).
      for (let round = 0; Date.now() < end || (proxy?.stats.cuts ?? 0) < 3; round++) {
        await sleep(between(2000, 5000));
        proxy?.setMode(round % 3 === 2 ? 'slow' : 'down');
        await sleep(between(1000, 4000));
        proxy?.setMode('up');
      }
    })();
    await Promise.all([registerChaos, hqChaos, networkChaos]);

    // The storm is over: registers stop selling (killed once more), the network and HQ are up.
    for (const c of running) if (c) await kill(c);
    proxy.setMode('up');

    const pool = createPool(cluster.url, 4);
    try {
      // Each register uploads what is left, as it would at its next start.
      for (const [i, dir] of dirs.entries()) {
        const reg = makeRegister({ dir, sync: { auto: false } });
        try {
          await reg.must('session.login', { operatorId: 1, pin: OWNER_PIN });
          for (let round = 0; round < 50; round++) {
            await reg.sync.runOnce();
            const s = await reg.must('sync.status', {});
            if (s.state === 'refused') throw new Error(`register ${ids[i]} refused: ${JSON.stringify(s.lastError)}`);
            if (s.pendingEntries === 0) break;
            await reg.must('sync.retry', {});
          }
          expect(await reg.must('sync.status', {}), ids[i]).toMatchObject({ pendingEntries: 0, state: 'idle' });
          const local = reg.db.prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain ORDER BY seq').all() as ChainEntry[];
          const held = (
            await pool.query<ChainEntry>('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_entries WHERE register_id = $1 ORDER BY seq', [ids[i]])
          ).rows;
          // Every entry exactly once, byte for byte, and the chain verifies at HQ.
          expect(held.length, ids[i]).toBe(local.length);
          expect(held).toEqual(local);
          expect(verifyChain(held)).toMatchObject({ ok: true, entries: local.length });
          const head = await pool.query<{ seq: number; hash: string }>('SELECT seq, hash FROM journal_heads WHERE register_id = $1', [ids[i]]);
          expect(head.rows[0]).toEqual({ seq: local.length, hash: local[local.length - 1]?.hash });

          // Every completed document once; every sale a cashier saw acknowledged is among them.
          const mine = reg.db
            .prepare("SELECT id, receipt_no AS no, total_minor AS total FROM documents WHERE status = 'completed' ORDER BY receipt_no")
            .all() as {
            id: string;
            no: number;
            total: number;
          }[];
          const theirs = (
            await pool.query<{ id: string; no: number; total: number }>(
              'SELECT id, receipt_no AS no, total_minor AS total FROM documents WHERE register_id = $1 ORDER BY receipt_no',
              [ids[i]],
            )
          ).rows;
          expect(theirs).toEqual(mine);
          const byId = new Set(theirs.map((d) => d.id));
          for (const [, saleId] of acked[i] ?? []) expect(byId.has(saleId), `${ids[i]} acknowledged sale ${saleId}`).toBe(true);

          // HQ's day figures for this register equal the register's own.
          const ownDays = reg.db
            .prepare(
              "SELECT business_day AS day, COUNT(*) AS n, SUM(CASE WHEN kind = 'sale' THEN total_minor ELSE -total_minor END) AS net FROM documents WHERE status = 'completed' GROUP BY business_day ORDER BY business_day",
            )
            .all();
          const hqDays = (
            await pool.query(
              `SELECT business_day AS day, COUNT(*)::int AS n, SUM(CASE WHEN kind = 'sale' THEN total_minor ELSE -total_minor END)::bigint AS net
                 FROM documents WHERE register_id = $1 GROUP BY business_day ORDER BY business_day`,
              [ids[i]],
            )
          ).rows;
          expect(hqDays).toEqual(ownDays);
        } finally {
          reg.close();
        }
      }
      // Nothing was refused or flagged: kills and cuts are not tampering.
      expect((await pool.query('SELECT kind, register_id, params FROM alerts')).rows).toEqual([]);
      const total = await pool.query<{ n: number; d: number }>(
        'SELECT (SELECT COUNT(*)::int FROM journal_entries) AS n, (SELECT COUNT(*)::int FROM documents) AS d',
      );
      const sales = acked.reduce((s, m) => s + m.size, 0);
      console.log(
        `soak: ${REGISTERS} registers, ${sales} acknowledged sales, HQ holds ${total.rows[0]?.n} entries and ${total.rows[0]?.d} documents; ` +
          `${counts.registerKills} register kills, ${counts.hqKills} HQ kills, ${proxy.stats.cuts} network cuts (${proxy.stats.dropped} connections refused), ${proxy.stats.slowSpells} slow spells`,
      );
      // The faults really happened while the registers were selling.
      expect(counts.registerKills).toBeGreaterThanOrEqual(10);
      expect(counts.hqKills).toBeGreaterThanOrEqual(3);
      expect(proxy.stats.cuts).toBeGreaterThanOrEqual(3);
      // Every register sold throughout (a durable commit per sale is what paces them on a shared disk).
      for (const [i, m] of acked.entries()) expect(m.size, ids[i]).toBeGreaterThanOrEqual(5);
    } finally {
      await pool.end();
      await kill(hq);
    }
  });
});
