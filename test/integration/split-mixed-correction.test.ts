// Voids of a sale paid ¥50.00 on the card and ¥30.00 by payment code, where the provider refuses
// to give the payment-code part back after the card got its part: through the register on a real
// ledger file, the ZVT terminal simulator on a real socat pty and the provider simulator over real
// HTTP. The void stays open listing each part (the card's back, the wallet's refused); nothing of
// it is in the X report or the drawer yet; trying the wallet again or giving that part in cash
// completes it, also after the register was restarted meanwhile. Nothing goes back twice. And
// when the terminal declines the card part first, nothing goes back and the wallet is never asked.
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { SUPERVISOR_PIN } from '../support/register-fixture';
import { cardAndCodeSale, cardGivenBack, journalOf, minus, useMixedRig, walletBooks, xFigures as xOf, type MixedRig } from '../support/mixed-correction-rig';
import { key, until } from '../support/scan-rig';

let rig: MixedRig;
useMixedRig((started) => (rig = started));

const xFigures = () => xOf(rig);
const kinds = (documentId: string, ks: string[]) => journalOf(rig.reg, documentId, ks).map((e) => e.kind);

/** Voids the sale with the provider scripted to refuse the refund; the void comes back open. */
async function voidRefused(saleId: string, requestKey = key()) {
  rig.provider.scriptRefunds('refuse');
  await rig.asSupervisor();
  const voided = await rig.reg.must('void.sale', { saleId, reason: 'cashier_error', idempotencyKey: requestKey });
  expect(voided.sale).toMatchObject({ kind: 'void', status: 'open', receiptNo: null });
  return voided.sale;
}

describe('a void of card + payment code whose wallet part the provider refuses', () => {
  it('stays open with the card part back and the wallet part refused, out of the X report; trying the wallet again completes it', async () => {
    const sale = await cardAndCodeSale(rig.reg);
    const before = await xFigures();
    const open = await voidRefused(sale.id);

    const listed = await rig.reg.must('refund.parts', { correctionId: open.id });
    expect(listed.correction.status).toBe('open');
    expect(listed.parts.map((p) => [p.method, p.state, p.amountMinor, p.scanProvider, p.reason])).toEqual([
      ['card', 'back', 5000, null, null],
      ['scan', 'refused', 3000, 'wechat', 'USER_ACCOUNT_ABNORMAL'],
    ]);
    expect(cardGivenBack(rig, sale)).toBe(1);
    expect(walletBooks(rig, sale.id)).toEqual({ netMinor: 3000, refundedMinor: 0, refundNos: 0 });
    // Refused after the card went back: nothing is undone or cancelled; the void is not in any figure yet.
    expect(kinds(open.id, ['refund.cancelled', 'void.completed'])).toEqual([]);
    expect(journalOf(rig.reg, open.id, ['scanpay.refund_moved']).map((e) => e.data.to)).toEqual(['sent', 'failed']);
    expect(minus(await xFigures(), before)).toEqual({ voids: 0, voidedMinor: 0, cardOut: 0, scanOut: 0, cashOut: 0, expectedCash: 0 });
    // Until it is finished the drawer is not counted nor the day closed, and both say it is a return or void, not a sale.
    const status = await rig.reg.must('dayClose.status', {});
    expect(status).toMatchObject({ saleInProgress: false, correctionInProgress: true });
    expect(await rig.reg.call('dayClose.close', { businessDay: status.businessDay, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'dayClose.correction_in_progress', params: { correctionId: open.id } },
    });
    const x = await rig.reg.must('report.x', { scope: 'shift' });
    const shiftId = x.shifts[0]!.shiftId;
    expect(await rig.reg.call('shift.count', { shiftId, counts: [{ denominationMinor: 10000, count: 1 }], idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'shift.correction_in_progress', params: { correctionId: open.id } },
    });
    expect((await rig.reg.must('shift.current', {})).shift).toMatchObject({ id: shiftId, state: 'open' });
    // The card part went back: it cannot be sent again.
    const cardPart = sale.payments[0]!.id;
    expect(await rig.reg.call('refund.retryPart', { correctionId: open.id, paymentId: cardPart, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'refund.part_not_refused', params: { state: 'back' } },
    });

    const retried = await rig.reg.must('refund.retryPart', { correctionId: open.id, paymentId: sale.payments[1]!.id, idempotencyKey: key() });
    expect(retried.sale).toMatchObject({ id: open.id, status: 'completed' });
    expect(retried.receiptNo).not.toBeNull();
    expect(retried.sale.payments.map((p) => [p.method, p.amountMinor, p.originalPaymentId])).toEqual([
      ['card', 5000, sale.payments[0]?.id],
      ['scan', 3000, sale.payments[1]?.id],
    ]);
    expect((await rig.reg.must('refund.parts', { correctionId: open.id })).parts.map((p) => p.state)).toEqual(['back', 'back']);
    // The wallet got its part under a second refund number, once; the card was not asked again.
    expect(walletBooks(rig, sale.id)).toEqual({ netMinor: 0, refundedMinor: 3000, refundNos: 1 });
    expect(cardGivenBack(rig, sale)).toBe(1);
    expect(kinds(open.id, ['void.completed', 'refund.part_in_cash'])).toEqual(['void.completed']);
    expect(minus(await xFigures(), before)).toEqual({ voids: 1, voidedMinor: 8000, cardOut: 5000, scanOut: 3000, cashOut: 0, expectedCash: 0 });
    expect(await rig.reg.must('dayClose.status', {})).toMatchObject({ saleInProgress: false, correctionInProgress: false });
    expect(verifyJournal(rig.reg.db).ok).toBe(true);
  });

  it('refused: a supervisor approves that part in cash, the void completes, and the X report takes ¥30.00 from the drawer', async () => {
    const sale = await cardAndCodeSale(rig.reg);
    const before = await xFigures();
    const open = await voidRefused(sale.id);
    await rig.asCashier();
    const input = { correctionId: open.id, paymentId: sale.payments[1]!.id };
    expect(await rig.reg.call('refund.partInCash', { ...input, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'refund.needs_supervisor' },
    });
    const done = await rig.reg.must('refund.partInCash', {
      ...input,
      approval: { operatorId: rig.staff.supervisorId, pin: SUPERVISOR_PIN },
      idempotencyKey: key(),
    });
    expect(done.sale).toMatchObject({ id: open.id, status: 'completed' });
    expect(done.sale.payments.map((p) => [p.method, p.amountMinor, p.originalPaymentId])).toEqual([
      ['card', 5000, sale.payments[0]?.id],
      ['cash', 3000, sale.payments[1]?.id],
    ]);
    expect((await rig.reg.must('refund.parts', { correctionId: open.id })).parts.map((p) => p.state)).toEqual(['back', 'cash']);
    // The provider was asked once (refused) and never again: the customer has the part in cash.
    expect(walletBooks(rig, sale.id)).toEqual({ netMinor: 3000, refundedMinor: 0, refundNos: 0 });
    expect(journalOf(rig.reg, open.id, ['refund.part_in_cash']).map((e) => e.data)).toEqual([
      {
        documentId: open.id,
        kind: 'void',
        originalPaymentId: sale.payments[1]?.id,
        method: 'scan',
        amountMinor: 3000,
        operatorId: rig.staff.cashierId,
        approverId: rig.staff.supervisorId,
      },
    ]);
    expect(kinds(open.id, ['void.completed'])).toEqual(['void.completed']);
    expect(minus(await xFigures(), before)).toEqual({ voids: 1, voidedMinor: 8000, cardOut: 5000, scanOut: 0, cashOut: 3000, expectedCash: -3000 });
  });
  it('refused, then retried and answered as processing: the retry leaves it open, and it completes alone when the provider settles', async () => {
    const sale = await cardAndCodeSale(rig.reg);
    const open = await voidRefused(sale.id);
    rig.provider.scriptRefunds('pending');
    const retried = await rig.reg.must('refund.retryPart', { correctionId: open.id, paymentId: sale.payments[1]!.id, idempotencyKey: key() });
    expect(retried.sale).toMatchObject({ id: open.id, status: 'open' });
    expect((await rig.reg.must('refund.parts', { correctionId: open.id })).parts.map((p) => p.state)).toEqual(['back', 'running']);
    rig.provider.settleRefunds();
    await until('the void to complete', async () => (await rig.reg.must('refund.parts', { correctionId: open.id })).correction.status === 'completed');
    expect(walletBooks(rig, sale.id)).toEqual({ netMinor: 0, refundedMinor: 3000, refundNos: 1 });
    expect(journalOf(rig.reg, open.id, ['scanpay.refund_moved']).map((e) => e.data.to)).toEqual(['sent', 'failed', 'sent', 'pending', 'done']);
    expect(kinds(open.id, ['void.completed'])).toEqual(['void.completed']);
    expect(cardGivenBack(rig, sale)).toBe(1);
  });
});

describe('a void of card + payment code whose card part the terminal declines first', () => {
  it('gives nothing back: the void is cancelled, the provider never hears of it, and the sale can be voided again', async () => {
    const sale = await cardAndCodeSale(rig.reg);
    const before = await xFigures();
    rig.card.script({ outcome: 'decline', declineReason: 'declined' });
    await rig.asSupervisor();
    const r = await rig.reg.call('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() });
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.declined' } });
    // The sale shows no correction: nothing of it was voided.
    expect((await rig.reg.must('refund.find', { code: String(sale.receiptNo) })).corrections).toEqual([]);
    const voids = rig.reg.db.prepare("SELECT id, status FROM documents WHERE original_document_id = ? AND kind = 'void'").all(sale.id) as {
      id: string;
      status: string;
    }[];
    expect(voids.map((v) => v.status)).toEqual(['cancelled']);
    const cancelled = voids[0]!.id;
    expect(kinds(cancelled, ['refund.cancelled', 'void.completed', 'scanpay.refund_created'])).toEqual(['refund.cancelled']);
    expect(walletBooks(rig, sale.id)).toEqual({ netMinor: 3000, refundedMinor: 0, refundNos: 0 });
    expect(cardGivenBack(rig, sale)).toBe(0);
    expect(minus(await xFigures(), before)).toEqual({ voids: 0, voidedMinor: 0, cardOut: 0, scanOut: 0, cashOut: 0, expectedCash: 0 });

    const again = await rig.reg.must('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() });
    expect(again.sale).toMatchObject({ kind: 'void', status: 'completed' });
    expect(walletBooks(rig, sale.id)).toEqual({ netMinor: 0, refundedMinor: 3000, refundNos: 1 });
    expect(cardGivenBack(rig, sale)).toBe(1);
  });
});

describe('a register restarted while such a void is open', () => {
  it('Alipay part refused: after the restart the void is still open, lists its parts, a repeated request sends nothing, and a retry finishes it', async () => {
    const sale = await cardAndCodeSale(rig.reg, 'alipay');
    const before = await xFigures();
    const requestKey = key();
    const open = await voidRefused(sale.id, requestKey);

    const reg = await rig.restart();
    await rig.asSupervisor();
    const found = await reg.must('refund.find', { code: String(sale.receiptNo) });
    expect(found.corrections).toEqual([expect.objectContaining({ id: open.id, kind: 'void', status: 'open' })]);
    const listed = await reg.must('refund.parts', { correctionId: open.id });
    expect(listed.parts.map((p) => [p.method, p.state, p.amountMinor, p.scanProvider, p.reason])).toEqual([
      ['card', 'back', 5000, null, null],
      ['scan', 'refused', 3000, 'alipay', '40004:ACQ.SELLER_BALANCE_NOT_ENOUGH'],
    ]);
    // The cashier's first request, repeated, finds the void where it stood and sends nothing.
    const again = await reg.must('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: requestKey });
    expect(again.sale).toMatchObject({ id: open.id, status: 'open' });
    expect(cardGivenBack(rig, sale)).toBe(1);
    expect(walletBooks(rig, sale.id)).toEqual({ netMinor: 3000, refundedMinor: 0, refundNos: 0 });
    expect(minus(await xFigures(), before)).toMatchObject({ voids: 0, cardOut: 0, scanOut: 0, expectedCash: 0 });

    const retried = await reg.must('refund.retryPart', { correctionId: open.id, paymentId: sale.payments[1]!.id, idempotencyKey: key() });
    expect(retried.sale).toMatchObject({ id: open.id, status: 'completed' });
    expect((await reg.must('refund.parts', { correctionId: open.id })).parts.map((p) => p.state)).toEqual(['back', 'back']);
    expect(walletBooks(rig, sale.id)).toEqual({ netMinor: 0, refundedMinor: 3000, refundNos: 1 });
    expect(cardGivenBack(rig, sale)).toBe(1);
    expect(kinds(open.id, ['void.completed'])).toEqual(['void.completed']);
    expect(minus(await xFigures(), before)).toEqual({ voids: 1, voidedMinor: 8000, cardOut: 5000, scanOut: 3000, cashOut: 0, expectedCash: 0 });
    expect(verifyJournal(reg.db).ok).toBe(true);
  });
});
