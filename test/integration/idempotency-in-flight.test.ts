// An idempotency key whose first request is still running (a card payment waiting for the
// terminal) answers only that same request: another call or another body under the key is refused
// as a reused key, never handed the first request's result, and records nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { errorsI18n } from '../support/errors-i18n';
import { firstStep, key, saleOf, settled, startCardRig, type CardRig } from '../support/card-register';

let rig: CardRig;

beforeAll(async () => {
  rig = await startCardRig();
});
afterAll(() => rig.stop());

const i18n = errorsI18n();

function journalCount(like: string): number {
  return (rig.reg.db.prepare('SELECT COUNT(*) AS n FROM journal WHERE kind LIKE ?').get(like) as { n: number }).n;
}

describe('an idempotency key still in flight', () => {
  it('refuses another call or another body under the key while the card payment runs, and answers the same request with its result', async () => {
    const { reg } = rig;
    const saleId = await saleOf(reg, 1200);
    const requestKey = key();
    const started = firstStep(reg, saleId);
    const paying = reg.call('card.pay', { saleId, idempotencyKey: requestKey });
    await started;

    const cashMove = await reg.call('cash.move', { kind: 'paid_out', amountMinor: 500, reason: 'in flight', idempotencyKey: requestKey });
    expect(cashMove).toEqual({ ok: false, error: { code: 'request.idempotency_key_reused', params: {} } });
    if (!cashMove.ok) {
      expect(errorMessage(cashMove.error, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toBe('此操作已用不同的内容提交过，请重试。');
      expect(errorMessage(cashMove.error, i18n.getFixedT('en'), 'en', 'CNY')).toBe('This action was already sent with different details. Please try again.');
    }
    const otherAmount = await reg.call('card.pay', { saleId, amountMinor: 600, idempotencyKey: requestKey });
    expect(otherAmount).toMatchObject({ ok: false, error: { code: 'request.idempotency_key_reused' } });
    const same = reg.call('card.pay', { saleId, idempotencyKey: requestKey });

    const paid = await paying;
    expect(paid).toMatchObject({ ok: true, value: { sale: { id: saleId, status: 'completed' } } });
    expect(await same).toEqual(paid);
    await settled(reg);
    // One card payment, and no cash movement: the refused requests changed nothing.
    expect(journalCount('cash.%')).toBe(0);
    const sale = await reg.must('sale.get', { saleId });
    expect(sale.payments).toHaveLength(1);
    expect(sale.payments[0]).toMatchObject({ amountMinor: 1200 });
    // Once stored, the key is refused to the cash movement the same way.
    expect(await reg.call('cash.move', { kind: 'paid_out', amountMinor: 500, reason: 'after', idempotencyKey: requestKey })).toMatchObject({
      ok: false,
      error: { code: 'request.idempotency_key_reused' },
    });
  });
});
