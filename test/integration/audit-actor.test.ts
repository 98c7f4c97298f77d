import { afterEach, describe, expect, it } from 'vitest';
import { openShop, shanghai, type Shop } from '../support/day-close-shop';

// The audit trail's operator is who acted. An entry about an operator that someone else wrote (the
// owner switching training on for a cashier, resetting their PIN) names the owner as its operator
// and the cashier as whom it was for: a supervisor reading "切换练习模式 李收银" would think the
// trainee switched training themselves.
const shops: Shop[] = [];
afterEach(() => {
  for (const s of shops.splice(0)) s.reg.cleanup();
});

describe('the audit trail names who acted and for whom', () => {
  it('training switched and a PIN reset for the cashier are the owner’s entries, for the cashier', async () => {
    const s = await openShop(shanghai('2026-11-29'));
    shops.push(s);
    await s.as('owner');
    await s.reg.must('training.set', { target: 'operator', operatorId: s.staff.cashierId, on: true });
    await s.reg.must('operator.resetPin', { operatorId: s.staff.cashierId, pin: '4826' });
    const page = await s.reg.must('journal.list', { kinds: ['training.switched', 'operator.pin_reset'] });
    expect(page.entries.map((e) => [e.kind, e.operatorId, e.subjectId])).toEqual([
      ['training.switched', s.staff.ownerId, s.staff.cashierId],
      ['operator.pin_reset', s.staff.ownerId, s.staff.cashierId],
    ]);
    expect(page.entries.every((e) => e.subjectName !== null && e.subjectName === page.entries[0]?.subjectName)).toBe(true);
    // Filtering by the owner finds them; by the cashier, the cashier's own entries only.
    const byOwner = await s.reg.must('journal.list', { operatorId: s.staff.ownerId, kinds: ['training.switched'] });
    expect(byOwner.entries).toHaveLength(1);
    const byCashier = await s.reg.must('journal.list', { operatorId: s.staff.cashierId, kinds: ['training.switched'] });
    expect(byCashier.entries).toHaveLength(0);
    // The cashier's own login names no one else.
    const login = (await s.reg.must('journal.list', { kinds: ['session.login'], operatorId: s.staff.cashierId })).entries[0];
    expect(login).toMatchObject({ operatorId: s.staff.cashierId, subjectId: null });
  });
});
