import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTotal, denominationsFor } from '../../main/shift/denominations';
import { expectedCash, overShort } from '../../main/shift/expected-cash';
import { ServiceError } from '../../main/common/service-error';

describe('denominations and counts', () => {
  it('counts CNY in 100, 50, 20, 10, 5, 1 yuan and 5, 1 jiao unless the store set its own', () => {
    expect(denominationsFor('CNY', [])).toEqual([10000, 5000, 2000, 1000, 500, 100, 50, 10]);
    expect(denominationsFor('CNY', [100, 10000, 100, 50])).toEqual([10000, 100, 50]);
    expect(denominationsFor('EUR', [])[0]).toBe(50000);
  });

  it('adds a count up by denomination and refuses one the store does not use or one counted twice', () => {
    const allowed = denominationsFor('CNY', []);
    expect(
      countTotal(
        [
          { denominationMinor: 10, count: 3 },
          { denominationMinor: 10000, count: 2 },
        ],
        allowed,
      ),
    ).toEqual({
      counts: [
        { denominationMinor: 10000, count: 2 },
        { denominationMinor: 10, count: 3 },
      ],
      totalMinor: 20_030,
    });
    for (const bad of [
      [{ denominationMinor: 200, count: 1 }],
      [
        { denominationMinor: 100, count: 1 },
        { denominationMinor: 100, count: 1 },
      ],
    ]) {
      expect(() => countTotal(bad, allowed)).toThrow(ServiceError);
    }
  });
});

describe('the expected cash', () => {
  const terms = fc.record({
    floatMinor: fc.nat(1e7),
    cashTakenMinor: fc.nat(1e8),
    changeGivenMinor: fc.nat(1e7),
    paidInMinor: fc.nat(1e6),
    floatTopUpMinor: fc.nat(1e6),
    paidOutMinor: fc.nat(1e6),
    safeDropMinor: fc.nat(1e7),
    cashRefundsMinor: fc.nat(1e6),
    cashVoidsMinor: fc.nat(1e6),
  });

  it('adds the float, cash in and paid-in/top-ups, and takes off change, paid-out, drops, refunds and voids, each term as given', () => {
    expect(
      expectedCash({
        floatMinor: 50_000,
        cashTakenMinor: 10_000,
        changeGivenMinor: 1_000,
        paidInMinor: 300,
        floatTopUpMinor: 200,
        paidOutMinor: 150,
        safeDropMinor: 5_000,
        cashRefundsMinor: 40,
        cashVoidsMinor: 10,
      }).expectedMinor,
    ).toBe(50_000 + 10_000 - 1_000 + 300 + 200 - 150 - 5_000 - 40 - 10);
    fc.assert(
      fc.property(terms, fc.constantFrom('floatMinor' as const, 'cashTakenMinor' as const, 'paidInMinor' as const, 'floatTopUpMinor' as const), (t, plus) => {
        // One more fen in a term that adds is one more expected; the terms themselves are returned untouched.
        const base = expectedCash(t);
        expect(expectedCash({ ...t, [plus]: t[plus] + 1 }).expectedMinor).toBe(base.expectedMinor + 1);
        expect(base).toMatchObject(t);
      }),
    );
    fc.assert(
      fc.property(
        terms,
        fc.constantFrom('changeGivenMinor' as const, 'paidOutMinor' as const, 'safeDropMinor' as const, 'cashRefundsMinor' as const, 'cashVoidsMinor' as const),
        (t, minus) => {
          expect(expectedCash({ ...t, [minus]: t[minus] + 1 }).expectedMinor).toBe(expectedCash(t).expectedMinor - 1);
        },
      ),
    );
  });

  it('records over and short as they are: counted minus expected', () => {
    const e = expectedCash({
      floatMinor: 100,
      cashTakenMinor: 0,
      changeGivenMinor: 0,
      paidInMinor: 0,
      floatTopUpMinor: 0,
      paidOutMinor: 0,
      safeDropMinor: 0,
      cashRefundsMinor: 0,
      cashVoidsMinor: 0,
    });
    expect(overShort(150, e)).toBe(50);
    expect(overShort(50, e)).toBe(-50);
    expect(overShort(100, e)).toBe(0);
  });
});
