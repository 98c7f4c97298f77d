// Operators versions from HQ (PostgreSQL) against real registers (SQLite): HQ refuses a version that
// would leave a register without an active owner, the register keeps its last owner all the same
// (a version already at HQ, from before the check), and an operator HQ creates gets an operator
// number (工号) as one created at the till does: she logs in by number and her badge works.
import { describe, expect, it } from 'vitest';
import { hashPinForRegisters } from '../../hq/down/pin-hash';
import { publishVersion } from '../../hq/down/versions';
import { verifyJournal } from '../../main/ledger/journal';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { useHqRig } from '../support/use-hq-rig';

const hq = useHqRig();
const registers = hq.registers;

const OWNER = 'Owner 老板';

function op(name: string, role: 'cashier' | 'supervisor' | 'owner', active: boolean, pin = '4821') {
  return { name, role, active, ...hashPinForRegisters(pin) };
}

function publish(shopId: string | null, operators: ReturnType<typeof op>[]) {
  return hq.rig.admin<{ version: number }>('POST', '/api/admin/versions', { kind: 'operators', shopId, effectiveAt: 0, body: { operators } });
}

async function published(shopId: string | null, operators: ReturnType<typeof op>[]): Promise<number> {
  const r = await publish(shopId, operators);
  if (!r.body.ok) throw new Error(JSON.stringify(r.body));
  return r.body.value.version;
}

/** A version put straight into HQ's table, as an HQ without the owner check let through. */
async function publishedUnchecked(shopId: string, operators: ReturnType<typeof op>[]): Promise<number> {
  const row = await hq.rig.hq.pool.query<{ version: number }>(
    "INSERT INTO down_versions (shop_id, kind, effective_at, body, created_at) VALUES ($1, 'operators', 0, $2, $3) RETURNING version",
    [shopId, JSON.stringify({ operators }), Date.now()],
  );
  return row.rows[0]?.version ?? 0;
}

/** An enrolled register (owner, supervisor, cashier made at the till) that has uploaded its journal. */
async function enrolled(id: string, shopId: string) {
  const reg = makeRegister({ sync: { auto: false } });
  registers.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  await hq.rig.enrol(reg, id, shopId);
  await reg.sync.runOnce();
  return { reg, ...staff };
}

function appliedEntries(reg: TestRegister): unknown[] {
  return (reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sync.version_applied' ORDER BY seq").pluck().all() as string[]).map(
    (p) => (JSON.parse(p) as { data: unknown }).data,
  );
}

describe('an operators version that would leave a till without an active owner', () => {
  it('is refused at HQ, naming the register and its owner, for a deactivation, a demotion or a cashier with the owner’s name', async () => {
    await enrolled('LO1-R1', 'LO1');
    const before = await hq.rig.hq.pool.query("SELECT COUNT(*)::int AS n FROM down_versions WHERE kind = 'operators'");
    const refusal = { code: 'hq.forbidden', params: { why: 'last_owner', registerId: 'LO1-R1', shopId: 'LO1', name: OWNER } };

    const deactivated = await publish('LO1', [op('王芳', 'cashier', true), op(OWNER, 'owner', false)]);
    expect(deactivated).toMatchObject({ status: 409, body: { ok: false, error: { ...refusal, params: { ...refusal.params, field: 'body.operators.1' } } } });
    expect(await publish('LO1', [op(OWNER, 'supervisor', true)])).toMatchObject({ status: 409, body: { ok: false, error: refusal } });
    // A cashier at HQ who simply has the owner's name would take the owner's row (and PIN).
    expect(await publish('LO1', [op('owner 老板', 'cashier', true)])).toMatchObject({ status: 409, body: { ok: false, error: refusal } });
    // A version for every shop reaches this register too.
    expect(await publish(null, [op(OWNER, 'cashier', false)])).toMatchObject({ status: 409, body: { ok: false, error: refusal } });
    expect(await hq.rig.hq.pool.query("SELECT COUNT(*)::int AS n FROM down_versions WHERE kind = 'operators'")).toMatchObject({ rows: before.rows });

    // Handing the shop to another owner in the same version is fine, whatever the order.
    expect(await publish('LO1', [op(OWNER, 'supervisor', true), op('Boss 新店主', 'owner', true)])).toMatchObject({ status: 200 });
    // And from then on HQ knows Boss is the owner: taking Boss away too is refused.
    expect(await publish('LO1', [op('Boss 新店主', 'owner', false)])).toMatchObject({
      status: 409,
      body: { ok: false, error: { code: 'hq.forbidden', params: { why: 'last_owner', name: 'Boss 新店主' } } },
    });
  });

  it('published together, two versions that each take away one of two owners: one is refused', async () => {
    const { reg, supervisorId } = await enrolled('LO5-R1', 'LO5');
    await reg.must('operator.setRole', { operatorId: supervisorId, role: 'owner' });
    await reg.sync.runOnce();
    // Straight into HQ's publishing, both at once: each would pass the check alone.
    const both = [op(OWNER, 'owner', false), op('Sue', 'cashier', true)].map((o) =>
      publishVersion(hq.rig.hq.pool, { kind: 'operators', shopId: 'LO5', effectiveAt: 0, body: { operators: [o] } }, Date.now()),
    );
    const outcomes = await Promise.allSettled(both);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'hq.forbidden', status: 409, params: { why: 'last_owner' } });
  });

  it('is refused for a shop with no register yet, by the owners HQ itself has sent it', async () => {
    await hq.rig.admin('POST', '/api/admin/shops', { id: 'LO2', name: 'New shop' });
    await published('LO2', [op('HQ 店主', 'owner', true)]);
    expect(await publish('LO2', [op('HQ 店主', 'cashier', true)])).toMatchObject({
      status: 409,
      body: { ok: false, error: { code: 'hq.forbidden', params: { why: 'last_owner', registerId: null, shopId: 'LO2', name: 'HQ 店主' } } },
    });
  });

  it('reaches a register anyway (an older HQ): the owner is kept whole, the rest applies, and the HQ section says so', async () => {
    const { reg, ownerId, cashierId } = await enrolled('LO3-R1', 'LO3');
    const version = await publishedUnchecked('LO3', [
      op('OWNER 老板', 'cashier', false, '4821'),
      op('王芳', 'cashier', true, '4822'),
      op('Cai 小蔡', 'supervisor', true),
    ]);
    await reg.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ downVersion: version, pendingVersions: 0, keptOwners: { version, names: [OWNER] } });

    // The owner is still the owner, with the PIN she had: HQ's PIN for the name did not come down.
    const list = await reg.must('operator.list', {});
    expect(list.find((o) => o.id === ownerId)).toMatchObject({ role: 'owner', active: true });
    expect(list.find((o) => o.id === cashierId)).toMatchObject({ role: 'supervisor' });
    expect(list.find((o) => o.name === '王芳')).toMatchObject({ role: 'cashier', active: true });
    expect(await reg.call('session.login', { operatorId: ownerId, pin: '4821' })).toMatchObject({ ok: false, error: { code: 'session.wrong_pin' } });
    expect((await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN })).operator?.role).toBe('owner');
    expect(appliedEntries(reg).at(-1)).toEqual({ version, kind: 'operators', effectiveAt: 0, items: 2, keptOwners: [OWNER] });
    expect(reg.db.prepare("SELECT COUNT(*) FROM journal WHERE kind IN ('operator.deactivated', 'operator.badge_revoked')").pluck().get()).toBe(0);

    // The next operators version that applies in full clears the notice.
    const next = await published('LO3', [op('王芳', 'cashier', true, '4823')]);
    await reg.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ downVersion: next, keptOwners: null });
    expect(appliedEntries(reg).at(-1)).toEqual({ version: next, kind: 'operators', effectiveAt: 0, items: 1 });
    expect(verifyJournal(reg.db)).toMatchObject({ ok: true });
  });

  it('applies in full when the version names another active owner, even after the demotion', async () => {
    const { reg, ownerId } = await enrolled('LO4-R1', 'LO4');
    const version = await publishedUnchecked('LO4', [op(OWNER, 'supervisor', true), op('Boss 新店主', 'owner', true, '4824')]);
    await reg.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ downVersion: version, keptOwners: null });
    const list = await reg.must('operator.list', {});
    expect(list.find((o) => o.id === ownerId)).toMatchObject({ role: 'supervisor', active: true });
    expect(list.find((o) => o.name === 'Boss 新店主')).toMatchObject({ role: 'owner', active: true });
  });
});

describe('an operator created at HQ', () => {
  it('gets the next operator number, keeps it in later versions, logs in by number and by badge', async () => {
    const { reg, ownerId } = await enrolled('NU1-R1', 'NU1');
    const numbers = (await reg.must('operator.list', {})).map((o) => o.number);
    await published('NU1', [op('王芳', 'cashier', true, '4821')]);
    await reg.sync.runOnce();
    const wang = (await reg.must('operator.list', {})).find((o) => o.name === '王芳');
    expect(wang?.number).toBe(Math.max(...numbers) + 1);
    const number = wang?.number ?? 0;

    // A new PIN from HQ and a second HQ cashier: 王芳 keeps her number, the newcomer gets the next.
    await published('NU1', [op('李娜', 'cashier', true, '4822'), op('王芳', 'cashier', true, '4829')]);
    await reg.sync.runOnce();
    const after = await reg.must('operator.list', {});
    expect(after.find((o) => o.name === '王芳')?.number).toBe(number);
    expect(after.find((o) => o.name === '李娜')?.number).toBe(number + 1);

    const session = await reg.must('session.loginNumber', { number, pin: '4829' });
    expect(session.operator).toMatchObject({ name: '王芳', number });
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    const badge = await reg.must('operator.issueBadge', { operatorId: wang?.id ?? 0, print: false });
    expect(badge.code).toMatch(new RegExp(`^B${number}-[A-Z2-9]{16}$`));
    expect(await reg.must('session.loginBadge', { code: badge.code, pin: '4829' })).toMatchObject({ operatorId: wang?.id });
  });
});
