// Cash missing (or found) at a shift handover: the float counted at an open set against the last
// close's count that business day. The fraud watch flags a difference from the owner's amount on
// (¥20.00 unless changed), short or over, naming who closed and who opened with both counts, in the
// owner's language; one fen short of the amount stays quiet; the live verdicts are the ones a
// recomputation from the journal reaches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../main/ledger/journal-payloads';
import { storedDrafts } from '../../main/fraud/fraud-alerts';
import { DEFAULT_FRAUD_THRESHOLDS } from '../../main/fraud/fraud-defaults';
import type { FraudAlertView } from '../../preload/contract/fraud-views';
import { formatMoney, formatRate } from '../../renderer/src/format/money';
import { explainAlert, type AlertFormat } from '../../renderer/src/screens/fraud/fraud-explain';
import type { Shop } from '../support/day-close-shop';
import { entriesOf, recomputed, shop } from '../support/fraud-shop';
import { countOf, handOver } from '../support/handover-counts';

const raised = (s: Shop) => (entriesOf(s, 'fraud.alert_raised') as JournalEvent<'fraud.alert_raised'>[]).filter((e) => e.data.rule === 'handover_difference');

function translator(lang: string): TFunction {
  const i18n = createInstance();
  const translation = JSON.parse(readFileSync(join(__dirname, '../../assets/locales', lang, 'ui.json'), 'utf8')) as Record<string, string>;
  void i18n.init({ lng: lang, resources: { [lang]: { translation } }, keySeparator: false, interpolation: { escapeValue: false }, initAsync: false });
  return i18n.t;
}

const format = (locale: string): AlertFormat => ({
  money: (minor) => formatMoney(minor, 'CNY', locale),
  rate: (bp) => formatRate(bp, locale),
});

const words = (alert: FraudAlertView, lang: 'zh-CN' | 'en') => explainAlert(alert, translator(lang), format(lang));

describe('cash that differs at a shift handover', () => {
  it('one fen short of ¥20.00 stays quiet; exactly ¥20.00 short raises, naming who closed and who opened, in both languages', async () => {
    const s = await shop();
    // Cai closes counting ¥510.00; Sue counts ¥490.10: ¥19.90 short, journalled, not flagged.
    const second = await handOver(s, 'cashier', 51_000, 'supervisor', 49_010);
    expect(entriesOf(s, 'shift.handover_differed').map((e) => (e.data as { differenceMinor: number }).differenceMinor)).toEqual([-1_990]);
    expect(raised(s)).toEqual([]);

    // Sue closes counting ¥490.10; Cai counts ¥470.10: exactly ¥20.00 short.
    const third = await handOver(s, 'supervisor', 49_010, 'cashier', 47_010);
    const alerts = raised(s);
    expect(alerts.map((e) => e.data)).toMatchObject([
      {
        rule: 'handover_difference',
        scope: { kind: 'register', registerId: 'R1' },
        registerId: 'R1',
        operatorId: s.staff.cashierId,
        businessDay: '2026-11-29',
        params: {
          shiftId: third,
          previousShiftId: second,
          previousCountedMinor: 49_010,
          floatMinor: 47_010,
          differenceMinor: -2_000,
          minMinor: 2_000,
          openedByOperatorId: s.staff.cashierId,
          closedByOperatorId: s.staff.supervisorId,
        },
      },
    ]);
    // The evidence is the handover's own journal entry.
    expect(alerts[0]?.data.seqs).toEqual([entriesOf(s, 'shift.handover_differed')[1]?.seq]);

    await s.as('owner');
    const [view] = await s.reg.must('fraud.alerts', {});
    if (!view) throw new Error('no alert listed');
    expect(view).toMatchObject({ rule: 'handover_difference', operatorName: 'Cai 小蔡', documents: [] });
    expect(view.operatorNames).toEqual({ openedByOperatorId: 'Cai 小蔡', closedByOperatorId: 'Sue' });
    expect(words(view, 'zh-CN')).toBe(
      `Sue 结班（班次 #${second}）实点现金 ¥490.10，Cai 小蔡 开班（班次 #${third}）清点备用金 ¥470.10，少了 ¥20.00（提醒起点 ¥20.00）。结班与开班之间无法记账，这笔现金离开钱箱而没有任何记录。`,
    );
    expect(words(view, 'en')).toBe(
      `Sue closed shift #${second} counting ¥490.10; Cai 小蔡 opened shift #${third} counting a float of ¥470.10: ¥20.00 short (alert from ¥20.00). Nothing can be booked between a close and the next open, so this cash left the drawer with no record.`,
    );
    expect(storedDrafts(s.reg.db)).toEqual(recomputed(s));

    // The Z of the day lists it.
    await s.as('cashier');
    await s.closeShift(countOf(47_010));
    await s.as('owner');
    const z = await s.z();
    expect(z.fraudAlerts).toMatchObject([{ id: view.id, rule: 'handover_difference', operatorName: 'Cai 小蔡', acknowledged: false }]);
  });

  it('cash over by the amount is flagged too, in its own words', async () => {
    const s = await shop();
    const second = await handOver(s, 'cashier', 51_000, 'cashier', 53_000);
    expect(raised(s).map((e) => e.data.params)).toMatchObject([{ differenceMinor: 2_000, previousShiftId: second - 1 }]);
    await s.as('owner');
    const [view] = await s.reg.must('fraud.alerts', {});
    if (!view) throw new Error('no alert listed');
    expect(words(view, 'zh-CN')).toContain('Cai 小蔡 开班');
    expect(words(view, 'zh-CN')).toContain('多了 ¥20.00');
    expect(words(view, 'en')).toContain('¥20.00 over');
    expect(storedDrafts(s.reg.db)).toEqual(recomputed(s));
  });

  it('is the owner’s to tune through the fraud settings (journalled); bad input is refused and changes nothing', async () => {
    const s = await shop();
    await s.as('owner');
    const thresholds = { ...DEFAULT_FRAUD_THRESHOLDS, handover_difference: { enabled: true, minMinor: 5_000 } };
    await s.reg.must('fraud.updateSettings', { thresholds });
    const changed = entriesOf(s, 'fraud.settings_changed') as JournalEvent<'fraud.settings_changed'>[];
    expect(changed.map((e) => [e.data.from.handover_difference, e.data.to.handover_difference])).toEqual([
      [
        { enabled: true, minMinor: 2_000 },
        { enabled: true, minMinor: 5_000 },
      ],
    ]);
    for (const bad of [{ enabled: true, minMinor: -1 }, { enabled: true, minMinor: 12.5 }, { enabled: 'yes', minMinor: 100 }, { enabled: true }]) {
      const r = await s.reg.call('fraud.updateSettings', { thresholds: { ...thresholds, handover_difference: bad } } as never);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
    }
    expect(entriesOf(s, 'fraud.settings_changed')).toHaveLength(1);
    expect((await s.reg.must('fraud.settings', {})).thresholds.handover_difference).toEqual({ enabled: true, minMinor: 5_000 });

    // ¥49.90 short under a ¥50.00 amount: quiet; ¥50.00: flagged.
    await handOver(s, 'cashier', 51_000, 'cashier', 46_010);
    expect(raised(s)).toEqual([]);
    await handOver(s, 'cashier', 46_010, 'cashier', 41_010);
    expect(raised(s).map((e) => e.data.params.differenceMinor)).toEqual([-5_000]);

    // Switched off: quiet, however much is missing.
    await s.as('owner');
    await s.reg.must('fraud.updateSettings', { thresholds: { ...thresholds, handover_difference: { enabled: false, minMinor: 5_000 } } });
    await handOver(s, 'cashier', 41_010, 'cashier', 21_010);
    expect(raised(s)).toHaveLength(1);
    expect(storedDrafts(s.reg.db)).toEqual(recomputed(s));
  });
});
