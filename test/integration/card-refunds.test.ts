// Refunds and voids of card sales through the register and the terminal simulator on a real pty:
// money goes back to the card (06 31 refund, or 06 30 reversal of a whole payment still in the
// terminal's batch) before the correction completes; a refusal leaves nothing refunded.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { type CardRig, cardSaleOfTwoLines, key, payCard, settled, startCardRig } from '../support/card-register';
import { CASHIER_PIN, SUPERVISOR_PIN } from '../support/register-fixture';

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

/** A card sale of two lines (12.00 and 8.00). */
const cardSale = () => cardSaleOfTwoLines(rig.reg);

function intentsOf(documentId: string) {
  return rig.reg.db.prepare('SELECT kind, state, amount_minor AS amount, original_payment_id AS original FROM card_intents WHERE sale_id = ?').all(documentId);
}

describe('card refunds', () => {
  it('a partial return goes back to the card as a refund (06 31) and then completes', async () => {
    const { reg, sim } = rig;
    const sale = await cardSale();
    const r = await reg.call('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: sale.lines[1]!.id, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sale).toMatchObject({ kind: 'refund', status: 'completed', totals: { totalMinor: 800 } });
    expect(r.value.sale.payments).toEqual([expect.objectContaining({ method: 'card', amountMinor: 800, originalPaymentId: sale.payments[0]?.id })]);
    expect(r.value.sale.payments[0]?.card?.maskedPan).toBe('476173******0119');
    // The slip prints what the terminal did: 退货 / Refund.
    expect(r.value.sale.payments[0]?.card?.transaction).toBe('refund');
    expect(sale.payments[0]?.card?.transaction).toBe('sale');
    expect(intentsOf(r.value.sale.id)).toEqual([{ kind: 'refund', state: 'approved', amount: 800, original: sale.payments[0]?.id }]);
    expect(sim.batch().at(-1)).toMatchObject({ kind: 'refund', amountMinor: 800 });
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('returning a whole card payment in the open batch reverses it (06 30)', async () => {
    const { reg, sim } = rig;
    const sale = await cardSale();
    const lines = sale.lines.map((l) => ({ lineId: l.id, qtyMilli: l.qtyMilli, restock: true }));
    const r = await reg.must('refund.withReceipt', { saleId: sale.id, lines, reason: 'not_wanted', idempotencyKey: key() });
    expect(intentsOf(r.sale.id)).toEqual([{ kind: 'reversal', state: 'approved', amount: 2000, original: sale.payments[0]?.id }]);
    // A return the terminal reversed prints 撤销 / Reversal, though the document is a refund.
    expect(r.sale.payments[0]?.card?.transaction).toBe('reversal');
    const reversed = sim.batch().find((e) => e.kind === 'payment' && e.receiptNo === Number(sale.payments[0]?.card?.terminalReceiptNo));
    expect(reversed?.reversed).toBe(true);
    expect(r.sale.grandTotalMinor).toBe((sale.grandTotalMinor ?? 0) - 2000);
  });

  it('a split-tender sale gives the card part back to the card and the rest in cash', async () => {
    const { reg } = rig;
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: sale.id, name: '锅', qtyMilli: 1000, unitPriceMinor: 5000 });
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 2000, partial: true, idempotencyKey: key() });
    const paid = await payCard(reg, sale.id);
    if (!paid.ok) throw new Error('card part refused');
    const plan = await reg.must('refund.preview', { saleId: sale.id, lines: [{ lineId: paid.value.sale.lines[0]!.id, qtyMilli: 1000, restock: true }] });
    expect(plan.tenders.map((t) => [t.method, t.amountMinor])).toEqual([
      ['card', 3000],
      ['cash', 2000],
    ]);
    const r = await reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: paid.value.sale.lines[0]!.id, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(r.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([
      ['cash', 2000],
      ['card', 3000],
    ]);
    expect(r.sale.status).toBe('completed');
  });

  it('a refund the terminal declines leaves no refund completed and everything still refundable', async () => {
    const { reg, sim } = rig;
    const sale = await cardSale();
    sim.script({ outcome: 'decline', declineReason: 'declined' });
    const r = await reg.call('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: sale.lines[0]!.id, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.declined' } });
    const docs = reg.db.prepare("SELECT status FROM documents WHERE original_document_id = ? AND kind = 'refund'").all(sale.id);
    expect(docs).toEqual([{ status: 'cancelled' }]);
    const found = await reg.must('refund.find', { code: String(sale.receiptNo) });
    expect(found.lines.map((l) => l.refundableMinor)).toEqual([1200, 800]);
    expect(reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'refund.cancelled'").get()).toEqual({ n: 1 });
  });

  it('voids a card sale by reversing it first; when the terminal refuses, nothing is voided', async () => {
    const { reg, sim, staff } = rig;
    await reg.must('session.logout', {});
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const refused = await cardSale();
    sim.script({ outcome: 'decline' });
    expect(await reg.call('void.sale', { saleId: refused.id, reason: 'cashier_error', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'terminal.declined' },
    });
    expect((await reg.must('refund.find', { code: String(refused.receiptNo) })).corrections).toEqual([]);

    const voided = await reg.must('void.sale', { saleId: refused.id, reason: 'cashier_error', idempotencyKey: key() });
    expect(voided.sale).toMatchObject({ kind: 'void', status: 'completed', payments: [expect.objectContaining({ method: 'card', amountMinor: 2000 })] });
    expect(intentsOf(voided.sale.id)).toEqual([expect.objectContaining({ kind: 'reversal', state: 'approved' })]);
  });

  it('a retried request after the refund went through returns it and refunds nothing twice', async () => {
    const { reg, sim } = rig;
    const sale = await cardSale();
    const requestKey = key();
    const input = {
      saleId: sale.id,
      lines: [{ lineId: sale.lines[1]!.id, qtyMilli: 1000, restock: true }],
      reason: 'defective' as const,
      idempotencyKey: requestKey,
    };
    const first = await reg.must('refund.withReceipt', input);
    // The stored result is gone (as after a crash before it was kept): the correction's own key still holds.
    reg.db.prepare('DELETE FROM idempotency WHERE key = ?').run(requestKey);
    const before = sim.batch().length;
    const again = await reg.must('refund.withReceipt', input);
    expect(again.sale.id).toBe(first.sale.id);
    expect(sim.batch().length).toBe(before);
    expect(reg.db.prepare("SELECT COUNT(*) AS n FROM documents WHERE original_document_id = ? AND kind = 'refund'").get(sale.id)).toEqual({ n: 1 });
  });
});
