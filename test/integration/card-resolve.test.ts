// A supervisor settles card payments the register could not settle itself (what the back office's
// "Unresolved card payments" list does), against the simulator on a real socat pty pair. Unknown
// outcomes are made the two ways a line fails: the terminal goes silent before the bank, or the
// line drops after the bank approved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { key, payCard, saleOf, settled, startCardRig, terminalReady, type CardRig } from '../support/card-register';
import { CASHIER_PIN, SUPERVISOR_PIN } from '../support/register-fixture';

let sim: CardRig['sim'];
let reg: CardRig['reg'];
let staff: CardRig['staff'];
let stop: CardRig['stop'];

beforeAll(async () => {
  ({ sim, reg, staff, stop } = await startCardRig());
});
afterAll(() => stop());

const asSupervisor = () => reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
const asCashier = () => reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });

function journalCount(kind: string, like = '%'): number {
  return (reg.db.prepare('SELECT COUNT(*) AS n FROM journal WHERE kind = ? AND payload LIKE ?').get(kind, like) as { n: number }).n;
}
function ledgerCardSum(): number {
  return (reg.db.prepare("SELECT COALESCE(SUM(amount_minor), 0) AS s FROM payments WHERE method = 'card'").get() as { s: number }).s;
}
function batchSum(): number {
  return sim
    .batch()
    .filter((b) => b.kind === 'payment')
    .reduce((s, b) => s + b.amountMinor, 0);
}

/** A card payment whose outcome the register cannot learn by itself: `unknown`, waiting for a person. */
async function unknownBySilence(amountMinor: number): Promise<string> {
  const saleId = await saleOf(reg, amountMinor);
  sim.script({ silentAfter: 'accept' });
  // Forget the terminal's last receipt number, so recovery cannot prove "not booked" either.
  reg.db.prepare('UPDATE card_intents SET receipt_no = NULL, previous_receipt_no = NULL').run();
  expect(await payCard(reg, saleId)).toMatchObject({ ok: false, error: { code: 'terminal.outcome_unknown' } });
  return saleId;
}

/** The line drops after the bank approved: the terminal charged the card, the register does not know. */
async function unknownByLostLine(amountMinor: number): Promise<string> {
  const saleId = await saleOf(reg, amountMinor);
  sim.script({ disconnectAfter: 'decision' });
  expect(await payCard(reg, saleId)).toMatchObject({ ok: false, error: { code: 'terminal.outcome_unknown' } });
  await settled(reg);
  return saleId;
}

describe('a supervisor resolves unresolved card payments', () => {
  it('declined after checking the terminal: nothing booked, the sale can be paid by card again', async () => {
    expect((await payCard(reg, await saleOf(reg, 1000))).ok).toBe(true);
    const saleId = await unknownBySilence(1500);
    // A cashier may not see or settle them; a new card payment for the sale waits for the verdict.
    expect(await reg.call('card.unresolved', {})).toMatchObject({ ok: false, error: { code: 'session.forbidden' } });
    expect(await payCard(reg, saleId)).toMatchObject({ ok: false, error: { code: 'terminal.intent_unresolved' } });
    // Nor may the customer pay it in cash meanwhile: the card may already have been charged.
    expect(await reg.call('sale.tenderCash', { saleId, tenderedMinor: 2000, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'terminal.intent_unresolved' },
    });

    await asSupervisor();
    const [intent, ...rest] = await reg.must('card.unresolved', {});
    expect(rest).toEqual([]);
    expect(intent).toMatchObject({ saleId, amountMinor: 1500, state: 'unknown', paymentRecorded: false });
    const resolved = await reg.must('card.resolve', { intentId: intent?.id ?? 0, outcome: 'declined', idempotencyKey: key() });
    expect(resolved).toMatchObject({ state: 'declined', reason: 'terminal.result.supervisor_declined', paymentRecorded: false });
    expect(await reg.must('card.unresolved', {})).toEqual([]);
    // Settled once: a second verdict is refused with a coded error.
    expect(await reg.call('card.resolve', { intentId: intent?.id ?? 0, outcome: 'approved', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'terminal.intent_settled' },
    });
    expect(journalCount('card.declined', '%supervisor%')).toBe(1);
    expect((await reg.must('sale.get', { saleId })).payments).toEqual([]);

    await asCashier();
    const again = await payCard(reg, saleId);
    expect(again.ok && again.value.sale.status).toBe('completed');
    expect(ledgerCardSum()).toBe(batchSum());
  });

  it('approved after checking the terminal: the payment is booked on its sale with the auth code, once', async () => {
    const saleId = await unknownByLostLine(2000);
    expect((await reg.must('sale.get', { saleId })).status).toBe('open');
    // The terminal charged the card; the ledger does not know yet.
    expect(batchSum()).toBe(ledgerCardSum() + 2000);

    await asSupervisor();
    const [intent] = await reg.must('card.unresolved', {});
    expect(intent).toMatchObject({ saleId, amountMinor: 2000, state: 'unknown' });
    const idempotencyKey = key();
    const input = { intentId: intent?.id ?? 0, outcome: 'approved' as const, authCode: 'A1B2C3', idempotencyKey };
    const resolved = await reg.must('card.resolve', input);
    expect(resolved).toMatchObject({ state: 'approved', paymentRecorded: true, authCode: 'A1B2C3' });
    // A double click (same key) replays the answer and books nothing twice.
    expect(await reg.must('card.resolve', input)).toMatchObject({ state: 'approved', paymentRecorded: true });
    const sale = await reg.must('sale.get', { saleId });
    expect(sale.status).toBe('completed');
    expect(sale.payments.map((p) => [p.method, p.amountMinor, p.card?.authCode])).toEqual([['card', 2000, 'A1B2C3']]);
    expect(await reg.must('card.unresolved', {})).toEqual([]);
    expect(ledgerCardSum()).toBe(batchSum());
    expect(journalCount('card.approved', '%supervisor%')).toBe(1);
    expect(verifyJournal(reg.db).ok).toBe(true);
    await asCashier();
  });

  it('approved after a lost line: cash is refused meanwhile, and the verdict books the card and completes the sale', async () => {
    expect((await sim.reconnectLine()).ok).toBe(true);
    await terminalReady(reg);
    const saleId = await unknownByLostLine(3300);
    // The customer offers cash instead: refused, the card may already have been charged.
    expect(await reg.call('sale.tenderCash', { saleId, tenderedMinor: 5000, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'terminal.intent_unresolved' },
    });

    await asSupervisor();
    const [intent] = await reg.must('card.unresolved', {});
    expect(intent).toMatchObject({ saleId, state: 'unknown' });
    const resolved = await reg.must('card.resolve', { intentId: intent?.id ?? 0, outcome: 'approved', idempotencyKey: key() });
    expect(resolved).toMatchObject({ state: 'approved', paymentRecorded: true });
    expect(await reg.must('card.unresolved', {})).toEqual([]);
    expect(await reg.call('card.resolve', { intentId: intent?.id ?? 0, outcome: 'declined', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'terminal.intent_settled' },
    });
    const sale = await reg.must('sale.get', { saleId });
    expect(sale).toMatchObject({ status: 'completed' });
    expect(sale.payments.map((p) => p.method)).toEqual(['card']);
    expect(batchSum()).toBe(ledgerCardSum());
    // Bad input is refused before anything changes.
    expect(await reg.call('card.resolve', { intentId: intent?.id ?? 0, outcome: 'approved', authCode: '12<34', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'request.invalid_input' },
    });
    await asCashier();
  });
});
