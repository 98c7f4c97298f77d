import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';

// An exchange's difference paid in cash is rounded to the store's cash step, as a plain cash sale's
// total is (counter sweep item 1): the panel asks for what main says, main accepts it, and the
// receipt's figures agree with it. A card pays the difference exactly.

const registers: TestRegister[] = [];
afterEach(() => {
  for (const r of registers.splice(0)) r.cleanup();
});
const key = () => randomUUID().replaceAll('-', '');

/** Water sold for ¥2.00 cash, then ¥7.61 of apples rung up as the new goods, with the store's step. */
async function waterForApples(stepMinor: number) {
  const reg = makeRegister();
  registers.push(reg);
  const { ownerId } = await withStaff(reg);
  await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
  await reg.must('settings.update', { cashRoundingStepMinor: stepMinor });
  const first = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: first.id, name: '农夫山泉', qtyMilli: 1000, unitPriceMinor: 200 });
  const original = (await reg.must('sale.tenderCash', { saleId: first.id, tenderedMinor: 200, idempotencyKey: key() })).sale;
  const { id: saleId } = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId, name: '苹果', qtyMilli: 777, unitPriceMinor: 980 });
  const input = { saleId, originalSaleId: original.id, lines: [{ lineId: original.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }] };
  const complete = (tenderedMinor: number) => reg.call('exchange.complete', { ...input, reason: 'wrong_item', tenderedMinor, idempotencyKey: key() });
  return { reg, input, complete };
}

const paper = async (reg: TestRegister, saleId: string) =>
  (await reg.must('receipt.preview', { saleId })).svg.replace(/<[^>]+>/g, '').replaceAll('&#xa0;', ' ');

describe('an exchange paid in cash with a 0.10 cash step', () => {
  it('asks for the rounded difference, accepts ¥5.60 exactly, and the receipt says the same', async () => {
    const { reg, input, complete } = await waterForApples(10);
    expect(await reg.must('exchange.preview', input)).toEqual({
      creditMinor: 200,
      saleTotalMinor: 761,
      differenceMinor: 561,
      cashDifferenceMinor: 560,
      approvalReasons: [],
    });
    // Less than the rounded difference is still refused, and names the rounded figure.
    expect(await complete(550)).toMatchObject({ ok: false, error: { code: 'sale.tender_insufficient', params: { dueMinor: 560 } } });
    const r = await complete(560);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value).toMatchObject({ differenceMinor: 560, cashDifferenceMinor: 560, changeMinor: 0 });
    expect(r.value.sale).toMatchObject({ status: 'completed', roundingMinor: -1, changeMinor: 0 });
    expect(r.value.sale.totals.totalMinor).toBe(761);
    expect(r.value.sale.payments.map((p) => [p.method, p.amountMinor, p.tenderedMinor, p.changeMinor])).toEqual([
      ['cash', 200, 200, 0],
      ['cash', 560, 560, 0],
    ]);
    // Total, rounding and credit add up to the cash taken: 7.61 − 0.01 − 2.00 = 5.60.
    const receipt = await paper(reg, input.saleId);
    for (const figure of ['合计￥7.61', '现金舍入-￥0.01', '换货抵扣￥2.00', '现金￥5.60']) expect(receipt).toContain(figure);
    expect(receipt).not.toContain('5.61');
    expect(reg.db.prepare('SELECT difference_minor FROM exchanges').pluck().get()).toBe(560);
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('gives the change from the rounded difference when ¥10 is handed over', async () => {
    const { reg, complete } = await waterForApples(10);
    const r = await complete(1000);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value).toMatchObject({ differenceMinor: 560, changeMinor: 440 });
    expect(r.value.sale.payments.at(-1)).toMatchObject({ amountMinor: 560, tenderedMinor: 1000, changeMinor: 440 });
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('without a cash step the difference is the exact one, as before', async () => {
    const { reg, input, complete } = await waterForApples(0);
    expect(await reg.must('exchange.preview', input)).toMatchObject({ differenceMinor: 561, cashDifferenceMinor: 561 });
    expect(await complete(560)).toMatchObject({ ok: false, error: { code: 'sale.tender_insufficient', params: { dueMinor: 561 } } });
    const r = await complete(1000);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value).toMatchObject({ differenceMinor: 561, changeMinor: 439 });
    expect(r.value.sale.roundingMinor).toBe(0);
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('a difference begun for a card stays exact: the card is charged ¥5.61, not the cash figure', async () => {
    const { reg, input } = await waterForApples(10);
    const begun = await reg.must('exchange.begin', { ...input, reason: 'wrong_item', idempotencyKey: key() });
    expect(begun).toMatchObject({ differenceMinor: 561, cashDifferenceMinor: 560 });
    const sale = await reg.must('sale.current', {});
    expect(sale).toMatchObject({ id: input.saleId, remainingMinor: 561 });
  });
});

/** 0.777 kg of apples (¥7.61) sold for ¥7.60 cash at a 0.10 step, then `priceMinor` of water rung up as the new goods. */
async function applesForWater(priceMinor: number) {
  const reg = makeRegister();
  registers.push(reg);
  const { ownerId } = await withStaff(reg);
  await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
  await reg.must('settings.update', { cashRoundingStepMinor: 10 });
  const first = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: first.id, name: '苹果', qtyMilli: 777, unitPriceMinor: 980 });
  const original = (await reg.must('sale.tenderCash', { saleId: first.id, tenderedMinor: 760, idempotencyKey: key() })).sale;
  const { id: saleId } = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId, name: '农夫山泉', qtyMilli: 1000, unitPriceMinor: priceMinor });
  const input = { saleId, originalSaleId: original.id, lines: [{ lineId: original.lines[0]?.id ?? 0, qtyMilli: 777, restock: true }] };
  const expected = async () => (await reg.must('report.x', { scope: 'shift' })).shifts[0]?.expected.expectedMinor ?? NaN;
  return { reg, input, expected };
}

describe('an exchange for cheaper goods with a 0.10 cash step', () => {
  it('hands back the rounded difference: ¥5.60 for ¥5.57, the rounding on the new sale as 现金舍入, the drawer ¥5.60 lighter', async () => {
    const { reg, input, expected } = await applesForWater(203);
    expect(await reg.must('exchange.preview', input)).toEqual({
      creditMinor: 760,
      saleTotalMinor: 203,
      differenceMinor: -557,
      cashDifferenceMinor: -560,
      approvalReasons: [],
    });
    const before = await expected();
    const done = await reg.must('exchange.complete', { ...input, reason: 'wrong_item', idempotencyKey: key() });
    expect(done).toMatchObject({ differenceMinor: -560, cashDifferenceMinor: -560, changeMinor: 0 });
    // The new sale is paid by ¥2.00 of the credit: its ¥2.03 less 0.03 of rounding, as a ¥2.03 cash sale would be.
    expect(done.sale).toMatchObject({ status: 'completed', roundingMinor: -3, changeMinor: 0 });
    expect(done.sale.payments.map((p) => [p.method, p.amountMinor, p.tenderedMinor, p.changeMinor])).toEqual([['cash', 200, 200, 0]]);
    expect(await expected()).toBe(before - 560);
    const salePaper = await paper(reg, input.saleId);
    for (const figure of ['合计￥2.03', '现金舍入-￥0.03', '换货抵扣￥2.00']) expect(salePaper).toContain(figure);
    // The return's slip: ¥2.00 into the new sale, ¥5.60 back in cash, never the ¥5.57 no coin pays.
    const refundPaper = await paper(reg, done.refund.id);
    expect(refundPaper).toContain('转入换货新销售-￥2.00');
    expect(refundPaper).toContain('退回现金-￥5.60');
    expect(refundPaper).not.toContain('5.57');
    expect(reg.db.prepare('SELECT difference_minor FROM exchanges').pluck().get()).toBe(-560);
    const entry = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'exchange.completed'").pluck().get() as string;
    expect((JSON.parse(entry) as { data: unknown }).data).toMatchObject({ creditMinor: 760, differenceMinor: -560 });
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('rounds down too: ¥5.52 goes back as ¥5.50, the new sale paid ¥2.10 of credit with +0.02 rounding', async () => {
    const { reg, input, expected } = await applesForWater(208);
    const before = await expected();
    const done = await reg.must('exchange.complete', { ...input, reason: 'wrong_item', idempotencyKey: key() });
    expect(done).toMatchObject({ differenceMinor: -550, cashDifferenceMinor: -550 });
    expect(done.sale).toMatchObject({ roundingMinor: 2 });
    expect(done.sale.payments.map((p) => p.amountMinor)).toEqual([210]);
    expect(await expected()).toBe(before - 550);
    expect(await paper(reg, done.refund.id)).toContain('退回现金-￥5.50');
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('new goods worth less than half a step are not given away: the exact difference goes back', async () => {
    const { reg, input } = await applesForWater(3);
    expect(await reg.must('exchange.preview', input)).toMatchObject({ differenceMinor: -757, cashDifferenceMinor: -757 });
    const done = await reg.must('exchange.complete', { ...input, reason: 'wrong_item', idempotencyKey: key() });
    expect(done).toMatchObject({ differenceMinor: -757 });
    expect(done.sale).toMatchObject({ roundingMinor: 0 });
    expect(done.sale.payments.map((p) => p.amountMinor)).toEqual([3]);
  });
});
