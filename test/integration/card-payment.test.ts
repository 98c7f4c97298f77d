// Card payments through the register (router → service → intent journal → ZVT client) against
// the simulator on a real socat pty pair: the outcomes a cashier meets, and the faults a line has.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { firstStep, key, payCard, saleOf, settled, startCardRig, terminalReady, type CardRig } from '../support/card-register';
import { SUPERVISOR_PIN, CASHIER_PIN } from '../support/register-fixture';

let sim: CardRig['sim'];
let reg: CardRig['reg'];
let staff: CardRig['staff'];
let stop: CardRig['stop'];

beforeAll(async () => {
  ({ sim, reg, staff, stop } = await startCardRig());
});
afterEach(async () => {
  await settled(reg);
  // Whatever a test left, the next one starts with a new sale.
  const sale = await reg.must('sale.current', {});
  if (sale.lines.length) for (const l of sale.lines) await reg.must('sale.removeLine', { saleId: sale.id, lineId: l.id });
});
afterAll(() => stop());

function intents(): { id: number; sale_id: string; state: string; reason: string | null; payment_id: number | null }[] {
  return reg.db.prepare('SELECT id, sale_id, state, reason, payment_id FROM card_intents ORDER BY id').all() as never;
}

describe('card payments through the register over a pty', () => {
  it('approves: shows the steps, records the masked card and completes the sale', async () => {
    const steps: string[] = [];
    const off = reg.events.subscribe((e, p) => {
      if (e === 'payment.step') steps.push((p as { key: string }).key);
    });
    const saleId = await saleOf(reg, 1234);
    const r = await payCard(reg, saleId);
    off();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.receiptNo).not.toBeNull();
    expect(r.value.sale.status).toBe('completed');
    const card = r.value.sale.payments[0]?.card;
    expect(card).toMatchObject({ maskedPan: '476173******0119', brand: 'VISA', terminalId: sim.terminalId, entryMode: 'chip' });
    expect(card?.authCode).toMatch(/^\d{6}$/);
    expect(card?.terminalReceiptNo).toBeTruthy();
    expect(card?.trace).toBeTruthy();
    expect(card?.receiptLines?.length).toBeGreaterThan(0);
    // Merchant (VU, BMP 2A) and reference (turnover record, BMP 88) numbers reach the payment for the slip.
    expect(card?.merchantNo).toBe(sim.merchantNo);
    expect(card?.referenceNo).toMatch(/^\d+$/);
    expect(steps).toEqual(['terminal.step.insert_card', 'terminal.step.enter_pin', 'terminal.step.please_wait', 'terminal.step.remove_card']);
    const kinds = (reg.db.prepare("SELECT kind FROM journal WHERE kind LIKE 'card.%' ORDER BY seq").all() as { kind: string }[]).map((k) => k.kind);
    expect(kinds).toEqual(['card.intent_created', 'card.sent', 'card.in_progress', 'card.approved']);
    expect(intents().at(-1)).toMatchObject({ state: 'approved', payment_id: r.value.sale.payments[0]?.id });
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('part cash, part card: the card pays the rest', async () => {
    const saleId = await saleOf(reg, 5000);
    await reg.must('sale.tenderCash', { saleId, tenderedMinor: 2000, partial: true, idempotencyKey: key() });
    const r = await payCard(reg, saleId);
    expect(r.ok && r.value.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([
      ['cash', 2000],
      ['card', 3000],
    ]);
    expect(sim.batch().at(-1)?.amountMinor).toBe(3000);
  });

  it('declines with the translated reason; the sale stays open and can be paid again', async () => {
    const saleId = await saleOf(reg, 777);
    sim.script({ outcome: 'decline', declineReason: 'card_expired' });
    const r = await payCard(reg, saleId);
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.declined', params: { reason: 'terminal.result.card_expired' } } });
    expect((await reg.must('sale.get', { saleId })).status).toBe('open');
    expect(intents().at(-1)).toMatchObject({ state: 'declined', reason: 'terminal.result.card_expired' });
    const again = await payCard(reg, saleId);
    expect(again.ok && again.value.sale.status).toBe('completed');
  });

  it('cashier abort: Cancel stops the terminal and the sale stays open', async () => {
    const saleId = await saleOf(reg, 888);
    sim.script({ cardDelayMs: 3000 });
    const asking = firstStep(reg, saleId);
    const paying = payCard(reg, saleId);
    // The terminal is asking for the card: the command is out, so Cancel has something to stop.
    expect(await asking).toBe('terminal.step.insert_card');
    expect(await reg.must('card.abort', { saleId })).toEqual({ sent: true });
    const r = await paying;
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.aborted' } });
    expect((await reg.must('sale.get', { saleId })).status).toBe('open');
    expect(intents().at(-1)?.state).toBe('aborted');
  });

  it('a NAKed frame is resent and the payment goes through once', async () => {
    const before = sim.batch().length;
    const saleId = await saleOf(reg, 999);
    sim.script({ nakFrames: 2 });
    expect((await payCard(reg, saleId)).ok).toBe(true);
    expect(sim.batch().length).toBe(before + 1);
  });

  it('garbage between frames is ignored', async () => {
    const saleId = await saleOf(reg, 1111);
    sim.script({ garbageFrames: 3 });
    const r = await payCard(reg, saleId);
    expect(r.ok && r.value.sale.status).toBe('completed');
  });

  it('a retry with a new key is refused while an authorization for the sale is unresolved', async () => {
    const saleId = await saleOf(reg, 1212);
    sim.script({ cardDelayMs: 800 });
    const asking = firstStep(reg, saleId);
    const first = payCard(reg, saleId);
    await asking;
    const second = await payCard(reg, saleId);
    expect(second.ok).toBe(false);
    expect(['terminal.busy', 'terminal.intent_unresolved']).toContain(second.ok ? '' : second.error.code);
    expect((await first).ok).toBe(true);
    expect(sim.batch().filter((b) => b.amountMinor === 1212)).toHaveLength(1);
  });

  it('terminal silent after the bank approved → unknown → recovery books the approval', async () => {
    const saleId = await saleOf(reg, 4321);
    sim.script({ silentAfter: 'decision' });
    const r = await payCard(reg, saleId);
    // The immediate recovery (status enquiry + repeat receipt) finds the approval.
    expect(r.ok && r.value.sale.status).toBe('completed');
    expect(intents().at(-1)).toMatchObject({ state: 'approved' });
    const kinds = (reg.db.prepare("SELECT kind FROM journal WHERE kind LIKE 'card.%' ORDER BY seq DESC LIMIT 2").all() as { kind: string }[]).map(
      (k) => k.kind,
    );
    expect(kinds).toEqual(['card.approved', 'card.unknown']);
  });

  it('terminal silent before the bank → recovery says declined, nothing charged, the sale stays open', async () => {
    const before = sim.batch().length;
    const saleId = await saleOf(reg, 2468);
    sim.script({ silentAfter: 'card' });
    const r = await payCard(reg, saleId);
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.declined' } });
    expect(intents().at(-1)).toMatchObject({ state: 'declined', reason: 'terminal.result.not_booked' });
    expect(sim.batch().length).toBe(before);
    expect((await reg.must('sale.get', { saleId })).status).toBe('open');
  });

  it('port closed mid-transaction: outcome unknown, then recovered when the line is back', async () => {
    const saleId = await saleOf(reg, 3579);
    sim.script({ disconnectAfter: 'decision' });
    const r = await payCard(reg, saleId);
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.outcome_unknown' } });
    expect(intents().at(-1)?.state).toBe('unknown');
    // A new card payment for this sale is refused until the terminal has told us what happened.
    expect(await payCard(reg, saleId)).toMatchObject({ ok: false, error: { code: 'terminal.not_connected' } });
    expect((await sim.reconnectLine()).ok).toBe(true);
    await terminalReady(reg);
    const until = Date.now() + 8000;
    while (intents().at(-1)?.state !== 'approved' && Date.now() < until) await new Promise((res) => setTimeout(res, 50));
    expect(intents().at(-1)).toMatchObject({ state: 'approved' });
    expect((await reg.must('sale.get', { saleId })).status).toBe('completed');
    expect(sim.batch().filter((b) => b.amountMinor === 3579)).toHaveLength(1);
  });

  it('signature: the cashier confirms it was taken (journalled)', async () => {
    const saleId = await saleOf(reg, 6000);
    sim.script({ signatureRequired: true });
    const r = await payCard(reg, saleId);
    expect(r.ok && r.value.sale.payments[0]?.card?.signatureRequired).toBe(true);
    const confirmed = await reg.must('card.confirmSignature', { saleId });
    expect(confirmed[0]).toMatchObject({ signatureConfirmed: true });
    expect(await reg.call('card.confirmSignature', { saleId })).toMatchObject({ ok: false, error: { code: 'terminal.no_signature_pending' } });
    expect(reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'card.signature_confirmed'").get()).toEqual({ n: 1 });
  });

  it('a supervisor resolves an unknown intent; end-of-day stores the batch totals', async () => {
    const saleId = await saleOf(reg, 1500);
    // The terminal stays silent and then its last transaction does not match: unknown for a person.
    sim.script({ silentAfter: 'accept' });
    const row = reg.db.prepare('SELECT MAX(receipt_no) AS r FROM card_intents').get() as { r: number };
    // Forget the previous receipt number so recovery cannot prove "not booked".
    reg.db.prepare('UPDATE card_intents SET receipt_no = NULL WHERE receipt_no = ?').run(row.r);
    const r = await payCard(reg, saleId);
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.outcome_unknown' } });
    expect(await payCard(reg, saleId)).toMatchObject({ ok: false, error: { code: 'terminal.intent_unresolved' } });
    expect(await reg.call('card.unresolved', {})).toMatchObject({ ok: false, error: { code: 'session.forbidden' } });
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const open = await reg.must('card.unresolved', {});
    expect(open.map((i) => i.saleId)).toEqual([saleId]);
    const resolved = await reg.must('card.resolve', { intentId: open[0]?.id ?? 0, outcome: 'declined', idempotencyKey: key() });
    expect(resolved.state).toBe('declined');
    expect(await reg.must('card.unresolved', {})).toEqual([]);
    expect(reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'card.declined' AND payload LIKE '%supervisor%'").get()).toEqual({ n: 1 });

    const approvedSum = sim
      .batch()
      .filter((b) => b.kind === 'payment')
      .reduce((s, b) => s + b.amountMinor, 0);
    const ledgerSum = (reg.db.prepare("SELECT COALESCE(SUM(amount_minor), 0) AS s FROM payments WHERE method = 'card'").get() as { s: number }).s;
    expect(ledgerSum).toBe(approvedSum);
    const approvedCount = sim.batch().filter((b) => b.kind === 'payment').length;
    const batch = await reg.must('terminal.endOfDay', {});
    expect(batch.totalMinor).toBe(approvedSum);
    expect(batch.count).toBe(approvedCount);
    expect((await reg.must('terminal.batches', {}))[0]?.totalMinor).toBe(approvedSum);
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
  });
});
