// Taking a register out of the chain, against a real HQ (PostgreSQL): the till's owner withdraws
// it (its journal goes up first, HQ is told, the link goes, the journal stays and says so), HQ then
// refuses its key with hq.register_withdrawn, and the till can enrol anew under a new register id.
// HQ's owner can withdraw a lost till at HQ; the till then stops with that reason and its owner
// withdraws it here too. When HQ cannot be reached nothing changes, unless the owner withdraws at
// this till only.
import { describe, expect, it } from 'vitest';
import { hqPaths } from '../../preload/contract/hq-wire';
import { verifyJournal } from '../../main/ledger/journal';
import { closedPort } from '../support/closed-port';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { useHqRig } from '../support/use-hq-rig';

const hq = useHqRig();

async function enrolledTill(id: string, shopId: string) {
  const reg = makeRegister({ sync: { auto: false } });
  hq.registers.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  await hq.rig.enrol(reg, id, shopId);
  return { reg, ...staff };
}

function withdrawals(reg: TestRegister): unknown[] {
  return (reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sync.withdrawn' ORDER BY seq").pluck().all() as string[]).map(
    (p) => (JSON.parse(p) as { data: unknown }).data,
  );
}

async function hqHead(registerId: string): Promise<number> {
  const r = await hq.rig.hq.pool.query<{ seq: number }>('SELECT seq FROM journal_heads WHERE register_id = $1', [registerId]);
  return r.rows[0]?.seq ?? -1;
}

function localHead(reg: TestRegister): number {
  return reg.db.prepare('SELECT MAX(seq) FROM journal').pluck().get() as number;
}

describe('an owner takes a register out of the chain', () => {
  it('at the till: what waits goes up first, HQ refuses the key afterwards, the sales stay, and the till may enrol anew', async () => {
    const { reg, ownerId } = await enrolledTill('WD1-R1', 'WD1');
    const secret = await hq.rig.secretOf('WD1-R1');
    const before = localHead(reg);
    // Nothing uploaded yet: the withdrawal sends it first.
    expect(await hqHead('WD1-R1')).toBe(0);

    const status = await reg.must('sync.withdraw', {});
    expect(status).toMatchObject({ enrolled: false, state: 'not_enrolled', registerId: null });
    expect(await hqHead('WD1-R1')).toBe(before);
    const listed = await hq.rig.admin<{ registerId: string; withdrawnAt: number | null }[]>('GET', '/api/admin/registers');
    const withdrawnAt = listed.body.ok ? listed.body.value.find((r) => r.registerId === 'WD1-R1')?.withdrawnAt : null;
    expect(typeof withdrawnAt).toBe('number');
    expect(withdrawals(reg)).toEqual([
      {
        operatorId: ownerId,
        hqUrl: hq.rig.hq.url,
        registerId: 'WD1-R1',
        shopId: 'WD1',
        ackedSeq: before,
        notUploaded: 0,
        versionsDropped: 0,
        hqWithdrawnAt: withdrawnAt,
      },
    ]);

    // The old key is refused, with the reason the till translates.
    const entries = reg.db.prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain WHERE seq > ? ORDER BY seq').all(before - 1);
    const refused = await hq.rig.signed(hqPaths.upload, { registerId: 'WD1-R1', entries, records: { documents: [] } }, { registerId: 'WD1-R1', secret });
    expect(refused).toMatchObject({
      status: 403,
      body: { ok: false, error: { code: 'hq.register_withdrawn', params: { registerId: 'WD1-R1', withdrawnAt } } },
    });
    const pulled = await hq.rig.signed(hqPaths.down, { registerId: 'WD1-R1', after: 0 }, { registerId: 'WD1-R1', secret });
    expect(pulled.body).toMatchObject({ ok: false, error: { code: 'hq.register_withdrawn' } });

    // The till sells on alone; a second withdrawal has nothing to take away.
    expect(await reg.call('sync.withdraw', {})).toMatchObject({ ok: false, error: { code: 'sync.not_enrolled' } });
    expect(verifyJournal(reg.db)).toMatchObject({ ok: true });

    // Enrolled anew under a new register id, the whole journal goes up there.
    await hq.rig.enrol(reg, 'WD1-R2', 'WD1');
    await reg.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ enrolled: true, registerId: 'WD1-R2', state: 'idle', pendingEntries: 0 });
    expect(await hqHead('WD1-R2')).toBe(localHead(reg));

    // The owner's overview, read through the new enrolment, marks the old id withdrawn, and only it.
    const overview = await reg.must('sync.hqOverview', { day: new Date().toISOString().slice(0, 10) });
    const tills = overview.shops.find((s) => s.shopId === 'WD1')?.registers ?? [];
    expect(tills.map((r) => [r.registerId, r.withdrawnAt])).toEqual([
      ['WD1-R1', withdrawnAt],
      ['WD1-R2', null],
    ]);
  });

  it('at HQ (a lost till): the till stops with the translated reason, and its owner withdraws it here too', async () => {
    const { reg } = await enrolledTill('WD2-R1', 'WD2');
    await reg.sync.runOnce();
    const atHq = await hq.rig.admin<{ withdrawnAt: number }>('POST', '/api/admin/registers/WD2-R1/withdraw');
    expect(atHq.body.ok).toBe(true);
    const withdrawnAt = atHq.body.ok ? atHq.body.value.withdrawnAt : 0;
    await reg.must('sync.retry', {});
    expect(await reg.must('sync.status', {})).toMatchObject({
      enrolled: true,
      state: 'refused',
      lastError: { code: 'hq.register_withdrawn', params: { registerId: 'WD2-R1', withdrawnAt } },
    });

    await reg.must('sync.withdraw', {});
    expect(withdrawals(reg)).toMatchObject([{ registerId: 'WD2-R1', hqWithdrawnAt: withdrawnAt }]);
    expect(await reg.must('sync.status', {})).toMatchObject({ enrolled: false });

    // HQ refuses what it cannot withdraw, naming it.
    expect((await hq.rig.admin('POST', '/api/admin/registers/NOPE-R9/withdraw')).body).toMatchObject({
      ok: false,
      error: { code: 'hq.not_found', params: { field: 'register', registerId: 'NOPE-R9' } },
    });
    await hq.rig.newRegister('WD2-R3', 'WD2');
    expect((await hq.rig.admin('POST', '/api/admin/registers/WD2-R3/withdraw')).body).toMatchObject({
      ok: false,
      error: { code: 'hq.forbidden', params: { registerId: 'WD2-R3', why: 'not_enrolled' } },
    });
  });

  it('HQ out of reach: nothing changes, unless the owner withdraws at this till only', async () => {
    const { reg } = await enrolledTill('WD3-R1', 'WD3');
    reg.db.prepare('UPDATE sync_link SET hq_url = ? WHERE id = 1').run(`http://127.0.0.1:${await closedPort()}`);
    expect(await reg.call('sync.withdraw', {})).toMatchObject({ ok: false, error: { code: 'sync.hq_unreachable' } });
    expect(await reg.must('sync.status', {})).toMatchObject({ enrolled: true, registerId: 'WD3-R1' });
    expect(withdrawals(reg)).toEqual([]);

    await reg.must('sync.withdraw', { hereOnly: true });
    expect(await reg.must('sync.status', {})).toMatchObject({ enrolled: false });
    expect(withdrawals(reg)).toMatchObject([{ registerId: 'WD3-R1', hqWithdrawnAt: null, notUploaded: localHead(reg) - 1 }]);
    expect(verifyJournal(reg.db)).toMatchObject({ ok: true });
  });
});
