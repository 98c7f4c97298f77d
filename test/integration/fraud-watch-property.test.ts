// What the live fraud watch raised over random days equals a recomputation from the journal alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storedDrafts } from '../../main/fraud/fraud-alerts';
import { DEFAULT_FRAUD_THRESHOLDS } from '../../main/fraud/fraud-defaults';
import type { FraudThresholds } from '../../preload/contract/fraud-views';
import { key, openShop, shanghai } from '../support/day-close-shop';
import { DAY, recomputed, printToFile, approval } from '../support/fraud-shop';
import { handOver } from '../support/handover-counts';

const WATER = '6901234567892'; // 2.00 in the demo catalog

describe('property: the live verdicts equal a recomputation from the journal alone', () => {
  type Op =
    | { kind: 'sale'; price: number; discountBp: number; overrideTo: number | null; who: 'cashier' | 'supervisor' }
    | { kind: 'refund'; pick: number; who: 'cashier' | 'supervisor' }
    | { kind: 'noReceipt'; amount: number }
    | { kind: 'void'; pick: number }
    | { kind: 'nosale' }
    | { kind: 'cashOut'; amount: number; who: 'cashier' | 'supervisor' }
    | { kind: 'handover'; differenceMinor: number; closer: 'cashier' | 'supervisor'; opener: 'cashier' | 'supervisor' };
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant('sale' as const),
        price: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 40_000, max: 200_000 })),
        discountBp: fc.constantFrom(0, 0, 0, 1500),
        // 改价 of a catalog line (water at 2.00, three of them): down, down to nothing, or up.
        overrideTo: fc.constantFrom(null, null, null, 150, 0, 260),
        who: fc.constantFrom('cashier' as const, 'supervisor' as const),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), who: fc.constantFrom('cashier' as const, 'supervisor' as const) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('noReceipt' as const), amount: fc.integer({ min: 1, max: 5_000 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'nosale' as const }) },
    // A paid-out far beyond any drawer these days fill: always refused, and journalled as such.
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('cashOut' as const),
        amount: fc.integer({ min: 50_000_000, max: 99_999_999 }),
        who: fc.constantFrom('cashier' as const, 'supervisor' as const),
      }),
    },
    // A close and the next open counting a float that differs by this much (0: the same), around the threshold.
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('handover' as const),
        differenceMinor: fc.constantFrom(0, -10, -1_990, -2_000, -2_010, 2_000, -5_000, 3_000),
        closer: fc.constantFrom('cashier' as const, 'supervisor' as const),
        opener: fc.constantFrom('cashier' as const, 'supervisor' as const),
      }),
    },
  );
  const thresholds: fc.Arbitrary<FraudThresholds> = fc
    .record({
      count: fc.integer({ min: 2, max: 4 }),
      window: fc.integer({ min: 3, max: 30 }),
      share: fc.integer({ min: 100, max: 2_000 }),
      handover: fc.constantFrom(0, 2_000, 3_000),
    })
    .map(({ count, window, share, handover }) => ({
      ...DEFAULT_FRAUD_THRESHOLDS,
      small_sales_burst: { enabled: true, count, underMinor: 300, windowMinutes: window },
      large_sales_window: { enabled: true, largeSaleMinor: 50_000, count, sumMinor: 250_000, windowMinutes: window },
      no_sale_openings: { enabled: true, count, windowMinutes: window },
      cash_out_refusals: { enabled: true, count, windowMinutes: window },
      discount_share: { enabled: true, shareBp: share, minDaySalesMinor: 1_000 },
      outside_hours: { enabled: true, opensAtHour: 9, closesAtHour: 18 },
      handover_difference: { enabled: true, minMinor: handover },
    }));

  const seen = new Set<string>();
  /**
   * A refund or void of a sale rung up before a handover can ask the new shift's drawer for more
   * cash than it holds: refused (and journalled) as at the till, which is part of the day; any other
   * refusal fails the run.
   */
  const refusedForCash = (r: { ok: boolean; error?: { code: string } }): boolean => {
    if (r.ok) return false;
    if (r.error?.code.startsWith('refund.cash_over_drawer')) return true;
    throw new Error(`refused: ${JSON.stringify(r.error)}`);
  };

  it('over random days of sales, corrections, drawer openings, refused cash-outs and shift handovers', async () => {
    await fc.assert(
      fc.asyncProperty(thresholds, fc.array(fc.tuple(op, fc.integer({ min: 0, max: 240 })), { minLength: 10, maxLength: 30 }), async (th, ops) => {
        const s = await openShop(shanghai(DAY, '08:30'));
        try {
          await printToFile(s);
          await s.reg.must('fraud.updateSettings', { thresholds: th });
          const sold: { saleId: string; receiptNo: number }[] = [];
          let who: 'cashier' | 'supervisor' | 'owner' = 'owner';
          const login = async (w: 'cashier' | 'supervisor') => {
            if (who !== w) await s.as(w);
            who = w;
          };
          for (const [o, seconds] of ops) {
            s.clock.now += seconds * 1000;
            if (o.kind === 'sale') {
              await login(o.who);
              const saleId = await s.sale([o.price]);
              if (o.overrideTo !== null) {
                const withWater = await s.reg.must('sale.addProduct', { saleId, code: WATER, qtyMilli: 3000 });
                const lineId = withWater.lines.at(-1)?.id ?? 0;
                await s.reg.must('sale.overridePrice', { saleId, lineId, unitPriceMinor: o.overrideTo, reason: 'other', approval: approval(s) });
                seen.add('override');
              }
              if (o.discountBp)
                await s.reg.must('sale.setOrderDiscount', { saleId, discount: { kind: 'percent', rateBp: o.discountBp }, approval: approval(s) });
              const view = await s.reg.must('sale.current', {});
              const done = await s.reg.must('sale.tenderCash', { saleId, tenderedMinor: view.totals.totalMinor, idempotencyKey: key() });
              sold.push({ saleId, receiptNo: done.receiptNo ?? 0 });
            } else if (o.kind === 'refund' && sold.length > 0) {
              await login(o.who);
              const pick = sold[o.pick % sold.length] as { saleId: string; receiptNo: number };
              const found = await s.reg.must('refund.find', { code: String(pick.receiptNo) });
              const line = found.lines.find((l) => l.soldQtyMilli > l.returnedQtyMilli);
              if (!line || found.corrections.some((c) => c.kind === 'void')) continue;
              const r = await s.reg.call('refund.withReceipt', {
                saleId: pick.saleId,
                lines: [{ lineId: line.lineId, qtyMilli: line.soldQtyMilli - line.returnedQtyMilli, restock: true }],
                reason: 'defective',
                approval: approval(s),
                idempotencyKey: key(),
              });
              seen.add(refusedForCash(r) ? 'refundRefused' : 'refund');
            } else if (o.kind === 'noReceipt') {
              await login('cashier');
              const r = await s.reg.call('refund.withoutReceipt', {
                lines: [{ name: '退货', qtyMilli: 1000, unitPriceMinor: o.amount, taxRateBp: 1300, restock: true }],
                reason: 'not_wanted',
                approval: approval(s),
                idempotencyKey: key(),
              });
              if (r.ok) seen.add('noReceipt');
            } else if (o.kind === 'void' && sold.length > 0) {
              await login('supervisor');
              const pick = sold[o.pick % sold.length] as { saleId: string; receiptNo: number };
              const found = await s.reg.must('refund.find', { code: String(pick.receiptNo) });
              if (!found.voidable) continue;
              const r = await s.reg.call('void.sale', { saleId: pick.saleId, reason: 'cashier_error', idempotencyKey: key() });
              seen.add(refusedForCash(r) ? 'voidRefused' : 'void');
            } else if (o.kind === 'nosale') {
              await login('cashier');
              await s.reg.must('drawer.open', { reason: 'change', approval: approval(s) });
            } else if (o.kind === 'cashOut') {
              await login(o.who);
              const r = await s.reg.call('cash.move', { kind: 'paid_out', amountMinor: o.amount, reason: '试探', idempotencyKey: key() });
              if (!r.ok) seen.add('cashOutRefused');
            } else if (o.kind === 'handover') {
              // The closer counts ¥510.00 whatever the drawer should hold; the opener counts it off by the difference.
              await handOver(s, o.closer, 51_000, o.opener, 51_000 + o.differenceMinor);
              who = o.opener;
              if (o.differenceMinor !== 0) seen.add('handover');
            }
          }
          const live = storedDrafts(s.reg.db);
          for (const a of live) seen.add(a.rule);
          expect(live).toEqual(recomputed(s));
        } finally {
          s.reg.cleanup();
        }
      }),
      { numRuns: 8, seed: 20261129 },
    );
    // The runs must have exercised the rules, not passed by raising nothing.
    expect([...seen].filter((r) => r.includes('_')).length).toBeGreaterThanOrEqual(5);
    expect(seen).toContain('override');
    expect(seen).toContain('cash_out_refusals');
    expect(seen).toContain('handover_difference');
  }, 240_000);
});
