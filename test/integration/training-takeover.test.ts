// A cart taken over by an operator in the other mode (left at logout, or held and recalled): a
// real operator takes no real money into a practice sale, a trainee none into a real one. Either
// may cancel it; nothing is written by the refusals.
import { describe, expect, it } from 'vitest';
import { FIXTURE_FLOAT_MINOR, SUPERVISOR_PIN } from '../support/register-fixture';
import { key, type Shop } from '../support/day-close-shop';
import { trainingShops } from '../support/training-shop';

const { shop, training, terminal, provider } = trainingShops();

/** What a refused call must leave as it was: the journal, the documents, the money and the paper. */
function ledgerState(s: Shop) {
  const n = (q: string) => s.reg.db.prepare(q).pluck().get() as number;
  return {
    journalSeq: n('SELECT COALESCE(MAX(seq), 0) FROM journal'),
    documents: s.reg.db.prepare('SELECT id, status, training, receipt_no, total_minor FROM documents ORDER BY pk').all(),
    lines: n('SELECT COUNT(*) FROM document_lines'),
    payments: n('SELECT COUNT(*) FROM payments'),
    printJobs: n('SELECT COUNT(*) FROM print_jobs'),
    cardIntents: n('SELECT COUNT(*) FROM card_intents'),
    scanAttempts: n('SELECT COUNT(*) FROM scan_attempts'),
  };
}

async function expectedCash(s: Shop): Promise<number> {
  const x = await s.reg.must('report.x', { scope: 'shift' });
  return x.shifts[0]?.expected.expectedMinor ?? -1;
}

const refused = (code: string) => ({ ok: false, error: { code, params: {} } });

describe('a cart taken over across training modes', () => {
  it("refuses a real operator more items and cash, card or scan-to-pay on a trainee's left cart, writes nothing, lets him cancel it, and keeps the real series", async () => {
    const s = await shop();
    const asked = provider().calls.length;
    await training(s, true);
    const saleId = await s.sale([850]);
    // 直接退出: the trainee leaves; the owner, not in training, logs in and finds the cart.
    await s.as('owner');
    expect((await s.reg.must('session.current', {})).training).toBe(false);
    const cart = await s.reg.must('sale.current', {});
    expect(cart).toMatchObject({ id: saleId, training: true });
    const lineId = cart.lines[0]?.id ?? 0;
    const cashBefore = await expectedCash(s);
    expect(cashBefore).toBe(FIXTURE_FLOAT_MINOR);
    const before = ledgerState(s);

    const practice = refused('training.sale_is_practice');
    expect(await s.reg.call('sale.addCustomLine', { saleId, name: '农夫山泉', qtyMilli: 1000, unitPriceMinor: 200, taxRateBp: 1300 })).toEqual(practice);
    expect(await s.reg.call('sale.setQty', { saleId, lineId, qtyMilli: 2000 })).toEqual(practice);
    expect(await s.reg.call('sale.tenderCash', { saleId, tenderedMinor: 2000, idempotencyKey: key() })).toEqual(practice);
    expect(await s.reg.call('sale.tenderCash', { saleId, tenderedMinor: 500, partial: true, idempotencyKey: key() })).toEqual(practice);
    expect(await s.reg.call('card.pay', { saleId, idempotencyKey: key() })).toEqual(practice);
    expect(await s.reg.call('scanpay.pay', { saleId, code: '134567890123456789', amountMinor: 850, idempotencyKey: key() })).toEqual(practice);

    expect(ledgerState(s)).toEqual(before);
    expect(await expectedCash(s)).toBe(cashBefore);
    expect(terminal().batch()).toEqual([]);
    expect(provider().calls.slice(asked)).toEqual([]);

    // Cancelling is what he may do: the practice cart goes, as practice.
    const next = await s.reg.must('sale.cancel', { saleId, idempotencyKey: key() });
    expect(next.lines).toEqual([]);
    expect(s.reg.db.prepare('SELECT status, training FROM documents WHERE id = ?').get(saleId)).toEqual({ status: 'cancelled', training: 1 });
    const cancelled = s.reg.db.prepare("SELECT json_extract(payload, '$.data.training') FROM journal WHERE kind = 'sale.cancelled'").pluck().get();
    expect(cancelled).toBe(1);

    // His next sale is real, the first of the real series, and its cash is expected in the drawer.
    const real = await s.cashSale([200], 2000);
    expect(real.receiptNo).toBe(1);
    expect((await s.reg.must('sale.get', { saleId: real.saleId })).training).toBe(false);
    expect(await expectedCash(s)).toBe(FIXTURE_FLOAT_MINOR + 200);
  });

  it('marks a held practice sale in the recall list, recalls it for a real operator, and refuses his cash on it', async () => {
    const s = await shop();
    await training(s, true);
    const saleId = await s.sale([850]);
    await s.reg.must('sale.hold', { saleId });
    s.clock.now += 60_000;
    await s.as('owner');
    const realCart = await s.sale([300]);
    await s.reg.must('sale.hold', { saleId: realCart });
    const held = await s.reg.must('sale.heldList', {});
    expect(held.map((h) => [h.saleId, h.training])).toEqual([
      [saleId, true],
      [realCart, false],
    ]);
    const recalled = await s.reg.must('sale.recall', { saleId });
    expect(recalled).toMatchObject({ id: saleId, training: true, heldAt: null });
    const before = ledgerState(s);
    expect(await s.reg.call('sale.tenderCash', { saleId, tenderedMinor: 1000, idempotencyKey: key() })).toEqual(refused('training.sale_is_practice'));
    expect(ledgerState(s)).toEqual(before);
    // Handed back to the trainee, it is finished as practice; the real series does not move.
    await s.as('cashier');
    const done = await s.reg.must('sale.tenderCash', { saleId, tenderedMinor: 1000, idempotencyKey: key() });
    expect(done.sale).toMatchObject({ training: true, receiptNo: 1, status: 'completed' });
    await s.as('owner');
    expect(await expectedCash(s)).toBe(FIXTURE_FLOAT_MINOR);
  });

  it('refuses a trainee more items and cash or scan-to-pay on a real cart left by a colleague, writes nothing, and lets the trainee cancel it', async () => {
    const s = await shop();
    const asked = provider().calls.length;
    await training(s, true);
    await s.as('owner');
    const saleId = await s.sale([200]);
    await s.as('cashier');
    expect((await s.reg.must('session.current', {})).training).toBe(true);
    expect((await s.reg.must('sale.current', {})).training).toBe(false);
    await s.as('owner');
    const cashBefore = await expectedCash(s);
    await s.as('cashier');
    const before = ledgerState(s);

    const real = refused('training.sale_is_real');
    expect(await s.reg.call('sale.addCustomLine', { saleId, name: '全麦面包', qtyMilli: 1000, unitPriceMinor: 850, taxRateBp: 1300 })).toEqual(real);
    expect(await s.reg.call('sale.tenderCash', { saleId, tenderedMinor: 2000, idempotencyKey: key() })).toEqual(real);
    expect(await s.reg.call('sale.complete', { saleId, idempotencyKey: key() })).toEqual(real);
    expect(await s.reg.call('scanpay.pay', { saleId, code: '134567890123456789', amountMinor: 200, idempotencyKey: key() })).toEqual(real);
    expect(ledgerState(s)).toEqual(before);
    expect(provider().calls.slice(asked)).toEqual([]);

    await s.as('owner');
    expect(await expectedCash(s)).toBe(cashBefore);
    await s.as('cashier');
    // The register asks a supervisor for a cashier's cancel, whatever the mode; the cart then goes as real.
    await s.reg.must('sale.cancel', { saleId, approval: { operatorId: s.staff.supervisorId, pin: SUPERVISOR_PIN }, idempotencyKey: key() });
    expect(s.reg.db.prepare('SELECT status, training FROM documents WHERE id = ?').get(saleId)).toEqual({ status: 'cancelled', training: 0 });
    // The trainee's own next sale is practice, as before.
    const practice = await s.cashSale([850], 1000);
    expect((await s.reg.must('sale.get', { saleId: practice.saleId })).training).toBe(true);
  });
});
