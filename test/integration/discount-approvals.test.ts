// A discount beyond the cashier's limit is let through by a supervisor at the counter, and who
// approved it is journalled at that moment, through the router as the renderer calls it; a
// discount within the limit, or an approval refused, writes no approval.
import { afterEach, describe, expect, it } from 'vitest';
import { CASHIER_PIN, makeRegister, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';

const open: TestRegister[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
});

async function saleWithTv(): Promise<{ reg: TestRegister; staff: Awaited<ReturnType<typeof withStaff>>; saleId: string; lineId: number }> {
  const reg = makeRegister();
  open.push(reg);
  const staff = await withStaff(reg);
  const { id } = await reg.must('sale.current', {});
  const sale = await reg.must('sale.addCustomLine', { saleId: id, name: 'TV 电视', qtyMilli: 1000, unitPriceMinor: 100_000 });
  return { reg, staff, saleId: id, lineId: sale.lines[0]?.id ?? 0 };
}

function approvals(reg: TestRegister): unknown[] {
  return (reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sale.discount_approved' ORDER BY seq").all() as { payload: string }[]).map(
    (r) => (JSON.parse(r.payload) as { data: unknown }).data,
  );
}

describe('approved discounts in the journal', () => {
  it('records the sale, the line or order, the discount, the cashier and the approver, and the audit trail names the approver', async () => {
    const { reg, staff, saleId, lineId } = await saleWithTv();
    const line = await reg.must('sale.setLineDiscount', {
      saleId,
      lineId,
      discount: { kind: 'percent', rateBp: 2000 },
      approval: { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN },
    });
    expect(line.totals.totalMinor).toBe(80_000);
    // 150.00 of 800.00 is 18.75 %: beyond the cashier's 10 %, within the supervisor's limit.
    await reg.must('sale.setOrderDiscount', {
      saleId,
      discount: { kind: 'amount', amountMinor: 15_000 },
      approval: { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN },
    });
    expect(approvals(reg)).toEqual([
      {
        saleId,
        line: { lineId, name: 'TV 电视', sku: null },
        discount: { kind: 'percent', rateBp: 2000 },
        operatorId: staff.cashierId,
        approverId: staff.supervisorId,
      },
      { saleId, line: null, discount: { kind: 'amount', amountMinor: 15_000 }, operatorId: staff.cashierId, approverId: staff.supervisorId },
    ]);
    // The completed sale's payload is the document core's as before: the approval lives beside it.
    const done = await reg.must('sale.tenderCash', { saleId, tenderedMinor: 65_000, idempotencyKey: 'approved-tv-1' });
    expect(done.receiptNo).toBe(1);
    const completed = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sale.completed'").get() as { payload: string };
    expect(JSON.parse(completed.payload)).not.toHaveProperty('data.approverId');

    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const page = await reg.must('journal.list', { kinds: ['sale.discount_approved'] });
    expect(page.entries.map((e) => [e.documentId, e.operatorName, e.approverName])).toEqual([
      [saleId, 'Cai 小蔡', 'Sue'],
      [saleId, 'Cai 小蔡', 'Sue'],
    ]);
  });

  it('writes no approval for a discount within the cashier’s own limit, nor for one a supervisor gives alone', async () => {
    const { reg, staff, saleId, lineId } = await saleWithTv();
    await reg.must('sale.setLineDiscount', { saleId, lineId, discount: { kind: 'percent', rateBp: 1000 } });
    // An approval brought along for a discount that did not need one approves nothing.
    await reg.must('sale.setOrderDiscount', {
      saleId,
      discount: { kind: 'percent', rateBp: 500 },
      approval: { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN },
    });
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    await reg.must('sale.setLineDiscount', { saleId, lineId, discount: { kind: 'percent', rateBp: 2000 } });
    await reg.must('sale.setLineDiscount', { saleId, lineId, discount: null });
    expect(approvals(reg)).toEqual([]);
  });

  it('an owner approves beyond the supervisor’s limit and is the one recorded', async () => {
    const { reg, staff, saleId, lineId } = await saleWithTv();
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { supervisorDiscountLimitBp: 5000 });
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    expect(
      await reg.call('sale.setLineDiscount', {
        saleId,
        lineId,
        discount: { kind: 'percent', rateBp: 9000 },
        approval: { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN },
      }),
    ).toMatchObject({ ok: false, error: { code: 'sale.discount_needs_owner' } });
    await reg.must('sale.setLineDiscount', {
      saleId,
      lineId,
      discount: { kind: 'percent', rateBp: 9000 },
      approval: { operatorId: staff.ownerId, pin: OWNER_PIN },
    });
    expect(approvals(reg)).toMatchObject([{ saleId, approverId: staff.ownerId, operatorId: staff.cashierId }]);
  });

  it('a refused approval changes nothing and writes no approval', async () => {
    const { reg, staff, saleId, lineId } = await saleWithTv();
    const before = (reg.db.prepare('SELECT discount FROM document_lines WHERE id = ?').get(lineId) as { discount: string | null }).discount;
    const tries = [
      { operatorId: staff.supervisorId, pin: '0000' },
      { operatorId: staff.cashierId, pin: CASHIER_PIN },
    ];
    for (const approval of tries) {
      expect(await reg.call('sale.setLineDiscount', { saleId, lineId, discount: { kind: 'percent', rateBp: 2000 }, approval })).toMatchObject({
        ok: false,
        error: { code: 'sale.approver_invalid' },
      });
    }
    expect(await reg.call('sale.setOrderDiscount', { saleId, discount: { kind: 'percent', rateBp: 3000 } })).toMatchObject({
      ok: false,
      error: { code: 'sale.discount_needs_supervisor' },
    });
    expect(approvals(reg)).toEqual([]);
    expect((reg.db.prepare('SELECT discount FROM document_lines WHERE id = ?').get(lineId) as { discount: string | null }).discount).toBe(before);
    expect((reg.db.prepare('SELECT order_discount FROM documents WHERE id = ?').get(saleId) as { order_discount: string | null }).order_discount).toBeNull();
  });
});
