// 改价 at the counter through the router: a catalog line's unit price changed on an open sale,
// journalled with the old and new price, the reason, the cashier and the approver; a cashier needs
// a supervisor (PIN or badge); a closed sale, an ad-hoc line or an unchanged price is refused with
// nothing changed.
import { afterEach, describe, expect, it } from 'vitest';
import { CASHIER_PIN, makeRegister, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';

const WATER = '6901234567892'; // 2.00
const BREAD = '6905678901236'; // 8.50
const open: TestRegister[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
});

async function counter() {
  const reg = makeRegister();
  open.push(reg);
  const staff = await withStaff(reg);
  const sale = await reg.must('sale.current', {});
  const withWater = await reg.must('sale.addProduct', { saleId: sale.id, code: WATER, qtyMilli: 3000 });
  return { reg, staff, saleId: sale.id, lineId: withWater.lines[0]?.id ?? 0 };
}

function overrides(reg: TestRegister): unknown[] {
  return (reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sale.price_overridden' ORDER BY seq").all() as { payload: string }[]).map(
    (r) => (JSON.parse(r.payload) as { data: unknown }).data,
  );
}

describe('price override', () => {
  it('a cashier changes a catalog price with a supervisor’s approval; the line sells at it and the journal says who and why', async () => {
    const { reg, staff, saleId, lineId } = await counter();
    const asked = await reg.call('sale.overridePrice', { saleId, lineId, unitPriceMinor: 150, reason: 'shelf_price' });
    expect(asked).toMatchObject({ ok: false, error: { code: 'sale.price_override_needs_supervisor' } });
    const changed = await reg.must('sale.overridePrice', {
      saleId,
      lineId,
      unitPriceMinor: 150,
      reason: 'shelf_price',
      approval: { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN },
    });
    expect(changed.lines[0]).toMatchObject({ unitPriceMinor: 150, qtyMilli: 3000 });
    expect(changed.totals.totalMinor).toBe(450);
    expect(overrides(reg)).toEqual([
      {
        saleId,
        line: { lineId, name: expect.any(String) as string, sku: expect.any(String) as string },
        oldUnitPriceMinor: 200,
        newUnitPriceMinor: 150,
        reason: 'shelf_price',
        operatorId: staff.cashierId,
        approverId: staff.supervisorId,
      },
    ]);
    const done = await reg.must('sale.tenderCash', { saleId, tenderedMinor: 450, idempotencyKey: 'override-paid-1' });
    expect(done.sale.lines[0]).toMatchObject({ unitPriceMinor: 150, totalMinor: 450 });

    // Closed now: no price changes on it, even with an approval.
    expect(
      await reg.call('sale.overridePrice', {
        saleId,
        lineId,
        unitPriceMinor: 100,
        reason: 'other',
        approval: { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN },
      }),
    ).toMatchObject({ ok: false, error: { code: 'sale.not_open' } });
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const page = await reg.must('journal.list', { kinds: ['sale.price_overridden'] });
    expect(page.entries.map((e) => [e.documentId, e.operatorName, e.approverName])).toEqual([[saleId, 'Cai 小蔡', 'Sue']]);
  });

  it('a supervisor changes a price on their own authority; the journal names no approver', async () => {
    const { reg, staff, saleId, lineId } = await counter();
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    await reg.must('sale.overridePrice', { saleId, lineId, unitPriceMinor: 250, reason: 'price_match' });
    expect(overrides(reg)).toMatchObject([{ oldUnitPriceMinor: 200, newUnitPriceMinor: 250, operatorId: staff.supervisorId, approverId: null }]);
  });

  it('refuses an ad-hoc line, an unchanged price, a cashier’s own approval and an amount off beyond the new price, changing nothing', async () => {
    const { reg, staff, saleId, lineId } = await counter();
    const adHoc = await reg.must('sale.addCustomLine', { saleId, name: '手工', qtyMilli: 1000, unitPriceMinor: 500 });
    const adHocId = adHoc.lines[1]?.id ?? 0;
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    await reg.must('sale.setLineDiscount', { saleId, lineId, discount: { kind: 'amount', amountMinor: 400 } });
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    const approval = { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN };
    const refusals: [Record<string, unknown>, string][] = [
      [{ lineId: adHocId, unitPriceMinor: 100, reason: 'other', approval }, 'sale.price_override_not_catalog'],
      [{ lineId, unitPriceMinor: 200, reason: 'other', approval }, 'sale.price_unchanged'],
      [{ lineId, unitPriceMinor: 100, reason: 'damaged', approval }, 'sale.discount_exceeds_amount'],
      [{ lineId, unitPriceMinor: 180, reason: 'damaged', approval: { operatorId: staff.cashierId, pin: CASHIER_PIN } }, 'sale.approver_invalid'],
      [{ lineId: 999_999, unitPriceMinor: 100, reason: 'other', approval }, 'sale.line_not_found'],
    ];
    for (const [input, code] of refusals) {
      expect(await reg.dispatch('sale.overridePrice', { saleId, ...input }), code).toMatchObject({ ok: false, error: { code } });
    }
    expect(overrides(reg)).toEqual([]);
    const row = reg.db.prepare('SELECT unit_price_minor AS price, discount FROM document_lines WHERE id = ?').get(lineId);
    expect(row).toEqual({ price: 200, discount: JSON.stringify({ kind: 'amount', amountMinor: 400 }) });
    expect((reg.db.prepare('SELECT unit_price_minor AS price FROM document_lines WHERE id = ?').get(adHocId) as { price: number }).price).toBe(500);
  });

  it('the line keeps the price it was rung up at; the completed sale says what overrides took off, and a price typed back is no override', async () => {
    const { reg, staff, saleId, lineId } = await counter();
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const down = await reg.must('sale.overridePrice', { saleId, lineId, unitPriceMinor: 170, reason: 'damaged' });
    expect(down.lines[0]).toMatchObject({ unitPriceMinor: 170, listUnitPriceMinor: 200 });
    // A second change is still measured from the price it was rung up at, not from 1.70.
    const again = await reg.must('sale.overridePrice', { saleId, lineId, unitPriceMinor: 150, reason: 'damaged' });
    expect(again.lines[0]).toMatchObject({ unitPriceMinor: 150, listUnitPriceMinor: 200 });
    const more = await reg.must('sale.addProduct', { saleId, code: BREAD, qtyMilli: 1000 });
    const otherId = more.lines[1]?.id ?? 0;
    await reg.must('sale.overridePrice', { saleId, lineId: otherId, unitPriceMinor: 600, reason: 'other' });
    const back = await reg.must('sale.overridePrice', { saleId, lineId: otherId, unitPriceMinor: 850, reason: 'other' });
    expect(back.lines[1]).toMatchObject({ unitPriceMinor: 850, listUnitPriceMinor: null });

    const done = await reg.must('sale.tenderCash', { saleId, tenderedMinor: 1300, idempotencyKey: 'override-counted-1' });
    expect(done.sale.lines.map((l) => l.listUnitPriceMinor)).toEqual([200, null]);
    // Three at 2.00 sold at 1.50: 1.50 off; the line typed back took nothing off.
    expect(reg.db.prepare('SELECT total_minor, discount_minor, override_minor FROM documents WHERE id = ?').get(saleId)).toEqual({
      total_minor: 1300,
      discount_minor: 0,
      override_minor: 150,
    });
  });

  it('a sale with no price typed down journals no override figure', async () => {
    const { reg, staff, saleId, lineId } = await counter();
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    await reg.must('sale.overridePrice', { saleId, lineId, unitPriceMinor: 250, reason: 'price_match' });
    await reg.must('sale.tenderCash', { saleId, tenderedMinor: 750, idempotencyKey: 'override-up-1' });
    const entry = JSON.parse(reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sale.completed'").pluck().get() as string) as { data: object };
    expect(entry.data).not.toHaveProperty('overrideMinor');
    expect(reg.db.prepare('SELECT override_minor FROM documents WHERE id = ?').pluck().get(saleId)).toBe(0);
  });
});
