// A return while an earlier return of the same sale is still going back to the customer's wallet
// (the provider accepted the refund and is processing it): that money is promised, so the second
// return gives back only what its own goods are worth. Before, a wallet part on its way had no
// payment row yet, the sale's payment looked untouched, and the second return (the last goods)
// handed over the whole payment in cash: ¥160 back for a ¥100 sale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUPERVISOR_PIN } from '../support/register-fixture';
import { key, saleOf, scanRig, until, wechatCode } from '../support/scan-rig';

let rig: Awaited<ReturnType<typeof scanRig>>;
beforeAll(async () => {
  rig = await scanRig();
});
afterAll(() => rig.stop());

describe('a second return while the first still waits for the wallet provider', () => {
  it('shows the money on its way as taken and gives back only the second item', async () => {
    const { reg, sim, staff } = rig;
    // ¥60.00 + ¥40.00, paid ¥100.00 by WeChat Pay.
    const saleId = await saleOf(reg, 6000);
    await reg.must('sale.addCustomLine', { saleId, name: 'Second', qtyMilli: 1000, unitPriceMinor: 4000 });
    const paid = await reg.must('scanpay.pay', { saleId, code: wechatCode(), idempotencyKey: key() });
    expect(paid.sale.status).toBe('completed');
    const [first, second] = paid.sale.lines;
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });

    // The provider accepts the ¥60.00 refund and leaves it processing: that return waits, open.
    sim.scriptRefunds('pending');
    const waiting = await reg.must('refund.withReceipt', {
      saleId,
      lines: [{ lineId: first!.id, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(waiting.sale.status).toBe('open');
    await until('the provider took the refund', () => sim.entries()[0]?.refundedMinor === 6000);

    // The return screen: ¥40.00 of the wallet payment is left to give back, not ¥100.00.
    const found = await reg.must('refund.find', { code: saleId });
    expect(found.payments[0]?.refundableMinor).toBe(4000);

    // The ¥40.00 item comes back in cash (a supervisor allows wallet money as cash).
    const second40 = await reg.must('refund.withReceipt', {
      saleId,
      lines: [{ lineId: second!.id, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      toCash: true,
      idempotencyKey: key(),
    });
    expect(second40.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([['cash', 4000]]);
    expect(second40.sale.totals.totalMinor + second40.sale.roundingMinor).toBe(4000);
  });
});
