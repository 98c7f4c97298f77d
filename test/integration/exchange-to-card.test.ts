// An exchange whose new goods cost less, the returned goods paid by card: the difference goes back
// to that card through the terminal simulator on a real pty, as a card refund does; the new sale
// completes with the return. A declined refund leaves the return open and the new goods waiting:
// the cashier gives the difference in cash with a supervisor, or abandons the exchange.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { shiftCashTerms } from '../../main/shift/shift-cash-terms';
import { liveShift } from '../../main/shift/shift-rows';
import { cardSaleOfTwoLines, key, settled, startCardRig, terminalReady, type CardRig } from '../support/card-register';
import { until } from '../support/until';
import { CASHIER_PIN, OWNER_PIN, SUPERVISOR_PIN } from '../support/register-fixture';

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

/** The card sale (毛巾 12.00, 香皂 8.00); the towel comes back for a 4.50 cloth rung up on the next sale. */
async function cheaperSwap() {
  const { reg } = rig;
  const original = await cardSaleOfTwoLines(reg);
  const next = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: next.id, name: '抹布', qtyMilli: 1000, unitPriceMinor: 450 });
  const input = { saleId: next.id, originalSaleId: original.id, lines: [{ lineId: original.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }] };
  return { original, saleId: next.id, input };
}

/** The drawer's expected cash in this register's shift. */
function drawer(registerId: string): number {
  const shift = liveShift(rig.reg.db, registerId);
  return shift ? shiftCashTerms(rig.reg.db, shift).expectedMinor : 0;
}

const statusOf = (id: string) => (rig.reg.db.prepare('SELECT status FROM documents WHERE id = ?').get(id) as { status: string }).status;

describe('an exchange whose difference goes back to the card', () => {
  it('previews the card beside cash, refunds exactly the difference to the card, and completes both documents', async () => {
    const { reg, sim } = rig;
    const { original, saleId, input } = await cheaperSwap();
    const preview = await reg.must('exchange.preview', input);
    // Cash needs a supervisor (card money into cash); the card takes the exact difference.
    expect(preview).toMatchObject({ creditMinor: 1200, differenceMinor: -750, toCardMinor: 750, approvalReasons: ['refund.approval.card_to_cash'] });

    const done = await reg.must('exchange.toCard', { ...input, reason: 'wrong_item', idempotencyKey: key() });
    expect(done.refund).toMatchObject({ kind: 'refund', status: 'completed', totals: { totalMinor: 1200 } });
    expect(done.sale).toMatchObject({ id: saleId, status: 'completed', payments: [expect.objectContaining({ method: 'cash', amountMinor: 450 })] });
    // The return's receipt shows the credit kept for the new goods and the card refund, with its card.
    const card = done.refund.payments.find((p) => p.method === 'card');
    expect(card).toMatchObject({ amountMinor: 750, originalPaymentId: original.payments[0]?.id });
    expect(card?.card).toMatchObject({ maskedPan: '476173******0119', transaction: 'refund' });
    expect(sim.batch().at(-1)).toMatchObject({ kind: 'refund', amountMinor: 750 });
    expect(done).toMatchObject({ differenceMinor: -750, toCardMinor: 750, changeMinor: 0 });

    const journal = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'exchange.completed' ORDER BY seq DESC LIMIT 1").get() as
      { payload: string } | undefined;
    expect((JSON.parse(journal?.payload ?? '{}') as { data?: unknown }).data).toMatchObject({
      refundDocumentId: done.refund.id,
      saleDocumentId: saleId,
      creditMinor: 1200,
      differenceMinor: -750,
    });
    expect(verifyJournal(reg.db).ok).toBe(true);
    // The towel is returned; the soap is still refundable to the card, no more than the card still holds.
    const left = await reg.must('refund.find', { code: String(original.receiptNo) });
    expect(left.lines.map((l) => l.refundableMinor)).toEqual([0, 800]);
  });

  it('a declined card refund sells nothing; the difference then goes in cash with a supervisor and both complete', async () => {
    const { reg, sim, staff } = rig;
    const { saleId, input } = await cheaperSwap();
    sim.script({ outcome: 'decline', declineReason: 'declined' });
    const waiting = await reg.must('exchange.toCard', { ...input, reason: 'wrong_item', idempotencyKey: key() });
    expect(waiting.refund.status).toBe('open');
    expect(statusOf(saleId)).toBe('open');
    expect(waiting.sale.payments).toEqual([]);
    const parts = await reg.must('refund.parts', { correctionId: waiting.refund.id });
    expect(parts.parts).toEqual([expect.objectContaining({ method: 'card', amountMinor: 750, state: 'refused' })]);

    // Card money into cash still needs the supervisor, as in a cash exchange.
    const partInput = { correctionId: waiting.refund.id, paymentId: parts.parts[0]?.paymentId ?? 0 };
    expect(await reg.call('refund.partInCash', { ...partInput, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'refund.needs_supervisor' },
    });
    const approval = { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN };
    const cash = await reg.must('refund.partInCash', { ...partInput, approval, idempotencyKey: key() });
    expect(cash.sale.status).toBe('completed');
    expect(statusOf(saleId)).toBe('completed');
    expect(
      reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'exchange.completed' AND json_extract(payload, '$.data.saleDocumentId') = ?").get(saleId),
    ).toEqual({
      n: 1,
    });
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('a declined card refund can be abandoned: the return and the new sale are cancelled, the goods refundable again', async () => {
    const { reg, sim } = rig;
    const { original, saleId, input } = await cheaperSwap();
    sim.script({ outcome: 'decline', declineReason: 'declined' });
    const waiting = await reg.must('exchange.toCard', { ...input, reason: 'wrong_item', idempotencyKey: key() });
    await reg.must('exchange.abandon', { saleId });
    expect(statusOf(waiting.refund.id)).toBe('cancelled');
    expect(statusOf(saleId)).toBe('cancelled');
    const left = await reg.must('refund.find', { code: String(original.receiptNo) });
    expect(left.lines.map((l) => l.refundableMinor)).toEqual([1200, 800]);
  });

  it('while the difference waits for the card, the new goods cannot be changed, paid, parked or cancelled (a second window); giving up still works', async () => {
    const { reg, sim } = rig;
    const { original, saleId, input } = await cheaperSwap();
    sim.script({ outcome: 'decline', declineReason: 'declined' });
    const waiting = await reg.must('exchange.toCard', { ...input, reason: 'wrong_item', idempotencyKey: key() });
    expect(waiting.refund.status).toBe('open');
    const line = waiting.sale.lines[0]?.id ?? 0;
    const cardEntries = sim.batch().length;
    const attempts = {
      'sale.addCustomLine': await reg.call('sale.addCustomLine', { saleId, name: '浴巾', qtyMilli: 1000, unitPriceMinor: 3000 }),
      'sale.setQty': await reg.call('sale.setQty', { saleId, lineId: line, qtyMilli: 2000 }),
      'sale.removeLine': await reg.call('sale.removeLine', { saleId, lineId: line }),
      'sale.setNote': await reg.call('sale.setNote', { saleId, note: '换货' }),
      'sale.tenderCash': await reg.call('sale.tenderCash', { saleId, tenderedMinor: 450, idempotencyKey: key() }),
      'card.pay': await reg.call('card.pay', { saleId, idempotencyKey: key() }),
      'sale.hold': await reg.call('sale.hold', { saleId }),
      'sale.cancel': await reg.call('sale.cancel', { saleId, idempotencyKey: key() }),
      // The same goods as a second exchange, for the soap.
      'exchange.complete': await reg.call('exchange.complete', {
        ...input,
        lines: [{ lineId: original.lines[1]?.id ?? 0, qtyMilli: 1000, restock: true }],
        reason: 'wrong_item',
        tenderedMinor: 0,
        idempotencyKey: key(),
      }),
    };
    for (const [call, answer] of Object.entries(attempts))
      expect(answer, call).toMatchObject({ ok: false, error: { code: 'sale.exchange_waits', params: { saleId } } });
    // Nothing moved: the same one line, no payment, not parked, no card asked.
    const sale = await reg.must('sale.get', { saleId });
    expect(sale).toMatchObject({ status: 'open', heldAt: null, note: null, payments: [] });
    expect(sale.lines.map((l) => [l.name, l.qtyMilli])).toEqual([['抹布', 1000]]);
    expect(sim.batch().length).toBe(cardEntries);

    await reg.must('exchange.abandon', { saleId });
    expect(statusOf(waiting.refund.id)).toBe('cancelled');
    expect(statusOf(saleId)).toBe('cancelled');
  });

  it('the completion recalled after a reload shows the card amount as back to the card, not as cash handed over', async () => {
    const { reg } = rig;
    const { saleId, input } = await cheaperSwap();
    await reg.must('exchange.toCard', { ...input, reason: 'wrong_item', idempotencyKey: key() });
    const recalled = await reg.must('sale.lastCompletion', {});
    expect(recalled).toMatchObject({ sale: { id: saleId }, changeMinor: 0, toCardMinor: 750 });
  });

  it('a declined card refund given in cash is recalled as cash back, nothing to the card', async () => {
    const { reg, sim, staff } = rig;
    const { saleId, input } = await cheaperSwap();
    sim.script({ outcome: 'decline', declineReason: 'declined' });
    const waiting = await reg.must('exchange.toCard', { ...input, reason: 'wrong_item', idempotencyKey: key() });
    const parts = await reg.must('refund.parts', { correctionId: waiting.refund.id });
    const approval = { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN };
    await reg.must('refund.partInCash', { correctionId: waiting.refund.id, paymentId: parts.parts[0]?.paymentId ?? 0, approval, idempotencyKey: key() });
    const recalled = await reg.must('sale.lastCompletion', {});
    expect(recalled).toMatchObject({ sale: { id: saleId }, changeMinor: 750 });
    expect(recalled?.toCardMinor).toBeUndefined();
  });

  it('a declined difference given in cash needs only that cash in the drawer: the credit for the new goods never leaves it', async () => {
    const { reg, sim, staff } = rig;
    const { saleId, input } = await cheaperSwap();
    sim.script({ outcome: 'decline', declineReason: 'declined' });
    const waiting = await reg.must('exchange.toCard', { ...input, reason: 'wrong_item', idempotencyKey: key() });
    // The drawer holds ¥8.00: enough for the ¥7.50 difference, not for it and the ¥4.50 credit.
    const dropped = drawer(waiting.refund.registerId) - 800;
    await reg.must('cash.move', { kind: 'safe_drop', amountMinor: dropped, reason: '存入保险柜', idempotencyKey: key() });
    const parts = await reg.must('refund.parts', { correctionId: waiting.refund.id });
    const approval = { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN };
    const cash = await reg.must('refund.partInCash', {
      correctionId: waiting.refund.id,
      paymentId: parts.parts[0]?.paymentId ?? 0,
      approval,
      idempotencyKey: key(),
    });
    expect(cash.sale.status).toBe('completed');
    expect(statusOf(saleId)).toBe('completed');
    expect(drawer(waiting.refund.registerId)).toBe(50);
    await reg.must('cash.move', { kind: 'paid_in', amountMinor: dropped, reason: '取回', idempotencyKey: key() });
  });

  it('goods paid part in cash, part by card: the card takes back all it can, the rest goes in cash, rounded to the coins', async () => {
    const { reg, sim, staff } = rig;
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { cashRoundingStepMinor: 10 });
    try {
      // A ¥100.00 coat: ¥60.00 in cash, ¥40.00 by card. It comes back for a ¥2.53 scarf.
      const coat = await reg.must('sale.current', {});
      await reg.must('sale.addCustomLine', { saleId: coat.id, name: '大衣', qtyMilli: 1000, unitPriceMinor: 10000 });
      await reg.must('sale.tenderCash', { saleId: coat.id, tenderedMinor: 6000, partial: true, idempotencyKey: key() });
      const original = (await reg.must('card.pay', { saleId: coat.id, idempotencyKey: key() })).sale;
      const next = await reg.must('sale.current', {});
      await reg.must('sale.addCustomLine', { saleId: next.id, name: '围巾', qtyMilli: 1000, unitPriceMinor: 253 });
      const input = { saleId: next.id, originalSaleId: original.id, lines: [{ lineId: original.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }] };
      const drawerBefore = drawer(original.registerId);

      // ¥97.47 owed: ¥40.00 to the card, ¥57.47 in cash rounded to ¥57.50 (the ¥0.03 is the scarf's rounding).
      expect(await reg.must('exchange.preview', input)).toMatchObject({ differenceMinor: -9747, toCardMinor: 4000, toCardCashMinor: 5750 });
      const done = await reg.must('exchange.toCard', { ...input, reason: 'wrong_item', idempotencyKey: key() });
      expect(done.refund.status).toBe('completed');
      expect(done.refund.payments.map((p) => [p.method, p.amountMinor])).toEqual([
        ['cash', 250],
        ['cash', 5750],
        ['card', 4000],
      ]);
      expect(done.sale).toMatchObject({ status: 'completed', roundingMinor: -3, payments: [expect.objectContaining({ method: 'cash', amountMinor: 250 })] });
      expect(done).toMatchObject({ differenceMinor: -9750, toCardMinor: 4000 });
      // The whole card payment goes back the same day: the terminal reverses it (06 30).
      expect(sim.batch().at(-1)).toMatchObject({ kind: 'reversal', amountMinor: 4000 });
      // Only the cash handed over left the drawer; the completion shows it apart from the card.
      expect(drawer(original.registerId)).toBe(drawerBefore - 5750);
      expect(await reg.must('sale.lastCompletion', {})).toMatchObject({ sale: { id: next.id }, changeMinor: 5750, toCardMinor: 4000 });
      expect(verifyJournal(reg.db).ok).toBe(true);
    } finally {
      await reg.must('settings.update', { cashRoundingStepMinor: 0 });
    }
  });

  it('the line drops after the bank decided: the new goods wait, and once the terminal is back recovery completes both, once', async () => {
    const { reg, sim } = rig;
    const { saleId, input } = await cheaperSwap();
    const refundsBefore = sim.batch().filter((e) => e.kind === 'refund').length;
    sim.script({ disconnectAfter: 'decision' });
    expect(await reg.call('exchange.toCard', { ...input, reason: 'wrong_item', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'terminal.outcome_unknown' },
    });
    // The refund may have gone through: nothing is sold, nothing can be changed, until the terminal says.
    expect(statusOf(saleId)).toBe('open');
    expect(await reg.call('sale.tenderCash', { saleId, tenderedMinor: 450, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'sale.exchange_waits' },
    });

    expect((await sim.reconnectLine()).ok).toBe(true);
    await terminalReady(reg);
    await until('the new goods sold with the return', () => statusOf(saleId) === 'completed', 10_000);
    expect(sim.batch().filter((e) => e.kind === 'refund')).toHaveLength(refundsBefore + 1);
    expect(sim.batch().at(-1)).toMatchObject({ kind: 'refund', amountMinor: 750 });
    expect(
      reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'exchange.completed' AND json_extract(payload, '$.data.saleDocumentId') = ?").get(saleId),
    ).toEqual({ n: 1 });
    expect((await reg.must('sale.get', { saleId })).payments.map((p) => [p.method, p.amountMinor])).toEqual([['cash', 450]]);
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('a repeated request gives back nothing twice', async () => {
    const { reg, sim } = rig;
    const { input } = await cheaperSwap();
    const request = { ...input, reason: 'wrong_item' as const, idempotencyKey: key() };
    const first = await reg.must('exchange.toCard', request);
    const refunds = sim.batch().filter((e) => e.kind === 'refund').length;
    const again = await reg.must('exchange.toCard', request);
    expect(again.refund.id).toBe(first.refund.id);
    expect(sim.batch().filter((e) => e.kind === 'refund').length).toBe(refunds);
  });

  it('refuses the card when the new goods cost at least as much', async () => {
    const { reg } = rig;
    const original = await cardSaleOfTwoLines(reg);
    const next = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: next.id, name: '浴巾', qtyMilli: 1000, unitPriceMinor: 3000 });
    const input = { saleId: next.id, originalSaleId: original.id, lines: [{ lineId: original.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }] };
    expect(await reg.call('exchange.toCard', { ...input, reason: 'wrong_item', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'exchange.not_to_card' },
    });
    expect(statusOf(next.id)).toBe('open');
    await reg.must('sale.cancel', { saleId: next.id, idempotencyKey: key() });
  });
});
