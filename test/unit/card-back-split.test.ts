import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitForCard } from '../../main/exchange/card-back-exchange';
import type { PlannedPart } from '../../main/refund/refund-booking';

const card = (paymentId: number, amountMinor: number): PlannedPart => ({ paymentId, method: 'card', amountMinor });
const cash = (paymentId: number, amountMinor: number): PlannedPart => ({ paymentId, method: 'cash', amountMinor });
const scan = (paymentId: number, amountMinor: number): PlannedPart => ({ paymentId, method: 'scan', amountMinor });

describe('an exchange difference split for the card', () => {
  it('goods paid by card: the exact difference to the card, the rest pays the new goods', () => {
    expect(splitForCard([card(1, 1200)], 450, 10)).toEqual({
      creditMinor: 1200,
      saleTotalMinor: 450,
      toCardMinor: 750,
      cashMinor: 0,
      keptMinor: 450,
      parts: [cash(1, 450), card(1, 750)],
    });
  });

  it('goods paid part in cash: the card takes all it can, the rest goes in cash rounded to the coins, out of the cash paid', () => {
    expect(splitForCard([cash(1, 6000), card(2, 4000)], 253, 10)).toMatchObject({
      toCardMinor: 4000,
      cashMinor: 5750,
      keptMinor: 250,
      parts: [cash(1, 250), cash(1, 5750), card(2, 4000)],
    });
  });

  it('never turns payment-code money into cash (that needs a supervisor, on the cash path), nor offers a card that paid nothing', () => {
    expect(splitForCard([scan(1, 6000), card(2, 4000)], 253, 10)).toBeNull();
    expect(splitForCard([cash(1, 1200)], 450, 10)).toBeNull();
    // New goods that cost at least as much: nothing goes back.
    expect(splitForCard([card(1, 1200)], 1200, 10)).toBeNull();
  });

  it('every part is split whole, nothing is given twice, and what pays the new goods is their total within half a coin (property)', () => {
    const part = fc.record({ method: fc.constantFrom<'cash' | 'card' | 'scan'>('cash', 'card', 'scan'), amountMinor: fc.integer({ min: 1, max: 50_000 }) });
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom(0, 1, 10, 50, 100),
        (raw, total, step) => {
          const parts = raw.map((p, i) => ({ ...p, paymentId: i + 1 }));
          const split = splitForCard(parts, total, step);
          if (split === null) return;
          const sum = (ps: readonly PlannedPart[]) => ps.reduce((s, p) => s + p.amountMinor, 0);
          expect(sum(split.parts)).toBe(sum(parts));
          for (const p of parts) expect(sum(split.parts.filter((q) => q.paymentId === p.paymentId))).toBe(p.amountMinor);
          const backToCard = split.parts.filter((p) => p.method === 'card');
          expect(sum(backToCard)).toBe(split.toCardMinor);
          // Card money only ever goes back to its card; cash back only out of what was paid in cash.
          for (const p of backToCard) expect(parts.find((q) => q.paymentId === p.paymentId)?.method).toBe('card');
          expect(split.cashMinor).toBeLessThanOrEqual(sum(parts.filter((p) => p.method === 'cash')));
          expect(split.keptMinor).toBe(sum(parts) - split.toCardMinor - split.cashMinor);
          expect(Math.abs(split.keptMinor - total) * 2).toBeLessThanOrEqual(Math.max(step, 1));
          if (step > 1) expect(split.cashMinor % step).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
