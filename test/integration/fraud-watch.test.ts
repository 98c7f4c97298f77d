// The fraud watch on a real register: the patterns rung up through the router raise their alerts
// inside the transaction of the entry that completes them, journalled with their evidence; the
// owner acknowledges them (journalled); the Z lists them; a failing rule never stops a sale.
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../main/ledger/journal-payloads';
import { storedDrafts } from '../../main/fraud/fraud-alerts';
import { DEFAULT_FRAUD_THRESHOLDS } from '../../main/fraud/fraud-defaults';
import type { FraudThresholds } from '../../preload/contract/fraud-views';
import { CASHIER_PIN } from '../support/register-fixture';
import { key, shanghai, type Shop } from '../support/day-close-shop';
import { MIN, DAY, shops, shop, entriesOf, recomputed, printToFile, approval, ringUpCorrections } from '../support/fraud-shop';

describe('fraud watch on the register', () => {
  it('price overrides count with discounts: water typed down to nothing on a 110.00 day raises the share alert', async () => {
    const s = await shop();
    const saleId = await s.sale([9_000]);
    const withWater = await s.reg.must('sale.addProduct', { saleId, code: '6901234567892', qtyMilli: 10_000 });
    const lineId = withWater.lines.at(-1)?.id ?? 0;
    await s.reg.must('sale.overridePrice', { saleId, lineId, unitPriceMinor: 0, reason: 'damaged', approval: approval(s) });
    await s.reg.must('sale.tenderCash', { saleId, tenderedMinor: 9_000, idempotencyKey: key() });

    await s.as('owner');
    const [alert] = await s.reg.must('fraud.alerts', {});
    expect(alert).toMatchObject({ rule: 'discount_share', params: { discountMinor: 0, overrideMinor: 2_000, beforeDiscountMinor: 11_000, shareBp: 1_818 } });
    expect(storedDrafts(s.reg.db)).toEqual(recomputed(s));
  });

  it('a burst of small sales raises per register and operator with its evidence; the owner acknowledges; the Z lists it', async () => {
    const s = await shop();
    const sales: string[] = [];
    for (let i = 0; i < 4; i++) {
      sales.push((await s.cashSale([300])).saleId);
      s.clock.now += 2 * MIN;
    }
    await s.as('owner');
    expect(await s.reg.must('fraud.alerts', {})).toEqual([]);
    await s.as('cashier');
    s.clock.now = shanghai(DAY, '10:10');
    sales.push((await s.cashSale([499])).saleId);

    const lastSale = entriesOf(s, 'sale.completed').at(-1);
    const raised = entriesOf(s, 'fraud.alert_raised') as JournalEvent<'fraud.alert_raised'>[];
    expect(raised.map((e) => [e.data.rule, e.data.scope.kind])).toEqual([
      ['small_sales_burst', 'register'],
      ['small_sales_burst', 'operator'],
    ]);
    expect(raised[0]?.data.triggerSeq).toBe(lastSale?.seq);
    expect(raised[0]?.data.documentIds).toEqual(sales);

    await s.as('owner');
    const open = await s.reg.must('fraud.alerts', {});
    expect(open).toHaveLength(2);
    const operatorAlert = open.find((a) => a.scope.kind === 'operator');
    expect(operatorAlert).toMatchObject({ rule: 'small_sales_burst', operatorName: 'Cai 小蔡', businessDay: DAY, params: { count: 5, underMinor: 500 } });
    expect(operatorAlert?.documents.map((d) => d.receiptNo)).toEqual([1, 2, 3, 4, 5]);

    const acked = await s.reg.must('fraud.acknowledge', { alertId: operatorAlert?.id ?? 0, note: '试吃活动 tasting promotion' });
    expect(acked.acknowledged).toMatchObject({ operatorName: 'Owner 老板', note: '试吃活动 tasting promotion' });
    expect(entriesOf(s, 'fraud.alert_acknowledged').map((e) => e.data)).toEqual([
      { alertId: operatorAlert?.id, operatorId: s.staff.ownerId, note: '试吃活动 tasting promotion' },
    ]);
    const again = await s.reg.call('fraud.acknowledge', { alertId: operatorAlert?.id ?? 0, note: 'again' });
    expect(again).toMatchObject({ ok: false, error: { code: 'fraud.already_acknowledged' } });
    expect(await s.reg.call('fraud.acknowledge', { alertId: 999, note: 'x' })).toMatchObject({ ok: false, error: { code: 'fraud.alert_not_found' } });
    expect(await s.reg.must('fraud.alerts', {})).toHaveLength(1);
    expect(await s.reg.must('fraud.alerts', { filter: 'all' })).toHaveLength(2);

    await s.as('supervisor');
    expect(await s.reg.call('fraud.acknowledge', { alertId: 1, note: 'x' })).toMatchObject({ ok: false, error: { code: 'session.forbidden' } });
    await s.as('cashier');
    await s.closeShift();
    await s.as('supervisor');
    const z = await s.z();
    expect(z.fraudAlerts.map((a) => [a.rule, a.acknowledged])).toEqual([
      ['small_sales_burst', false],
      ['small_sales_burst', true],
    ]);
    expect((await s.reg.must('zReport.get', { zNo: z.zNo })).fraudAlerts).toHaveLength(2);
  });

  it('a fifth small sale eleven minutes after the first raises nothing', async () => {
    const s = await shop();
    for (let i = 0; i < 4; i++) await s.cashSale([100]);
    s.clock.now += 10 * MIN + 1;
    await s.cashSale([100]);
    expect(entriesOf(s, 'fraud.alert_raised')).toEqual([]);
  });

  it('corrections: refund without receipt, the same cashier refunding their sale, a void, no-sale openings', async () => {
    const s = await shop();
    await printToFile(s);
    const { sold, other } = await ringUpCorrections(s);
    for (let i = 0; i < 3; i++) {
      await s.reg.must('drawer.open', { reason: 'change for the bus', approval: approval(s) });
      s.clock.now += 20 * MIN;
    }
    const rules = (entriesOf(s, 'fraud.alert_raised') as JournalEvent<'fraud.alert_raised'>[]).map((e) => `${e.data.rule}/${e.data.scope.kind}`);
    expect(rules).toEqual(['same_operator_refund/document', 'refund_without_receipt/document', 'void_after_payment/document', 'no_sale_openings/operator']);
    // A correction's alert names the sale it corrects first, then the correction itself.
    const named = (entriesOf(s, 'fraud.alert_raised') as JournalEvent<'fraud.alert_raised'>[]).map((e) => e.data.documentIds);
    expect(named[0]?.[0]).toBe(sold);
    expect(named[0]).toHaveLength(2);
    expect(named[1]).toHaveLength(1);
    expect(named[2]?.[0]).toBe(other);
    expect(named[2]).toHaveLength(2);
    expect(storedDrafts(s.reg.db)).toEqual(recomputed(s));
  });

  it('thresholds are the owner’s, journalled; a rule switched off stays quiet', async () => {
    const s = await shop();
    await s.as('owner');
    const to: FraudThresholds = { ...DEFAULT_FRAUD_THRESHOLDS, small_sales_burst: { enabled: true, count: 2, underMinor: 1_000, windowMinutes: 5 } };
    const view = await s.reg.must('fraud.updateSettings', { thresholds: to });
    expect(view.thresholds.small_sales_burst.count).toBe(2);
    expect(entriesOf(s, 'fraud.settings_changed').map((e) => e.data)).toEqual([{ operatorId: s.staff.ownerId, from: DEFAULT_FRAUD_THRESHOLDS, to }]);
    const bad = await s.reg.call('fraud.updateSettings', { thresholds: { ...to, outside_hours: { enabled: true, opensAtHour: 22, closesAtHour: 8 } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'request.invalid_input' } });
    await s.as('cashier');
    await s.cashSale([900]);
    await s.cashSale([900]);
    expect(entriesOf(s, 'fraud.alert_raised')).toHaveLength(2);
    await s.as('owner');
    await s.reg.must('fraud.updateSettings', { thresholds: { ...to, small_sales_burst: { ...to.small_sales_burst, enabled: false } } });
    await s.as('cashier');
    for (let i = 0; i < 6; i++) await s.cashSale([100]);
    expect(entriesOf(s, 'fraud.alert_raised')).toHaveLength(2);
    expect(storedDrafts(s.reg.db)).toEqual(recomputed(s));
  });

  it('after a restart the watch files the recent journal it has not seen, and the pattern still completes', async () => {
    const s = await shop();
    for (let i = 0; i < 4; i++) await s.cashSale([100]);
    // As a ledger from before the watch: the journal has the sales, the watch's index does not.
    s.reg.db.exec('DELETE FROM fraud_facts');
    const reg = s.reg.reopen();
    shops.push({ ...s, reg });
    await reg.must('session.login', { operatorId: s.staff.cashierId, pin: CASHIER_PIN });
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: sale.id, name: '商品 Item', qtyMilli: 1000, unitPriceMinor: 100, taxRateBp: 1300 });
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 100, idempotencyKey: key() });
    const raised = reg.db.prepare("SELECT COUNT(*) FROM journal WHERE kind = 'fraud.alert_raised'").pluck().get();
    expect(raised).toBe(2);
  });

  it('keeps its index of watched entries two days long; the journal keeps them all', async () => {
    const s = await shop();
    await s.cashSale([100]);
    await s.cashSale([200]);
    const count = (reg: Shop['reg'], table: string) => reg.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
    expect(count(s.reg, 'fraud_facts')).toBe(2);
    s.clock.now += 49 * 3_600_000;
    const reg = s.reg.reopen();
    shops.push({ ...s, reg });
    expect(count(reg, 'fraud_facts')).toBe(0);
    expect(reg.db.prepare("SELECT COUNT(*) FROM journal WHERE kind = 'sale.completed'").pluck().get()).toBe(2);
  });

  it('keeps it two days long in a register that runs for days without a restart', async () => {
    const s = await shop();
    await s.cashSale([100]);
    await s.cashSale([200]);
    const count = (table: string) => s.reg.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();
    s.clock.now += 30 * 3_600_000;
    await s.cashSale([300]);
    expect(count('fraud_facts')).toBe(3);
    s.clock.now += 19 * 3_600_000;
    await s.cashSale([400]);
    // The first two are 49 hours old, out of any rule's reach; the one from 19 hours ago stays.
    expect(s.reg.db.prepare('SELECT total_minor FROM fraud_facts ORDER BY seq').pluck().all()).toEqual([300, 400]);
    expect(count("journal WHERE kind = 'sale.completed'")).toBe(4);
  });

  it('a rule that fails never stops the sale: the sale commits, the failure is logged', async () => {
    const s = await shop();
    // The alerts table gone: every alert the watch tries to raise fails inside its savepoint.
    s.reg.db.exec('DROP TABLE fraud_alerts');
    const sales = [];
    for (let i = 0; i < 5; i++) sales.push(await s.cashSale([100]));
    expect(sales.map((x) => x.receiptNo)).toEqual([1, 2, 3, 4, 5]);
    expect(entriesOf(s, 'sale.completed')).toHaveLength(5);
    expect(entriesOf(s, 'fraud.alert_raised')).toEqual([]);
    expect(s.reg.log.lines.some((l) => l.includes('fraud watch could not judge journal entry'))).toBe(true);
  });
});
