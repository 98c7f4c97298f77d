// An exchange being prepared (换货 chosen, new goods being rung up) is kept in main with the open
// sale: a reloaded window, a second window and a restarted register find it again. It is no money:
// nothing is booked, the goods stay returnable, and it goes when the exchange ends or is left.
import { describe, expect, it } from 'vitest';
import { CASHIER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { ledgerSnapshot } from '../support/ledger-snapshot';
import { MILK, open, register } from '../support/tracked-registers';
import { cashSale, key } from '../support/refund-sale';

/** The demo sale (3 waters, a milk) completed, and the register's next sale with a milk rung up. */
async function preparing(reg: TestRegister) {
  const original = await cashSale(reg);
  const { id: saleId } = await reg.must('sale.current', {});
  await reg.must('sale.addProduct', { saleId, code: MILK });
  const lines = [{ lineId: original.lines[0]!.id, qtyMilli: 2000, restock: true }];
  return { original, saleId, lines };
}

describe('an exchange being prepared', () => {
  it('is kept with the open sale, survives a restart, and books nothing', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    const { original, saleId, lines } = await preparing(reg);
    const journalBefore = reg.db.prepare('SELECT COUNT(*) FROM journal').pluck().get();
    const kept = await reg.must('exchange.keepDraft', { saleId, originalSaleId: original.id, lines, reason: 'wrong_item' });
    // Two of three waters, pro rata with the 10 % order discount, as a return would give in cash.
    expect(kept).toEqual({
      saleId,
      originalSaleId: original.id,
      originalRegisterId: 'R1',
      originalReceiptNo: 1,
      lines,
      reason: 'wrong_item',
      creditMinor: 360,
    });
    // No document, payment or journal entry: the goods stay fully returnable.
    expect(reg.db.prepare('SELECT COUNT(*) FROM journal').pluck().get()).toBe(journalBefore);
    expect((await reg.must('refund.find', { code: original.id })).lines[0]?.returnableQtyMilli).toBe(3000);
    expect((await reg.must('sale.get', { saleId })).payments).toEqual([]);

    const again = reg.reopen();
    open.push(again);
    await again.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    expect((await again.must('sale.current', {})).id).toBe(saleId);
    expect(await again.must('exchange.draftOf', { saleId })).toEqual(kept);

    // Completed: the exchange is done, and so is its draft.
    const done = await again.must('exchange.complete', {
      saleId,
      originalSaleId: original.id,
      lines,
      reason: 'wrong_item',
      tenderedMinor: 100,
      idempotencyKey: key(),
    });
    expect(done.sale.status).toBe('completed');
    expect(again.db.prepare('SELECT COUNT(*) FROM exchange_drafts').pluck().get()).toBe(0);
    expect(await again.must('exchange.draftOf', { saleId })).toBeNull();
  });

  it('is left by the cashier (the new goods stay as a plain sale) and replaced when chosen again', async () => {
    const reg = register();
    await withStaff(reg);
    const { original, saleId, lines } = await preparing(reg);
    await reg.must('exchange.keepDraft', { saleId, originalSaleId: original.id, lines, reason: 'wrong_item' });
    const one = [{ lineId: original.lines[1]!.id, qtyMilli: 1000, restock: false }];
    expect(await reg.must('exchange.keepDraft', { saleId, originalSaleId: original.id, lines: one, reason: 'defective' })).toMatchObject({
      lines: one,
      reason: 'defective',
    });
    expect(reg.db.prepare('SELECT COUNT(*) FROM exchange_drafts').pluck().get()).toBe(1);
    expect(await reg.must('exchange.dropDraft', { saleId })).toEqual({ saleId });
    expect(await reg.must('exchange.draftOf', { saleId })).toBeNull();
    expect((await reg.must('sale.get', { saleId })).lines.map((l) => l.qtyMilli)).toEqual([1000]);
  });

  it('refuses what could never complete and keeps nothing: half a bottle, a sale that is not open, the same sale', async () => {
    const reg = register();
    await withStaff(reg);
    const { original, saleId, lines } = await preparing(reg);
    const before = ledgerSnapshot(reg.db);
    const half = [{ ...lines[0]!, qtyMilli: 1500 }];
    expect(await reg.call('exchange.keepDraft', { saleId, originalSaleId: original.id, lines: half, reason: 'wrong_item' })).toMatchObject({
      ok: false,
      error: { code: 'refund.qty_whole_pieces' },
    });
    expect(await reg.call('exchange.keepDraft', { saleId: original.id, originalSaleId: saleId, lines, reason: 'wrong_item' })).toMatchObject({
      ok: false,
      error: { code: 'sale.not_open' },
    });
    expect(await reg.call('exchange.keepDraft', { saleId: original.id, originalSaleId: original.id, lines, reason: 'wrong_item' })).toMatchObject({
      ok: false,
      error: { code: 'exchange.same_sale' },
    });
    expect(ledgerSnapshot(reg.db)).toEqual(before);
  });

  it('goes with a begun exchange the customer gives up, and with a cancelled sale', async () => {
    const reg = register();
    await withStaff(reg);
    const { original, saleId, lines } = await preparing(reg);
    const one = [{ lineId: lines[0]!.lineId, qtyMilli: 1000, restock: true }];
    await reg.must('exchange.keepDraft', { saleId, originalSaleId: original.id, lines: one, reason: 'wrong_item' });
    // The milk (3.80) costs more than a water back (1.80): the difference is paid on the payment screen.
    await reg.must('exchange.begin', { saleId, originalSaleId: original.id, lines: one, reason: 'wrong_item', idempotencyKey: key() });
    expect(await reg.must('exchange.draftOf', { saleId })).not.toBeNull();
    await reg.must('exchange.abandon', { saleId });
    expect(reg.db.prepare('SELECT COUNT(*) FROM exchange_drafts').pluck().get()).toBe(0);

    const { id: next } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: next, code: MILK });
    await reg.must('exchange.keepDraft', { saleId: next, originalSaleId: original.id, lines: one, reason: 'wrong_item' });
    const cancelled = await reg.call('sale.cancel', { saleId: next, idempotencyKey: key() });
    if (!cancelled.ok) return expect.unreachable(JSON.stringify(cancelled.error));
    expect(reg.db.prepare('SELECT COUNT(*) FROM exchange_drafts').pluck().get()).toBe(0);
  });
});
