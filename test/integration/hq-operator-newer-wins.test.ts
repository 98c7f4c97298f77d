// Two registers of one shop and HQ (PostgreSQL) change the same cashier: the newer change wins at
// each till, whichever arrives last. HQ stamps each operator of a version with when HQ last changed
// them; a till that changed the cashier itself after that keeps its own change (and says so), a
// till that did not takes HQ's, and HQ republishing its list to change someone else leaves the
// till's newer change alone. HQ's next change of the cashier reaches both tills. HQ gives its
// published lists back, so the owner republishes from the last one with every stamp kept.
import { describe, expect, it } from 'vitest';
import { hashPinForRegisters } from '../../hq/down/pin-hash';
import { verifyJournal } from '../../main/ledger/journal';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { until } from '../support/until';
import { useHqRig } from '../support/use-hq-rig';

const hq = useHqRig();
const CASHIER = 'Cai 小蔡';

/** An operator as HQ lists them; the same PIN hashes the same way, as republishing a list carries each hash over. */
const hashes = new Map<string, ReturnType<typeof hashPinForRegisters>>();
function op(name: string, role: 'cashier' | 'supervisor' | 'owner', pin: string) {
  const hash = hashes.get(pin) ?? hashPinForRegisters(pin);
  hashes.set(pin, hash);
  return { name, role, active: true, ...hash };
}

/** Publishes an operators version for the shop, effective now; its number and the moment HQ took it. */
async function publish(shopId: string, operators: ReturnType<typeof op>[]): Promise<{ version: number; at: number }> {
  const r = await hq.rig.admin<{ version: number }>('POST', '/api/admin/versions', { kind: 'operators', shopId, effectiveAt: 0, body: { operators } });
  if (!r.body.ok) throw new Error(JSON.stringify(r.body));
  const row = await hq.rig.hq.pool.query<{ at: string }>('SELECT created_at AS at FROM down_versions WHERE version = $1', [r.body.value.version]);
  return { version: r.body.value.version, at: Number(row.rows[0]?.at) };
}

async function till(id: string, shopId: string) {
  const reg = makeRegister({ sync: { auto: false } });
  hq.registers.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  await hq.rig.enrol(reg, id, shopId);
  await reg.sync.runOnce();
  return { reg, ...staff };
}

/** Whether the PIN logs the cashier in at this till (then the owner logs back in). */
async function cashierPin(reg: TestRegister, cashierId: number, ownerId: number, pin: string): Promise<boolean> {
  const r = await reg.call('session.login', { operatorId: cashierId, pin });
  await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
  return r.ok;
}

function lastApplied(reg: TestRegister): unknown {
  const p = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sync.version_applied' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
  return (JSON.parse(p) as { data: unknown }).data;
}

describe('one cashier changed at HQ and at two registers', () => {
  it('the newer change wins at each till, not the one that arrives last', async () => {
    const a = await till('NW1-R1', 'NW1');
    const b = await till('NW1-R2', 'NW1');

    // HQ's word on the cashier reaches both tills (their own creation of her was earlier).
    const first = await publish('NW1', [op(CASHIER, 'cashier', '5937')]);
    await a.reg.sync.runOnce();
    await b.reg.sync.runOnce();
    expect(await cashierPin(a.reg, a.cashierId, a.ownerId, '5937')).toBe(true);
    expect(await cashierPin(b.reg, b.cashierId, b.ownerId, '5937')).toBe(true);

    // Till A's owner resets her PIN after HQ's change; HQ then republishes its list to add a
    // supervisor, the cashier as she was. Till A keeps its newer PIN; B, which changed nothing, is as HQ says.
    await until('a moment after HQ took the first version', () => Date.now() > first.at);
    await a.reg.must('operator.resetPin', { operatorId: a.cashierId, pin: '6284' });
    const second = await publish('NW1', [op(CASHIER, 'cashier', '5937'), op('Xu 小徐', 'supervisor', '7395')]);
    await a.reg.sync.runOnce();
    await b.reg.sync.runOnce();
    expect(await cashierPin(a.reg, a.cashierId, a.ownerId, '6284')).toBe(true);
    expect(await cashierPin(b.reg, b.cashierId, b.ownerId, '5937')).toBe(true);
    expect((await a.reg.must('operator.list', {})).find((o) => o.name === 'Xu 小徐')).toMatchObject({ role: 'supervisor', active: true });
    expect(lastApplied(a.reg)).toEqual({ version: second.version, kind: 'operators', effectiveAt: 0, items: 1, keptLocal: [CASHIER] });
    expect(await a.reg.must('sync.status', {})).toMatchObject({ keptLocal: { version: second.version, names: [CASHIER] } });
    expect(await b.reg.must('sync.status', {})).toMatchObject({ keptLocal: null });

    // HQ changes her PIN; till B, offline, changes it too, later. When B pulls HQ's (older)
    // change, B's own stays; A's change was before HQ's, so A takes HQ's.
    const third = await publish('NW1', [op(CASHIER, 'cashier', '8426'), op('Xu 小徐', 'supervisor', '7395')]);
    await until('a moment after HQ took the third version', () => Date.now() > third.at);
    await b.reg.must('operator.resetPin', { operatorId: b.cashierId, pin: '9517' });
    await a.reg.sync.runOnce();
    await b.reg.sync.runOnce();
    expect(await cashierPin(a.reg, a.cashierId, a.ownerId, '8426')).toBe(true);
    expect(await cashierPin(b.reg, b.cashierId, b.ownerId, '9517')).toBe(true);
    expect(await a.reg.must('sync.status', {})).toMatchObject({ downVersion: third.version, keptLocal: null });
    expect(lastApplied(b.reg)).toMatchObject({ version: third.version, keptLocal: [CASHIER] });

    // HQ's next change is newer than either till's: both take it.
    const fourth = await publish('NW1', [op(CASHIER, 'cashier', '3648')]);
    await a.reg.sync.runOnce();
    await b.reg.sync.runOnce();
    expect(await cashierPin(a.reg, a.cashierId, a.ownerId, '3648')).toBe(true);
    expect(await cashierPin(b.reg, b.cashierId, b.ownerId, '3648')).toBe(true);
    expect(await b.reg.must('sync.status', {})).toMatchObject({ downVersion: fourth.version, keptLocal: null });
    expect(verifyJournal(a.reg.db)).toMatchObject({ ok: true });
    expect(verifyJournal(b.reg.db)).toMatchObject({ ok: true });
  });

  it('HQ stamps each operator with its own last change: an unchanged entry keeps the stamp of the version that changed it', async () => {
    await hq.rig.admin('POST', '/api/admin/shops', { id: 'NW2', name: 'Shop NW2' });
    const one = await publish('NW2', [op(CASHIER, 'cashier', '5937'), op('Xu 小徐', 'supervisor', '7395')]);
    await until('a moment after HQ took the first version', () => Date.now() > one.at);
    const two = await publish('NW2', [op(CASHIER, 'cashier', '5937'), { ...op('Xu 小徐', 'supervisor', '7395'), active: false }]);
    const stamps = await hq.rig.hq.pool.query<{ version: number; body: { operators: { name: string; changedAt: number }[] } }>(
      'SELECT version, body FROM down_versions WHERE version = ANY($1) ORDER BY version',
      [[one.version, two.version]],
    );
    const [v1, v2] = stamps.rows.map((r) => new Map(r.body.operators.map((o) => [o.name, Number(o.changedAt)])));
    expect(v1?.get(CASHIER)).toBe(one.at);
    expect(v2?.get(CASHIER)).toBe(one.at);
    expect(v2?.get('Xu 小徐')).toBe(two.at);
  });
  it('HQ lists what it published, newest first: the list carried over unchanged keeps every stamp, a new entry gets its own', async () => {
    await hq.rig.newRegister('NW3-R1', 'NW3');
    const first = await publish('NW3', [op('Wang 王', 'owner', '2580'), op(CASHIER, 'cashier', '5937')]);
    type Listed = { version: number; shopId: string | null; createdAt: number; body: { operators: (ReturnType<typeof op> & { changedAt: number })[] } };
    const listed = async () => {
      const r = await hq.rig.admin<Listed[]>('GET', '/api/admin/versions?kind=operators&shop=NW3');
      if (!r.body.ok) throw new Error(JSON.stringify(r.body));
      return r.body.value;
    };
    const [last] = await listed();
    expect(last).toMatchObject({ version: first.version, shopId: 'NW3', createdAt: first.at });
    expect(last?.body.operators.map((o) => [o.name, o.changedAt])).toEqual([
      ['Wang 王', first.at],
      [CASHIER, first.at],
    ]);

    // The owner republishes that list with a supervisor added: the two carried over keep their stamps.
    await until('a moment after HQ took the first version', () => Date.now() > first.at);
    const second = await publish('NW3', [...(last?.body.operators ?? []), op('Xu 小徐', 'supervisor', '7395')]);
    const now = await listed();
    expect(now.map((v) => v.version)).toEqual([second.version, first.version]);
    expect(now[0]?.body.operators.map((o) => [o.name, o.changedAt])).toEqual([
      ['Wang 王', first.at],
      [CASHIER, first.at],
      ['Xu 小徐', second.at],
    ]);

    // Asked for what does not exist, HQ names it.
    expect((await hq.rig.admin('GET', '/api/admin/versions?kind=prices')).body).toMatchObject({
      ok: false,
      error: { code: 'hq.invalid_input', params: { field: 'kind' } },
    });
    expect((await hq.rig.admin('GET', '/api/admin/versions?kind=operators&shop=NOPE')).body).toMatchObject({
      ok: false,
      error: { code: 'hq.not_found', params: { field: 'shop', shopId: 'NOPE' } },
    });
  });
});
