// An exchange's difference paid by card, seen by a window that did not begin it (reloaded, or
// opened meanwhile): `payment.progress` says the running payment is an exchange's (the goods
// coming back, the credit, the difference), and `exchange.ofSale` names both documents once the
// card's approval completed them. The ZVT simulator on a real socat pty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key, payCard, startCardRig, type CardRig } from '../support/card-register';
import { until } from '../support/until';

let rig: CardRig;
beforeAll(async () => {
  rig = await startCardRig();
});
afterAll(() => rig.stop());

describe('an exchange paid by card, followed by a window that did not begin it', () => {
  it('reports the payment as the exchange’s while it runs, then the return completed and numbered with the sale', async () => {
    const { reg, sim } = rig;
    const first = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: first.id, name: 'T恤 M', qtyMilli: 1000, unitPriceMinor: 5000 });
    const original = (await reg.must('sale.tenderCash', { saleId: first.id, tenderedMinor: 5000, idempotencyKey: key() })).sale;
    const next = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: next.id, name: 'T恤 L 加厚', qtyMilli: 1000, unitPriceMinor: 8000 });
    const lineId = original.lines[0]?.id ?? 0;
    await reg.must('exchange.begin', {
      saleId: next.id,
      originalSaleId: original.id,
      lines: [{ lineId, qtyMilli: 1000, restock: false }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(await reg.must('exchange.ofSale', { saleId: original.id })).toBeNull();

    sim.script({ pinDelayMs: 1500 });
    const paying = payCard(reg, next.id);
    const running = await until('the PIN step reported', async () => {
      const p = await reg.must('payment.progress', { saleId: next.id });
      return p.running?.step === 'terminal.step.enter_pin' ? p : null;
    });
    expect(running.running).toMatchObject({ kind: 'card', amountMinor: 3000, live: true });
    // The credit is the sale's one payment so far: the card's is still running.
    const paidSoFar = (await reg.must('sale.get', { saleId: next.id })).payments;
    expect(paidSoFar).toMatchObject([{ method: 'cash', amountMinor: 5000 }]);
    expect(running.exchange).toEqual({
      originalSaleId: original.id,
      originalRegisterId: original.registerId,
      originalReceiptNo: original.receiptNo,
      refundId: expect.any(String) as unknown,
      refundStatus: 'open',
      refundReceiptNo: null,
      creditMinor: 5000,
      creditPaymentId: paidSoFar[0]?.id,
      differenceMinor: 3000,
      reason: 'defective',
      lines: [{ lineId, qtyMilli: 1000, restock: false }],
    });

    const after = await until('the payment reported as ended', async () => {
      const p = await reg.must('payment.progress', { saleId: next.id });
      return p.ended ? p : null;
    });
    expect(after.ended?.result).toEqual(await paying);
    const refundReceiptNo = (await reg.must('sale.get', { saleId: running.exchange?.refundId ?? '' })).receiptNo;
    expect(refundReceiptNo).toEqual(expect.any(Number));
    expect(after.exchange).toEqual({ ...running.exchange, refundStatus: 'completed', refundReceiptNo });
    expect(await reg.must('exchange.ofSale', { saleId: next.id })).toEqual(after.exchange);
  });

  it('refuses an unknown sale with a coded error', async () => {
    expect(await rig.reg.call('exchange.ofSale', { saleId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'sale.not_found' },
    });
  });
});
