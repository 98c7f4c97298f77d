// In training the simulator answers a card part as the terminal would: the part keyed, not the
// whole sale, and an amount above what is owed is refused with the card's own reason.
import { describe, expect, it } from 'vitest';
import { key } from '../support/day-close-shop';
import { trainingShops } from '../support/training-shop';

const { shop, training, terminal } = trainingShops();

describe('a practice card part', () => {
  it('pays the part keyed; more than is owed is refused; cash pays the rest; the terminal is never asked', async () => {
    const s = await shop();
    await training(s, true, 'register');
    const saleId = await s.sale([3500]);
    expect(await s.reg.call('card.pay', { saleId, amountMinor: 3501, idempotencyKey: key() })).toEqual({
      ok: false,
      error: { code: 'terminal.amount_exceeds_due', params: { dueMinor: 3500 } },
    });
    const part = await s.reg.must('card.pay', { saleId, amountMinor: 1000, idempotencyKey: key() });
    expect(part.sale).toMatchObject({ status: 'open', training: true, paidMinor: 1000, remainingMinor: 2500 });
    const done = await s.reg.must('sale.tenderCash', { saleId, tenderedMinor: 2500, idempotencyKey: key() });
    expect(done.sale.payments.map((p) => [p.method, p.amountMinor, p.card?.brand ?? null])).toEqual([
      ['card', 1000, 'TRAINING'],
      ['cash', 2500, null],
    ]);
    expect(terminal().batch()).toEqual([]);
  });
});
