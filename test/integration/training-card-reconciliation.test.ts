// Found by a review: a practice card sale, which the training simulator takes and the terminal
// never sees, was listed on the Z as a card payment missing on the terminal. The Z said
// "differences" while its own card tender line (practice left out) matched the terminal.
import { describe, expect, it } from 'vitest';
import { key } from '../support/day-close-shop';
import { trainingShops } from '../support/training-shop';

const { shop, training } = trainingShops();

describe('the Z card reconciliation and training', () => {
  it('leaves a practice card sale out of the comparison with the terminal, as the Z card tender does', async () => {
    const s = await shop();
    await training(s, true, 'register');
    const practice = await s.sale([3500]);
    await s.reg.must('card.pay', { saleId: practice, idempotencyKey: key() });
    await training(s, false, 'register');
    const real = await s.sale([1200]);
    await s.reg.must('card.pay', { saleId: real, idempotencyKey: key() });
    const shiftId = (await s.reg.must('shift.current', {})).shift?.id ?? 0;
    await s.as('supervisor');
    const z = await s.z({ forceClose: [{ shiftId, reason: 'day end' }] });
    expect(z.figures.tenders.find((t) => t.method === 'card')).toMatchObject({ inCount: 1, inMinor: 1200 });
    expect(z.reconciliation).toMatchObject({ status: 'matched', terminalTotalMinor: 1200, registerTotalMinor: 1200, differences: [] });
  });
});
