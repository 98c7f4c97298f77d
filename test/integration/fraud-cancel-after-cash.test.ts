// The pocket-the-cash pattern: a cashier takes cash on a sale, then cancels the whole sale (整单取消)
// "giving the cash back". The fraud watch counts these cancellations under their own rule, with a
// minimum amount the owner sets like the others; a cancel with nothing taken, or practice in
// training, raises nothing; the live verdicts are the ones a recomputation from the journal reaches.
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../main/ledger/journal-payloads';
import { storedDrafts } from '../../main/fraud/fraud-alerts';
import { DEFAULT_FRAUD_THRESHOLDS } from '../../main/fraud/fraud-defaults';
import { key, type Shop } from '../support/day-close-shop';
import { entriesOf, recomputed, shop } from '../support/fraud-shop';

/** A ¥12.00 sale with `cashMinor` taken as cash part payments (one per amount), then cancelled. */
async function takeCashThenCancel(s: Shop, ...cashMinor: number[]): Promise<string> {
  const saleId = await s.sale([1_200]);
  for (const amount of cashMinor) await s.reg.must('sale.tenderCash', { saleId, tenderedMinor: amount, partial: true, idempotencyKey: key() });
  await s.reg.must('sale.cancel', { saleId, idempotencyKey: key() });
  return saleId;
}

const raised = (s: Shop) => entriesOf(s, 'fraud.alert_raised') as JournalEvent<'fraud.alert_raised'>[];

describe('cash taken, then the sale cancelled', () => {
  it('raises one alert per cancelled sale, naming the cashier and all the cash handed back', async () => {
    const s = await shop();
    await s.as('cashier');
    const saleId = await takeCashThenCancel(s, 200, 300);
    const alerts = raised(s);
    expect(alerts.map((e) => e.data)).toMatchObject([
      {
        rule: 'cancel_after_cash',
        scope: { kind: 'document', documentId: saleId },
        operatorId: s.staff.cashierId,
        params: { cashMinor: 500, totalMinor: 1_200 },
      },
    ]);
    // The evidence is the cancellation's journal entry (a cancelled sale has no receipt number).
    const cancelled = entriesOf(s, 'sale.cancelled')[0];
    expect(alerts[0]?.data.seqs).toEqual([cancelled?.seq]);
    await s.as('owner');
    const [view] = await s.reg.must('fraud.alerts', {});
    expect(view).toMatchObject({ rule: 'cancel_after_cash', operatorName: 'Cai 小蔡', documents: [] });
    expect(storedDrafts(s.reg.db)).toEqual(recomputed(s));
  });

  it('a cancelled cart with no cash taken raises nothing', async () => {
    const s = await shop();
    await s.as('cashier');
    const saleId = await s.sale([1_200]);
    await s.reg.must('sale.cancel', { saleId, idempotencyKey: key() });
    expect(raised(s)).toEqual([]);
    expect(recomputed(s)).toEqual([]);
  });

  it('is the owner’s to tune: below the minimum, or switched off, it stays quiet', async () => {
    const s = await shop();
    await s.as('owner');
    const thresholds = { ...DEFAULT_FRAUD_THRESHOLDS, cancel_after_cash: { enabled: true, minMinor: 1_000 } };
    await s.reg.must('fraud.updateSettings', { thresholds });
    await s.as('cashier');
    await takeCashThenCancel(s, 500);
    expect(raised(s)).toEqual([]);
    await takeCashThenCancel(s, 1_000);
    expect(raised(s).map((e) => e.data.rule)).toEqual(['cancel_after_cash']);
    await s.as('owner');
    await s.reg.must('fraud.updateSettings', { thresholds: { ...thresholds, cancel_after_cash: { enabled: false, minMinor: 0 } } });
    await s.as('cashier');
    await takeCashThenCancel(s, 1_100);
    expect(raised(s)).toHaveLength(1);
    expect(storedDrafts(s.reg.db)).toEqual(recomputed(s));
  });

  it('practice in training raises nothing', async () => {
    const s = await shop();
    await s.as('owner');
    await s.reg.must('training.set', { target: 'register', on: true });
    await s.as('cashier');
    await takeCashThenCancel(s, 500);
    expect(raised(s)).toEqual([]);
    expect(recomputed(s)).toEqual([]);
  });
});
