// An exchange whose difference the customer pays by card, through the terminal simulator on a real
// pty: the exchange is begun (return open, credit on the new sale), the sale is paid by card for
// the difference only, and the completing transaction completes the return as well. A declined
// card completes nothing; the customer may pay cash instead, or give up and cancel both.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { key, payCard, settled, startCardRig, type CardRig } from '../support/card-register';
import { CASHIER_PIN } from '../support/register-fixture';

let rig: CardRig;
beforeAll(async () => {
  rig = await startCardRig();
});
afterEach(async () => {
  await settled(rig.reg);
  await rig.reg.must('session.logout', {});
  await rig.reg.must('session.login', { operatorId: rig.staff.cashierId, pin: CASHIER_PIN });
});
afterAll(() => rig.stop());

/** A cash sale of one shirt at ¥50.00, then the next sale with a dearer one (¥80.00) rung up. */
async function shirtSwap() {
  const { reg } = rig;
  const first = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: first.id, name: 'T恤 M', qtyMilli: 1000, unitPriceMinor: 5000 });
  const original = (await reg.must('sale.tenderCash', { saleId: first.id, tenderedMinor: 5000, idempotencyKey: key() })).sale;
  const next = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: next.id, name: 'T恤 L 加厚', qtyMilli: 1000, unitPriceMinor: 8000 });
  const begun = await reg.must('exchange.begin', {
    saleId: next.id,
    originalSaleId: original.id,
    lines: [{ lineId: original.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
    reason: 'wrong_item',
    idempotencyKey: key(),
  });
  return { original, saleId: next.id, begun };
}

function statusOf(id: string) {
  return (rig.reg.db.prepare('SELECT status FROM documents WHERE id = ?').get(id) as { status: string }).status;
}

describe('an exchange with the difference paid by card', () => {
  it('charges the terminal only the difference, then completes the return and the sale in one transaction', async () => {
    const { reg, sim } = rig;
    const { original, saleId, begun } = await shirtSwap();
    expect(begun).toMatchObject({ creditMinor: 5000, differenceMinor: 3000 });
    // Begun: the return is open (the shirt reserved), the sale owes the difference.
    const refundId = (reg.db.prepare('SELECT refund_document_id AS id FROM exchanges WHERE sale_document_id = ?').get(saleId) as { id: string }).id;
    expect(statusOf(refundId)).toBe('open');
    expect((await reg.must('sale.get', { saleId })).remainingMinor).toBe(3000);
    expect((await reg.must('refund.find', { code: String(original.receiptNo) })).lines[0]?.returnableQtyMilli).toBe(0);

    const paid = await payCard(reg, saleId);
    expect(paid).toMatchObject({ ok: true, value: { sale: { status: 'completed' } } });
    expect(sim.batch().at(-1)).toMatchObject({ kind: 'payment', amountMinor: 3000 });
    expect(statusOf(refundId)).toBe('completed');
    // Journalled in the card approval's transaction: the sale, then its return, then the link (the fraud watch may add its own).
    const kinds = (reg.db.prepare('SELECT kind FROM journal ORDER BY seq DESC LIMIT 6').all() as { kind: string }[]).map((e) => e.kind).reverse();
    const ours = new Set(['sale.completed', 'refund.completed', 'exchange.completed', 'card.approved']);
    expect(kinds.filter((k) => ours.has(k))).toEqual(['sale.completed', 'refund.completed', 'exchange.completed', 'card.approved']);
    expect(verifyJournal(reg.db).ok).toBe(true);
    // The receipt and the completion screen show the shirt's credit as the exchange's, not as cash
    // handed over: the customer gave only the card.
    const sale = await reg.must('sale.get', { saleId });
    const exchange = await reg.must('exchange.ofSale', { saleId });
    expect(exchange?.creditPaymentId).toBe(sale.payments[0]?.id);
    expect(sale.payments[0]).toMatchObject({ method: 'cash', amountMinor: 5000 });
    const { svg } = await reg.must('receipt.preview', { saleId });
    const paper = svg.replace(/<[^>]+>/g, '').replaceAll('&#xa0;', ' ');
    expect(paper).toContain('换货抵扣￥50.00');
    expect(paper).toContain('银行卡￥30.00');
    expect(paper).not.toContain('现金');
    // The return's own paper: its ¥50.00 went into the new sale, none of it out of the drawer.
    const back = (await reg.must('receipt.preview', { saleId: refundId })).svg.replace(/<[^>]+>/g, '').replaceAll('&#xa0;', ' ');
    expect(back).toContain('转入换货新销售-￥50.00');
    expect(back).toContain(`R1-${String(sale.receiptNo).padStart(6, '0')}`);
    expect(back).not.toContain('现金');
  });

  it('a declined card completes nothing; cash then completes both, or the customer gives up and both are cancelled', async () => {
    const { reg, sim } = rig;
    const paidByCash = await shirtSwap();
    sim.script({ outcome: 'decline', declineReason: 'declined' });
    expect(await payCard(reg, paidByCash.saleId)).toMatchObject({ ok: false, error: { code: 'terminal.declined' } });
    expect(statusOf(paidByCash.saleId)).toBe('open');
    const done = await reg.must('sale.tenderCash', { saleId: paidByCash.saleId, tenderedMinor: 3000, idempotencyKey: key() });
    expect(done.sale.status).toBe('completed');
    const refundOf = (saleId: string) =>
      (reg.db.prepare('SELECT refund_document_id AS id FROM exchanges WHERE sale_document_id = ?').get(saleId) as { id: string }).id;
    expect(statusOf(refundOf(paidByCash.saleId))).toBe('completed');

    const givenUp = await shirtSwap();
    sim.script({ outcome: 'decline', declineReason: 'declined' });
    expect(await payCard(reg, givenUp.saleId)).toMatchObject({ ok: false });
    await reg.must('exchange.abandon', { saleId: givenUp.saleId });
    expect([statusOf(givenUp.saleId), statusOf(refundOf(givenUp.saleId))]).toEqual(['cancelled', 'cancelled']);
    // The shirt is returnable again; the abandoned exchange cannot be abandoned twice.
    expect((await reg.must('refund.find', { code: String(givenUp.original.receiptNo) })).lines[0]?.returnableQtyMilli).toBe(1000);
    expect(await reg.call('exchange.abandon', { saleId: givenUp.saleId })).toMatchObject({ ok: false, error: { code: 'exchange.not_pending' } });

    // Cash already handed over for part of the difference is settled by finishing the sale, never by cancelling it.
    const partly = await shirtSwap();
    await reg.must('sale.tenderCash', { saleId: partly.saleId, tenderedMinor: 1000, partial: true, idempotencyKey: key() });
    expect(await reg.call('exchange.abandon', { saleId: partly.saleId })).toMatchObject({ ok: false, error: { code: 'exchange.partly_paid' } });
    await reg.must('sale.tenderCash', { saleId: partly.saleId, tenderedMinor: 2000, idempotencyKey: key() });
    expect([statusOf(partly.saleId), statusOf(refundOf(partly.saleId))]).toEqual(['completed', 'completed']);
    expect(verifyJournal(reg.db).ok).toBe(true);
  });
});
