// A paid-out or safe drop through the router on a real ledger: no more than the cash the drawer
// should hold may go out, and a refusal changes nothing. Refunds are held to the same limit
// (refund-drawer-cash.test.ts); the printer's side is in cash-out-printing.test.ts.
import { describe, expect, it } from 'vitest';
import { register } from '../support/tracked-registers';
import { randomUUID } from 'node:crypto';
import { CASHIER_PIN, FIXTURE_FLOAT_MINOR, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';

const key = () => randomUUID().replaceAll('-', '');

/** A one-line cash sale of `unitPriceMinor`, paid with `tenderedMinor`. */
async function cashSale(reg: TestRegister, unitPriceMinor: number, tenderedMinor: number) {
  const sale = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: sale.id, name: 'Item 商品', qtyMilli: 1000, unitPriceMinor });
  return reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor, idempotencyKey: key() });
}

describe('cash out of the drawer', () => {
  /**
   * What a refusal must leave as it was: movements, journal, print queue (cash-out-printing.test.ts
   * has a printer). The refusal itself is journalled, and its repetition raises a fraud alert
   * (refused-cash-out.test.ts): those are the only entries it may add.
   */
  function trail(reg: TestRegister) {
    const n = (table: string, where = '') => (reg.db.prepare(`SELECT COUNT(*) AS n FROM ${table} ${where}`).get() as { n: number }).n;
    const journal = n('journal', "WHERE kind NOT IN ('cash.out_refused', 'fraud.alert_raised')");
    return { movements: n('cash_movements'), journal, printJobs: n('print_jobs') };
  }
  const refusals = (reg: TestRegister) => reg.db.prepare("SELECT COUNT(*) FROM journal WHERE kind = 'cash.out_refused'").pluck().get();

  it('is refused beyond the cash the drawer should hold, naming that cash to an owner, and changes nothing', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    // Float ¥510.00, a ¥5.00 sale paid with ¥10.00 (¥5.00 change): the drawer should hold ¥515.00.
    await cashSale(reg, 500, 1000);
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const before = trail(reg);
    for (const kind of ['paid_out', 'safe_drop'] as const) {
      expect(await reg.call('cash.move', { kind, amountMinor: 9_999_900, reason: '测试', idempotencyKey: key() })).toEqual({
        ok: false,
        error: { code: 'shift.cash_out_over_drawer', params: { amountMinor: 9_999_900, expectedMinor: 51_500 } },
      });
      expect(await reg.call('cash.move', { kind, amountMinor: 51_501, reason: '测试', idempotencyKey: key() })).toMatchObject({
        error: { code: 'shift.cash_out_over_drawer', params: { amountMinor: 51_501, expectedMinor: 51_500 } },
      });
    }
    expect(trail(reg)).toEqual(before);
    expect(refusals(reg)).toBe(4);
    expect((await reg.must('shift.current', {})).shift?.movements).toEqual([]);

    // Every last fen may go to the safe; after that nothing more goes out, and the count agrees.
    await reg.must('cash.move', { kind: 'paid_out', amountMinor: 1_500, reason: '买冰块', idempotencyKey: key() });
    await reg.must('cash.move', { kind: 'safe_drop', amountMinor: 50_000, reason: '存保险箱', idempotencyKey: key() });
    expect(trail(reg).movements).toBe(before.movements + 2);
    const emptied = trail(reg);
    expect(await reg.call('cash.move', { kind: 'paid_out', amountMinor: 1, reason: '测试', idempotencyKey: key() })).toMatchObject({
      error: { code: 'shift.cash_out_over_drawer', params: { amountMinor: 1, expectedMinor: 0 } },
    });
    expect(trail(reg)).toEqual(emptied);
    const x = await reg.must('report.x', { scope: 'shift' });
    expect(x.shifts[0]?.expected).toMatchObject({ paidOutMinor: 1_500, safeDropMinor: 50_000, expectedMinor: 0 });
  });

  it('takes a paid-in or float top-up of any size, and what it brings may then go out', async () => {
    const reg = register();
    await withStaff(reg);
    await reg.must('cash.move', { kind: 'paid_in', amountMinor: 9_999_999_999, reason: '老板存入', idempotencyKey: key() });
    await reg.must('cash.move', { kind: 'float_top_up', amountMinor: 2_000, reason: '零钱', idempotencyKey: key() });
    const out = await reg.must('cash.move', { kind: 'safe_drop', amountMinor: 9_999_999_999, reason: '存保险箱', idempotencyKey: key() });
    expect(out).toMatchObject({ kind: 'safe_drop', amountMinor: 9_999_999_999 });
    // Float ¥510.00 + ¥20.00 top-up is what is left.
    expect(await reg.call('cash.move', { kind: 'paid_out', amountMinor: 53_001, reason: '测试', idempotencyKey: key() })).toMatchObject({
      error: { code: 'shift.cash_out_over_drawer_blind' },
    });
    await reg.must('cash.move', { kind: 'paid_out', amountMinor: 53_000, reason: '全部支出', idempotencyKey: key() });
  });

  it('does not count the practice cash of training sales as cash in the drawer', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await reg.must('training.set', { target: 'register', on: true });
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    const practice = await cashSale(reg, 20_000, 20_000);
    expect(practice.sale.training).toBe(true);
    // Cash movements are refused in training (training-cash.test.ts): the paid-out comes after it.
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await reg.must('training.set', { target: 'register', on: false });
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    const before = trail(reg);
    // Only the float (¥510.00) is real money: the ¥200.00 of the practice sale cannot be paid out.
    expect(await reg.call('cash.move', { kind: 'paid_out', amountMinor: FIXTURE_FLOAT_MINOR + 1, reason: '测试', idempotencyKey: key() })).toEqual({
      ok: false,
      error: { code: 'shift.cash_out_over_drawer_blind', params: { amountMinor: FIXTURE_FLOAT_MINOR + 1 } },
    });
    expect(trail(reg)).toEqual(before);
    await reg.must('cash.move', { kind: 'paid_out', amountMinor: FIXTURE_FLOAT_MINOR, reason: '全部支出', idempotencyKey: key() });
  });
});
