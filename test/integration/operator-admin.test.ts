// The owner deactivates and reactivates operators, resets a PIN and changes a role: each change is
// journalled with its effect (never with a PIN), a deactivated operator cannot log in by any way,
// and the shop is never left without an owner who can log in.
import { describe, expect, it } from 'vitest';
import { setOperatorActive, setOperatorRole } from '../../main/operators/operator-admin';
import { verifyJournal } from '../../main/ledger/journal';
import { CASHIER_PIN, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { register, WATER } from '../support/tracked-registers';

async function staffed(options: Parameters<typeof register>[0] = {}) {
  const reg = register(options);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  return { reg, ...staff };
}

function entries(reg: TestRegister, kind: string): { data: Record<string, unknown>; payload: string }[] {
  return (reg.db.prepare('SELECT payload FROM journal WHERE kind = ? ORDER BY seq').all(kind) as { payload: string }[]).map((r) => ({
    data: (JSON.parse(r.payload) as { data: Record<string, unknown> }).data,
    payload: r.payload,
  }));
}

describe('deactivating an operator', () => {
  it('refuses their PIN, number and badge logins; their sales keep their name; reactivating lets them in again', async () => {
    const { reg, ownerId, cashierId } = await staffed();
    // A sale the cashier rang up before leaving.
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: WATER });
    const done = await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 200, idempotencyKey: 'admin-sale-1' });
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    const { code } = await reg.must('operator.issueBadge', { operatorId: cashierId, print: false });
    await reg.must('settings.update', { badgeOnlyForCashiers: true });

    const view = await reg.must('operator.setActive', { operatorId: cashierId, active: false });
    expect(view).toMatchObject({ id: cashierId, active: false });
    expect(entries(reg, 'operator.deactivated').map((e) => e.data)).toEqual([{ operatorId: cashierId, by: ownerId }]);

    // Their badge went with the deactivation: revoked, journalled, and refused as any revoked badge.
    expect(view.hasBadge).toBe(false);
    expect(entries(reg, 'operator.badge_revoked').map((e) => e.data)).toEqual([{ operatorId: cashierId, by: ownerId }]);

    expect(await reg.call('session.login', { operatorId: cashierId, pin: CASHIER_PIN })).toMatchObject({ ok: false, error: { code: 'session.deactivated' } });
    expect(await reg.call('session.loginNumber', { number: 3, pin: CASHIER_PIN })).toMatchObject({ ok: false, error: { code: 'session.deactivated' } });
    expect(await reg.call('session.loginBadge', { code })).toMatchObject({ ok: false, error: { code: 'session.badge_invalid' } });
    expect(await reg.call('session.loginBadge', { code, pin: CASHIER_PIN })).toMatchObject({ ok: false, error: { code: 'session.badge_invalid' } });
    // Each refused attempt is in the journal for the owner to see: the PIN ones as refused for a
    // deactivated operator (not counted towards a lockout), the badge ones as an unknown badge of their number.
    expect(entries(reg, 'session.login_refused').map((e) => e.data)).toEqual([
      { operatorId: cashierId, reason: 'deactivated' },
      { operatorId: cashierId, reason: 'deactivated', method: 'number' },
    ]);
    expect(entries(reg, 'session.badge_failed').map((e) => e.data)).toEqual([{ operatorNumber: 3 }, { operatorNumber: 3 }]);
    expect(reg.db.prepare('SELECT failed_attempts FROM operators WHERE id = ?').pluck().get(cashierId)).toBe(0);
    // The login screen no longer offers them; the back office lists them last, deactivated.
    expect((await reg.must('session.operators', {})).map((o) => o.id)).not.toContain(cashierId);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    const list = await reg.must('operator.list', {});
    expect(list.at(-1)).toMatchObject({ id: cashierId, active: false });

    expect((await reg.must('sale.byReceipt', { receiptNo: done.receiptNo ?? 0 })).operatorName).toBe('Cai 小蔡');

    await reg.must('operator.setActive', { operatorId: cashierId, active: true });
    expect(entries(reg, 'operator.reactivated').map((e) => e.data)).toEqual([{ operatorId: cashierId, by: ownerId }]);
    expect((await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN })).operator?.id).toBe(cashierId);
    // Reactivated, their old badge stays revoked (it was out of the shop's hands meanwhile): the owner issues a new one.
    expect(await reg.call('session.loginBadge', { code })).toMatchObject({ ok: false, error: { code: 'session.badge_invalid' } });
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    const renewed = await reg.must('operator.issueBadge', { operatorId: cashierId, print: false });
    expect(renewed.operator.hasBadge).toBe(true);
    expect(await reg.must('session.loginBadge', { code: renewed.code })).toMatchObject({ operatorId: cashierId, pinRequired: false });
    expect(verifyJournal(reg.db)).toMatchObject({ ok: true });
  });

  it('an approval PIN typed by a deactivated supervisor is journalled as refused for them', async () => {
    const { reg, cashierId, supervisorId } = await staffed();
    await reg.must('operator.setActive', { operatorId: supervisorId, active: false });
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    const sale = await reg.must('sale.addProduct', { saleId: (await reg.must('sale.current', {})).id, code: WATER });
    const approval = { operatorId: supervisorId, pin: SUPERVISOR_PIN };
    const discount = { kind: 'percent', rateBp: 3000 } as const;
    expect(await reg.call('sale.setLineDiscount', { saleId: sale.id, lineId: sale.lines[0]?.id ?? 0, discount, approval })).toMatchObject({
      ok: false,
      error: { code: 'sale.approver_invalid', params: { reason: 'session.deactivated' } },
    });
    expect(entries(reg, 'session.login_refused').map((e) => e.data)).toEqual([{ operatorId: supervisorId, reason: 'deactivated' }]);
  });

  it('a badge of an operator deactivated before badges were revoked with them is revoked when they are reactivated', async () => {
    const { reg, ownerId, cashierId } = await staffed();
    const { code } = await reg.must('operator.issueBadge', { operatorId: cashierId, print: false });
    // As an older version left it: deactivated, the badge still on the row.
    reg.db.prepare('UPDATE operators SET active = 0 WHERE id = ?').run(cashierId);
    expect(await reg.call('session.loginBadge', { code })).toMatchObject({ ok: false, error: { code: 'session.deactivated' } });
    expect(entries(reg, 'session.login_refused').map((e) => e.data)).toEqual([{ operatorId: cashierId, reason: 'deactivated', method: 'badge' }]);
    await reg.must('operator.setActive', { operatorId: cashierId, active: true });
    expect(entries(reg, 'operator.badge_revoked').map((e) => e.data)).toEqual([{ operatorId: cashierId, by: ownerId }]);
    expect(await reg.call('session.loginBadge', { code })).toMatchObject({ ok: false, error: { code: 'session.badge_invalid' } });
  });

  it('a deactivated supervisor can no longer approve at the counter, by PIN or by badge', async () => {
    const { reg, cashierId, supervisorId } = await staffed();
    const { code: badge } = await reg.must('operator.issueBadge', { operatorId: supervisorId, print: false });
    await reg.must('operator.setActive', { operatorId: supervisorId, active: false });
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    const sale = await reg.must('sale.addProduct', { saleId: (await reg.must('sale.current', {})).id, code: WATER });
    const lineId = sale.lines[0]?.id ?? 0;
    const discount = { kind: 'percent', rateBp: 3000 } as const;
    expect(
      await reg.call('sale.setLineDiscount', { saleId: sale.id, lineId, discount, approval: { operatorId: supervisorId, pin: SUPERVISOR_PIN } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'sale.approver_invalid', params: { reason: 'session.deactivated' } },
    });
    // Their badge was revoked with the deactivation.
    expect(await reg.call('sale.setLineDiscount', { saleId: sale.id, lineId, discount, approval: { badge } })).toMatchObject({
      ok: false,
      error: { code: 'sale.approver_invalid', params: { reason: 'session.badge_invalid' } },
    });
    expect((await reg.must('sale.get', { saleId: sale.id })).lines[0]?.discount ?? null).toBeNull();
  });

  it('ends a live session of theirs with its next call, journalled as a logout', async () => {
    const { reg, cashierId } = await staffed();
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    expect(await reg.call('sale.current', {})).toMatchObject({ ok: true });
    // Deactivated while logged in (as an operators version from HQ does, or another path to the ledger).
    setOperatorActive(reg.db, { operatorId: cashierId, active: false }, 1, Date.now());
    expect(await reg.call('sale.current', {})).toMatchObject({ ok: false, error: { code: 'session.not_logged_in' } });
    expect(await reg.must('session.current', {})).toMatchObject({ operator: null });
    expect(entries(reg, 'session.logout').at(-1)?.data).toEqual({ operatorId: cashierId });
  });

  it('a demoted supervisor loses supervisor calls with their next call', async () => {
    const { reg, supervisorId } = await staffed();
    await reg.must('session.login', { operatorId: supervisorId, pin: SUPERVISOR_PIN });
    expect(await reg.call('operator.list', {})).toMatchObject({ ok: true });
    setOperatorRole(reg.db, { operatorId: supervisorId, role: 'cashier' }, 1, Date.now());
    expect(await reg.call('operator.list', {})).toMatchObject({ ok: false, error: { code: 'session.forbidden' } });
    expect(await reg.call('sale.current', {})).toMatchObject({ ok: true });
  });

  it('refuses the owner deactivating or demoting themselves and the last active owner, changing nothing', async () => {
    const { reg, ownerId, supervisorId } = await staffed();
    const before = reg.db.prepare('SELECT COUNT(*) FROM journal').pluck().get();
    expect(await reg.call('operator.setActive', { operatorId: ownerId, active: false })).toMatchObject({
      ok: false,
      error: { code: 'operator.last_owner', params: { name: 'Owner 老板' } },
    });
    expect(await reg.call('operator.setRole', { operatorId: ownerId, role: 'supervisor' })).toMatchObject({ error: { code: 'operator.last_owner' } });
    // The domain's rule holds whoever asks: the last owner stays, even for another owner's request.
    expect(() => setOperatorActive(reg.db, { operatorId: ownerId, active: false }, supervisorId, Date.now())).toThrow('operator.last_owner');
    expect(() => setOperatorRole(reg.db, { operatorId: ownerId, role: 'cashier' }, supervisorId, Date.now())).toThrow('operator.last_owner');
    expect(reg.db.prepare('SELECT COUNT(*) FROM journal').pluck().get()).toBe(before);

    // With a second owner, that one may be deactivated, but the owner still may not change themselves.
    await reg.must('operator.setRole', { operatorId: supervisorId, role: 'owner' });
    expect(entries(reg, 'operator.role_changed').map((e) => e.data)).toEqual([{ operatorId: supervisorId, by: ownerId, from: 'supervisor', to: 'owner' }]);
    expect(await reg.call('operator.setActive', { operatorId: ownerId, active: false })).toMatchObject({ error: { code: 'operator.cannot_change_self' } });
    expect(await reg.call('operator.setRole', { operatorId: ownerId, role: 'cashier' })).toMatchObject({ error: { code: 'operator.cannot_change_self' } });
    await reg.must('operator.setActive', { operatorId: supervisorId, active: false });
    // Now the only active owner again: a deactivated owner does not count.
    expect(() => setOperatorRole(reg.db, { operatorId: ownerId, role: 'cashier' }, supervisorId, Date.now())).toThrow('operator.last_owner');
    expect(await reg.call('operator.setActive', { operatorId: 999_999, active: false })).toMatchObject({ error: { code: 'operator.not_found' } });
  });

  it('is the owner’s alone: supervisors and cashiers are refused', async () => {
    const { reg, supervisorId, cashierId } = await staffed();
    await reg.must('session.login', { operatorId: supervisorId, pin: SUPERVISOR_PIN });
    for (const [name, input] of [
      ['operator.setActive', { operatorId: cashierId, active: false }],
      ['operator.resetPin', { operatorId: cashierId, pin: '4826' }],
      ['operator.setRole', { operatorId: cashierId, role: 'supervisor' }],
    ] as const) {
      expect(await reg.dispatch(name, input), name).toMatchObject({ ok: false, error: { code: 'session.forbidden' } });
    }
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    expect(await reg.call('operator.setActive', { operatorId: cashierId, active: false })).toMatchObject({ error: { code: 'session.forbidden' } });
    expect(entries(reg, 'operator.deactivated')).toEqual([]);
    expect(entries(reg, 'operator.pin_reset')).toEqual([]);
  });
});

describe('resetting a PIN', () => {
  it('sets the new PIN, the old one fails, a lockout is lifted, and the journal holds no PIN', async () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    const { reg, ownerId, cashierId } = await staffed({ clock: () => now });
    await reg.must('session.logout', {});
    for (let i = 0; i < 5; i++) await reg.call('session.login', { operatorId: cashierId, pin: '9999' });
    expect(await reg.call('session.login', { operatorId: cashierId, pin: CASHIER_PIN })).toMatchObject({ error: { code: 'session.locked' } });

    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    expect(await reg.call('operator.resetPin', { operatorId: cashierId, pin: '2222' })).toMatchObject({ error: { code: 'operator.pin_too_weak' } });
    expect(await reg.call('operator.resetPin', { operatorId: cashierId, pin: '12' })).toMatchObject({ error: { code: 'request.invalid_input' } });
    expect(await reg.must('operator.resetPin', { operatorId: cashierId, pin: '4826' })).toMatchObject({ id: cashierId, locked: false });
    const reset = entries(reg, 'operator.pin_reset');
    expect(reset.map((e) => e.data)).toEqual([{ operatorId: cashierId, by: ownerId, unlocked: true }]);
    const hash = (reg.db.prepare('SELECT pin_hash FROM operators WHERE id = ?').get(cashierId) as { pin_hash: Buffer }).pin_hash.toString('hex');
    const journal = (reg.db.prepare('SELECT payload FROM journal').pluck().all() as string[]).join('\n');
    expect(journal).not.toContain('4826');
    expect(journal).not.toContain(hash);

    expect(await reg.call('session.login', { operatorId: cashierId, pin: CASHIER_PIN })).toMatchObject({ error: { code: 'session.wrong_pin' } });
    expect((await reg.must('session.login', { operatorId: cashierId, pin: '4826' })).operator?.id).toBe(cashierId);
  });
});

describe('the operator list', () => {
  it('puts the owner first, then supervisors, then cashiers, each by name, and the deactivated last', async () => {
    const { reg, cashierId } = await staffed();
    await reg.must('operator.create', { name: 'Ann', pin: '4826', role: 'supervisor' });
    await reg.must('operator.create', { name: 'Bob', pin: '4826', role: 'cashier' });
    await reg.must('operator.setActive', { operatorId: cashierId, active: false });
    const list = await reg.must('operator.list', {});
    expect(list.map((o) => [o.name, o.role, o.active])).toEqual([
      ['Owner 老板', 'owner', true],
      ['Ann', 'supervisor', true],
      ['Sue', 'supervisor', true],
      ['Bob', 'cashier', true],
      ['Cai 小蔡', 'cashier', false],
    ]);
  });
});
