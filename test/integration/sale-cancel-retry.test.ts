// 整单取消 gives back the cash taken on the sale, so it moves money and carries an idempotency key
// like every other money call: a retried cancel (a double click, a message sent again after the
// connection dropped) gets the first answer back and never hands the cash over twice.
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { CASHIER_PIN, journalKinds, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { register } from '../support/tracked-registers';

let keys = 0;
const key = () => `cancel-retry-${process.pid}-${++keys}`;

async function expectedCash(reg: TestRegister, ownerId: number, back: { id: number; pin: string }): Promise<number> {
  await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
  const x = await reg.must('report.x', { scope: 'shift' });
  await reg.must('session.login', { operatorId: back.id, pin: back.pin });
  return x.shifts[0]?.expected.expectedMinor ?? NaN;
}

describe('a retried 整单取消', () => {
  it('with the same key returns the first answer and gives the ¥2.00 back once', async () => {
    const reg = register();
    const { ownerId, cashierId } = await withStaff(reg);
    const before = await expectedCash(reg, ownerId, { id: cashierId, pin: CASHIER_PIN });
    const { id: saleId } = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId, name: '牙刷', qtyMilli: 1000, unitPriceMinor: 1200 });
    await reg.must('sale.tenderCash', { saleId, tenderedMinor: 200, partial: true, idempotencyKey: key() });

    const cancel = { saleId, idempotencyKey: key() };
    const first = await reg.must('sale.cancel', cancel);
    const again = await reg.must('sale.cancel', cancel);
    expect(again).toEqual(first);
    expect(first.id).not.toBe(saleId);
    expect(journalKinds(reg).filter((k) => k === 'sale.cash_returned')).toHaveLength(1);
    expect(journalKinds(reg).filter((k) => k === 'sale.cancelled')).toHaveLength(1);
    expect(await expectedCash(reg, ownerId, { id: cashierId, pin: CASHIER_PIN })).toBe(before);

    // A new key for the same sale is a new request: the sale is no longer open, and nothing moves.
    expect(await reg.call('sale.cancel', { saleId, idempotencyKey: key() })).toMatchObject({ ok: false, error: { code: 'sale.not_open' } });
    expect(journalKinds(reg).filter((k) => k === 'sale.cash_returned')).toHaveLength(1);
    // The same key for another sale is refused as reused.
    const other = await reg.must('sale.current', {});
    expect(await reg.call('sale.cancel', { saleId: other.id, idempotencyKey: cancel.idempotencyKey })).toMatchObject({
      ok: false,
      error: { code: 'request.idempotency_key_reused' },
    });
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('a cancel without a key is refused as bad input and changes nothing', async () => {
    const reg = register();
    await withStaff(reg);
    const { id: saleId } = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId, name: '牙刷', qtyMilli: 1000, unitPriceMinor: 1200 });
    expect(await reg.call('sale.cancel', { saleId } as never)).toMatchObject({ ok: false, error: { code: 'request.invalid_input' } });
    expect((await reg.must('sale.get', { saleId })).status).toBe('open');
  });

  it('an unpaid cart is cancelled as before, and a wrong supervisor PIN still counts towards their lockout', async () => {
    const reg = register();
    const { ownerId, supervisorId, cashierId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { cancelSaleNeedsSupervisor: true });
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    const { id: saleId } = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId, name: '牙刷', qtyMilli: 1000, unitPriceMinor: 1200 });
    const failures = () => reg.db.prepare("SELECT COUNT(*) FROM journal WHERE kind = 'session.login_failed'").pluck().get();
    const wrong = await reg.call('sale.cancel', { saleId, approval: { operatorId: supervisorId, pin: '0000' }, idempotencyKey: key() });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'sale.approver_invalid', params: { reason: 'session.wrong_pin' } } });
    expect(failures()).toBe(1);
    expect(reg.db.prepare('SELECT failed_attempts FROM operators WHERE id = ?').pluck().get(supervisorId)).toBe(1);
    const next = await reg.must('sale.cancel', { saleId, approval: { operatorId: supervisorId, pin: SUPERVISOR_PIN }, idempotencyKey: key() });
    expect(next.id).not.toBe(saleId);
    expect((await reg.must('sale.get', { saleId })).status).toBe('cancelled');
  });
});
