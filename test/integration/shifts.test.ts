// Shifts through the router on a real ledger: a sale needs one, the float is counted or carried over, cash moves
// in and out (limits: shift-cash-out.test.ts), and the closing count is blind until the count is entered.
import { describe, expect, it } from 'vitest';
import { register } from '../support/tracked-registers';
import { randomUUID } from 'node:crypto';
import type { EventName } from '../../preload/contract/events';
import {
  CASHIER_PIN,
  FIXTURE_FLOAT,
  FIXTURE_FLOAT_MINOR,
  OWNER_PIN,
  SUPERVISOR_PIN,
  openShift,
  withStaff,
  type TestRegister,
} from '../support/register-fixture';

const key = () => randomUUID().replaceAll('-', '');

/** Staff as withStaff makes them, but the cashier has not opened a shift yet. */
async function staffWithoutShift(reg: TestRegister) {
  const owner = await reg.must('setup.createOwner', { name: 'Owner 老板', pin: OWNER_PIN });
  const supervisor = await reg.must('operator.create', { name: 'Sue', pin: SUPERVISOR_PIN, role: 'supervisor' });
  const cashier = await reg.must('operator.create', { name: 'Cai 小蔡', pin: CASHIER_PIN, role: 'cashier' });
  await reg.must('session.login', { operatorId: cashier.id, pin: CASHIER_PIN });
  return { ownerId: owner.operator?.id ?? 0, supervisorId: supervisor.id, cashierId: cashier.id };
}

async function saleWith(reg: TestRegister, unitPriceMinor: number): Promise<string> {
  const sale = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: sale.id, name: 'Item 商品', qtyMilli: 1000, unitPriceMinor });
  return sale.id;
}

async function cashSale(reg: TestRegister, unitPriceMinor: number, tenderedMinor: number) {
  const saleId = await saleWith(reg, unitPriceMinor);
  return reg.must('sale.tenderCash', { saleId, tenderedMinor, idempotencyKey: key() });
}

describe('a shift', () => {
  it('is needed to take money: a cash tender is refused without one and goes through once it is open', async () => {
    const reg = register();
    await staffWithoutShift(reg);
    const saleId = await saleWith(reg, 1000);
    expect(await reg.call('sale.tenderCash', { saleId, tenderedMinor: 1000, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'shift.not_open' },
    });
    expect(reg.db.prepare('SELECT COUNT(*) AS n FROM payments').get()).toEqual({ n: 0 });
    const state = await reg.must('shift.current', {});
    expect(state).toMatchObject({ shift: null, carryOver: null, closing: null, denominations: [10000, 5000, 2000, 1000, 500, 100, 50, 10] });
    await openShift(reg);
    const done = await reg.must('sale.tenderCash', { saleId, tenderedMinor: 1000, idempotencyKey: key() });
    expect(done.receiptNo).toBe(1);
    const shiftId = (reg.db.prepare('SELECT shift_id FROM documents WHERE id = ?').get(saleId) as { shift_id: number }).shift_id;
    expect(shiftId).toBe((await reg.must('shift.current', {})).shift?.id);
  });

  it('opens with a float counted by denomination, once per register, and journals it', async () => {
    const reg = register();
    await staffWithoutShift(reg);
    const events: unknown[] = [];
    reg.events.subscribe((name: EventName, payload) => name === 'shift.changed' && events.push(payload));
    const counts = [
      { denominationMinor: 50, count: 3 },
      { denominationMinor: 10000, count: 1 },
      { denominationMinor: 10, count: 7 },
    ];
    const shift = await reg.must('shift.open', { float: { kind: 'counted', counts }, idempotencyKey: key() });
    expect(shift).toMatchObject({ state: 'open', floatMinor: 10000 + 150 + 70, floatSource: 'counted', operatorName: 'Cai 小蔡' });
    expect(events).toHaveLength(1);
    expect(await reg.call('shift.open', { float: { kind: 'counted', counts }, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'shift.already_open' },
    });
    // A coin the store does not count in, or the same one twice, is refused.
    const second = register();
    await staffWithoutShift(second);
    for (const bad of [
      [{ denominationMinor: 20, count: 1 }],
      [
        { denominationMinor: 100, count: 1 },
        { denominationMinor: 100, count: 2 },
      ],
    ]) {
      expect(await second.call('shift.open', { float: { kind: 'counted', counts: bad }, idempotencyKey: key() })).toMatchObject({
        error: { code: 'shift.unknown_denomination' },
      });
    }
    const opened = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'shift.opened'").all() as { payload: string }[];
    expect(opened).toHaveLength(1);
    expect(JSON.parse(opened[0]?.payload ?? '{}')).toMatchObject({
      data: {
        floatMinor: 10220,
        counts: [
          { denominationMinor: 10000, count: 1 },
          { denominationMinor: 50, count: 3 },
          { denominationMinor: 10, count: 7 },
        ],
      },
    });
  });

  it('carries the last close over as the next float, counts and all', async () => {
    const reg = register();
    await withStaff(reg);
    expect(await reg.call('shift.open', { float: { kind: 'carried' }, idempotencyKey: key() })).toMatchObject({ error: { code: 'shift.already_open' } });
    const shiftId = (await reg.must('shift.current', {})).shift?.id ?? 0;
    const counts = [{ denominationMinor: 5000, count: 9 }];
    await reg.must('shift.count', { shiftId, counts, idempotencyKey: key() });
    await reg.must('shift.close', { shiftId, idempotencyKey: key() });
    const state = await reg.must('shift.current', {});
    expect(state.carryOver).toEqual({ shiftId, amountMinor: 45_000 });
    const next = await reg.must('shift.open', { float: { kind: 'carried' }, idempotencyKey: key() });
    expect(next).toMatchObject({ floatMinor: 45_000, floatSource: 'carried' });
    const opening = reg.db.prepare("SELECT counts FROM cash_counts WHERE shift_id = ? AND purpose = 'opening'").get(next.id) as { counts: string };
    expect(JSON.parse(opening.counts)).toEqual(counts);
  });

  it('with nothing to carry (first shift ever) refuses a carried float', async () => {
    const reg = register();
    await staffWithoutShift(reg);
    expect(await reg.call('shift.open', { float: { kind: 'carried' }, idempotencyKey: key() })).toMatchObject({ error: { code: 'shift.nothing_to_carry' } });
  });
});

describe('the expected cash', () => {
  it('is float + cash taken − change + paid-in + top-ups − paid-out − safe drops − cash refunds − cash voids, term by term', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    // Cash taken ¥50.00 for ¥12.30: change ¥37.70.
    const first = await cashSale(reg, 1230, 5000);
    // Split: ¥20.00 cash of ¥45.00, the rest paid with a second cash tender of ¥30.00 (¥5.00 change).
    const splitId = await saleWith(reg, 4500);
    await reg.must('sale.tenderCash', { saleId: splitId, tenderedMinor: 2000, partial: true, idempotencyKey: key() });
    await reg.must('sale.tenderCash', { saleId: splitId, tenderedMinor: 3000, idempotencyKey: key() });
    // A sale that is later voided: ¥8.00 taken exactly, ¥8.00 back.
    const voided = await cashSale(reg, 800, 800);
    await reg.must('cash.move', { kind: 'paid_in', amountMinor: 10_000, reason: '老板补零钱', idempotencyKey: key() });
    await reg.must('cash.move', { kind: 'float_top_up', amountMinor: 2_000, reason: 'coins', idempotencyKey: key() });
    await reg.must('cash.move', { kind: 'paid_out', amountMinor: 1_550, reason: '买冰块', idempotencyKey: key() });
    await reg.must('cash.move', { kind: 'safe_drop', amountMinor: 20_000, reason: 'safe', idempotencyKey: key() });
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    // Refund of the ¥12.30 line to cash: ¥12.30 back.
    const refundable = await reg.must('refund.find', { code: String(first.receiptNo) });
    const lineId = refundable.lines[0]?.lineId ?? 0;
    await reg.must('refund.withReceipt', {
      saleId: first.sale.id,
      lines: [{ lineId, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    await reg.must('void.sale', { saleId: voided.sale.id, reason: 'cashier_error', idempotencyKey: key() });
    const x = await reg.must('report.x', { scope: 'shift' });
    expect(x.shifts[0]?.expected).toEqual({
      floatMinor: FIXTURE_FLOAT_MINOR,
      cashTakenMinor: 5000 + 2000 + 3000 + 800,
      changeGivenMinor: 3770 + 500,
      paidInMinor: 10_000,
      floatTopUpMinor: 2_000,
      paidOutMinor: 1_550,
      safeDropMinor: 20_000,
      cashRefundsMinor: 1230,
      cashVoidsMinor: 800,
      expectedMinor: FIXTURE_FLOAT_MINOR + 10_800 - 4_270 + 10_000 + 2_000 - 1_550 - 20_000 - 1_230 - 800,
    });
  });

  it('counts cash rounding as it happened: what was handed over less the change', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { cashRoundingStepMinor: 10 });
    // ¥12.34 rounds to ¥12.30: ¥20.00 handed over, ¥7.70 back, ¥12.30 in the drawer.
    await cashSale(reg, 1234, 2000);
    const x = await reg.must('report.x', { scope: 'shift' });
    expect(x.shifts[0]?.expected).toMatchObject({ cashTakenMinor: 2000, changeGivenMinor: 770, expectedMinor: FIXTURE_FLOAT_MINOR + 1230 });
  });
});

describe('the blind count', () => {
  it('reveals the expected cash in no answer or event before the count, then shows it with the difference; one recount, both kept', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    // A distinctive expected amount: float ¥510.00 + ¥123.45 taken exactly = ¥633.45.
    await cashSale(reg, 12_345, 12_345);
    const expected = FIXTURE_FLOAT_MINOR + 12_345;
    const seen: string[] = [];
    reg.events.subscribe((name, payload) => seen.push(`${name} ${JSON.stringify(payload)}`));
    const answers: unknown[] = [];
    answers.push(await reg.must('shift.current', {}));
    answers.push(await reg.must('cash.move', { kind: 'paid_in', amountMinor: 1, reason: 'one fen', idempotencyKey: key() }));
    answers.push(await reg.must('shift.current', {}));
    // Too much out of the drawer is refused, but a cashier is not told how much the drawer should hold.
    const tooMuch = await reg.call('cash.move', { kind: 'paid_out', amountMinor: 9_999_999, reason: 'probe', idempotencyKey: key() });
    expect(tooMuch).toEqual({ ok: false, error: { code: 'shift.cash_out_over_drawer_blind', params: { amountMinor: 9_999_999 } } });
    answers.push(tooMuch);
    // Reports are for supervisors: a cashier is refused, whatever the scope.
    for (const scope of ['shift', 'day'] as const) {
      const r = await reg.call('report.x', { scope });
      expect(r).toMatchObject({ ok: false, error: { code: 'session.forbidden' } });
      answers.push(r);
    }
    answers.push(await reg.call('dayClose.status', {}));
    const leaked = [...answers.map((a) => JSON.stringify(a)), ...seen].filter((text) => text.includes('expected') || text.includes(String(expected + 1)));
    expect(leaked).toEqual([]);

    const shiftId = (await reg.must('shift.current', {})).shift?.id ?? 0;
    // ¥633.46 expected (the fen paid in included); the first count finds ¥632.90, the recount ¥633.40.
    const counts = [
      { denominationMinor: 10000, count: 6 },
      { denominationMinor: 1000, count: 3 },
      { denominationMinor: 100, count: 2 },
      { denominationMinor: 50, count: 1 },
      { denominationMinor: 10, count: 4 },
    ];
    const first = await reg.must('shift.count', { shiftId, counts, idempotencyKey: key() });
    // Still blind for the cashier: seen now, the expected cash would let the recount "match" it.
    expect(first).toMatchObject({ expected: null, countedMinor: 63_290, differenceMinor: null, recountAllowed: true, recount: null });
    // The shift no longer takes money while it is being counted.
    const saleId = await saleWith(reg, 100);
    expect(await reg.call('sale.tenderCash', { saleId, tenderedMinor: 100, idempotencyKey: key() })).toMatchObject({ error: { code: 'shift.not_open' } });
    expect(await reg.call('cash.move', { kind: 'paid_in', amountMinor: 1, reason: 'x', idempotencyKey: key() })).toMatchObject({
      error: { code: 'shift.not_open' },
    });
    // The state answers the cashier with the count made, still without the expected cash; a
    // supervisor sees both figures and the over/short.
    expect((await reg.must('shift.current', {})).closing).toMatchObject({ expected: null, differenceMinor: null, countedMinor: 63_290 });
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    expect((await reg.must('shift.current', {})).closing).toMatchObject({
      expected: { expectedMinor: expected + 1 },
      differenceMinor: 63_290 - (expected + 1),
    });
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });

    const recount = await reg.must('shift.count', {
      shiftId,
      counts: [
        { denominationMinor: 10000, count: 6 },
        { denominationMinor: 1000, count: 3 },
        { denominationMinor: 100, count: 2 },
        { denominationMinor: 50, count: 1 },
        { denominationMinor: 10, count: 9 },
      ],
      idempotencyKey: key(),
    });
    expect(recount).toMatchObject({ expected: null, countedMinor: 63_340, differenceMinor: null, recountAllowed: false });
    expect(JSON.stringify(recount)).not.toContain(String(expected + 1));
    expect(recount.count.totalMinor).toBe(63_290);
    expect(recount.recount?.totalMinor).toBe(63_340);
    expect(await reg.call('shift.count', { shiftId, counts, idempotencyKey: key() })).toMatchObject({ error: { code: 'shift.recount_used' } });

    const closed = await reg.must('shift.close', { shiftId, idempotencyKey: key() });
    expect(closed.shift.state).toBe('closed');
    // Recorded as counted: ¥0.06 short, never set to zero.
    expect(closed.differenceMinor).toBe(-6);
    const counted = reg.db.prepare('SELECT purpose, total_minor FROM cash_counts WHERE shift_id = ? ORDER BY id').all(shiftId);
    expect(counted).toEqual([
      { purpose: 'opening', total_minor: FIXTURE_FLOAT_MINOR },
      { purpose: 'closing', total_minor: 63_290 },
      { purpose: 'recount', total_minor: 63_340 },
    ]);
    // The ledger keeps the closed shift as it is.
    expect(() => reg.db.prepare('UPDATE shifts SET difference_minor = 0 WHERE id = ?').run(shiftId)).toThrow(/immutable/);
    expect(() => reg.db.prepare('DELETE FROM cash_counts WHERE shift_id = ?').run(shiftId)).toThrow(/immutable/);
    expect(staff.cashierId).toBeGreaterThan(0);
  });

  it('waits for a sale that has taken money but is not complete', async () => {
    const reg = register();
    await withStaff(reg);
    const saleId = await saleWith(reg, 1000);
    await reg.must('sale.tenderCash', { saleId, tenderedMinor: 500, partial: true, idempotencyKey: key() });
    const shiftId = (await reg.must('shift.current', {})).shift?.id ?? 0;
    expect(await reg.call('shift.count', { shiftId, counts: FIXTURE_FLOAT, idempotencyKey: key() })).toMatchObject({
      error: { code: 'shift.sale_in_progress', params: { saleId } },
    });
    expect(await reg.call('shift.close', { shiftId, idempotencyKey: key() })).toMatchObject({ error: { code: 'shift.not_counting' } });
  });
});

describe('cash movements', () => {
  it('are journalled, immutable, and refused without an open shift', async () => {
    const reg = register();
    await staffWithoutShift(reg);
    expect(await reg.call('cash.move', { kind: 'paid_out', amountMinor: 500, reason: '买冰块', idempotencyKey: key() })).toMatchObject({
      error: { code: 'shift.not_open' },
    });
    await openShift(reg);
    const moved = await reg.must('cash.move', { kind: 'paid_out', amountMinor: 500, reason: '买冰块', idempotencyKey: key() });
    expect(moved).toMatchObject({ kind: 'paid_out', amountMinor: 500, reason: '买冰块', operatorName: 'Cai 小蔡' });
    const entry = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'cash.moved'").get() as { payload: string };
    expect(JSON.parse(entry.payload)).toMatchObject({ data: { movementId: moved.id, kind: 'paid_out', amountMinor: 500, reason: '买冰块' } });
    expect(() => reg.db.prepare('UPDATE cash_movements SET amount_minor = 1').run()).toThrow(/immutable/);
    // The answer also says what the drawer did (no printer here); the shift lists the movement itself.
    const { drawer, ...movement } = moved;
    expect(drawer).toBe('no_printer');
    expect((await reg.must('shift.current', {})).shift?.movements).toEqual([movement]);
  });
});
