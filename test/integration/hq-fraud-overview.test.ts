// The registers' own fraud alerts in the owner's HQ overview: a real register on a real SQLite
// file raises alerts (a burst of small sales, per register and per cashier; a refund without a
// receipt), the owner acknowledges one there, the journal goes up to a real HQ (throwaway
// PostgreSQL cluster), and the overview read through the register lists exactly the open ones,
// newest first, with the figures and names the register's own fraud screen words them from. The
// admin API lists the same, with "and N more" beyond its limit.
import { randomUUID } from 'node:crypto';
import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { FraudAlertView } from '../../preload/contract/fraud-views';
import type { HqFraudAlert, HqRegisterFraud, OwnerOverview } from '../../preload/contract/hq-wire';
import { formatMoney, formatRate } from '../../renderer/src/format/money';
import { explainAlert, scopeText } from '../../renderer/src/screens/fraud/fraud-explain';
import enUi from '../../assets/locales/en/ui.json';
import zhUi from '../../assets/locales/zh-CN/ui.json';
import { CASHIER_PIN, makeRegister, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { useHqRig } from '../support/use-hq-rig';
import { appendJournal, type JournalPayloads } from '../../main/ledger/journal';

const hq = useHqRig();
const registers = hq.registers;

const key = () => randomUUID().replaceAll('-', '');

function translator(lang: 'en' | 'zh-CN'): TFunction {
  const i18n = createInstance();
  void i18n.init({
    lng: lang,
    resources: { [lang]: { translation: lang === 'en' ? enUi : zhUi } },
    keySeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n.t;
}

/** What the owner reads of an alert: its rule, whom it is about and its sentence, in both languages. */
function words(alert: Pick<FraudAlertView, 'rule' | 'scope' | 'params' | 'operatorName' | 'operatorNames'>): string[] {
  return (['zh-CN', 'en'] as const).flatMap((lang) => {
    const t = translator(lang);
    const format = { money: (minor: number) => formatMoney(minor, 'CNY', lang), rate: (bp: number) => formatRate(bp, lang) };
    return [t(`fraud.rule.${alert.rule}`), scopeText(alert.scope, alert.operatorName, t), explainAlert(alert, t, format)];
  });
}

/** The register's own view of an alert, in the shape HQ hands on. */
const asHq = (a: FraudAlertView): HqFraudAlert => ({
  alertId: a.id,
  rule: a.rule,
  scope: a.scope,
  localRegisterId: a.registerId,
  businessDay: a.businessDay,
  at: a.at,
  journalSeq: a.journalSeq,
  params: a.params,
  operatorName: a.operatorName,
  operatorNames: a.operatorNames,
  documents: a.documents,
  seqs: a.seqs,
});

async function cashSale(reg: TestRegister, priceMinor: number): Promise<void> {
  const sale = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: sale.id, name: '商品 Item', qtyMilli: 1000, unitPriceMinor: priceMinor, taxRateBp: 1300 });
  await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: priceMinor, idempotencyKey: key() });
}

describe('the registers’ fraud alerts at HQ', () => {
  it('lists per register the alerts the register has not acknowledged, newest first, worded from the register’s own figures', async () => {
    const reg = makeRegister({ sync: { auto: false } });
    registers.push(reg);
    const staff = await withStaff(reg, { registerId: 'T7' });
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await hq.rig.enrol(reg, 'F1-R1', 'F1');
    // A quiet register beside it: nothing to list.
    const quiet = makeRegister({ sync: { auto: false } });
    registers.push(quiet);
    const quietStaff = await withStaff(quiet);
    await quiet.must('session.login', { operatorId: quietStaff.ownerId, pin: OWNER_PIN });
    await hq.rig.enrol(quiet, 'F1-R2', 'F1');

    // Cai rings up five sales under ¥5.00 within minutes, then refunds ¥8.00 without a receipt.
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    for (const price of [300, 450, 120, 499, 250]) await cashSale(reg, price);
    await reg.must('refund.withoutReceipt', {
      lines: [{ name: '退货', qtyMilli: 1000, unitPriceMinor: 800, taxRateBp: 1300, restock: true }],
      reason: 'not_wanted',
      approval: { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN },
      idempotencyKey: key(),
    });
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const raised = await reg.must('fraud.alerts', {});
    expect(raised.length).toBeGreaterThanOrEqual(3);
    expect(raised.filter((a) => a.rule === 'small_sales_burst').map((a) => a.scope.kind)).toEqual(expect.arrayContaining(['register', 'operator']));
    expect(raised.some((a) => a.rule === 'refund_without_receipt')).toBe(true);
    // The owner looks at the burst by Cai at the register and acknowledges it there.
    const byCai = raised.find((a) => a.rule === 'small_sales_burst' && a.scope.kind === 'operator');
    await reg.must('fraud.acknowledge', { alertId: byCai?.id ?? 0, note: '试吃活动 tasting promotion' });
    await reg.sync.runOnce();
    await quiet.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ pendingEntries: 0, lastError: null });

    const open = (await reg.must('fraud.alerts', {})).sort((x, y) => y.journalSeq - x.journalSeq);
    expect(open).toHaveLength(raised.length - 1);
    const day = open[0]?.businessDay ?? '';
    const view: OwnerOverview = await reg.must('sync.hqOverview', { day });
    const fraudOf = (id: string) => view.shops.flatMap((s) => s.registers).find((r) => r.registerId === id)?.fraud;
    // Exactly the open ones, newest first, each as the register holds it: rule, scope, figures, names, evidence.
    expect(fraudOf('F1-R1')).toEqual({ alerts: open.map(asHq), more: 0, unreadable: 0 });
    expect(fraudOf('F1-R1')?.alerts.map((a) => a.alertId)).not.toContain(byCai?.id);
    expect(fraudOf('F1-R2')).toEqual({ alerts: [], more: 0, unreadable: 0 });
    // The burst's receipts are the register's receipt numbers; the operator is named as the register named her.
    const burst = fraudOf('F1-R1')?.alerts.find((a) => a.rule === 'small_sales_burst');
    expect(burst).toMatchObject({ localRegisterId: 'T7', scope: { kind: 'register', registerId: 'T7' }, params: { count: 5, underMinor: 500 } });
    expect(burst?.documents.map((d) => d.receiptNo)).toEqual([1, 2, 3, 4, 5]);
    const refund = fraudOf('F1-R1')?.alerts.find((a) => a.rule === 'refund_without_receipt');
    expect(refund?.operatorName).toBe('Cai 小蔡');
    // And so the owner reads the same words at HQ as at the register, in both languages.
    for (const [atHq, atRegister] of (fraudOf('F1-R1')?.alerts ?? []).map((a, i) => [a, open[i]] as const)) {
      expect(words(atHq as Parameters<typeof words>[0])).toEqual(words(atRegister as FraudAlertView));
    }
    expect(words(refund as Parameters<typeof words>[0])).toContain('Cai 小蔡');

    // The admin API lists the same per register; beyond its limit the rest are counted.
    const all = await hq.rig.admin<({ registerId: string } & HqRegisterFraud)[]>('GET', '/api/admin/fraud-alerts');
    expect(all.body).toEqual({ ok: true, value: [{ registerId: 'F1-R1', alerts: open.map(asHq), more: 0, unreadable: 0 }] });
    const capped = await hq.rig.admin<({ registerId: string } & HqRegisterFraud)[]>('GET', '/api/admin/fraud-alerts?register=F1-R1&limit=1');
    expect(capped.body).toEqual({ ok: true, value: [{ registerId: 'F1-R1', alerts: open.slice(0, 1).map(asHq), more: open.length - 1, unreadable: 0 }] });
    const bad = await hq.rig.admin('GET', '/api/admin/fraud-alerts?limit=0');
    expect(bad).toMatchObject({ status: 400, body: { ok: false, error: { code: 'hq.invalid_input', params: { field: 'limit' } } } });

    // Acknowledged at the register later, gone from HQ's list after the next upload.
    for (const a of open.slice(1)) await reg.must('fraud.acknowledge', { alertId: a.id, note: 'checked' });
    await reg.sync.runOnce();
    const after: OwnerOverview = await reg.must('sync.hqOverview', { day });
    expect(after.shops.flatMap((s) => s.registers).find((r) => r.registerId === 'F1-R1')?.fraud).toEqual({
      alerts: open.slice(0, 1).map(asHq),
      more: 0,
      unreadable: 0,
    });
  });

  it('shows the newest ten of a register’s open alerts and counts the rest', async () => {
    const reg = makeRegister({ sync: { auto: false } });
    registers.push(reg);
    const staff = await withStaff(reg);
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await hq.rig.enrol(reg, 'F2-R1', 'F2');
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    for (let i = 0; i < 12; i++) {
      await reg.must('refund.withoutReceipt', {
        lines: [{ name: '退货', qtyMilli: 1000, unitPriceMinor: 100 + i, taxRateBp: 1300, restock: true }],
        reason: 'not_wanted',
        approval: { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN },
        idempotencyKey: key(),
      });
    }
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await reg.sync.runOnce();
    const open = (await reg.must('fraud.alerts', {})).sort((x, y) => y.journalSeq - x.journalSeq);
    expect(open.length).toBeGreaterThanOrEqual(12);
    const view: OwnerOverview = await reg.must('sync.hqOverview', { day: open[0]?.businessDay ?? '' });
    const fraud = view.shops.flatMap((s) => s.registers).find((r) => r.registerId === 'F2-R1')?.fraud;
    expect(fraud).toEqual({ alerts: open.slice(0, 10).map(asHq), more: open.length - 10, unreadable: 0 });
  });

  it('hands on an alert of a rule it does not know as journalled, and counts one of another shape instead of dropping it', async () => {
    const reg = makeRegister({ sync: { auto: false } });
    registers.push(reg);
    const staff = await withStaff(reg);
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await hq.rig.enrol(reg, 'F3-R1', 'F3');
    // As a newer register would journal them: a rule this version has no words for, and a payload of another shape.
    const future = {
      alertId: 90,
      rule: 'future_rule',
      scope: { kind: 'operator', operatorId: staff.cashierId },
      registerId: 'R1',
      operatorId: staff.cashierId,
      businessDay: '2026-11-30',
      triggerSeq: 1,
      documentIds: [],
      seqs: [1],
      params: { count: 3 },
    };
    const futureSeq = appendJournal(reg.db, 'fraud.alert_raised', future as unknown as JournalPayloads['fraud.alert_raised'], 1_764_460_800_000);
    appendJournal(reg.db, 'fraud.alert_raised', { alertId: 91, rule: 'other_shape' } as unknown as JournalPayloads['fraud.alert_raised']);
    await reg.sync.runOnce();
    const view: OwnerOverview = await reg.must('sync.hqOverview', { day: '2026-11-30' });
    expect(view.shops.flatMap((s) => s.registers).find((r) => r.registerId === 'F3-R1')?.fraud).toEqual({
      alerts: [
        {
          alertId: 90,
          rule: 'future_rule',
          scope: { kind: 'operator', operatorId: staff.cashierId },
          localRegisterId: 'R1',
          businessDay: '2026-11-30',
          at: 1_764_460_800_000,
          journalSeq: futureSeq,
          params: { count: 3 },
          operatorName: 'Cai 小蔡',
          operatorNames: {},
          documents: [],
          seqs: [1],
        },
      ],
      more: 0,
      unreadable: 1,
    });
  });
});
