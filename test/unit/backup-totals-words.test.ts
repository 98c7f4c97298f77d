// A bundle whose day totals disagree with its manifest (main/backup/verify-bundle.ts throws
// totals_mismatch with facts {day, field}) is explained in the owner's words: the figure is named
// as a bookkeeper says it, never by its place in the manifest (kinds.sale.totalMinor).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleProblemView } from '../../preload/contract/backup-views';
import { bundleProblemText } from '../../renderer/src/screens/backup/bundle-problem';

const locale = (lang: string) => JSON.parse(readFileSync(join(__dirname, '../../assets/locales', lang, 'ui.json'), 'utf8')) as Record<string, string>;

async function translator(lang: string): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { translation: locale(lang) } }, keySeparator: false, interpolation: { escapeValue: false } });
  return i18n.t;
}

const mismatch = (field: string): BundleProblemView => ({
  code: 'totals_mismatch',
  file: 'documents.csv',
  row: null,
  seq: null,
  detail: `2026-11-30 ${field}`,
  reason: 'totals',
  facts: { day: '2026-11-30', field },
});

/** Anything of the manifest's own naming: a group, a figure's field name, a camel-cased word. */
const INTERNAL = /kinds|payments|documents\b(?!\.csv)|Minor|count\b|[a-z][A-Z]/;

let zh: TFunction;
let en: TFunction;
beforeAll(async () => {
  zh = await translator('zh-CN');
  en = await translator('en');
});

describe('day totals that differ from the manifest', () => {
  it.each([
    ['kinds.sale.totalMinor', '销售单的合计'],
    ['kinds.refund.taxMinor', '退货退款单的税额'],
    ['kinds.void.count', '撤销单的张数'],
    ['kinds.void', '撤销单的记录'],
    ['kinds.sale.training.totalMinor', '销售单（练习）的合计'],
    ['payments.cash.amountMinor', '现金付款的金额'],
    ['payments.card.training.count', '银行卡付款（练习）的笔数'],
    ['documents', '单据数'],
    ['day', '当天的记录'],
  ])('%s is said as 「%s」', (field, words) => {
    const text = bundleProblemText(mismatch(field), zh);
    expect(text).toBe(`documents.csv 的每日合计与清单不符：2026-11-30，${words}不一致。`);
    expect(text.replace('documents.csv', '')).not.toMatch(INTERNAL);
  });

  it('in English, whole words too', () => {
    expect(bundleProblemText(mismatch('kinds.sale.totalMinor'), en)).toBe(
      'the day totals of documents.csv differ from the manifest: 2026-11-30, the total of sales does not match.',
    );
    expect(bundleProblemText(mismatch('payments.scan.training.count'), en)).toBe(
      'the day totals of documents.csv differ from the manifest: 2026-11-30, the number of scan-to-pay payments (training) does not match.',
    );
  });

  it('a figure this screen does not know is "one of the figures", not its name', () => {
    for (const field of ['kinds.exchange.totalMinor', 'kinds.sale.grossMinor', 'payments.cash.taxMinor', 'weird', 'kinds.sale.training.count.extra', '']) {
      for (const t of [zh, en]) {
        const text = bundleProblemText(mismatch(field), t);
        expect(text, field).toMatch(/其中一项数字|one of the figures/);
        expect(text.replace('documents.csv', ''), field).not.toMatch(INTERNAL);
        if (field) expect(text, field).not.toContain(field);
      }
    }
  });
});
