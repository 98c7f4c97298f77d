// A percentage as keyed in the discount dialog and the tax rate editor: a trailing "%" is the
// field's own sign, "150%" is over 100 (not "not a number"), "0.001" and "13.333" have too many
// decimals (not "outside 0 to 100"), and each problem has its sentence in both languages.
import { describe, expect, it } from 'vitest';
import { percentProblemKey, readPercent, typedPercentProblem, withoutPercentSign } from '../../renderer/src/format/percent-input';
import en from '../../assets/locales/en/ui.json';
import zh from '../../assets/locales/zh-CN/ui.json';

describe('percent input', () => {
  it('reads plain and signed percentages as basis points', () => {
    expect(readPercent('10')).toEqual({ ok: true, rateBp: 1000 });
    expect(readPercent('12.5%')).toEqual({ ok: true, rateBp: 1250 });
    expect(readPercent(' 13.33 ％ ')).toEqual({ ok: true, rateBp: 1333 });
    expect(readPercent('１００%')).toEqual({ ok: true, rateBp: 10_000 });
    expect(withoutPercentSign('9 %')).toBe('9');
  });

  it('names the real problem: over 100, too many decimals, not a number, negative', () => {
    expect(readPercent('150%')).toEqual({ ok: false, problem: 'overHundred' });
    expect(readPercent('999')).toEqual({ ok: false, problem: 'overHundred' });
    expect(readPercent('99999999999999999999')).toEqual({ ok: false, problem: 'overHundred' });
    expect(readPercent('0.001')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(readPercent('13.333')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(readPercent('abc')).toEqual({ ok: false, problem: 'notNumber' });
    expect(readPercent('10%%')).toEqual({ ok: false, problem: 'notNumber' });
    expect(readPercent('%10')).toEqual({ ok: false, problem: 'notNumber' });
    expect(readPercent('-10%')).toEqual({ ok: false, problem: 'negative' });
    expect(readPercent('%')).toEqual({ ok: false, problem: 'empty' });
  });

  it('says nothing while a valid percentage is on its way, and the problem once there is one', () => {
    for (const typing of ['', '.', '1', '12.', '12.5', '12.5%']) expect(typedPercentProblem(typing), typing).toBeNull();
    expect(typedPercentProblem('150%')).toBe('overHundred');
    expect(typedPercentProblem('0.001')).toBe('tooManyDecimals');
  });

  it('has a sentence for every problem in both languages', () => {
    const ui = { en: en as Record<string, string>, zh: zh as Record<string, string> };
    expect(ui.zh[percentProblemKey('tooManyDecimals')]).toBe('百分比最多两位小数。');
    expect(ui.en[percentProblemKey('tooManyDecimals')]).toBe('A percentage has at most 2 decimals.');
    expect(ui.zh[percentProblemKey('overHundred')]).toBe('百分比最大为 100%。');
    expect(ui.en[percentProblemKey('overHundred')]).toBe('A percentage can be at most 100%.');
    for (const problem of ['notNumber', 'negative'] as const) {
      expect(ui.zh[percentProblemKey(problem)]).toEqual(expect.any(String));
      expect(ui.en[percentProblemKey(problem)]).toEqual(expect.any(String));
    }
  });
});
