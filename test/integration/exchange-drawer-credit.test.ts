// A cheaper exchange's credit pays the new goods and only the rest leaves the drawer as cash. The
// drawer-limit check counts that cash alone (a low drawer does not refuse a valid exchange), and
// the X/Z's 换货抵扣 is the credit that paid new goods, so that the cash tender less it is the
// money that really changed hands and a drawer counted at the expected cash is even.
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../main/ledger/journal-payloads';
import { zReportPaper } from '../../main/day-close/report-paper';
import { defaultPrinterProfile, renderReceiptText } from '../../main/hardware/printer';
import { getSettings } from '../../main/settings/settings';
import type { DenominationCountView } from '../../preload/contract/shift-views';
import { key, openShop, SHANGHAI, shanghai, type Shop } from '../support/day-close-shop';
import { FIXTURE_FLOAT_MINOR } from '../support/register-fixture';

const shops: Shop[] = [];
afterEach(() => {
  for (const s of shops.splice(0)) s.reg.cleanup();
});

async function shop(): Promise<Shop> {
  const s = await openShop(shanghai('2026-04-02'));
  shops.push(s);
  return s;
}

function refusals(s: Shop): JournalEvent<'cash.out_refused'>[] {
  return (s.reg.db.prepare("SELECT payload FROM journal WHERE kind = 'cash.out_refused' ORDER BY seq").all() as { payload: string }[]).map(
    (r) => JSON.parse(r.payload) as JournalEvent<'cash.out_refused'>,
  );
}

/** Notes and coins adding up to `amountMinor` exactly, largest first. */
function countsOf(amountMinor: number): DenominationCountView[] {
  const counts: DenominationCountView[] = [];
  let rest = amountMinor;
  for (const denominationMinor of [10000, 5000, 1000, 500, 100, 50, 10]) {
    const count = Math.floor(rest / denominationMinor);
    if (count > 0) counts.push({ denominationMinor, count });
    rest -= count * denominationMinor;
  }
  expect(rest).toBe(0);
  return counts;
}

async function exchangeFor(s: Shop, original: { saleId: string }, newGoods: number | { saleId: string }, tenderedMinor?: number) {
  const sale = await s.reg.must('sale.get', { saleId: original.saleId });
  const saleId = typeof newGoods === 'number' ? await s.sale([newGoods]) : newGoods.saleId;
  return s.reg.call('exchange.complete', {
    saleId,
    originalSaleId: original.saleId,
    lines: [{ lineId: sale.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
    reason: 'wrong_item',
    idempotencyKey: key(),
    ...(tenderedMinor === undefined ? {} : { tenderedMinor }),
  });
}

async function expectedNow(s: Shop): Promise<number> {
  const x = await s.reg.must('report.x', { scope: 'shift' });
  return x.shifts[0]?.expected.expectedMinor ?? -1;
}

describe('a cheaper exchange and the drawer', () => {
  it('is not refused by a low drawer when only the cash handed back is in it; more than the drawer holds still is, named as that cash', async () => {
    const s = await shop();
    const original = await s.cashSale([40_000]);
    // The takings go to the safe: ¥30.00 stays in the drawer.
    await s.as('supervisor');
    await s.reg.must('cash.move', { kind: 'safe_drop', amountMinor: FIXTURE_FLOAT_MINOR + 40_000 - 3_000, reason: '存保险箱', idempotencyKey: key() });
    expect(await expectedNow(s)).toBe(3_000);

    // ¥400.00 of goods back for ¥380.00 of new goods: ¥20.00 goes back, which the drawer holds.
    await s.as('cashier');
    const done = await exchangeFor(s, original, 38_000);
    expect(done).toMatchObject({ ok: true, value: { creditMinor: 40_000, cashDifferenceMinor: -2_000 } });
    expect(refusals(s)).toEqual([]);
    await s.as('supervisor');
    expect(await expectedNow(s)).toBe(1_000);

    // ¥50.00 back for ¥20.00 of goods: ¥30.00 would go back, the drawer holds ¥10.00.
    await s.as('cashier');
    const second = await s.cashSale([5_000]);
    await s.as('supervisor');
    await s.reg.must('cash.move', { kind: 'safe_drop', amountMinor: 5_000, reason: '存保险箱', idempotencyKey: key() });
    const rows = () =>
      s.reg.db
        .prepare(
          'SELECT (SELECT COUNT(*) FROM documents) AS documents, (SELECT COUNT(*) FROM payments) AS payments, (SELECT COUNT(*) FROM exchanges) AS exchanges',
        )
        .get();
    // A supervisor is told the drawer's cash; the amount named is the cash that would go back, not the credit.
    const goods = { saleId: await s.sale([2_000]) };
    const before = rows();
    expect(await exchangeFor(s, second, goods)).toMatchObject({
      ok: false,
      error: { code: 'refund.cash_over_drawer', params: { amountMinor: 3_000, expectedMinor: 1_000 } },
    });
    // A cashier's count is blind: only the amount asked for.
    await s.as('cashier');
    expect(await exchangeFor(s, second, goods)).toMatchObject({ ok: false, error: { code: 'refund.cash_over_drawer_blind', params: { amountMinor: 3_000 } } });
    expect(refusals(s).map((r) => [r.data.asked, r.data.amountMinor])).toEqual([
      ['refund_cash', 3_000],
      ['refund_cash', 3_000],
    ]);
    // Nothing but the refusals was written: no return, no sale, no exchange.
    expect(rows()).toEqual(before);
    expect(s.reg.db.prepare('SELECT COUNT(*) AS n FROM exchanges').get()).toEqual({ n: 1 });
  });
});

describe('换货抵扣 on the X and the Z', () => {
  it('is the credit that paid new goods: a cheaper and a dearer exchange, the drawer counted at the expected cash is even', async () => {
    const s = await shop();
    await s.as('owner');
    await s.reg.must('settings.update', { cashRoundingStepMinor: 10 });
    await s.as('cashier');
    const forCheaper = await s.cashSale([4_000]);
    const forDearer = await s.cashSale([5_000]);
    // Cheaper: ¥40.00 credit, ¥12.34 of goods: ¥27.66 back, rounded to ¥27.70; ¥12.30 of the credit pays the goods.
    expect(await exchangeFor(s, forCheaper, 1_234)).toMatchObject({ ok: true, value: { cashDifferenceMinor: -2_770 } });
    // Dearer: ¥50.00 credit, ¥80.03 of goods: ¥30.03 due, ¥30.00 in cash; ¥50.00 handed over, ¥20.00 change.
    expect(await exchangeFor(s, forDearer, 8_003, 5_000)).toMatchObject({ ok: true, value: { cashDifferenceMinor: 3_000, changeMinor: 2_000 } });

    // What really went in and out of the drawer, counted by hand.
    const realIn = 4_000 + 5_000 + 3_000;
    const realOut = 2_770;
    const inDrawer = FIXTURE_FLOAT_MINOR + realIn - realOut;
    await s.as('supervisor');
    const x = await s.reg.must('report.x', { scope: 'day' });
    const spent = x.figures.exchangeCreditSpent;
    expect(spent).toEqual({ count: 2, amountMinor: 1_230 + 5_000 });
    const cash = x.figures.tenders.find((t) => t.method === 'cash');
    // The cash tender less the credit spent is the money that changed hands, both ways.
    expect((cash?.inMinor ?? 0) - (spent?.amountMinor ?? 0)).toBe(realIn);
    expect((cash?.outMinor ?? 0) - (spent?.amountMinor ?? 0)).toBe(realOut);
    expect(x.shifts[0]?.expected.expectedMinor).toBe(inDrawer);

    await s.as('cashier');
    await s.closeShift(countsOf(inDrawer));
    await s.as('supervisor');
    const z = await s.z();
    expect(z.shifts[0]).toMatchObject({ countedMinor: inDrawer, differenceMinor: 0 });
    expect(z.overShortMinor).toBe(0);
    expect(z.figures.exchangeCreditSpent).toEqual({ count: 2, amountMinor: 6_230 });
    expect(z.figures.tenders.find((t) => t.method === 'cash')?.netMinor).toBe(inDrawer - FIXTURE_FLOAT_MINOR);

    for (const [language, label] of [
      ['zh-CN', '换货抵扣（抵新货，已计入现金收、退，未经钱箱）'],
      ['en', 'Exchange credit spent on new goods (in cash in and out; never in the drawer)'],
    ] as const) {
      const paper = renderReceiptText(zReportPaper(z, { ...getSettings(s.reg.db), storeLocale: language }, SHANGHAI, null), {
        ...defaultPrinterProfile,
        paper: '80mm',
      });
      expect(paper.replace(/\s+/g, ' ')).toContain(label);
      expect(paper).toMatch(/(换货 2 笔|Exchanges 2)\s+(￥|¥|CN¥)62\.30/);
    }
  });
});

describe('a cheaper exchange whose difference rounds to no coin', () => {
  it('hands back nothing and takes nothing from the expected cash: the whole credit pays the goods, the rounding is the sale’s', async () => {
    const s = await shop();
    await s.as('owner');
    await s.reg.must('settings.update', { cashRoundingStepMinor: 10 });
    await s.as('cashier');
    const original = await s.cashSale([4_000]);
    await s.as('supervisor');
    const before = await expectedNow(s);
    await s.as('cashier');
    // ¥40.00 credit for ¥39.96 of goods: ¥0.04 rounds to no coin at a 0.10 step.
    const done = await exchangeFor(s, original, 3_996);
    expect(done).toMatchObject({ ok: true, value: { cashDifferenceMinor: 0 } });
    await s.as('supervisor');
    expect(await expectedNow(s)).toBe(before);
    const x = await s.reg.must('report.x', { scope: 'day' });
    expect(x.figures.exchangeCreditSpent).toEqual({ count: 1, amountMinor: 4_000 });
  });
});
