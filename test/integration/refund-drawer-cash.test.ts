// Cash given back leaves the drawer: a refund, return or void whose cash part is more than the
// drawer should hold is refused and changes nothing (no document, no journal entry but the
// refusal's own, no drawer kick), as a paid-out is. A cashier's count is blind, so only a supervisor or owner is told the
// expected cash. Once a float top-up brings the cash in, the same refund goes through.
import { describe, expect, it } from 'vitest';
import { CASHIER_PIN, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { register } from '../support/tracked-registers';
import { as, cashSale, key } from '../support/refund-sale';

/** The journal's refusals of cash out of the drawer (refused-cash-out.test.ts has the fraud rule they feed). */
function refusals(reg: TestRegister) {
  const rows = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'cash.out_refused' ORDER BY seq").pluck().all() as string[];
  return rows.map((p) => (JSON.parse(p) as { data: unknown }).data);
}
const OTHER_ENTRIES = "SELECT COUNT(*) FROM journal WHERE kind NOT LIKE 'session.%' AND kind NOT IN ('cash.out_refused', 'fraud.alert_raised')";

describe('cash back is limited to the cash in the drawer', () => {
  it('refuses a void whose cash the drawer no longer holds, names the cash to the owner only, and goes through after a top-up', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    const sale = await cashSale(reg); // 8.82 in cash; the drawer now holds 510.00 + 8.82
    await as(reg, staff.supervisorId, SUPERVISOR_PIN);
    await reg.must('cash.move', { kind: 'safe_drop', amountMinor: 51_500, reason: '存入保险箱', idempotencyKey: key() });
    // 3.82 is left: the 8.82 of a void cannot come out of it.
    await as(reg, staff.cashierId, CASHIER_PIN);
    const approval = { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN };
    const journalBefore = reg.db.prepare(OTHER_ENTRIES).pluck().get();
    const documentsBefore = reg.db.prepare('SELECT COUNT(*) FROM documents').pluck().get();
    expect(await reg.call('void.sale', { saleId: sale.id, reason: 'cashier_error', approval, idempotencyKey: key() })).toEqual({
      ok: false,
      error: { code: 'refund.cash_over_drawer_blind', params: { amountMinor: 882 } },
    });
    await as(reg, staff.ownerId, OWNER_PIN);
    expect(await reg.call('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() })).toEqual({
      ok: false,
      error: { code: 'refund.cash_over_drawer', params: { amountMinor: 882, expectedMinor: 382 } },
    });
    expect(reg.db.prepare(OTHER_ENTRIES).pluck().get()).toBe(journalBefore);
    const shiftId = (await reg.must('shift.current', {})).shift?.id;
    expect(refusals(reg)).toEqual([
      { operatorId: staff.cashierId, shiftId, asked: 'void_cash', amountMinor: 882 },
      { operatorId: staff.ownerId, shiftId, asked: 'void_cash', amountMinor: 882 },
    ]);
    expect(reg.db.prepare('SELECT COUNT(*) FROM documents').pluck().get()).toBe(documentsBefore);
    expect((await reg.must('refund.find', { code: '1' })).voidable).toBe(true);

    await reg.must('cash.move', { kind: 'float_top_up', amountMinor: 1_000, reason: '补零钱', idempotencyKey: key() });
    const voided = await reg.must('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() });
    expect(voided.sale).toMatchObject({ kind: 'void', status: 'completed', originalDocumentId: sale.id });
    expect(voided.sale.payments).toEqual([expect.objectContaining({ method: 'cash', amountMinor: 882 })]);
  });

  it('refuses a return without a receipt beyond the drawer, after the supervisor approved it', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    await as(reg, staff.supervisorId, SUPERVISOR_PIN);
    await reg.must('cash.move', { kind: 'paid_out', amountMinor: 50_000, reason: '付供应商', idempotencyKey: key() });
    await as(reg, staff.cashierId, CASHIER_PIN);
    const item = { name: '退回的毛巾', qtyMilli: 1000, unitPriceMinor: 3_000, taxRateBp: 1300, restock: true };
    const approval = { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN };
    expect(await reg.call('refund.withoutReceipt', { lines: [item], reason: 'not_wanted', approval, idempotencyKey: key() })).toEqual({
      ok: false,
      error: { code: 'refund.cash_over_drawer_blind', params: { amountMinor: 3_000 } },
    });
    expect(refusals(reg)).toMatchObject([{ operatorId: staff.cashierId, asked: 'refund_cash', amountMinor: 3_000 }]);
    // Within the 10.00 left it goes through.
    const small = { ...item, unitPriceMinor: 1_000 };
    const done = await reg.must('refund.withoutReceipt', { lines: [small], reason: 'not_wanted', approval, idempotencyKey: key() });
    expect(done.sale).toMatchObject({ kind: 'refund', status: 'completed', totals: { totalMinor: 1_000 } });
  });
});
