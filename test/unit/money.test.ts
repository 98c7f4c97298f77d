import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, mulDivHalfUp, roundToStep } from '../../main/money/integer-math';
import { computeSale, type LineInput } from '../../main/money/sale-totals';
import { cashTender } from '../../main/money/cash-tender';
import { parseDecimalMinor, parsePercentBp } from '../../main/money/parse-decimal';

const discountArb = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant('amount' as const), amountMinor: fc.integer({ min: 0, max: 50_000 }) }),
    fc.record({ kind: fc.constant('percent' as const), rateBp: fc.integer({ min: 0, max: 10_000 }) }),
  ),
  { nil: null },
);
const lineArb: fc.Arbitrary<LineInput> = fc.record({
  qtyMilli: fc.integer({ min: 1, max: 50_000 }),
  unitPriceMinor: fc.integer({ min: 0, max: 100_000 }),
  taxRateBp: fc.constantFrom(0, 600, 900, 1300),
  discount: discountArb,
});

describe('integer money math', () => {
  it('rounds half up', () => {
    expect(mulDivHalfUp(1, 1, 2)).toBe(1); // 0.5 -> 1
    expect(mulDivHalfUp(1, 1, 3)).toBe(0);
    expect(mulDivHalfUp(2, 1, 3)).toBe(1);
    expect(mulDivHalfUp(1150, 1300, 11300)).toBe(132); // 13 % VAT inside 11.50 = 1.3230...
    expect(mulDivHalfUp(350, 1500, 1000)).toBe(525); // 1.5 × 3.50
  });

  it('stays exact past 2^53 in the intermediate product', () => {
    expect(mulDivHalfUp(9_999_999_999, 99_999_000, 1000)).toBe(999_989_999_900_001);
  });

  it('rounds cash to the store step', () => {
    expect(roundToStep(1234, 10)).toBe(1230);
    expect(roundToStep(1235, 10)).toBe(1240);
    expect(roundToStep(1232, 5)).toBe(1230);
    expect(roundToStep(1233, 5)).toBe(1235);
    expect(roundToStep(1233, 0)).toBe(1233);
  });

  it('allocates exactly the total, in proportion', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(10, [0, 0])).toEqual([0, 0]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          const sumW = weights.reduce((a, b) => a + b, 0);
          if (sumW === 0) return parts.every((p) => p === 0);
          return parts.reduce((a, b) => a + b, 0) === total && parts.every((p, i) => p >= 0 && Math.abs(p - (total * (weights[i] ?? 0)) / sumW) < 1 + 1e-9);
        },
      ),
    );
  });

  it('parses decimal text without floats', () => {
    expect(parseDecimalMinor('12.5')).toBe(1250);
    expect(parseDecimalMinor('0.07')).toBe(7);
    expect(parseDecimalMinor('3')).toBe(300);
    for (const bad of ['-1', '1.234', 'abc', '', '1e3', '0x10', '1,50']) expect(parseDecimalMinor(bad)).toBeNull();
    expect(parsePercentBp('13%')).toBe(1300);
    expect(parsePercentBp('6.5')).toBe(650);
    expect(parsePercentBp('101%')).toBeNull();
  });
});

describe('sale totals', () => {
  it('derives tax from tax-inclusive prices per line, rounded half up', () => {
    const sale = computeSale(
      [
        { qtyMilli: 1000, unitPriceMinor: 1150, taxRateBp: 1300, discount: null },
        { qtyMilli: 2000, unitPriceMinor: 380, taxRateBp: 900, discount: null },
      ],
      null,
      true,
    );
    expect(sale.lines.map((l) => l.taxMinor)).toEqual([132, 63]);
    expect(sale.totals.totalMinor).toBe(1910);
    expect(sale.totals.taxBreakdown).toEqual([
      { rateBp: 900, baseMinor: 760, taxMinor: 63 },
      { rateBp: 1300, baseMinor: 1150, taxMinor: 132 },
    ]);
  });

  it('adds tax on top when prices exclude it', () => {
    const sale = computeSale([{ qtyMilli: 1000, unitPriceMinor: 1000, taxRateBp: 1300, discount: null }], null, false);
    expect(sale.totals.totalMinor).toBe(1130);
    expect(sale.totals.taxMinor).toBe(130);
  });

  it('prices weighed goods by thousandths', () => {
    const sale = computeSale([{ qtyMilli: 1235, unitPriceMinor: 980, taxRateBp: 900, discount: null }], null, true);
    expect(sale.totals.totalMinor).toBe(1210); // 1.235 kg × 9.80 = 12.103
  });

  it('holds its invariants for any cart', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 12 }), discountArb, fc.boolean(), (lines, orderDiscount, inclusive) => {
        const sale = computeSale(lines, orderDiscount, inclusive);
        // The document total is the sum of the rounded lines, and so is the tax.
        expect(sale.totals.totalMinor).toBe(sale.lines.reduce((s, l) => s + l.totalMinor, 0));
        expect(sale.totals.taxMinor).toBe(sale.lines.reduce((s, l) => s + l.taxMinor, 0));
        expect(sale.totals.taxBreakdown.reduce((s, b) => s + b.taxMinor, 0)).toBe(sale.totals.taxMinor);
        expect(sale.totals.totalMinor).toBeGreaterThanOrEqual(0);
        for (const [i, l] of sale.lines.entries()) {
          // Discounts never exceed the line, and nothing goes negative.
          expect(l.lineDiscountMinor + l.orderDiscountMinor).toBeLessThanOrEqual(l.grossMinor);
          expect(l.taxMinor).toBeGreaterThanOrEqual(0);
          expect(l.totalMinor).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(l.totalMinor)).toBe(true);
          if (inclusive) expect(l.taxMinor).toBeLessThanOrEqual(l.totalMinor);
          expect(l.grossMinor).toBe(mulDivHalfUp(lines[i]?.unitPriceMinor ?? 0, lines[i]?.qtyMilli ?? 0, 1000));
        }
        expect(sale.totals.discountMinor).toBeLessThanOrEqual(sale.totals.grossMinor);
      }),
      { numRuns: 500 },
    );
  });
});

describe('cash tender', () => {
  it('gives change and refuses nothing when enough is handed over', () => {
    expect(cashTender(1234, 2000, 0)).toEqual({ dueMinor: 1234, roundingMinor: 0, changeMinor: 766, appliedMinor: 1234, completes: true });
  });
  it('rounds the cash due to the store step', () => {
    expect(cashTender(1234, 1230, 10)).toMatchObject({ dueMinor: 1230, roundingMinor: -4, changeMinor: 0, completes: true });
    expect(cashTender(1236, 1240, 10)).toMatchObject({ dueMinor: 1240, roundingMinor: 4, changeMinor: 0, completes: true });
  });
  it('marks less than due as not completing', () => {
    expect(cashTender(1234, 1000, 0)).toMatchObject({ completes: false, appliedMinor: 1000 });
  });
  it('never gives negative change', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), fc.constantFrom(0, 1, 5, 10, 50, 100), (due, tendered, step) => {
        const o = cashTender(due, tendered, step);
        return o.changeMinor >= 0 && (o.completes ? o.appliedMinor + o.changeMinor === tendered : o.appliedMinor === tendered);
      }),
    );
  });
});
