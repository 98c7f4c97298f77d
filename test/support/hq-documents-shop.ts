// A register enrolled with a test HQ that has rung up the documents HQ checks: cash sales of the
// given baskets, then a refund of the first (with its receipt) and a void of the second, so every
// kind of completed document, and the reason, approver and original each correction carries, is
// uploaded.
import { randomUUID } from 'node:crypto';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from './register-fixture';
import type { HqRig } from './hq-rig';

export async function documentsShop(rig: HqRig, registerId: string, shopId: string, baskets: string[][], keyPrefix: string): Promise<TestRegister> {
  const reg = makeRegister({ sync: { auto: false } });
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  await rig.enrol(reg, registerId, shopId);
  for (const codes of baskets) {
    const sale = await reg.must('sale.current', {});
    for (const code of codes) await reg.must('sale.addProduct', { saleId: sale.id, code });
    const view = await reg.must('sale.get', { saleId: sale.id });
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: view.totals.totalMinor + 300, idempotencyKey: randomUUID().replaceAll('-', '') });
  }
  const [sold, voided] = [await reg.must('sale.byReceipt', { receiptNo: 1 }), await reg.must('sale.byReceipt', { receiptNo: 2 })];
  await reg.must('refund.withReceipt', {
    saleId: sold.id,
    lines: [{ lineId: sold.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
    reason: 'defective',
    idempotencyKey: `${keyPrefix}-refund-1`,
  });
  await reg.must('void.sale', { saleId: voided.id, reason: 'cashier_error', idempotencyKey: `${keyPrefix}-void-1` });
  return reg;
}
