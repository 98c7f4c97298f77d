// A register runs all day for months: what it keeps in memory per scanned payment must go when
// the payment is final. Real ledger file, real provider simulator over HTTP, payments that make
// the customer enter a password (the register asks the provider until they do).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanPayments } from '../../main/scan-pay/scan-payment';
import { alipayCode, key, saleOf, scanRig, until, wechatCode } from '../support/scan-rig';

let rig: Awaited<ReturnType<typeof scanRig>>;
beforeAll(async () => {
  rig = await scanRig({ passwordMs: 60 });
});
afterAll(() => rig.stop());

/** The attempts whose last question to the provider the register remembers (shown on 扫码结果待定 while they settle). */
function remembered(): number {
  const payments = rig.reg.scanPay.payments;
  expect(payments).toBeInstanceOf(ScanPayments);
  return (payments as unknown as { checkedAt: Map<number, number> }).checkedAt.size;
}

describe('scan-to-pay over a long run', () => {
  it('keeps no memory of a settled attempt: many password payments later, none is remembered', async () => {
    const SALES = 24;
    for (let i = 0; i < SALES; i++) {
      // 12.31: the simulator's "password, then paid" (the register queries until the customer has entered it).
      const saleId = await saleOf(rig.reg, 1231);
      const done = await rig.reg.must('scanpay.pay', { saleId, code: i % 2 === 0 ? wechatCode() : alipayCode(), idempotencyKey: key() });
      expect(done.receiptNo).not.toBeNull();
    }
    const queried = rig.reg.db.prepare("SELECT COUNT(*) AS n FROM scan_attempts WHERE state = 'paid'").get() as { n: number };
    expect(queried.n).toBe(SALES);
    expect(remembered()).toBe(0);
  });

  it('still tells when an open attempt was last asked about, while it settles', async () => {
    // 12.32: the customer never enters the password; while the register waits the attempt is open and asked about.
    const saleId = await saleOf(rig.reg, 1232);
    const paying = rig.reg.call('scanpay.pay', { saleId, code: wechatCode(), idempotencyKey: key() });
    const open = await until('the open attempt asked about', () => {
      const row = rig.reg.db.prepare("SELECT id FROM scan_attempts WHERE sale_id = ? AND state = 'waiting'").get(saleId) as { id: number } | undefined;
      return row && rig.reg.scanPay.payments.progress(row.id).lastCheckedAt !== null ? row : null;
    });
    expect(rig.reg.scanPay.payments.progress(open.id).live).toBe(true);
    expect(await paying).toMatchObject({ ok: false, error: { code: 'scanpay.reversed' } });
    expect(remembered()).toBe(0);
  });
});
