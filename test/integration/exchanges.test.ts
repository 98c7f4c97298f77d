import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { recordCardPayment } from '../../main/sale/tender';
import { zReportPaper } from '../../main/day-close/report-paper';
import { defaultPrinterProfile, renderReceiptText } from '../../main/hardware/printer';
import { getSettings } from '../../main/settings/settings';
import { openShop, SHANGHAI, shanghai } from '../support/day-close-shop';
import { ledgerSnapshot } from '../support/ledger-snapshot';
import { FIXTURE_FLOAT, FIXTURE_FLOAT_MINOR, makeRegister, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';

// Exchanges (换货) through the router on a real ledger file: the return and the new sale complete
// together in one transaction or not at all, and the drawer moves by the difference only.

const registers: TestRegister[] = [];
afterEach(() => {
  for (const r of registers.splice(0)) r.cleanup();
});
function register(): TestRegister {
  const reg = makeRegister();
  registers.push(reg);
  return reg;
}
const key = () => randomUUID().replaceAll('-', '');

/** A completed cash sale of one item at `priceMinor` (two of them when `qty` says so). */
async function soldFor(reg: TestRegister, priceMinor: number, qtyMilli = 1000) {
  const { id } = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: id, name: 'T恤 M', qtyMilli, unitPriceMinor: priceMinor });
  const done = await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: (priceMinor * qtyMilli) / 1000, idempotencyKey: key() });
  return done.sale;
}

/** The register's next sale with the new goods rung up. */
async function newGoods(reg: TestRegister, priceMinor: number): Promise<string> {
  const { id } = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: id, name: 'T恤 L', qtyMilli: 1000, unitPriceMinor: priceMinor });
  return id;
}

async function exchange(reg: TestRegister, original: { id: string; lines: { id: number }[] }, saleId: string, extra: { tenderedMinor?: number } = {}) {
  return reg.call('exchange.complete', {
    saleId,
    originalSaleId: original.id,
    lines: [{ lineId: original.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
    reason: 'wrong_item',
    idempotencyKey: key(),
    ...extra,
  });
}

describe('an exchange', () => {
  it('for dearer goods: the return and the sale complete together, linked, and the customer pays the difference in cash', async () => {
    const reg = register();
    await withStaff(reg);
    const original = await soldFor(reg, 5000);
    const saleId = await newGoods(reg, 8000);
    const lines = [{ lineId: original.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }];
    expect(await reg.must('exchange.preview', { saleId, originalSaleId: original.id, lines })).toEqual({
      creditMinor: 5000,
      saleTotalMinor: 8000,
      differenceMinor: 3000,
      cashDifferenceMinor: 3000,
      approvalReasons: [],
    });
    const r = await exchange(reg, original, saleId, { tenderedMinor: 5000 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const done = r.value;
    expect(done).toMatchObject({ creditMinor: 5000, differenceMinor: 3000, changeMinor: 2000 });
    expect(done.refund).toMatchObject({ kind: 'refund', status: 'completed', originalDocumentId: original.id, reason: 'wrong_item' });
    expect(done.refund.totals.totalMinor).toBe(5000);
    expect(done.sale).toMatchObject({ kind: 'sale', status: 'completed', id: saleId });
    expect(done.sale.payments.map((p) => [p.method, p.amountMinor, p.tenderedMinor, p.changeMinor])).toEqual([
      ['cash', 5000, 5000, 0],
      ['cash', 3000, 5000, 2000],
    ]);
    // Linked both ways, once, in the ledger and in the journal.
    expect(reg.db.prepare('SELECT refund_document_id, sale_document_id, original_document_id, difference_minor FROM exchanges').all()).toEqual([
      { refund_document_id: done.refund.id, sale_document_id: saleId, original_document_id: original.id, difference_minor: 3000 },
    ]);
    const entry = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'exchange.completed'").get() as { payload: string };
    expect((JSON.parse(entry.payload) as { data: unknown }).data).toMatchObject({
      refundDocumentId: done.refund.id,
      saleDocumentId: saleId,
      creditMinor: 5000,
      differenceMinor: 3000,
    });
    // The returned line is gone from what is returnable; the register moved on to a new sale.
    const after = await reg.must('refund.find', { code: String(original.receiptNo) });
    expect(after.lines[0]?.returnableQtyMilli).toBe(0);
    expect((await reg.must('sale.current', {})).id).not.toBe(saleId);
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('for cheaper goods: the customer receives the difference in cash; for equal goods no money moves', async () => {
    const reg = register();
    await withStaff(reg);
    const original = await soldFor(reg, 5000, 2000);
    const cheaper = await exchange(reg, original, await newGoods(reg, 3000));
    expect(cheaper).toMatchObject({ ok: true, value: { creditMinor: 5000, differenceMinor: -2000, changeMinor: 0 } });
    const equal = await exchange(reg, original, await newGoods(reg, 5000));
    expect(equal).toMatchObject({ ok: true, value: { creditMinor: 5000, differenceMinor: 0, changeMinor: 0 } });
    if (!equal.ok) return;
    expect(equal.value.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([['cash', 5000]]);
    // The returns' receipts say where their money went: into the new sale, and only the rest back in cash.
    const paper = async (saleId: string) => (await reg.must('receipt.preview', { saleId })).svg.replace(/<[^>]+>/g, '').replaceAll('&#xa0;', ' ');
    if (!cheaper.ok) return;
    const cheaperBack = await paper(cheaper.value.refund.id);
    expect(cheaperBack).toContain('转入换货新销售-￥30.00');
    expect(cheaperBack).toContain(`R1-${String(cheaper.value.sale.receiptNo).padStart(6, '0')}`);
    expect(cheaperBack).toContain('退回现金-￥20.00');
    const equalBack = await paper(equal.value.refund.id);
    expect(equalBack).toContain('转入换货新销售-￥50.00');
    expect(equalBack).not.toContain('现金');
  });

  it('refuses more than is returnable, a voided sale, too little cash and a closed shift, and changes nothing', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    const original = await soldFor(reg, 5000);
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const voided = await soldFor(reg, 4000);
    await reg.must('void.sale', { saleId: voided.id, reason: 'cashier_error', idempotencyKey: key() });
    const saleId = await newGoods(reg, 8000);
    const lineId = original.lines[0]?.id ?? 0;
    const before = ledgerSnapshot(reg.db);
    const tooMany = await reg.call('exchange.complete', {
      saleId,
      originalSaleId: original.id,
      lines: [{ lineId, qtyMilli: 2000, restock: true }],
      reason: 'wrong_item',
      tenderedMinor: 10_000,
      idempotencyKey: key(),
    });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'refund.exceeds_original', params: { maxQtyMilli: 1000 } } });
    expect(await exchange(reg, original, saleId)).toMatchObject({ ok: false, error: { code: 'exchange.tender_missing', params: { dueMinor: 3000 } } });
    expect(await exchange(reg, original, saleId, { tenderedMinor: 2000 })).toMatchObject({
      ok: false,
      error: { code: 'sale.tender_insufficient', params: { dueMinor: 3000 } },
    });
    expect(await exchange(reg, original, original.id, { tenderedMinor: 9000 })).toMatchObject({ ok: false, error: { code: 'exchange.same_sale' } });
    expect(ledgerSnapshot(reg.db)).toEqual(before);

    // A voided sale has nothing left to exchange.
    expect(await exchange(reg, voided, saleId, { tenderedMinor: 9000 })).toMatchObject({ ok: false, error: { code: 'refund.exceeds_original' } });
    expect(ledgerSnapshot(reg.db)).toEqual(before);

    // No shift, no exchange.
    const shift = await reg.must('shift.current', {});
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await reg.must('shift.count', { shiftId: shift.shift?.id ?? 0, counts: FIXTURE_FLOAT, idempotencyKey: key() });
    await reg.must('shift.close', { shiftId: shift.shift?.id ?? 0, idempotencyKey: key() });
    const closed = ledgerSnapshot(reg.db);
    expect(await exchange(reg, original, saleId, { tenderedMinor: 9000 })).toMatchObject({ ok: false, error: { code: 'shift.not_open' } });
    expect(ledgerSnapshot(reg.db)).toEqual(closed);
  });

  it('a retried request gives the same exchange, never a second one', async () => {
    const reg = register();
    await withStaff(reg);
    const original = await soldFor(reg, 5000);
    const saleId = await newGoods(reg, 6000);
    const input = {
      saleId,
      originalSaleId: original.id,
      lines: [{ lineId: original.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'wrong_item' as const,
      tenderedMinor: 1000,
      idempotencyKey: key(),
    };
    const first = await reg.must('exchange.complete', input);
    const second = await reg.must('exchange.complete', input);
    expect(second.exchangeId).toBe(first.exchangeId);
    expect(reg.db.prepare('SELECT COUNT(*) AS n FROM exchanges').get()).toEqual({ n: 1 });
  });

  it('moves the expected cash by the difference only: the goods back count as a cash refund, the new goods as cash taken, term by term', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    const dearer = await soldFor(reg, 5000);
    const cheaper = await soldFor(reg, 4000);
    // Dearer: ¥50.00 credit, ¥80.00 goods, ¥50.00 handed over for the ¥30.00 due, ¥20.00 change.
    await reg.must('exchange.complete', {
      saleId: await newGoods(reg, 8000),
      originalSaleId: dearer.id,
      lines: [{ lineId: dearer.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'wrong_item',
      tenderedMinor: 5000,
      idempotencyKey: key(),
    });
    // Cheaper: ¥40.00 credit, ¥15.00 goods, ¥25.00 back to the customer.
    await reg.must('exchange.complete', {
      saleId: await newGoods(reg, 1500),
      originalSaleId: cheaper.id,
      lines: [{ lineId: cheaper.lines[0]?.id ?? 0, qtyMilli: 1000, restock: false }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const x = await reg.must('report.x', { scope: 'shift' });
    expect(x.shifts[0]?.expected).toMatchObject({
      floatMinor: FIXTURE_FLOAT_MINOR,
      cashTakenMinor: 5000 + 4000 + (5000 + 5000) + 1500,
      changeGivenMinor: 2000,
      cashRefundsMinor: 5000 + 4000,
      cashVoidsMinor: 0,
      expectedMinor: FIXTURE_FLOAT_MINOR + 5000 + 4000 + 3000 - 2500,
    });
    // The goods back are returns, the new goods sales: four sales (¥50 + ¥40 + ¥80 + ¥15), two refunds (¥50 + ¥40).
    expect(x.figures.kinds.map((k) => [k.kind, k.count, k.totalMinor])).toEqual([
      ['sale', 4, 5000 + 4000 + 8000 + 1500],
      ['refund', 2, 5000 + 4000],
      ['void', 0, 0],
    ]);
    expect(x.figures.netMinor).toBe(8000 + 1500);
    expect(x.figures.tenders.find((t) => t.method === 'cash')?.netMinor).toBe(5000 + 4000 + 3000 - 2500);
    // The credits that paid new goods (all ¥50, and ¥15 of the ¥40: the other ¥25 went back as cash)
    // are inside the cash in and out above; the report says how much of it never was money.
    expect(x.figures.exchangeCreditSpent).toEqual({ count: 2, amountMinor: 5000 + 1500 });
    expect(x.figures.exchangeCredit).toBeUndefined();
    expect(x.grandTotalMinor).toBe(5000 + 4000 + 8000 + 1500 - 5000 - 4000);
  });

  it('closes the day on the difference only: a drawer counted at float + sales + differences is neither over nor short', async () => {
    const shop = await openShop(shanghai('2026-03-10'));
    registers.push(shop.reg);
    const reg = shop.reg;
    const dearer = await soldFor(reg, 5000);
    const cheaper = await soldFor(reg, 4000);
    // ¥50.00 credit for ¥80.00 of goods: ¥50.00 handed over, ¥20.00 change, ¥30.00 into the drawer.
    await exchange(reg, dearer, await newGoods(reg, 8000), { tenderedMinor: 5000 });
    // ¥40.00 credit for ¥15.00 of goods: ¥25.00 out of the drawer.
    await exchange(reg, cheaper, await newGoods(reg, 1500));
    const inDrawer = FIXTURE_FLOAT_MINOR + 5000 + 4000 + 3000 - 2500;
    await shop.closeShift([
      { denominationMinor: 10000, count: Math.floor(inDrawer / 10000) },
      { denominationMinor: 500, count: (inDrawer % 10000) / 500 },
    ]);
    await shop.as('supervisor');
    const z = await shop.z();
    expect(z.shifts[0]).toMatchObject({ countedMinor: inDrawer, differenceMinor: 0, expected: { expectedMinor: inDrawer } });
    expect(z.overShortMinor).toBe(0);
    // Cash in and out net to the money that changed hands; the goods still count as two returns and four sales.
    expect(z.figures.tenders.find((t) => t.method === 'cash')?.netMinor).toBe(inDrawer - FIXTURE_FLOAT_MINOR);
    expect(z.figures.kinds.map((k) => [k.kind, k.count])).toEqual([
      ['sale', 4],
      ['refund', 2],
      ['void', 0],
    ]);
    // On paper, under the tenders: the credit spent on new goods, ¥65.00 (¥50 + ¥15), that the cash in
    // and out each include; the ¥25 handed back was real cash.
    const paper = renderReceiptText(zReportPaper(z, getSettings(reg.db), SHANGHAI, null), defaultPrinterProfile);
    expect(paper).toMatch(/换货抵扣（抵新货，已计入现金收、退，未经钱箱）\n\s*换货 2 笔\s+￥65\.00\n/);
  });

  it('of a card sale: a credit spent on new goods needs no supervisor; cash given back for card money does', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    const cardSale = async () => {
      const { id } = await reg.must('sale.current', {});
      await reg.must('sale.addCustomLine', { saleId: id, name: '衬衫', qtyMilli: 1000, unitPriceMinor: 5000 });
      // A card payment booked as the terminal would (the card path is tested with the simulator elsewhere).
      const settings = await reg.must('settings.get', {});
      const card = { maskedPan: '6222 02** **** 0001', brand: 'UnionPay', authCode: 'A1', trace: '1', terminalReceiptNo: '1', terminalId: 'T1' };
      recordCardPayment(
        { db: reg.db, now: Date.now(), settings, actor: { id: staff.cashierId, role: 'cashier' } },
        { saleId: id, amountMinor: 5000, card: { ...card, entryMode: 'chip', signatureRequired: false } },
      );
      return reg.must('sale.get', { saleId: id });
    };
    const dearer = await cardSale();
    const spent = await exchange(reg, dearer, await newGoods(reg, 6000), { tenderedMinor: 1000 });
    expect(spent).toMatchObject({ ok: true, value: { creditMinor: 5000, differenceMinor: 1000, approvalReasons: [] } });
    if (!spent.ok) return;
    expect(spent.value.refund.payments).toEqual([expect.objectContaining({ method: 'cash', amountMinor: 5000, originalPaymentId: dearer.payments[0]?.id })]);

    const cheaper = await cardSale();
    const saleId = await newGoods(reg, 2000);
    const before = ledgerSnapshot(reg.db);
    expect(await exchange(reg, cheaper, saleId)).toMatchObject({
      ok: false,
      error: { code: 'refund.needs_supervisor', params: { reason: 'refund.approval.card_to_cash' } },
    });
    expect(ledgerSnapshot(reg.db)).toEqual(before);
    const approved = await reg.call('exchange.complete', {
      saleId,
      originalSaleId: cheaper.id,
      lines: [{ lineId: cheaper.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'wrong_item',
      approval: { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN },
      idempotencyKey: key(),
    });
    expect(approved).toMatchObject({ ok: true, value: { differenceMinor: -3000, refund: { approverId: staff.supervisorId } } });
    const entries = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'exchange.completed' ORDER BY seq").all() as { payload: string }[];
    expect(entries.map((e) => (JSON.parse(e.payload) as { data: { approverId: number | null } }).data.approverId)).toEqual([null, staff.supervisorId]);
  });
});
