// Refused cash-outs on a real register: a cashier whose count is blind could find the drawer's
// expected cash by trying paid-outs of different amounts. Each refusal is journalled on its own
// (the refused call changes nothing else), and the second within the hour raises one alert about
// that operator for the owner, live and in the recomputation from the journal alone.
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../main/ledger/journal-payloads';
import { storedDrafts } from '../../main/fraud/fraud-alerts';
import { DEFAULT_FRAUD_THRESHOLDS } from '../../main/fraud/fraud-defaults';
import { FIXTURE_FLOAT_MINOR } from '../support/register-fixture';
import { key, type Shop } from '../support/day-close-shop';
import { MIN, shop, entriesOf, recomputed, approval } from '../support/fraud-shop';

const refusals = (s: Shop) => entriesOf(s, 'cash.out_refused') as JournalEvent<'cash.out_refused'>[];
const paidOut = (s: Shop, amountMinor: number) => s.reg.call('cash.move', { kind: 'paid_out', amountMinor, reason: '买菜', idempotencyKey: key() });

/** The drawer's expected cash as a supervisor's X report of the shift shows it. */
async function expectedCash(s: Shop): Promise<number | undefined> {
  await s.as('supervisor');
  const x = await s.reg.must('report.x', { scope: 'shift' });
  await s.as('cashier');
  return x.shifts[0]?.expected.expectedMinor;
}

describe('refused cash-outs', () => {
  it("journal a cashier's refused paid-out and change nothing else; one refusal raises no alert", async () => {
    const s = await shop();
    await s.cashSale([1_000]);
    const expected = await expectedCash(s);
    expect(expected).toBe(FIXTURE_FLOAT_MINOR + 1_000);
    const shiftId = (await s.reg.must('shift.current', {})).shift?.id;

    expect(await paidOut(s, 999_900)).toEqual({ ok: false, error: { code: 'shift.cash_out_over_drawer_blind', params: { amountMinor: 999_900 } } });
    expect(refusals(s).map((e) => e.data)).toEqual([{ operatorId: s.staff.cashierId, shiftId, asked: 'paid_out', amountMinor: 999_900 }]);
    // The expected cash is what a blind count hides: the entry does not hold it.
    expect(JSON.stringify(refusals(s)[0])).not.toContain(String(expected));
    expect(s.reg.db.prepare('SELECT COUNT(*) FROM cash_movements').pluck().get()).toBe(0);
    expect((await s.reg.must('shift.current', {})).shift?.movements).toEqual([]);
    expect(await expectedCash(s)).toBe(expected);

    await s.as('owner');
    expect(await s.reg.must('fraud.alerts', {})).toEqual([]);
    expect(storedDrafts(s.reg.db)).toEqual(recomputed(s));
  });

  it('raise one alert about the operator for two within the hour, with the refusals as evidence, live and recomputed', async () => {
    const s = await shop();
    // One refusal, then the next only after the hour: a slip each time, no pattern.
    expect(await paidOut(s, 100_000)).toMatchObject({ ok: false });
    s.clock.now += 61 * MIN;
    expect(await paidOut(s, 80_000)).toMatchObject({ ok: false });
    await s.as('owner');
    expect(await s.reg.must('fraud.alerts', {})).toEqual([]);

    // Halving towards the expected cash: the second try within the hour is the alert.
    await s.as('cashier');
    s.clock.now += 5 * MIN;
    expect(await paidOut(s, 60_000)).toMatchObject({ ok: false, error: { code: 'shift.cash_out_over_drawer_blind' } });
    s.clock.now += 2 * MIN;
    // A safe drop asks the same drawer, and a third refusal in the window raises nothing more.
    expect(await s.reg.call('cash.move', { kind: 'safe_drop', amountMinor: 55_000, reason: '存保险箱', idempotencyKey: key() })).toMatchObject({ ok: false });
    const [, second, third, fourth] = refusals(s);
    expect(fourth?.data.asked).toBe('safe_drop');

    await s.as('owner');
    const alerts = await s.reg.must('fraud.alerts', {});
    expect(alerts).toEqual([
      expect.objectContaining({
        rule: 'cash_out_refusals',
        scope: { kind: 'operator', operatorId: s.staff.cashierId },
        operatorName: 'Cai 小蔡',
        params: { count: 2, limitCount: 2, windowMinutes: 60, sumMinor: 140_000 },
        documents: [],
        seqs: [second?.seq, third?.seq],
      }),
    ]);
    const raised = entriesOf(s, 'fraud.alert_raised') as JournalEvent<'fraud.alert_raised'>[];
    expect(raised.map((e) => e.data.triggerSeq)).toEqual([third?.seq]);
    expect(storedDrafts(s.reg.db)).toEqual(recomputed(s));

    // The money still moves as it may: the paid-out the drawer covers goes through.
    await s.as('cashier');
    expect(await paidOut(s, 1_000)).toMatchObject({ ok: true });
  });

  it("count a refused refund's cash part with paid-outs, under the thresholds the owner set", async () => {
    const s = await shop();
    const sold = await s.cashSale([2_000]);
    await s.as('supervisor');
    await s.reg.must('cash.move', { kind: 'safe_drop', amountMinor: FIXTURE_FLOAT_MINOR, reason: '存保险箱', idempotencyKey: key() });
    // Three refusals now take an alert, the owner says (the change is journalled, so the recomputation reads it too).
    await s.as('owner');
    await s.reg.must('fraud.updateSettings', {
      thresholds: { ...DEFAULT_FRAUD_THRESHOLDS, cash_out_refusals: { enabled: true, count: 3, windowMinutes: 30 } },
    });

    // 20.00 left in the drawer, a 20.00 sale refunded with a supervisor's approval... after 15.00 went out.
    await s.as('cashier');
    expect(await paidOut(s, 1_500)).toMatchObject({ ok: true });
    const found = await s.reg.must('refund.find', { code: String(sold.receiptNo) });
    const refund = await s.reg.call('refund.withReceipt', {
      saleId: sold.saleId,
      lines: [{ lineId: found.lines[0]?.lineId ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      approval: approval(s),
      idempotencyKey: key(),
    });
    expect(refund).toEqual({ ok: false, error: { code: 'refund.cash_over_drawer_blind', params: { amountMinor: 2_000 } } });
    expect(refusals(s).map((e) => e.data)).toMatchObject([{ operatorId: s.staff.cashierId, asked: 'refund_cash', amountMinor: 2_000 }]);
    expect(s.reg.db.prepare("SELECT COUNT(*) FROM documents WHERE kind = 'refund'").pluck().get()).toBe(0);

    s.clock.now += 3 * MIN;
    expect(await paidOut(s, 600)).toMatchObject({ ok: false });
    await s.as('owner');
    expect(await s.reg.must('fraud.alerts', {})).toEqual([]);
    await s.as('cashier');
    s.clock.now += 3 * MIN;
    expect(await paidOut(s, 510)).toMatchObject({ ok: false });

    await s.as('owner');
    const [alert] = await s.reg.must('fraud.alerts', {});
    expect(alert).toMatchObject({ rule: 'cash_out_refusals', params: { count: 3, limitCount: 3, windowMinutes: 30, sumMinor: 3_110 } });
    expect(alert?.seqs).toEqual(refusals(s).map((e) => e.seq));
    expect(storedDrafts(s.reg.db)).toEqual(recomputed(s));
  });
});
