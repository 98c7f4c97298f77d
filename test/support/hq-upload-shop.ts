// The HQ upload tests' registers and probes: registers enrolled at the rig, their cash sales and
// journals, HQ's counts and alerts for a register, and a forger's edits and signatures.
import { randomUUID } from 'node:crypto';
import { hqPaths, type WireEntry } from '../../preload/contract/hq-wire';
import { entryHash } from '../../main/journal-chain/chain';
import { canonicalJson } from '../../main/journal-chain/canonical-json';
import type { JournalEntry } from '../../main/ledger/journal';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from './register-fixture';
import type { HqRig } from './hq-rig';

/** Helpers bound to the suite's rig, read when called (it starts in beforeAll), and its list of registers to clean up. */
export function uploadShop(rigNow: () => HqRig, registers: TestRegister[]) {
  async function shopRegister(id: string, shopId = 'S1'): Promise<TestRegister> {
    // These tests drive the uploader themselves with runOnce().
    const reg = makeRegister({ sync: { auto: false } });
    registers.push(reg);
    const staff = await withStaff(reg);
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await rigNow().enrol(reg, id, shopId);
    return reg;
  }

  async function hqCounts(registerId: string): Promise<{ entries: number; documents: number; head: number }> {
    const r = await rigNow().hq.pool.query<{ entries: number; documents: number; head: number }>(
      `SELECT (SELECT COUNT(*)::int FROM journal_entries WHERE register_id = $1) AS entries,
            (SELECT COUNT(*)::int FROM documents WHERE register_id = $1) AS documents,
            (SELECT seq FROM journal_heads WHERE register_id = $1) AS head`,
      [registerId],
    );
    return r.rows[0] ?? { entries: 0, documents: 0, head: 0 };
  }

  async function alerts(registerId: string): Promise<{ kind: string; params: Record<string, unknown>; evidence: unknown }[]> {
    return (await rigNow().hq.pool.query('SELECT kind, params, evidence FROM alerts WHERE register_id = $1 ORDER BY id', [registerId])).rows as {
      kind: string;
      params: Record<string, unknown>;
      evidence: unknown;
    }[];
  }

  return { shopRegister, hqCounts, alerts };
}

export async function sell(reg: TestRegister, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: '6901234567892' });
    await reg.must('sale.addProduct', { saleId: sale.id, code: i % 2 ? '6904567890125' : '6905678901236' });
    const view = await reg.must('sale.get', { saleId: sale.id });
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: view.totals.totalMinor + 500, idempotencyKey: randomUUID().replaceAll('-', '') });
  }
}

export function journal(reg: TestRegister, from = 1, to = Number.MAX_SAFE_INTEGER): JournalEntry[] {
  return reg.db
    .prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain WHERE seq BETWEEN ? AND ? ORDER BY seq')
    .all(from, to) as JournalEntry[];
}

/** The same edit a forger would make: change the data, and re-hash the entry so it holds on its own. */
export function rehashed(e: WireEntry, edit: (data: Record<string, unknown>) => void): WireEntry {
  const parsed = JSON.parse(e.payload) as { data: Record<string, unknown> };
  edit(parsed.data);
  const payload = canonicalJson(parsed);
  return { ...e, payload, hash: entryHash(e.prev_hash, payload) };
}

export async function signedHeaders(secret: Buffer, registerId: string, text: string): Promise<Record<string, string>> {
  const { newNonce, signRequest } = await import('../../main/journal-chain/request-signature');
  const time = Date.now();
  const nonce = newNonce();
  return {
    'x-ringup-register': registerId,
    'x-ringup-time': String(time),
    'x-ringup-nonce': nonce,
    'x-ringup-signature': signRequest(secret, { method: 'POST', path: hqPaths.upload, registerId, time, nonce, body: text }),
  };
}
