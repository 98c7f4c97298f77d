// Every figure of the Z is recomputable from the documents: random days of sales (cash, split
// cash, card, cash + card, discounts, several tax rates), refunds, voids, cash movements, shift
// changes, no-sales and reprints go through the router; then the Z is taken and recomputed here,
// independently, from the completed documents as the document core reads them, the cash
// movements and the journal. The card terminal is the simulator over TCP, so the Z's card
// reconciliation must agree too, and the rollups must sum to the Z.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { defaultPrinterProfile } from '../../main/hardware/printer';
import type { ZReportView } from '../../preload/contract/views';
import { key, openShop, SHANGHAI, shanghai, type Shop } from '../support/day-close-shop';
import { FAST_SIM_TIMEOUTS } from '../support/terminal-sim';
import { until } from '../support/until';
import { recompute } from '../support/z-recompute';
import { liveShift } from '../../main/shift/shift-rows';
import { shiftCashTerms } from '../../main/shift/shift-cash-terms';
import { getSettings } from '../../main/settings/settings';

let sim: TerminalSimulator;
const sink = mkdtempSync(join(tmpdir(), 'ringup-z-print-'));

beforeAll(async () => {
  const started = await TerminalSimulator.startTcp({ port: 0, timeouts: FAST_SIM_TIMEOUTS, currency: CURRENCY.CNY });
  if (!started.ok) throw new Error(started.error.code);
  sim = started.value;
});
afterAll(async () => {
  await sim.stop();
  rmSync(sink, { recursive: true, force: true });
});

type Tender = 'cash_exact' | 'cash_over' | 'split_cash' | 'card' | 'cash_card';
type Op =
  | { kind: 'sale'; lines: { price: number; qty: number; rate: number }[]; tender: Tender; discountBp: number; minutes: number }
  | { kind: 'refund'; pick: number; toCash: boolean; minutes: number }
  | { kind: 'void'; pick: number; minutes: number }
  | { kind: 'move'; move: 'paid_in' | 'paid_out' | 'safe_drop' | 'float_top_up'; amount: number; minutes: number }
  | { kind: 'shift'; hundreds: number; minutes: number }
  | { kind: 'nosale'; minutes: number }
  | { kind: 'reprint'; pick: number; minutes: number };

const minutes = fc.integer({ min: 1, max: 55 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      lines: fc.array(
        fc.record({ price: fc.integer({ min: 1, max: 30_000 }), qty: fc.integer({ min: 1, max: 3 }), rate: fc.constantFrom(0, 600, 900, 1300) }),
        { minLength: 1, maxLength: 3 },
      ),
      tender: fc.constantFrom<Tender>('cash_exact', 'cash_over', 'split_cash', 'card', 'cash_card'),
      discountBp: fc.constantFrom(0, 0, 500, 1000),
      minutes,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), toCash: fc.boolean(), minutes }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat(), minutes }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      move: fc.constantFrom('paid_in' as const, 'paid_out' as const, 'safe_drop' as const, 'float_top_up' as const),
      amount: fc.integer({ min: 1, max: 50_000 }),
      minutes,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shift' as const), hundreds: fc.integer({ min: 0, max: 20 }), minutes }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nosale' as const), minutes }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reprint' as const), pick: fc.nat(), minutes }) },
);

/** What the runs actually did, so the property cannot pass by skipping everything. */
const done = { sale: 0, card: 0, splitCash: 0, refund: 0, cardRefund: 0, void: 0, cardVoid: 0, move: 0, shift: 0, nosale: 0, reprint: 0, discount: 0 };

async function play(s: Shop, ops: Op[]): Promise<{ sales: string[] }> {
  const sales: { id: string; card: boolean; corrected: boolean }[] = [];
  for (const o of ops) {
    s.clock.now += o.minutes * 60_000;
    await s.as('cashier');
    switch (o.kind) {
      case 'sale': {
        const sale = await s.reg.must('sale.current', {});
        for (const l of o.lines)
          await s.reg.must('sale.addCustomLine', { saleId: sale.id, name: '货品', qtyMilli: l.qty * 1000, unitPriceMinor: l.price, taxRateBp: l.rate });
        if (o.discountBp > 0) await s.reg.must('sale.setOrderDiscount', { saleId: sale.id, discount: { kind: 'percent', rateBp: o.discountBp } });
        const total = (await s.reg.must('sale.get', { saleId: sale.id })).totals.totalMinor;
        const part = o.tender === 'split_cash' ? Math.floor(total / 2) : o.tender === 'cash_card' ? Math.floor(total / 3) : 0;
        if (part > 0) await s.reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: part, partial: true, idempotencyKey: key() });
        if (o.tender === 'card' || o.tender === 'cash_card') await s.reg.must('card.pay', { saleId: sale.id, idempotencyKey: key() });
        else {
          const rest = total - part;
          const tendered = o.tender === 'cash_over' ? Math.ceil((rest + 1) / 10_000) * 10_000 : rest;
          await s.reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: tendered, idempotencyKey: key() });
        }
        sales.push({ id: sale.id, card: o.tender === 'card' || o.tender === 'cash_card', corrected: false });
        done.sale++;
        if (o.tender === 'card' || o.tender === 'cash_card') done.card++;
        if (o.tender === 'split_cash' && part > 0) done.splitCash++;
        if (o.discountBp > 0) done.discount++;
        break;
      }
      case 'refund': {
        const candidates = sales.filter((x) => !x.corrected);
        const target = candidates[o.pick % Math.max(1, candidates.length)];
        if (!target) break;
        await s.as('supervisor');
        const found = await s.reg.must('refund.find', { code: target.id });
        const line = found.lines.find((l) => l.returnableQtyMilli >= 1000);
        if (!line) break;
        await s.reg.must('refund.withReceipt', {
          saleId: target.id,
          lines: [{ lineId: line.lineId, qtyMilli: 1000, restock: true }],
          reason: 'not_wanted',
          // A card sale's refund goes back to the card (06 31) or, with the supervisor's approval, out of the till.
          toCash: target.card && o.toCash,
          idempotencyKey: key(),
        });
        target.corrected = true;
        done.refund++;
        if (target.card && !o.toCash) done.cardRefund++;
        break;
      }
      case 'void': {
        // A card sale's void reverses the payment on the terminal (06 30).
        const candidates = sales.filter((x) => !x.corrected);
        const target = candidates[o.pick % Math.max(1, candidates.length)];
        if (!target) break;
        await s.as('supervisor');
        await s.reg.must('void.sale', { saleId: target.id, reason: 'cashier_error', idempotencyKey: key() });
        target.corrected = true;
        done.void++;
        if (target.card) done.cardVoid++;
        break;
      }
      case 'move': {
        // Cash cannot go out beyond what the drawer should hold (the fixed seed draws no such move; FC_SEED may).
        const live = liveShift(s.reg.db, getSettings(s.reg.db).registerId);
        const drawer = live ? shiftCashTerms(s.reg.db, live).expectedMinor : 0;
        const moved = await s.reg.call('cash.move', { kind: o.move, amountMinor: o.amount, reason: `${o.move} 原因`, idempotencyKey: key() });
        if ((o.move === 'paid_out' || o.move === 'safe_drop') && o.amount > drawer) {
          expect(moved).toMatchObject({ ok: false, error: { code: 'shift.cash_out_over_drawer_blind', params: { amountMinor: o.amount } } });
          break;
        }
        expect(moved.ok).toBe(true);
        done.move++;
        break;
      }
      case 'shift':
        await s.closeShift([
          { denominationMinor: 10000, count: o.hundreds },
          { denominationMinor: 10, count: 3 },
        ]);
        await s.openShift();
        done.shift++;
        break;
      case 'nosale':
        await s.as('supervisor');
        await s.reg.must('drawer.open', { reason: '换零钱' });
        done.nosale++;
        break;
      case 'reprint': {
        const target = sales[o.pick % Math.max(1, sales.length)];
        if (target) {
          await s.reg.must('receipt.reprint', { saleId: target.id });
          done.reprint++;
        }
        break;
      }
    }
  }
  return { sales: sales.map((x) => x.id) };
}

describe('the Z over random days', () => {
  it('equals what the documents, the movements and the journal say, figure by figure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 16 }), fc.boolean(), async (ops, countAtEnd) => {
        const s = await openShop(shanghai('2026-06-15', '08:00'), { terminalAddress: `tcp://127.0.0.1:${sim.tcpPort ?? 0}` });
        try {
          await s.as('owner');
          await s.reg.must('printer.setConfig', {
            enabled: true,
            transport: { kind: 'file', path: join(sink, `${s.reg.dir.split('/').pop() ?? 'r'}.bin`) },
            profile: defaultPrinterProfile,
            timeZone: SHANGHAI,
          });
          await until('the terminal ready', () => s.reg.terminal.connection.ready);
          await play(s, ops);
          await s.as('cashier');
          const live = (await s.reg.must('shift.current', {})).shift?.id ?? 0;
          if (countAtEnd) await s.closeShift([{ denominationMinor: 10000, count: 7 }]);
          await s.as('supervisor');
          s.clock.now = shanghai('2026-06-15', '23:00');
          const z: ZReportView = await s.z(countAtEnd ? {} : { forceClose: [{ shiftId: live, reason: 'end' }] });
          const shiftIds = (s.reg.db.prepare('SELECT id FROM shifts ORDER BY id').all() as { id: number }[]).map((r) => r.id);
          const again = recompute(s, '2026-06-15', shiftIds);
          expect(z.figures).toEqual(again.figures);
          expect(z.shifts.map((x) => x.shiftId)).toEqual(shiftIds);
          for (const x of z.shifts) expect(x.expected).toEqual(again.expected.get(x.shiftId));
          const differences = z.shifts.filter((x) => x.countedMinor !== null).map((x) => (x.countedMinor ?? 0) - x.expected.expectedMinor);
          expect(z.overShortMinor).toBe(differences.reduce((n, d) => n + d, 0));
          expect(z.grandTotalBeforeMinor).toBe(0);
          expect(z.grandTotalAfterMinor).toBe(again.figures.netMinor);
          expect(z.grandTotalAfterMinor).toBe(again.grand);
          const cardNet = again.figures.tenders.find((t) => t.method === 'card')?.netMinor ?? 0;
          expect(z.reconciliation).toMatchObject({ status: 'matched', registerTotalMinor: cardNet, terminalTotalMinor: Math.max(0, cardNet) });
          // The rollups written with the Z sum to it.
          const day = await s.reg.must('report.summary', { from: '2026-06-15', to: '2026-06-15' });
          expect(day).toMatchObject({
            days: 1,
            kinds: z.figures.kinds,
            tenders: z.figures.tenders,
            taxRates: z.figures.taxRates,
            discounts: { count: z.figures.discounts.count, amountMinor: z.figures.discounts.amountMinor, returnedMinor: z.figures.discounts.returnedMinor },
            netMinor: z.figures.netMinor,
            netTaxMinor: z.figures.netTaxMinor,
            // A day none of whose drawers was counted has no over/short: unknown, not 0.
            overShortMinor: differences.length > 0 ? z.overShortMinor : null,
          });
        } finally {
          await s.reg.terminal.stop();
          s.reg.cleanup();
        }
      }),
      // A fixed seed: the coverage check below must not depend on the luck of a run (a random
      // seed once drew no card sale to void). FC_SEED explores others.
      { numRuns: 20, seed: Number(process.env.FC_SEED ?? 20260615) },
    );
    for (const [what, n] of Object.entries(done)) expect(n, what).toBeGreaterThan(0);
  }, 300_000);
});
