import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReceiptText } from '../../main/hardware/printer';
import { getPrinterConfig } from '../../main/printing/printer-config';
import { receiptDocuments } from '../../main/printing/receipt-output';
import { key } from '../support/day-close-shop';
import { FIXTURE_FLOAT_MINOR, makeRegister, OWNER_PIN, withStaff } from '../support/register-fixture';
import { startHqRig, type HqRig } from '../support/hq-rig';
import { trainingShops } from '../support/training-shop';

// Practice corrections (issue 17): a return, a void, a price adjustment and a return without
// receipt in training, on a real shop with the card terminal simulator on TCP that training must
// never reach.
const { shop, training, terminal, provider } = trainingShops();

describe('training corrections', () => {
  it('practises a return, a price adjustment, a void and a return without receipt in the training series, counted in no figure', async () => {
    const s = await shop();
    const real = await s.cashSale([1500]);
    await training(s, true, 'register');
    const practice = await s.cashSale([900, 400]);
    const other = await s.cashSale([600]);
    // Found by its number as printed in the training series, or bare; the list shows practice sales only.
    const found = await s.reg.must('refund.find', { code: 'R1-T-000001' });
    expect(found.sale).toMatchObject({ id: practice.saleId, training: true, receiptNo: 1 });
    expect((await s.reg.must('refund.find', { code: '1' })).sale.id).toBe(practice.saleId);
    expect((await s.reg.must('refund.todaysSales', {})).map((d) => [d.id, d.receiptNo])).toEqual([
      [other.saleId, -2],
      [practice.saleId, -1],
    ]);
    const [first, second] = found.lines;
    const returned = await s.reg.must('refund.withReceipt', {
      saleId: practice.saleId,
      lines: [{ lineId: first?.lineId ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'not_wanted',
      idempotencyKey: key(),
    });
    expect(returned.sale).toMatchObject({ kind: 'refund', status: 'completed', training: true, receiptNo: 3, originalDocumentId: practice.saleId });
    await s.as('supervisor');
    const adjusted = await s.reg.must('refund.priceAdjustment', {
      saleId: practice.saleId,
      lineId: second?.lineId ?? 0,
      amountMinor: 100,
      reason: 'wrong_price',
      idempotencyKey: key(),
    });
    expect(adjusted.sale).toMatchObject({ kind: 'refund', training: true, receiptNo: 4 });
    const voided = await s.reg.must('void.sale', { saleId: other.saleId, reason: 'cashier_error', idempotencyKey: key() });
    expect(voided.sale).toMatchObject({ kind: 'void', training: true, receiptNo: 5 });
    const item = { name: '商品', qtyMilli: 1000, unitPriceMinor: 500, taxRateBp: 1300, restock: true };
    const noReceipt = await s.reg.must('refund.withoutReceipt', { lines: [item], reason: 'not_wanted', idempotencyKey: key() });
    expect(noReceipt.sale).toMatchObject({ kind: 'refund', training: true, receiptNo: 6 });
    const numbers = s.reg.db.prepare("SELECT receipt_no FROM documents WHERE kind <> 'sale' ORDER BY receipt_no DESC").pluck().all();
    expect(numbers).toEqual([-3, -4, -5, -6]);
    // Journalled as training: the mark the fraud rules and HQ's figures leave practice out by.
    const entries = s.reg.db
      .prepare("SELECT json_extract(payload, '$.data.training') FROM journal WHERE kind IN ('refund.completed', 'void.completed')")
      .pluck()
      .all();
    expect(entries).toEqual([1, 1, 1, 1]);
    // Printed with the training marks and no drawer kick, though cash went back.
    const config = getPrinterConfig(s.reg.db);
    const docs = receiptDocuments(s.reg.db, returned.sale.id, 0, config);
    expect(docs.map((d) => d.openDrawer)).toEqual([false]);
    const text = docs.map((d) => renderReceiptText(d, config.profile)).join('');
    expect(text).toContain('R1-T-000003');
    expect(text).toContain('R1-T-000001');
    expect(text.match(/练习|TRAINING/g)?.length ?? 0).toBeGreaterThanOrEqual(2);

    await training(s, false, 'register');
    await s.as('supervisor');
    // Every figure is the one real sale's: X, shift cash, the day close's count, the Z, the reports, the fraud rules.
    const x = await s.reg.must('report.x', { scope: 'day' });
    expect(x.grandTotalMinor).toBe(1500);
    expect(x.figures).toMatchObject({ documentCount: 1, firstReceiptNo: 1, lastReceiptNo: 1, netMinor: 1500 });
    const shiftX = await s.reg.must('report.x', { scope: 'shift' });
    expect(shiftX.shifts[0]?.expected.expectedMinor).toBe(FIXTURE_FLOAT_MINOR + 1500);
    expect((await s.reg.must('dayClose.status', {})).documentCount).toBe(1);
    const z = await s.z({ forceClose: [{ shiftId: shiftX.shiftId ?? 0, reason: 'end of day' }] });
    expect(z.figures).toEqual(x.figures);
    await s.as('owner');
    const report = await s.reg.must('report.sales', { from: '2026-03-10', to: '2026-03-10', groupBy: 'day' });
    expect(report.kinds).toEqual([
      { kind: 'sale', count: 1, totalMinor: 1500 },
      { kind: 'refund', count: 0, totalMinor: 0 },
      { kind: 'void', count: 0, totalMinor: 0 },
    ]);
    expect(report).toMatchObject({ netMinor: 1500, averageBasketMinor: 1500 });
    expect(report.topProducts.map((p) => p.netMinor)).toEqual([1500]);
    // A return without receipt, a void after payment and a refund by the seller each raise an alert when real.
    expect(await s.reg.must('fraud.alerts', {})).toEqual([]);
    expect(real.receiptNo).toBe(1);
  });

  it('keeps each mode to its own sales: a trainee corrects no real sale, a real operator no practice sale', async () => {
    const s = await shop();
    const real = await s.cashSale([1200]);
    await training(s, true);
    const practice = await s.cashSale([900]);
    const refused = (code: string) => ({ ok: false, error: { code, params: {} } });
    expect(await s.reg.call('refund.preview', { saleId: real.saleId })).toEqual(refused('training.real_sale_not_correctable'));
    expect(await s.reg.call('refund.find', { code: real.saleId })).toEqual(refused('training.real_sale_not_correctable'));
    // The bare number 1 is the practice sale for a trainee; the real receipt's printed number finds it, to refuse it.
    expect((await s.reg.must('refund.find', { code: '1' })).sale.id).toBe(practice.saleId);
    expect(await s.reg.call('refund.find', { code: 'R1-000001' })).toEqual(refused('training.real_sale_not_correctable'));

    await training(s, false);
    expect(await s.reg.call('refund.preview', { saleId: practice.saleId })).toEqual(refused('training.sale_not_refundable'));
    expect(await s.reg.call('refund.find', { code: practice.saleId })).toEqual(refused('training.sale_not_refundable'));
    expect((await s.reg.must('refund.find', { code: '1' })).sale.id).toBe(real.saleId);
    expect(await s.reg.call('refund.find', { code: 'R1-T-000001' })).toEqual(refused('training.sale_not_refundable'));
    expect((await s.reg.must('refund.todaysSales', {})).map((d) => d.id)).toEqual([real.saleId]);
    await s.as('supervisor');
    expect(await s.reg.call('void.sale', { saleId: practice.saleId, reason: 'other', idempotencyKey: key() })).toEqual(refused('training.sale_not_refundable'));
    expect(s.reg.db.prepare("SELECT COUNT(*) FROM documents WHERE kind <> 'sale'").pluck().get()).toBe(0);
  });

  it('counts practice returns without receipt against a limit of their own: they neither use up the real one nor escape it', async () => {
    const s = await shop();
    await s.as('owner');
    await s.reg.must('settings.update', { noReceiptRefundDayLimitMinor: 1000 });
    const item = { name: '商品', qtyMilli: 1000, unitPriceMinor: 800, taxRateBp: 1300, restock: true };
    const back = () => s.reg.call('refund.withoutReceipt', { lines: [item], reason: 'not_wanted', idempotencyKey: key() });
    await training(s, true, 'register');
    await s.as('supervisor');
    expect(await back()).toMatchObject({ ok: true, value: { sale: { training: true } } });
    expect(await back()).toMatchObject({ ok: false, error: { code: 'refund.limit_exceeded', params: { usedMinor: 800, scope: 'day' } } });
    await training(s, false, 'register');
    await s.as('supervisor');
    expect(await back()).toMatchObject({ ok: true, value: { sale: { training: false, receiptNo: 1 } } });
    expect(await back()).toMatchObject({ ok: false, error: { code: 'refund.limit_exceeded', params: { usedMinor: 800, scope: 'day' } } });
  });

  it('gives card and scan-to-pay money back through the training simulator: no terminal or provider is asked', async () => {
    const s = await shop();
    const asked = provider().calls.length;
    await training(s, true, 'register');
    const saleId = await s.sale([2500, 1000]);
    await s.reg.must('scanpay.pay', { saleId, code: '284567890123456789', amountMinor: 1000, idempotencyKey: key() });
    const paid = await s.reg.must('card.pay', { saleId, idempotencyKey: key() });
    const paidWith = paid.sale.payments.find((p) => p.method === 'scan')?.scan?.provider;
    await s.as('supervisor');
    const voided = await s.reg.must('void.sale', { saleId, reason: 'cashier_error', idempotencyKey: key() });
    expect(voided.sale).toMatchObject({ kind: 'void', status: 'completed', training: true, receiptNo: 2 });
    expect(voided.sale.payments.map((p) => [p.method, p.amountMinor, p.card?.brand ?? p.scan?.provider])).toEqual([
      ['scan', 1000, paidWith],
      ['card', 2500, 'TRAINING'],
    ]);
    expect(terminal().batch()).toEqual([]);
    expect(provider().calls.slice(asked)).toEqual([]);
    for (const table of ['card_intents', 'scan_attempts', 'scan_refunds', 'correction_plans'])
      expect(s.reg.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get()).toBe(0);
    expect(
      s.reg.db.prepare("SELECT COUNT(*) FROM journal WHERE (kind LIKE 'card.%' OR kind LIKE 'scanpay.%') AND kind <> 'scanpay.settings_changed'").pluck().get(),
    ).toBe(0);
    expect((await s.reg.must('report.x', { scope: 'day' })).figures).toMatchObject({ documentCount: 0, netMinor: 0 });
  });
});

describe('training corrections at HQ', () => {
  let rig: HqRig;
  beforeAll(async () => {
    rig = await startHqRig();
  }, 60_000);
  afterAll(async () => {
    await rig?.close();
  });

  it('uploads practice corrections in the journal but keeps them out of the documents HQ adds up', async () => {
    const reg = makeRegister({ sync: { auto: false } });
    try {
      const staff = await withStaff(reg);
      await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
      await rig.enrol(reg, 'S1-TC', 'S1');
      const sell = async (): Promise<string> => {
        const sale = await reg.must('sale.current', {});
        await reg.must('sale.addCustomLine', { saleId: sale.id, name: '商品 Item', qtyMilli: 1000, unitPriceMinor: 800, taxRateBp: 1300 });
        await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 800, idempotencyKey: key() });
        return sale.id;
      };
      await sell();
      await reg.must('training.set', { target: 'register', on: true });
      const practice = await sell();
      await reg.must('void.sale', { saleId: practice, reason: 'cashier_error', idempotencyKey: key() });
      const item = { name: '商品', qtyMilli: 1000, unitPriceMinor: 500, taxRateBp: 1300, restock: true };
      await reg.must('refund.withoutReceipt', { lines: [item], reason: 'not_wanted', idempotencyKey: key() });
      await reg.must('training.set', { target: 'register', on: false });
      await reg.sync.runOnce();
      expect(await reg.must('sync.status', {})).toMatchObject({ pendingEntries: 0, lastError: null });
      const held = await rig.hq.pool.query<{ kind: string }>(
        "SELECT kind FROM journal_entries WHERE register_id = $1 AND kind IN ('refund.completed', 'void.completed') AND payload LIKE '%\"training\":true%' ORDER BY seq",
        ['S1-TC'],
      );
      expect(held.rows.map((r) => r.kind)).toEqual(['void.completed', 'refund.completed']);
      const docs = await rig.hq.pool.query<{ kind: string; receipt_no: number }>('SELECT kind, receipt_no FROM documents WHERE register_id = $1 ORDER BY seq', [
        'S1-TC',
      ]);
      expect(docs.rows).toEqual([{ kind: 'sale', receipt_no: 1 }]);
    } finally {
      reg.cleanup();
    }
  });
});
