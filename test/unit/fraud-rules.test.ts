// Each rule against generated journal streams at the edge of its thresholds: one entry short of
// the pattern stays quiet, the entry that completes it raises exactly one alert. The streams are
// journal entries as the register writes them, judged by the recomputation (the same rules the
// live watch runs; the live path is compared with it in test/integration/fraud-watch.test.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAUD_THRESHOLDS } from '../../main/fraud/fraud-defaults';
import { T0, MIN, Stream, rules, lastSeq } from '../support/journal-stream';

describe('small sales burst (5 sales under 5.00 within 10 minutes)', () => {
  it('raises per register and per operator when the fifth comes exactly at the window edge', () => {
    const s = new Stream();
    for (let i = 0; i < 4; i++) s.sale(T0 + i * MIN, 499);
    expect(s.alerts()).toEqual([]);
    s.sale(T0 + 10 * MIN, 499);
    const alerts = s.alerts();
    expect(rules(alerts)).toEqual(['small_sales_burst/register', 'small_sales_burst/operator']);
    expect(alerts[0]?.documentIds).toEqual(['doc-1', 'doc-2', 'doc-3', 'doc-4', 'doc-5']);
    expect(alerts[0]?.seqs).toEqual([1, 2, 3, 4, 5]);
    expect(alerts[0]?.triggerSeq).toBe(5);
    expect(alerts[0]?.params).toMatchObject({ count: 5, limitCount: 5, underMinor: 500, windowMinutes: 10 });
  });

  it('stays quiet one millisecond past the window, at the amount limit, or at four sales', () => {
    const late = new Stream();
    for (let i = 0; i < 4; i++) late.sale(T0 + i * MIN, 499);
    late.sale(T0 + 10 * MIN + 1, 499);
    expect(late.alerts()).toEqual([]);

    const atLimit = new Stream();
    for (let i = 0; i < 4; i++) atLimit.sale(T0 + i * MIN, 499);
    atLimit.sale(T0 + 5 * MIN, 500);
    expect(atLimit.alerts()).toEqual([]);
  });

  it('counts per operator: two cashiers with three each raise for the register only', () => {
    const s = new Stream();
    for (let i = 0; i < 3; i++) {
      s.sale(T0 + i * MIN, 100, 3);
      s.sale(T0 + i * MIN + 1, 100, 4);
    }
    expect(rules(s.alerts())).toEqual(['small_sales_burst/register']);
  });

  it('raises once per window while the burst goes on, and again after a whole window', () => {
    const s = new Stream();
    for (let i = 0; i < 8; i++) s.sale(T0 + i * MIN, 100);
    expect(s.alerts()).toHaveLength(2);
    for (let i = 0; i < 5; i++) s.sale(T0 + 15 * MIN + i * MIN, 100);
    expect(s.alerts()).toHaveLength(4);
  });
});

describe('large sales in a short window (sales of 500.00 and more: 3, or 3000.00 in all, within 30 minutes)', () => {
  it('raises on the third large sale within the window, not on the second', () => {
    const s = new Stream();
    s.sale(T0, 50_000);
    s.sale(T0 + 10 * MIN, 60_000);
    s.sale(T0 + 20 * MIN, 49_999);
    expect(s.alerts()).toEqual([]);
    s.sale(T0 + 30 * MIN, 50_000);
    const [alert] = s.alerts();
    expect(alert).toMatchObject({ rule: 'large_sales_window', params: { count: 3, sumMinor: 160_000 } });
  });

  it('raises on the sum at exactly its limit, and not a minor unit below it', () => {
    const below = new Stream();
    below.sale(T0, 150_000);
    below.sale(T0 + MIN, 149_999);
    expect(below.alerts()).toEqual([]);
    const at = new Stream();
    at.sale(T0, 150_000);
    at.sale(T0 + MIN, 150_000);
    expect(rules(at.alerts())).toEqual(['large_sales_window/register']);
  });

  it('forgets a large sale older than the window', () => {
    const s = new Stream();
    s.sale(T0, 50_000);
    s.sale(T0 + 10 * MIN, 50_000);
    s.sale(T0 + 30 * MIN + 1, 50_000);
    expect(s.alerts()).toEqual([]);
  });
});

describe('repeated card declines (3 within 10 minutes), per masked card and per operator', () => {
  it('raises for the card and the operator on the third decline', () => {
    const s = new Stream();
    s.decline(T0, 1, 3, '4711********1234');
    s.decline(T0 + MIN, 2, 3, '4711********1234');
    expect(s.alerts()).toEqual([]);
    s.decline(T0 + 10 * MIN, 3, 3, '4711********1234');
    expect(rules(s.alerts())).toEqual(['card_declines/card', 'card_declines/operator']);
  });

  it('three cards declined for one cashier raise for the cashier only; one card with three cashiers for the card only', () => {
    const cashier = new Stream();
    cashier.decline(T0, 1, 3, '1111********0001');
    cashier.decline(T0 + MIN, 2, 3, '1111********0002');
    cashier.decline(T0 + 2 * MIN, 3, 3, null);
    expect(rules(cashier.alerts())).toEqual(['card_declines/operator']);
    const card = new Stream();
    card.decline(T0, 1, 3, '1111********0001');
    card.decline(T0 + MIN, 2, 4, '1111********0001');
    card.decline(T0 + 2 * MIN, 3, 5, '1111********0001');
    expect(rules(card.alerts())).toEqual(['card_declines/card']);
  });
});

describe('corrections', () => {
  it('a refund without a receipt raises; one with a receipt by another operator does not', () => {
    const s = new Stream();
    const sale = s.sale(T0, 1_000, 3);
    s.refund(T0 + MIN, 1_000, 2, sale);
    expect(s.alerts()).toEqual([]);
    s.refund(T0 + 2 * MIN, 800, 2, null);
    const [alert] = s.alerts();
    expect(alert).toMatchObject({ rule: 'refund_without_receipt', scope: { kind: 'document', documentId: 'doc-3' }, params: { totalMinor: 800 } });
  });

  it('a refund by the operator who rang the sale up raises', () => {
    const s = new Stream();
    const sale = s.sale(T0, 1_000, 3);
    s.refund(T0 + MIN, 500, 3, sale);
    expect(rules(s.alerts())).toEqual(['same_operator_refund/document']);
  });

  it('cash back for a card sale raises; card back for a card sale and cash back for a cash sale do not', () => {
    const s = new Stream();
    const card = s.sale(T0, 2_000, 3, { payments: [{ method: 'card', amountMinor: 2_000 }] });
    const cash = s.sale(T0, 2_000, 3);
    s.refund(T0 + MIN, 2_000, 2, card, 'card');
    s.refund(T0 + MIN, 2_000, 2, cash, 'cash');
    expect(s.alerts()).toEqual([]);
    s.refund(T0 + 2 * MIN, 1_000, 2, card, 'cash');
    expect(s.alerts()).toMatchObject([{ rule: 'cash_refund_of_card_sale', params: { cashMinor: 1_000 } }]);
  });

  it('a void after payment raises, above its minimum only', () => {
    const s = new Stream();
    s.settings({ ...DEFAULT_FRAUD_THRESHOLDS, void_after_payment: { enabled: true, minMinor: 1_000 }, same_operator_refund: { enabled: false, minMinor: 0 } });
    const a = s.sale(T0, 999);
    const b = s.sale(T0, 1_000);
    s.void(T0 + MIN, a, 999);
    expect(s.alerts()).toEqual([]);
    s.void(T0 + MIN, b, 1_000);
    expect(rules(s.alerts())).toEqual(['void_after_payment/document']);
  });
});

describe('the minimum of each correction rule (10.00 here): one minor unit short stays quiet, at it raises', () => {
  const withMin = (rule: 'refund_without_receipt' | 'cash_refund_of_card_sale' | 'same_operator_refund') => ({
    ...DEFAULT_FRAUD_THRESHOLDS,
    [rule]: { enabled: true, minMinor: 1_000 },
  });

  it('refund without a receipt', () => {
    const s = new Stream().settings(withMin('refund_without_receipt'));
    s.refund(T0, 999, 2, null);
    expect(s.alerts()).toEqual([]);
    s.refund(T0 + MIN, 1_000, 2, null);
    expect(s.alerts()).toMatchObject([{ rule: 'refund_without_receipt', params: { totalMinor: 1_000 }, triggerSeq: lastSeq(s) }]);
  });

  it('cash back for a card sale, counted on the cash paid back', () => {
    const s = new Stream().settings(withMin('cash_refund_of_card_sale'));
    const card = s.sale(T0, 5_000, 3, { payments: [{ method: 'card', amountMinor: 5_000 }] });
    s.refund(T0 + MIN, 999, 2, card, 'cash');
    expect(s.alerts()).toEqual([]);
    s.refund(T0 + 2 * MIN, 1_000, 2, card, 'cash');
    expect(s.alerts()).toMatchObject([{ rule: 'cash_refund_of_card_sale', params: { cashMinor: 1_000 }, triggerSeq: lastSeq(s) }]);
  });

  it('a refund by the operator who rang the sale up', () => {
    const s = new Stream().settings(withMin('same_operator_refund'));
    const sale = s.sale(T0, 5_000, 3);
    s.refund(T0 + MIN, 999, 3, sale);
    expect(s.alerts()).toEqual([]);
    s.refund(T0 + 2 * MIN, 1_000, 3, sale);
    expect(s.alerts()).toMatchObject([{ rule: 'same_operator_refund', params: { totalMinor: 1_000 }, triggerSeq: lastSeq(s) }]);
  });
});

describe('no-sale drawer openings (3 within 60 minutes per operator)', () => {
  it('raises on the third within the hour, not when the first is older', () => {
    const s = new Stream();
    s.noSale(T0);
    s.noSale(T0 + 30 * MIN);
    s.noSale(T0 + 60 * MIN + 1);
    expect(s.alerts()).toEqual([]);
    s.noSale(T0 + 61 * MIN);
    expect(s.alerts()).toMatchObject([{ rule: 'no_sale_openings', scope: { kind: 'operator', operatorId: 3 }, triggerSeq: lastSeq(s) }]);
  });
});

describe('refused cash-outs (2 within 60 minutes per operator)', () => {
  it("raises once on one operator's second refusal within the hour, with the refusals as evidence; off, it raises none", () => {
    const s = new Stream();
    s.refusedCashOut(T0, 50_000);
    s.refusedCashOut(T0 + 60 * MIN + 1, 40_000);
    s.refusedCashOut(T0 + 61 * MIN, 30_000, 4);
    expect(s.alerts()).toEqual([]);
    s.refusedCashOut(T0 + 62 * MIN, 20_000);
    s.refusedCashOut(T0 + 63 * MIN, 10_000);
    const expected = { rule: 'cash_out_refusals', scope: { kind: 'operator', operatorId: 3 }, seqs: [2, 4], params: { count: 2, sumMinor: 60_000 } };
    expect(s.alerts()).toMatchObject([{ ...expected, triggerSeq: 4, documentIds: [] }]);
    const off = new Stream().settings({ ...DEFAULT_FRAUD_THRESHOLDS, cash_out_refusals: { enabled: false, count: 2, windowMinutes: 60 } });
    off.refusedCashOut(T0, 1);
    off.refusedCashOut(T0 + MIN, 1);
    expect(off.alerts()).toEqual([]);
  });
});

describe("discounts and price overrides above a share of the day's sales (10 % of 100.00 or more)", () => {
  it('raises once a day when the share goes above the limit, not at it', () => {
    const s = new Stream();
    s.sale(T0, 9_000, 3, { discountMinor: 1_000 });
    expect(s.alerts()).toEqual([]);
    s.sale(T0 + MIN, 1, 3, { discountMinor: 1 });
    expect(s.alerts()).toMatchObject([{ rule: 'discount_share', params: { limitBp: 1_000, discountMinor: 1_001, beforeDiscountMinor: 10_002 } }]);
    s.sale(T0 + 2 * MIN, 1_000, 3, { discountMinor: 5_000 });
    expect(s.alerts()).toHaveLength(1);
  });

  it('waits for the day to reach its minimum', () => {
    const s = new Stream();
    s.sale(T0, 4_000, 3, { discountMinor: 5_999 });
    expect(s.alerts()).toEqual([]);
    s.sale(T0 + MIN, 1, 3, { discountMinor: 0 });
    s.sale(T0 + 2 * MIN, 1, 3, { discountMinor: 1 });
    expect(rules(s.alerts())).toEqual(['discount_share/register']);
  });

  it('counts what price overrides took off with the discounts: over the limit together, quiet at it', () => {
    const s = new Stream();
    // 9,000 sold after 500 off by discount and 500 by 改价: 1,000 of 10,000 is the limit itself.
    s.sale(T0, 9_000, 3, { discountMinor: 500, overrideMinor: 500 });
    expect(s.alerts()).toEqual([]);
    s.sale(T0 + MIN, 1, 3, { overrideMinor: 1 });
    expect(s.alerts()).toMatchObject([
      { rule: 'discount_share', params: { limitBp: 1_000, discountMinor: 500, overrideMinor: 501, beforeDiscountMinor: 10_002 } },
    ]);
  });

  it('raises on price overrides alone, with no discount all day', () => {
    const s = new Stream();
    s.sale(T0, 8_000, 3, { overrideMinor: 2_000 });
    expect(s.alerts()).toMatchObject([{ rule: 'discount_share', params: { shareBp: 2_000, discountMinor: 0, overrideMinor: 2_000 } }]);
  });
});

describe('sales outside opening hours (when switched on)', () => {
  it('is off by default; on, raises before opening and from closing time on', () => {
    const s = new Stream();
    s.sale(Date.parse('2026-11-29T07:59:00+08:00'), 100_00 - 1);
    expect(s.alerts()).toEqual([]);
    const on = { ...DEFAULT_FRAUD_THRESHOLDS, outside_hours: { enabled: true, opensAtHour: 8, closesAtHour: 22 } };
    const t = new Stream().settings(on);
    t.sale(Date.parse('2026-11-29T08:00:00+08:00'), 1_000);
    t.sale(Date.parse('2026-11-29T21:59:59+08:00'), 1_000);
    expect(t.alerts()).toEqual([]);
    t.sale(Date.parse('2026-11-29T07:59:59+08:00'), 1_000);
    t.sale(Date.parse('2026-11-29T22:00:00+08:00'), 1_000);
    expect(t.alerts().map((a) => a.params.hour)).toEqual([7, 22]);
  });
});

describe('thresholds from the journal', () => {
  it('a rule switched off by fraud.settings_changed raises nothing from then on', () => {
    const s = new Stream();
    s.settings({ ...DEFAULT_FRAUD_THRESHOLDS, refund_without_receipt: { enabled: false, minMinor: 0 } });
    s.refund(T0, 500, 2, null);
    expect(s.alerts()).toEqual([]);
  });
});
