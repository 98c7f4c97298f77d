// Operators before and after the first-run setup, and the PIN lockout: journalled, kept across a
// restart, lifted by a supervisor or by time.
import { describe, expect, it } from 'vitest';
import { CASHIER_PIN, journalKinds, SUPERVISOR_PIN, withStaff } from '../support/register-fixture';
import { open, register } from '../support/tracked-registers';

describe('operators and lockout', () => {
  it('has no operator and no default PIN before the first-run setup, which happens once', async () => {
    const reg = register();
    expect(await reg.must('session.current', {})).toMatchObject({ needsSetup: true, operator: null });
    expect(await reg.must('session.operators', {})).toEqual([]);
    expect(await reg.call('setup.createOwner', { name: 'Boss', pin: '1111' })).toMatchObject({ error: { code: 'operator.pin_too_weak' } });
    await reg.must('setup.createOwner', { name: 'Boss', pin: '4826', storeName: '小店' });
    expect(await reg.call('setup.createOwner', { name: 'Boss 2', pin: '4826' })).toMatchObject({ error: { code: 'setup.already_done' } });
    expect(await reg.must('session.current', {})).toMatchObject({ needsSetup: false, operator: { name: 'Boss', role: 'owner' }, storeName: '小店' });
    const row = reg.db.prepare('SELECT pin_hash, pin_salt FROM operators').get() as { pin_hash: Buffer; pin_salt: Buffer };
    expect(row.pin_hash.toString('hex')).not.toContain(Buffer.from('4826').toString('hex'));
    expect(row.pin_salt.length).toBe(16);
  });

  it('locks after 5 wrong PINs, journals it, keeps the lock across a restart, and a supervisor unlocks', async () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    const reg = register({ clock: () => now });
    const { cashierId, supervisorId } = await withStaff(reg);
    for (let i = 1; i <= 4; i++) {
      expect(await reg.call('session.login', { operatorId: cashierId, pin: '9999' })).toEqual({
        ok: false,
        error: { code: 'session.wrong_pin', params: { attemptsLeft: 5 - i } },
      });
    }
    expect(await reg.call('session.login', { operatorId: cashierId, pin: '9999' })).toMatchObject({ error: { code: 'session.locked' } });
    expect(await reg.call('session.login', { operatorId: cashierId, pin: CASHIER_PIN })).toMatchObject({ error: { code: 'session.locked' } });
    const kinds = journalKinds(reg);
    expect(kinds.filter((k) => k === 'session.login_failed')).toHaveLength(5);
    expect(kinds).toContain('session.lockout');

    const again = reg.reopen();
    open.push(again);
    expect(await again.call('session.login', { operatorId: cashierId, pin: CASHIER_PIN })).toMatchObject({ error: { code: 'session.locked' } });
    expect(await again.must('session.operators', {})).toEqual(expect.arrayContaining([expect.objectContaining({ id: cashierId, locked: true })]));
    await again.must('session.login', { operatorId: supervisorId, pin: SUPERVISOR_PIN });
    await again.must('operator.unlock', { operatorId: cashierId });
    await again.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    void now;
  });

  it('lifts the lock by itself after 30 minutes', async () => {
    let now = Date.parse('2026-11-26T10:00:00Z');
    const reg = register({ clock: () => now });
    const { cashierId } = await withStaff(reg);
    for (let i = 0; i < 5; i++) await reg.call('session.login', { operatorId: cashierId, pin: '9999' });
    now += 29 * 60_000;
    expect(await reg.call('session.login', { operatorId: cashierId, pin: CASHIER_PIN })).toMatchObject({ error: { code: 'session.locked' } });
    now += 2 * 60_000;
    expect(await reg.call('session.login', { operatorId: cashierId, pin: CASHIER_PIN })).toMatchObject({ ok: true });
  });
});
