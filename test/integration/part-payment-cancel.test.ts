// 整单取消 after a part payment: the customer paid part in cash and walked away. The cash goes back
// (journalled as returned, in the cancelling transaction, at synchronous=FULL), the drawer's
// expected cash is as before, and the shift can be counted and closed. A card or scanned part
// cannot be given back by a cancel: it is refused and nothing changes.
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { terminalReady } from '../support/card-register';
import { CASHIER_PIN, FIXTURE_FLOAT, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { register } from '../support/tracked-registers';

let keys = 0;
const key = () => `part-cancel-${process.pid}-${++keys}`;

function entries(reg: TestRegister): { seq: number; kind: string; payload: Record<string, unknown> }[] {
  return (reg.db.prepare('SELECT seq, kind, payload FROM journal ORDER BY seq').all() as { seq: number; kind: string; payload: string }[]).map((e) => ({
    ...e,
    payload: (JSON.parse(e.payload) as { data: Record<string, unknown> }).data,
  }));
}

/** The ¥12.00 toothbrush of the QA report, with ¥2.00 cash taken as a part payment. */
async function toothbrushWithTwoYuanTaken(reg: TestRegister): Promise<string> {
  const { id } = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: id, name: '牙刷', qtyMilli: 1000, unitPriceMinor: 1200 });
  const part = await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 200, partial: true, idempotencyKey: key() });
  expect(part.sale).toMatchObject({ status: 'open', paidMinor: 200, remainingMinor: 1000 });
  return id;
}

describe('cancelling a sale with a cash part payment', () => {
  it('gives the cash back: the sale is cancelled, the payment journalled as returned, the drawer as before, the shift closable', async () => {
    const reg = register();
    const { cashierId, ownerId } = await withStaff(reg);
    // The X report is the owner's to read; the cashier sells and cancels.
    const xAsOwner = async () => {
      await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
      const x = await reg.must('report.x', { scope: 'shift' });
      await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
      return x;
    };
    const before = (await xAsOwner()).shifts[0]?.expected;
    const saleId = await toothbrushWithTwoYuanTaken(reg);
    const shiftId = (await reg.must('shift.current', {})).shift?.id ?? 0;
    // What the QA report met: the till cannot be counted while the part payment is open.
    expect(await reg.call('shift.count', { shiftId, counts: FIXTURE_FLOAT, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'shift.sale_in_progress' },
    });

    // A cancel that moves money refuses to commit below synchronous=FULL, and then changes nothing.
    reg.db.pragma('synchronous = NORMAL');
    expect(await reg.call('sale.cancel', { saleId, idempotencyKey: key() })).toMatchObject({ ok: false });
    reg.db.pragma('synchronous = FULL');
    expect((await reg.must('sale.get', { saleId })).status).toBe('open');
    expect(entries(reg).filter((e) => e.kind === 'sale.cash_returned')).toEqual([]);

    const next = await reg.must('sale.cancel', { saleId, idempotencyKey: key() });
    expect(next.id).not.toBe(saleId);
    expect(next.lines).toEqual([]);
    const cancelled = await reg.must('sale.get', { saleId });
    expect(cancelled.status).toBe('cancelled');
    const paymentId = cancelled.payments[0]?.id;

    // The return and the cancel are journalled together, the return first, in one transaction (adjacent seqs).
    const journal = entries(reg);
    const returned = journal.filter((e) => e.kind === 'sale.cash_returned');
    const cancel = journal.filter((e) => e.kind === 'sale.cancelled');
    expect(returned.map((e) => e.payload)).toEqual([{ saleId, paymentId, amountMinor: 200, operatorId: cashierId, approverId: null }]);
    expect(cancel.map((e) => e.payload)).toMatchObject([{ saleId, operatorId: cashierId, totalMinor: 1200 }]);
    expect(cancel[0]?.seq).toBe((returned[0]?.seq ?? 0) + 1);
    expect(verifyJournal(reg.db)).toMatchObject({ ok: true });

    // The drawer took ¥2.00 and gave it back: the expected cash is as before, and no sale shows on the X report.
    const x = await xAsOwner();
    expect(x.shifts[0]?.expected).toEqual(before);
    expect(x.figures.documentCount).toBe(0);
    expect(x.figures.netMinor).toBe(0);

    // The till is free again: counted at the float, no difference, and closed.
    await reg.must('shift.count', { shiftId, counts: FIXTURE_FLOAT, idempotencyKey: key() });
    // The cashier's count is blind until the close; the closed shift says its difference.
    const closed = await reg.must('shift.close', { shiftId, idempotencyKey: key() });
    expect(closed).toMatchObject({ differenceMinor: 0 });
    expect((await reg.must('shift.current', {})).shift).toBeNull();
  });

  it('refuses to hold a sale with cash taken, with its own reason, and changes nothing', async () => {
    const reg = register();
    await withStaff(reg);
    const saleId = await toothbrushWithTwoYuanTaken(reg);
    const count = entries(reg).length;
    expect(await reg.call('sale.hold', { saleId })).toEqual({ ok: false, error: { code: 'sale.hold_paid', params: { saleId } } });
    expect(entries(reg)).toHaveLength(count);
    expect(await reg.must('sale.get', { saleId })).toMatchObject({ status: 'open', heldAt: null, paidMinor: 200 });
  });
});

describe('cancelling a sale with a card part payment', () => {
  it('is refused with its own reason and changes nothing; paid in full, the sale can then be voided', async () => {
    const reg = register({ demoTerminal: true });
    const staff = await withStaff(reg);
    const saleId = await toothbrushWithTwoYuanTaken(reg);
    // A card payment for part of the rest, booked as the terminal would (the card path is tested with the simulator elsewhere).
    const { recordCardPayment } = await import('../../main/sale/tender');
    const settings = await reg.must('settings.get', {});
    const card = {
      maskedPan: '476173******0119',
      brand: 'VISA',
      authCode: '123456',
      trace: '1',
      terminalReceiptNo: '1',
      terminalId: 'T1',
      entryMode: 'chip' as const,
      signatureRequired: false,
    };
    recordCardPayment({ db: reg.db, now: Date.now(), settings, actor: { id: staff.cashierId, role: 'cashier' } }, { saleId, amountMinor: 500, card });
    const count = entries(reg).length;

    expect(await reg.call('sale.cancel', { saleId, idempotencyKey: key() })).toEqual({
      ok: false,
      error: { code: 'sale.cancel_card_paid', params: { saleId } },
    });
    expect(entries(reg)).toHaveLength(count);
    const still = await reg.must('sale.get', { saleId });
    expect(still).toMatchObject({ status: 'open', paidMinor: 700, remainingMinor: 500 });
    expect(still.payments.map((p) => p.method)).toEqual(['cash', 'card']);

    // The way out the refusal names: take the rest (here by card on the demo terminal), and the completed sale can be voided.
    await reg.must('sale.tenderCash', { saleId, tenderedMinor: 500, idempotencyKey: key() });
    const split = await toothbrushWithTwoYuanTaken(reg);
    // The demo terminal connects in the background: the sale is paid once it is ready.
    await terminalReady(reg);
    const paid = await reg.must('card.pay', { saleId: split, idempotencyKey: key() });
    expect(paid.sale).toMatchObject({ status: 'completed' });
    expect(paid.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([
      ['cash', 200],
      ['card', 1000],
    ]);
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const voided = await reg.must('void.sale', { saleId: split, reason: 'cashier_error', idempotencyKey: key() });
    expect(voided.sale).toMatchObject({ kind: 'void', status: 'completed', originalDocumentId: split, totals: { totalMinor: 1200 } });
    expect(verifyJournal(reg.db)).toMatchObject({ ok: true });
  });
});
