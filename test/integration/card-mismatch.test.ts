// A terminal that approves something other than what the register asked for (another amount,
// another currency) is never booked silently: the register holds the payment for a supervisor,
// reverses it on the terminal (06 30) and journals all of it. Router → card service → ZVT client
// → simulator on a real socat pty pair, the simulator scripted to answer wrongly.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { verifyJournal } from '../../main/ledger/journal';
import { key, payCard, saleOf, settled, startCardRig, terminalReady, type CardRig } from '../support/card-register';
import { CASHIER_PIN, SUPERVISOR_PIN } from '../support/register-fixture';

let sim: CardRig['sim'];
let reg: CardRig['reg'];
let staff: CardRig['staff'];
let stop: CardRig['stop'];

beforeAll(async () => {
  // The demo store: CNY, receipts in Chinese.
  ({ sim, reg, staff, stop } = await startCardRig({ language: 'zh-CN' }));
});
afterEach(async () => {
  await settled(reg);
});
afterAll(() => stop());

const asSupervisor = () => reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
const asCashier = () => reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });

function journal(kind: string): Record<string, unknown>[] {
  const rows = reg.db.prepare('SELECT payload FROM journal WHERE kind = ? ORDER BY seq').all(kind) as { payload: string }[];
  return rows.map((r) => (JSON.parse(r.payload) as { data: Record<string, unknown> }).data);
}
function ledgerCardSum(): number {
  return (reg.db.prepare("SELECT COALESCE(SUM(amount_minor), 0) AS s FROM payments WHERE method = 'card'").get() as { s: number }).s;
}
/** What the terminal will actually settle: approvals not reversed. */
function terminalNet(): number {
  return sim
    .batch()
    .filter((b) => b.kind === 'payment' && !b.reversed)
    .reduce((s, b) => s + b.amountMinor, 0);
}
function kindsSince(seq: number): string[] {
  return (reg.db.prepare("SELECT kind FROM journal WHERE seq > ? AND kind LIKE 'card.%' ORDER BY seq").all(seq) as { kind: string }[]).map((k) => k.kind);
}
function lastSeq(): number {
  return (reg.db.prepare('SELECT MAX(seq) AS s FROM journal').get() as { s: number }).s;
}

describe('the register checks what the terminal approved', () => {
  it('a matching approval in the store currency is booked, and the terminal receipt is in Chinese with CNY', async () => {
    const saleId = await saleOf(reg, 4490);
    const r = await payCard(reg, saleId);
    expect(r.ok && r.value.sale.status).toBe('completed');
    const lines = (r.ok && r.value.sale.payments[0]?.card?.receiptLines) || [];
    expect(lines).toContain('金额 CNY 44.90');
    expect(lines.join('\n')).not.toMatch(/EUR|Betrag/);
    expect(sim.batch().at(-1)).toMatchObject({ amountMinor: 4490, currency: CURRENCY.CNY });
  });

  it('another amount: not booked, reversed on the terminal, journalled, held for a supervisor who can only confirm it reversed', async () => {
    const before = lastSeq();
    const saleId = await saleOf(reg, 4490);
    sim.script({ answerAmountMinor: 4590 });
    const r = await payCard(reg, saleId);
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.approval_mismatch', params: { reason: 'terminal.result.amount_mismatch_reversed' } } });

    // Nothing booked, the sale is open and takes no other payment until a person has looked.
    const sale = await reg.must('sale.get', { saleId });
    expect(sale).toMatchObject({ status: 'open', payments: [] });
    expect(await reg.call('sale.tenderCash', { saleId, tenderedMinor: 5000, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'terminal.intent_unresolved' },
    });
    expect(await payCard(reg, saleId)).toMatchObject({ ok: false, error: { code: 'terminal.intent_unresolved' } });

    // The terminal booked 45.90 and then reversed it: it settles nothing for this sale.
    const charged = sim.batch().filter((b) => b.amountMinor === 4590);
    expect(charged.map((b) => [b.kind, b.reversed])).toEqual([
      ['payment', true],
      ['reversal', false],
    ]);
    expect(terminalNet()).toBe(ledgerCardSum());

    expect(kindsSince(before)).toEqual(['card.intent_created', 'card.sent', 'card.in_progress', 'card.unknown', 'card.approval_mismatch', 'card.reversed']);
    expect(journal('card.approval_mismatch').at(-1)).toMatchObject({
      field: 'amount',
      requestedMinor: 4490,
      requestedCurrency: CURRENCY.CNY,
      approvedMinor: 4590,
      approvedCurrency: CURRENCY.CNY,
    });
    expect(journal('card.reversed').at(-1)).toMatchObject({ receiptNo: charged[0]?.receiptNo, reversalReceiptNo: charged[1]?.receiptNo });
    expect(verifyJournal(reg.db).ok).toBe(true);

    await asSupervisor();
    const [intent, ...others] = await reg.must('card.unresolved', {});
    expect(others).toEqual([]);
    expect(intent).toMatchObject({
      saleId,
      amountMinor: 4490,
      state: 'unknown',
      approvalMismatch: true,
      reason: 'terminal.result.amount_mismatch_reversed',
      paymentRecorded: false,
    });
    // It cannot be booked: the terminal charged something else than the sale.
    expect(await reg.call('card.resolve', { intentId: intent?.id ?? 0, outcome: 'approved', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'terminal.approval_mismatch_not_bookable' },
    });
    expect(await reg.must('card.resolve', { intentId: intent?.id ?? 0, outcome: 'declined', idempotencyKey: key() })).toMatchObject({ state: 'declined' });
    expect(await reg.must('card.unresolved', {})).toEqual([]);
    await asCashier();

    // Now the sale can be paid, once, for what it costs.
    const again = await payCard(reg, saleId);
    expect(again.ok && again.value.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([['card', 4490]]);
    expect(terminalNet()).toBe(ledgerCardSum());
  });

  it('another currency (the terminal reports EUR 978 on a CNY sale): held and reversed the same way', async () => {
    const saleId = await saleOf(reg, 3300);
    sim.script({ answerCurrency: CURRENCY.EUR });
    const r = await payCard(reg, saleId);
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.approval_mismatch', params: { reason: 'terminal.result.currency_mismatch_reversed' } } });
    expect(journal('card.approval_mismatch').at(-1)).toMatchObject({ field: 'currency', requestedCurrency: 156, approvedCurrency: 978, approvedMinor: 3300 });
    expect(sim.batch().filter((b) => b.currency === CURRENCY.EUR && b.kind === 'payment')).toMatchObject([{ reversed: true }]);
    expect((await reg.must('sale.get', { saleId })).payments).toEqual([]);
    await asSupervisor();
    const [intent] = await reg.must('card.unresolved', {});
    expect(intent).toMatchObject({ saleId, approvalMismatch: true, reason: 'terminal.result.currency_mismatch_reversed' });
    await reg.must('card.resolve', { intentId: intent?.id ?? 0, outcome: 'declined', idempotencyKey: key() });
    await asCashier();
  });

  it('when the terminal refuses the reversal, the supervisor is told to reverse it by hand, and the charge stays visible', async () => {
    const saleId = await saleOf(reg, 2200);
    // The payment answers 25.00; the reversal that follows is refused (B5, reversal not possible).
    sim.script({ answerAmountMinor: 2500 }).script({ outcome: 'decline' });
    const r = await payCard(reg, saleId);
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.approval_mismatch', params: { reason: 'terminal.result.amount_mismatch_not_reversed' } } });
    expect(sim.batch().filter((b) => b.amountMinor === 2500)).toMatchObject([{ kind: 'payment', reversed: false }]);
    expect(journal('card.reversal_failed').at(-1)).toMatchObject({ reason: 'terminal.result.amount_mismatch_not_reversed' });
    expect(String(journal('card.reversal_failed').at(-1)?.error)).toContain('terminal.result.reversal_not_possible');
    await asSupervisor();
    const [intent] = await reg.must('card.unresolved', {});
    expect(intent).toMatchObject({ saleId, approvalMismatch: true, reason: 'terminal.result.amount_mismatch_not_reversed' });
    // The supervisor reverses it on the terminal (here: through the client), then records it.
    const client = reg.terminal.connection.ready;
    expect(client && (await client.reverse(intent?.receiptNo ?? -1)).ok).toBe(true);
    await reg.must('card.resolve', { intentId: intent?.id ?? 0, outcome: 'declined', idempotencyKey: key() });
    await asCashier();
    expect(terminalNet()).toBe(ledgerCardSum());
  });

  it('a mismatch found by recovery (line silent after the bank) is held too, never booked', async () => {
    const before = lastSeq();
    const saleId = await saleOf(reg, 5100);
    sim.script({ answerCurrency: CURRENCY.EUR, silentAfter: 'decision' });
    const r = await payCard(reg, saleId);
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.approval_mismatch', params: { reason: 'terminal.result.currency_mismatch_reversed' } } });
    expect((await reg.must('sale.get', { saleId })).status).toBe('open');
    // Timeout -> unknown; recovery finds the approval in EUR -> held (unknown again, with the reason), reversed.
    expect(kindsSince(before)).toEqual([
      'card.intent_created',
      'card.sent',
      'card.in_progress',
      'card.unknown',
      'card.unknown',
      'card.approval_mismatch',
      'card.reversed',
    ]);
    // Recovery after a reconnect leaves a held intent alone: the terminal's last transaction is now its reversal.
    expect((await sim.reconnectLine()).ok).toBe(true);
    await terminalReady(reg);
    const client = reg.terminal.connection.ready;
    if (client) await reg.terminal.payments.recover(client);
    expect(kindsSince(before).length).toBe(7);
    await asSupervisor();
    const [intent] = await reg.must('card.unresolved', {});
    expect(intent).toMatchObject({ saleId, state: 'unknown', approvalMismatch: true });
    await reg.must('card.resolve', { intentId: intent?.id ?? 0, outcome: 'declined', idempotencyKey: key() });
    await asCashier();
    expect(terminalNet()).toBe(ledgerCardSum());
    expect(verifyJournal(reg.db).ok).toBe(true);
  });
});
