import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustmentShare, breaksWholePieces, countedInPieces, returnShare, tenderPlan, type SoldLine } from '../../main/refund/refund-math';

const line = (over: Partial<SoldLine> = {}): SoldLine => ({
  lineId: 1,
  qtyMilli: 3000,
  totalMinor: 1000,
  taxMinor: 115,
  returnedQtyMilli: 0,
  refundedMinor: 0,
  refundedTaxMinor: 0,
  ...over,
});

function take(sold: SoldLine, qty: number): SoldLine {
  const s = returnShare(sold, qty);
  if ('problem' in s) throw new Error('refused');
  return {
    ...sold,
    returnedQtyMilli: sold.returnedQtyMilli + qty,
    refundedMinor: sold.refundedMinor + s.totalMinor,
    refundedTaxMinor: sold.refundedTaxMinor + s.taxMinor,
  };
}

describe('refund shares', () => {
  it('gives back shares of what was paid, the last share exactly the rest', () => {
    expect(returnShare(line(), 1000)).toEqual({ totalMinor: 333, taxMinor: 38 });
    const after = take(take(line(), 1000), 1000);
    expect(returnShare(after, 1000)).toEqual({ totalMinor: 1000 - 333 - 334, taxMinor: 115 - 38 - 39 });
  });

  it('refuses more than is left', () => {
    expect(returnShare(take(line(), 2000), 1500)).toEqual({ problem: 'exceeds_original', maxQtyMilli: 1000, maxMinor: 333 });
    expect(returnShare(line(), 0)).toMatchObject({ problem: 'exceeds_original' });
    expect(adjustmentShare(line({ refundedMinor: 900 }), 101)).toEqual({ problem: 'exceeds_original', maxQtyMilli: 3000, maxMinor: 100 });
  });

  it('in any steps, returning everything gives back exactly the line total and tax, and never more on the way', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 1, max: 5000 }), { maxLength: 2 }),
        (qtyMilli, totalMinor, taxBp, steps, adjustments) => {
          const taxMinor = Math.floor((totalMinor * taxBp) / 10_000);
          let sold = line({ qtyMilli, totalMinor, taxMinor });
          for (const a of adjustments) {
            const s = adjustmentShare(sold, Math.min(a, sold.totalMinor - sold.refundedMinor));
            if (!('problem' in s)) sold = { ...sold, refundedMinor: sold.refundedMinor + s.totalMinor, refundedTaxMinor: sold.refundedTaxMinor + s.taxMinor };
          }
          for (const step of steps) {
            const left = sold.qtyMilli - sold.returnedQtyMilli;
            if (left === 0) break;
            sold = take(sold, Math.min(step, left));
            expect(sold.refundedMinor).toBeLessThanOrEqual(totalMinor);
            expect(sold.refundedTaxMinor).toBeLessThanOrEqual(taxMinor);
          }
          const left = sold.qtyMilli - sold.returnedQtyMilli;
          if (left > 0) sold = take(sold, left);
          expect(sold.refundedMinor).toBe(totalMinor);
          expect(sold.refundedTaxMinor).toBe(taxMinor);
        },
      ),
    );
  });
});

describe('refund tenders', () => {
  const split = [
    { paymentId: 1, method: 'card' as const, amountMinor: 2000, refundedMinor: 0 },
    { paymentId: 2, method: 'cash' as const, amountMinor: 1000, refundedMinor: 0 },
  ];

  it('gives card parts back to the card first, then cash', () => {
    expect(tenderPlan(split, 2500, { toCash: false, final: false, cashStep: 0 })).toEqual({
      parts: [
        { paymentId: 1, method: 'card', amountMinor: 2000 },
        { paymentId: 2, method: 'cash', amountMinor: 500 },
      ],
      roundingMinor: 0,
    });
  });

  it('pays the card part in cash when told, still counting it against the card payment', () => {
    expect(tenderPlan(split, 1500, { toCash: true, final: false, cashStep: 0 }).parts).toEqual([{ paymentId: 1, method: 'cash', amountMinor: 1500 }]);
  });

  it('rounds the cash handed over like a sale, and the final refund gives back exactly what is left', () => {
    const cash = [{ paymentId: 7, method: 'cash' as const, amountMinor: 1000, refundedMinor: 0 }];
    expect(tenderPlan(cash, 333, { toCash: false, final: false, cashStep: 10 })).toEqual({
      parts: [{ paymentId: 7, method: 'cash', amountMinor: 330 }],
      roundingMinor: -3,
    });
    // 9.98 paid as 10.00 cash (step 0.10): refunding everything gives 10.00 back.
    expect(tenderPlan(cash, 998, { toCash: false, final: true, cashStep: 10 })).toEqual({
      parts: [{ paymentId: 7, method: 'cash', amountMinor: 1000 }],
      roundingMinor: 2,
    });
  });

  it('never gives back more than a payment holds, over any sequence of partial refunds', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 800 }), { minLength: 1, maxLength: 6 }), fc.constantFrom(0, 10, 50), (refunds, step) => {
        const payments = split.map((p) => ({ ...p }));
        for (const r of refunds) {
          const plan = tenderPlan(payments, r, { toCash: false, final: false, cashStep: step });
          for (const part of plan.parts) {
            const p = payments.find((x) => x.paymentId === part.paymentId);
            if (!p) throw new Error('unknown payment');
            p.refundedMinor += part.amountMinor;
            expect(p.refundedMinor).toBeLessThanOrEqual(p.amountMinor);
          }
        }
      }),
    );
  });
});

describe('whole pieces', () => {
  it('a line sold in whole pieces takes back whole pieces; a weighed line or one sold in a fraction keeps its decimals', () => {
    const bottles = { soldByWeight: false, qtyMilli: 2000 };
    expect(countedInPieces(bottles)).toBe(true);
    expect([1000, 2000, 1500, 500, 1].map((q) => breaksWholePieces(bottles, q))).toEqual([false, false, true, true, true]);
    expect(breaksWholePieces({ soldByWeight: true, qtyMilli: 1000 }, 250)).toBe(false);
    expect(breaksWholePieces({ soldByWeight: false, qtyMilli: 1500 }, 500)).toBe(false);
  });
});
