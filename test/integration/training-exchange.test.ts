import { describe, expect, it } from 'vitest';
import { key } from '../support/day-close-shop';
import { trainingShops } from '../support/training-shop';

// An exchange (换货) practised in training: the return and the new sale are both practice, numbered
// in the training series and counted in no figure; a card difference is answered by the training
// simulator, never by the terminal (the simulator on TCP would hear any request sent).
const { shop, training, terminal, provider } = trainingShops();

describe('an exchange in training', () => {
  it('takes the difference by card through the training simulator and completes both halves as practice', async () => {
    const s = await shop();
    const asked = provider().calls.length;
    await training(s, true, 'register');
    const original = await s.cashSale([5000]);
    const line = (await s.reg.must('refund.find', { code: original.saleId })).lines[0];
    const saleId = await s.sale([8000]);
    const begun = await s.reg.must('exchange.begin', {
      saleId,
      originalSaleId: original.saleId,
      lines: [{ lineId: line?.lineId ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'wrong_item',
      idempotencyKey: key(),
    });
    expect(begun).toMatchObject({ creditMinor: 5000, differenceMinor: 3000 });

    const paid = await s.reg.must('card.pay', { saleId, idempotencyKey: key() });
    expect(paid.sale).toMatchObject({ status: 'completed', training: true, receiptNo: 2 });
    expect(paid.sale.payments.map((p) => [p.method, p.amountMinor, p.card?.brand ?? null])).toEqual([
      ['cash', 5000, null],
      ['card', 3000, 'TRAINING'],
    ]);
    // The return completed with it, in the training series, pointing at the practice sale.
    const halves = s.reg.db
      .prepare(
        'SELECT d.kind, d.status, d.training, d.receipt_no AS receiptNo FROM exchanges e JOIN documents d ON d.id IN (e.refund_document_id, e.sale_document_id) ORDER BY d.kind',
      )
      .all();
    expect(halves).toEqual([
      { kind: 'refund', status: 'completed', training: 1, receiptNo: -3 },
      { kind: 'sale', status: 'completed', training: 1, receiptNo: -2 },
    ]);
    expect(s.reg.db.prepare("SELECT COUNT(*) FROM journal WHERE kind = 'exchange.completed'").pluck().get()).toBe(1);

    // Nothing reached the terminal, and no figure moved.
    expect(terminal().batch()).toEqual([]);
    expect(provider().calls.slice(asked)).toEqual([]);
    expect(s.reg.db.prepare('SELECT COUNT(*) FROM card_intents').pluck().get()).toBe(0);
    expect(s.reg.db.prepare("SELECT COUNT(*) FROM journal WHERE kind LIKE 'card.%'").pluck().get()).toBe(0);
    await training(s, false, 'register');
    await s.as('supervisor');
    expect((await s.reg.must('report.x', { scope: 'day' })).figures).toMatchObject({ documentCount: 0, netMinor: 0 });
    await s.as('owner');
    expect(await s.reg.must('fraud.alerts', {})).toEqual([]);
  });

  it('takes a cash difference on the panel as practice too', async () => {
    const s = await shop();
    await training(s, true, 'register');
    const original = await s.cashSale([5000]);
    const line = (await s.reg.must('refund.find', { code: original.saleId })).lines[0];
    const saleId = await s.sale([6000]);
    const done = await s.reg.must('exchange.complete', {
      saleId,
      originalSaleId: original.saleId,
      lines: [{ lineId: line?.lineId ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'wrong_item',
      tenderedMinor: 1000,
      idempotencyKey: key(),
    });
    expect(done.refund).toMatchObject({ kind: 'refund', status: 'completed', training: true });
    expect(done.sale).toMatchObject({ kind: 'sale', status: 'completed', training: true });
    await training(s, false, 'register');
    await s.as('supervisor');
    expect((await s.reg.must('report.x', { scope: 'day' })).figures).toMatchObject({ documentCount: 0, netMinor: 0 });
  });
});
