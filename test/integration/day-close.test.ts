// The day close (Z) through the router on a real ledger: numbered without gaps, once per day,
// final (a document after it joins the next day), shifts force-closed only with a reason, and
// the X that shows the same figures without closing anything.
import { afterEach, describe, expect, it } from 'vitest';
import { key, openShop, shanghai, type Shop } from '../support/day-close-shop';
import { FIXTURE_FLOAT_MINOR } from '../support/register-fixture';

const shops: Shop[] = [];
afterEach(() => {
  for (const s of shops.splice(0)) s.reg.cleanup();
});

async function shop(start = shanghai('2026-03-10')): Promise<Shop> {
  const s = await openShop(start);
  shops.push(s);
  return s;
}

describe('the Z', () => {
  it('is numbered without gaps, closes each day once, and a document after it joins the next business day', async () => {
    const s = await shop();
    const a = await s.cashSale([1000, 250]);
    s.clock.now = shanghai('2026-03-10', '13:30');
    const b = await s.cashSale([4000], 5000);
    // Counted to the fen: float ¥510.00 + ¥52.50 taken.
    await s.closeShift([
      { denominationMinor: 10000, count: 2 },
      { denominationMinor: 5000, count: 5 },
      { denominationMinor: 1000, count: 10 },
      { denominationMinor: 100, count: 12 },
      { denominationMinor: 50, count: 1 },
    ]);
    await s.as('supervisor');
    const status = await s.reg.must('dayClose.status', {});
    expect(status).toMatchObject({ businessDay: '2026-03-10', nextZNo: 1, lastZ: null, documentCount: 2, liveShifts: [], saleInProgress: false });
    s.clock.now = shanghai('2026-03-10', '21:00');
    const z1 = await s.z();
    expect(z1).toMatchObject({
      zNo: 1,
      businessDay: '2026-03-10',
      firstReceiptNo: a.receiptNo,
      lastReceiptNo: b.receiptNo,
      grandTotalBeforeMinor: 0,
      grandTotalAfterMinor: 5250,
      operatorName: 'Sue',
      overShortMinor: 0,
    });
    expect(z1.figures.kinds).toEqual([
      { kind: 'sale', count: 2, totalMinor: 5250, taxMinor: expect.any(Number) as number },
      { kind: 'refund', count: 0, totalMinor: 0, taxMinor: 0 },
      { kind: 'void', count: 0, totalMinor: 0, taxMinor: 0 },
    ]);
    expect(z1.figures.hours.filter((h) => h.salesCount > 0).map((h) => [h.hour, h.salesCount, h.salesMinor])).toEqual([
      [9, 1, 1250],
      [13, 1, 4000],
    ]);
    expect(z1.reconciliation.status).toBe('no_terminal');

    // The same day again: refused, from this window or any other.
    expect(await s.reg.call('dayClose.close', { businessDay: '2026-03-10', idempotencyKey: key() })).toMatchObject({
      error: { code: 'dayClose.already_closed' },
    });

    // Still the 10th on the calendar: a new sale belongs to the 11th, the register does not refuse it.
    await s.as('cashier');
    await s.openShift();
    const late = await s.cashSale([300]);
    expect(await s.reg.must('sale.get', { saleId: late.saleId })).toMatchObject({ businessDay: '2026-03-11', receiptNo: 3 });
    // ¥0.50 short: ¥512.50 counted, ¥513.00 expected.
    await s.closeShift([
      { denominationMinor: 10000, count: 5 },
      { denominationMinor: 100, count: 12 },
      { denominationMinor: 50, count: 1 },
    ]);
    await s.as('supervisor');
    expect(await s.reg.call('dayClose.close', { businessDay: '2026-03-12', idempotencyKey: key() })).toMatchObject({
      error: { code: 'dayClose.wrong_day', params: { businessDay: '2026-03-11' } },
    });
    const z2 = await s.z();
    expect(z2).toMatchObject({
      zNo: 2,
      businessDay: '2026-03-11',
      firstReceiptNo: 3,
      lastReceiptNo: 3,
      grandTotalBeforeMinor: 5250,
      grandTotalAfterMinor: 5550,
    });
    expect(z2.overShortMinor).toBe(-50);
    expect(z2.shifts[0]).toMatchObject({ countedMinor: 51_250, differenceMinor: -50, expected: { expectedMinor: FIXTURE_FLOAT_MINOR + 300 } });

    // Nothing left to close until the calendar gets there; then a Z with no documents is allowed.
    s.clock.now = shanghai('2026-03-11', '22:00');
    const nothing = await s.reg.must('dayClose.status', {});
    expect(nothing).toMatchObject({ businessDay: '2026-03-12', closable: false });
    // The refusal names the day closed last, not "today" (which is 03-11 here).
    expect(await s.reg.call('dayClose.close', { businessDay: '2026-03-12', idempotencyKey: key() })).toMatchObject({
      error: { code: 'dayClose.nothing_to_close', params: { businessDay: '2026-03-11' } },
    });
    s.clock.now = shanghai('2026-03-12', '22:00');
    expect(await s.reg.must('dayClose.status', {})).toMatchObject({ businessDay: '2026-03-12', closable: true });
    const z3 = await s.z();
    expect(z3).toMatchObject({
      zNo: 3,
      businessDay: '2026-03-12',
      firstReceiptNo: null,
      lastReceiptNo: null,
      grandTotalBeforeMinor: 5550,
      grandTotalAfterMinor: 5550,
    });

    // The ledger itself keeps the numbers gapless and a Z as it is.
    const z = s.reg.db.prepare('SELECT * FROM z_reports WHERE z_no = 3').get() as Record<string, unknown>;
    expect(() =>
      s.reg.db
        .prepare(
          'INSERT INTO z_reports (register_id, z_no, business_day, closed_at, operator_id, grand_total_before_minor, grand_total_after_minor, last_journal_seq, figures) VALUES (?, 5, ?, 0, 1, 0, 0, 0, ?)',
        )
        .run(z.register_id, '2026-03-20', '{}'),
    ).toThrow(/gapless/);
    expect(() => s.reg.db.prepare('UPDATE z_reports SET grand_total_after_minor = 0').run()).toThrow(/immutable/);
    expect(() => s.reg.db.prepare('DELETE FROM day_rollups').run()).toThrow(/immutable/);
    expect((await s.reg.must('zReport.list', {})).map((r) => [r.zNo, r.businessDay, r.netMinor])).toEqual([
      [3, '2026-03-12', 0],
      [2, '2026-03-11', 300],
      [1, '2026-03-10', 5250],
    ]);
    // The journal says so too, each in its transaction.
    const closed = s.reg.db.prepare("SELECT payload FROM journal WHERE kind = 'day.closed' ORDER BY seq").all() as { payload: string }[];
    expect(closed.map((r) => (JSON.parse(r.payload) as { data: { zNo: number } }).data.zNo)).toEqual([1, 2, 3]);
  });

  it('a sale of a closed day can no longer be voided: the void would join another day', async () => {
    const s = await shop();
    const sale = await s.cashSale([1000]);
    await s.closeShift([
      { denominationMinor: 10000, count: 5 },
      { denominationMinor: 1000, count: 2 },
    ]);
    await s.as('supervisor');
    await s.z();
    await s.openShift();
    expect(await s.reg.call('void.sale', { saleId: sale.saleId, reason: 'cashier_error', idempotencyKey: key() })).toMatchObject({
      error: { code: 'void.not_today' },
    });
  });

  it('force-closes a live shift only with a reason; a shift never counted has no over/short, a counted one keeps its own', async () => {
    const s = await shop();
    await s.cashSale([2000]);
    const shiftId = (await s.reg.must('shift.current', {})).shift?.id ?? 0;
    await s.as('supervisor');
    expect(await s.reg.call('dayClose.close', { businessDay: '2026-03-10', idempotencyKey: key() })).toMatchObject({
      error: { code: 'dayClose.shift_open', params: { shiftId } },
    });
    // Nothing changed: the shift is still open and selling.
    expect((await s.reg.must('shift.current', {})).shift?.state).toBe('open');
    const z = await s.z({ forceClose: [{ shiftId, reason: '收银员已下班' }] });
    expect(z.shifts).toEqual([
      expect.objectContaining({
        shiftId,
        state: 'closed',
        countedMinor: null,
        differenceMinor: null,
        forceReason: '收银员已下班',
        expected: expect.objectContaining({ expectedMinor: FIXTURE_FLOAT_MINOR + 2000 }) as unknown,
      }),
    ]);
    expect(z.overShortMinor).toBe(0);
    expect((await s.reg.must('shift.current', {})).shift).toBeNull();
    const entry = s.reg.db.prepare("SELECT payload FROM journal WHERE kind = 'shift.closed'").get() as { payload: string };
    expect(JSON.parse(entry.payload)).toMatchObject({ data: { shiftId, forced: true, reason: '收银员已下班', countedMinor: null } });

    // Next day: the cashier counted (¥1 short) but never confirmed; the Z keeps that count.
    s.clock.now = shanghai('2026-03-11');
    await s.as('cashier');
    const next = await s.openShift();
    await s.reg.must('shift.count', {
      shiftId: next,
      counts: [
        { denominationMinor: 10000, count: 5 },
        { denominationMinor: 100, count: 9 },
      ],
      idempotencyKey: key(),
    });
    await s.as('owner');
    const z2 = await s.z({ forceClose: [{ shiftId: next, reason: 'not confirmed' }] });
    expect(z2.shifts[0]).toMatchObject({ shiftId: next, countedMinor: 50_900, differenceMinor: -100, forceReason: 'not confirmed' });
    expect(z2.overShortMinor).toBe(-100);
  });

  it('waits for a sale that has taken money and is not complete', async () => {
    const s = await shop();
    const saleId = await s.sale([1000]);
    await s.reg.must('sale.tenderCash', { saleId, tenderedMinor: 400, partial: true, idempotencyKey: key() });
    await s.as('supervisor');
    expect((await s.reg.must('dayClose.status', {})).saleInProgress).toBe(true);
    expect(await s.reg.call('dayClose.close', { businessDay: '2026-03-10', idempotencyKey: key() })).toMatchObject({
      error: { code: 'dayClose.sale_in_progress' },
    });
    expect(s.reg.db.prepare('SELECT COUNT(*) AS n FROM z_reports').get()).toEqual({ n: 0 });
  });
});

describe('the X report', () => {
  it('shows the day or the shift so far with the expected cash, and changes nothing', async () => {
    const s = await shop();
    await s.cashSale([1500]);
    await s.reg.must('cash.move', { kind: 'paid_out', amountMinor: 200, reason: '快递费', idempotencyKey: key() });
    await s.as('supervisor');
    const before = s.reg.db.prepare('SELECT COUNT(*) AS n FROM journal').get();
    const day = await s.reg.must('report.x', { scope: 'day' });
    const shift = await s.reg.must('report.x', { scope: 'shift' });
    expect(s.reg.db.prepare('SELECT COUNT(*) AS n FROM journal').get()).toEqual(before);
    expect(day).toMatchObject({ scope: 'day', businessDay: '2026-03-10', grandTotalMinor: 1500 });
    expect(day.figures.netMinor).toBe(1500);
    expect(day.figures.cashMovements.find((m) => m.kind === 'paid_out')).toEqual({ kind: 'paid_out', count: 1, amountMinor: 200 });
    expect(shift.shifts[0]?.expected.expectedMinor).toBe(FIXTURE_FLOAT_MINOR + 1500 - 200);
    expect(shift.figures).toEqual(day.figures);
    // The Z that follows has the X's figures.
    const z = await s.z({ forceClose: [{ shiftId: shift.shiftId ?? 0, reason: 'end of day' }] });
    expect(z.figures).toEqual(day.figures);
  });
});

describe('summaries', () => {
  it('sum the closed days from the rollups the Z wrote', async () => {
    const s = await shop(shanghai('2026-03-30'));
    for (const [day, prices] of [
      ['2026-03-30', [1000]],
      ['2026-03-31', [2000, 300]],
      ['2026-04-01', [4000]],
    ] as const) {
      s.clock.now = shanghai(day, '10:00');
      await s.as('cashier');
      if (!(await s.reg.must('shift.current', {})).shift) await s.openShift();
      await s.cashSale(prices);
      await s.closeShift();
      await s.as('supervisor');
      s.clock.now = shanghai(day, '22:00');
      await s.z();
    }
    const march = await s.reg.must('report.summary', { from: '2026-03-01', to: '2026-03-31' });
    expect(march).toMatchObject({
      days: 2,
      netMinor: 3300,
      byDay: [
        { businessDay: '2026-03-30', zNo: 1, netMinor: 1000 },
        { businessDay: '2026-03-31', zNo: 2, netMinor: 2300 },
      ],
    });
    expect(march.kinds[0]).toMatchObject({ kind: 'sale', count: 2, totalMinor: 3300 });
    expect(march.tenders.find((t) => t.method === 'cash')).toMatchObject({ inCount: 2, inMinor: 3300, netMinor: 3300 });
    const year = await s.reg.must('report.summary', { from: '2026-01-01', to: '2026-12-31' });
    expect(year).toMatchObject({ days: 3, netMinor: 7300 });
    expect(year.taxRates).toEqual([{ rateBp: 1300, grossMinor: 7300, taxMinor: expect.any(Number) as number, netMinor: expect.any(Number) as number }]);
  });
});
