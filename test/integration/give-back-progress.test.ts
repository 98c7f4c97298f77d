// `payment.giveBackProgress`: a refund screen reloaded while money goes back to a card (a return
// refunded with ZVT 06 31, a void reversed with 06 30) finds the correction's terminal step and,
// by `payment.ended` or by asking, how it ended. The ZVT simulator on a real socat pty; nobody
// waits on the refund call's answer to learn the outcome, as the reloaded page cannot.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentEndedView } from '../../preload/contract/payment-progress-views';
import { type CardRig, cardSaleOfTwoLines, key, settled, startCardRig } from '../support/card-register';
import { CASHIER_PIN, SUPERVISOR_PIN } from '../support/register-fixture';
import { until } from '../support/until';

let rig: CardRig;
const ended: PaymentEndedView[] = [];

beforeAll(async () => {
  rig = await startCardRig();
  rig.reg.events.subscribe((event, payload) => {
    if (event === 'payment.ended') ended.push(payload as PaymentEndedView);
  });
});
afterEach(async () => {
  await settled(rig.reg);
  await rig.reg.must('session.logout', {});
  await rig.reg.must('session.login', { operatorId: rig.staff.cashierId, pin: CASHIER_PIN });
});
afterAll(() => rig.stop());

/** A card sale of two lines (12.00 and 8.00). */
const cardSale = () => cardSaleOfTwoLines(rig.reg);

describe('money going back to a card, seen by a window that did not start it', () => {
  it('a return refunded to the card: its PIN step while it runs, then the completed correction', async () => {
    const { reg, sim } = rig;
    const sale = await cardSale();
    expect(await reg.must('payment.giveBackProgress', { saleId: sale.id })).toBeNull();
    sim.script({ pinDelayMs: 1500 });
    const refunding = reg.call('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: sale.lines[1]?.id ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    const running = await until('the PIN step reported', async () => {
      const p = await reg.must('payment.giveBackProgress', { saleId: sale.id });
      return p?.running?.step === 'terminal.step.enter_pin' ? p : null;
    });
    expect(running).toMatchObject({
      saleId: sale.id,
      ended: null,
      running: { kind: 'card', amountMinor: 800, live: true, cancellable: true, step: 'terminal.step.enter_pin' },
    });
    expect(running.correctionId).not.toBe(sale.id);
    expect(running.running?.saleId).toBe(running.correctionId);

    const after = await until('the give-back reported as ended', async () => {
      const p = await reg.must('payment.giveBackProgress', { saleId: sale.id });
      return p?.ended ? p : null;
    });
    expect(after).toMatchObject({
      correctionId: running.correctionId,
      running: null,
      ended: {
        saleId: running.correctionId,
        kind: 'card',
        result: { ok: true, value: { sale: { kind: 'refund', status: 'completed', totals: { totalMinor: 800 } } } },
      },
    });
    expect(await refunding).toEqual(after?.ended?.result);
    expect(ended.filter((e) => e.saleId === running.correctionId)).toEqual([after?.ended]);
    // A window that starts another correction of this sale asks from then on: this one is not its.
    const opened = (reg.db.prepare('SELECT opened_at FROM documents WHERE id = ?').get(running.correctionId) as { opened_at: number }).opened_at;
    expect(await reg.must('payment.giveBackProgress', { saleId: sale.id, since: opened })).toMatchObject({ correctionId: running.correctionId });
    expect(await reg.must('payment.giveBackProgress', { saleId: sale.id, since: opened + 1 })).toBeNull();
  });

  it('a void reversed on the terminal that the terminal refuses ends with the refusal, the correction cancelled', async () => {
    const { reg, sim } = rig;
    await reg.must('session.logout', {});
    await reg.must('session.login', { operatorId: rig.staff.supervisorId, pin: SUPERVISOR_PIN });
    const sale = await cardSale();
    sim.script({ outcome: 'decline' });
    const r = await reg.call('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() });
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.declined' } });
    const p = await reg.must('payment.giveBackProgress', { saleId: sale.id });
    expect(p).toMatchObject({ saleId: sale.id, running: null, ended: { kind: 'card', result: r } });
    expect((await reg.must('sale.get', { saleId: p?.correctionId ?? '' })).status).toBe('cancelled');
  });

  it('refuses an unknown sale with a coded error', async () => {
    expect(await rig.reg.call('payment.giveBackProgress', { saleId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'sale.not_found' },
    });
  });
});
