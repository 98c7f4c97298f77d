// An alert's sentence counts in the reader's language: "1 sale", "3 sales" in English (i18next's
// plural forms, picked by the count as a number), one form in Chinese.
import { describe, expect, it } from 'vitest';
import type { FraudAlertView } from '../../preload/contract/fraud-views';
import { explainAlert } from '../../renderer/src/screens/fraud/fraud-explain';
import { uiI18n } from '../support/errors-i18n';

const i18n = uiI18n();
const format = { money: (minor: number) => `¥${(minor / 100).toFixed(2)}`, rate: (bp: number) => `${bp / 100}%` };

function alert(count: number): Pick<FraudAlertView, 'rule' | 'scope' | 'params' | 'operatorName'> {
  return {
    rule: 'large_sales_window',
    scope: { kind: 'register', registerId: 'R1' },
    params: { count, largeSaleMinor: 50_000, sumMinor: count * 60_000, windowMinutes: 30, limitCount: 3, limitSumMinor: 200_000 },
    operatorName: null,
  };
}

describe('the large-sales alert in words', () => {
  it('says 1 sale and 2 sales in English, 笔 in Chinese', async () => {
    await i18n.changeLanguage('en');
    expect(explainAlert(alert(1), i18n.t, format)).toMatch(/^1 sale of ¥500\.00 or more, ¥600\.00 in all, within 30 minutes/);
    expect(explainAlert(alert(2), i18n.t, format)).toMatch(/^2 sales of ¥500\.00 or more, ¥1200\.00 in all/);
    await i18n.changeLanguage('zh-CN');
    expect(explainAlert(alert(1), i18n.t, format)).toMatch(/^30 分钟内有 1 笔 ¥500\.00 及以上的销售，合计 ¥600\.00/);
    expect(explainAlert(alert(2), i18n.t, format)).toMatch(/^30 分钟内有 2 笔 ¥500\.00 及以上的销售/);
  });
});
