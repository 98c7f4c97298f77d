// A sale to take back, for the refund suites: three waters and a milk with an order discount,
// paid in cash, and switching operators on the register.
import type { TestRegister } from './register-fixture';
import { MILK, WATER } from './tracked-registers';

let keys = 0;
export const key = () => `refund-test-${++keys}`;

/** Three waters and a milk, 10 % off the order, paid in cash. */
export async function cashSale(reg: TestRegister) {
  const { id } = await reg.must('sale.current', {});
  await reg.must('sale.addProduct', { saleId: id, code: WATER, qtyMilli: 3000 });
  await reg.must('sale.addProduct', { saleId: id, code: MILK });
  await reg.must('sale.setOrderDiscount', { saleId: id, discount: { kind: 'percent', rateBp: 1000 } });
  return (await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 2000, idempotencyKey: key() })).sale;
}

export async function as(reg: TestRegister, operatorId: number, pin: string) {
  await reg.must('session.logout', {});
  await reg.must('session.login', { operatorId, pin });
}
