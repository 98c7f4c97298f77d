// Voids of sales paid in several card and scan-to-pay parts, through the register against the ZVT
// terminal simulator on a real socat pty and the provider simulator over real HTTP: each part goes
// back to its own card or wallet in turn, and the void completes only when every part went back.
// A part refused after another went back leaves the void open, saying which parts went back; the
// cashier retries that part or gives it in cash with a supervisor. Nothing goes back twice.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import type { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { settled, terminalReady } from '../support/card-register';
import { CASHIER_PIN, SUPERVISOR_PIN, makeRegister, withStaff, type TestRegister } from '../support/register-fixture';
import { configureProviders, FAST_TIMINGS, key, saleOf, wechatCode } from '../support/scan-rig';
import { FAST_CLIENT_TIMEOUTS, TerminalFixture } from '../support/terminal-sim';

let terminals: TerminalFixture;
let card: TerminalSimulator;
let provider: PaySimulator;
let reg: TestRegister;
let staff: Awaited<ReturnType<typeof withStaff>>;

beforeAll(async () => {
  terminals = new TerminalFixture();
  card = await terminals.sim({ currency: CURRENCY.CNY });
  provider = await PaySimulator.start({ passwordMs: 150 });
  reg = makeRegister({
    terminalAddress: card.registerPath ?? '',
    terminal: { timeouts: FAST_CLIENT_TIMEOUTS, retryMs: 150, recoveryAttempts: 40, recoveryDelayMs: 100 },
    scanPay: { timings: FAST_TIMINGS, requestTimeoutMs: 2000, sweepMs: 100 },
    providerRefunds: { retryMs: 30, sweepMs: 100 },
  });
  staff = await withStaff(reg);
  await configureProviders(reg, provider, staff.ownerId, staff.cashierId);
  await terminalReady(reg);
});
afterEach(async () => {
  await settled(reg);
  await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
});
afterAll(async () => {
  await reg.terminal.stop();
  reg.cleanup();
  await provider.stop();
  await terminals.stopAll();
});

/** A completed sale of `amountMinor`: ¥50.00 on one card, the rest on another. */
async function twoCardSale(amountMinor = 8000) {
  const saleId = await saleOf(reg, amountMinor);
  await reg.must('card.pay', { saleId, amountMinor: 5000, idempotencyKey: key() });
  const done = await reg.must('card.pay', { saleId, idempotencyKey: key() });
  expect(done.sale.status).toBe('completed');
  return done.sale;
}

async function asSupervisor(): Promise<void> {
  await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
}

/** How often the terminal's batch reversed or refunded each of the sale's card payments. */
function givenBackOnTerminal(receiptNos: (string | null | undefined)[]): number[] {
  const batch = card.batch();
  return receiptNos.map((no) => {
    const paid = batch.find((e) => e.kind === 'payment' && e.receiptNo === Number(no));
    return (
      (paid?.reversed ? 1 : 0) + batch.filter((e) => e.kind === 'refund' && e.amountMinor === paid?.amountMinor && e.receiptNo > (paid?.receiptNo ?? 0)).length
    );
  });
}

function intentsOf(documentId: string) {
  return reg.db.prepare('SELECT kind, state, amount_minor AS amount FROM card_intents WHERE sale_id = ? ORDER BY id').all(documentId);
}

describe('a void of a sale paid in several parts', () => {
  it('card + card: both cards get their part back on the terminal, then the void completes', async () => {
    const sale = await twoCardSale();
    await asSupervisor();
    const voided = await reg.must('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() });
    expect(voided.sale).toMatchObject({ kind: 'void', status: 'completed' });
    expect(voided.receiptNo).not.toBeNull();
    expect(voided.sale.payments.map((p) => [p.method, p.amountMinor, p.originalPaymentId])).toEqual([
      ['card', 5000, sale.payments[0]?.id],
      ['card', 3000, sale.payments[1]?.id],
    ]);
    expect(intentsOf(voided.sale.id)).toEqual([
      { kind: 'reversal', state: 'approved', amount: 5000 },
      { kind: 'reversal', state: 'approved', amount: 3000 },
    ]);
    expect(givenBackOnTerminal(sale.payments.map((p) => p.card?.terminalReceiptNo))).toEqual([1, 1]);
    const parts = await reg.must('refund.parts', { correctionId: voided.sale.id });
    expect(parts.parts.map((p) => p.state)).toEqual(['back', 'back']);
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('card + WeChat Pay + cash: the card on the terminal, the wallet through the provider, the cash from the drawer', async () => {
    const saleId = await saleOf(reg, 10_000);
    await reg.must('card.pay', { saleId, amountMinor: 5000, idempotencyKey: key() });
    await reg.must('scanpay.pay', { saleId, code: wechatCode(), amountMinor: 3000, idempotencyKey: key() });
    const sale = (await reg.must('sale.tenderCash', { saleId, tenderedMinor: 2000, idempotencyKey: key() })).sale;
    expect(sale.status).toBe('completed');
    await asSupervisor();
    const voided = await reg.must('void.sale', { saleId, reason: 'not_wanted', idempotencyKey: key() });
    expect(voided.sale.status).toBe('completed');
    expect(voided.sale.payments.map((p) => [p.method, p.amountMinor]).sort()).toEqual([
      ['card', 5000],
      ['cash', 2000],
      ['scan', 3000],
    ]);
    const outTradeNo = (reg.db.prepare('SELECT out_trade_no FROM scan_attempts WHERE sale_id = ?').get(saleId) as { out_trade_no: string }).out_trade_no;
    expect(provider.entries().find((e) => e.outTradeNo === outTradeNo)).toMatchObject({ netMinor: 0 });
    expect(givenBackOnTerminal([sale.payments.find((p) => p.method === 'card')?.card?.terminalReceiptNo])).toEqual([1]);
  });

  it('the second card declined: the void stays open saying so, and trying that card again completes it', async () => {
    const sale = await twoCardSale(7000);
    await asSupervisor();
    card.script({}).script({ outcome: 'decline', declineReason: 'declined' });
    const first = await reg.must('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() });
    // Not completed and not cancelled: the first card got its money back, the second did not.
    expect(first.sale).toMatchObject({ status: 'open', receiptNo: null });
    const parts = await reg.must('refund.parts', { correctionId: first.sale.id });
    expect(parts.parts.map((p) => [p.state, p.amountMinor])).toEqual([
      ['back', 5000],
      ['refused', 2000],
    ]);
    expect(reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'refund.cancelled'").get()).toEqual({ n: 0 });
    // The sale cannot be voided again meanwhile, and a part that went back cannot be sent again.
    expect(await reg.call('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'void.has_corrections' },
    });
    expect(await reg.call('refund.retryPart', { correctionId: first.sale.id, paymentId: sale.payments[0]!.id, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'refund.part_not_refused' },
    });

    const retried = await reg.must('refund.retryPart', { correctionId: first.sale.id, paymentId: sale.payments[1]!.id, idempotencyKey: key() });
    expect(retried.sale).toMatchObject({ id: first.sale.id, status: 'completed' });
    expect(retried.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([
      ['card', 5000],
      ['card', 2000],
    ]);
    expect(givenBackOnTerminal(sale.payments.map((p) => p.card?.terminalReceiptNo))).toEqual([1, 1]);
    expect(intentsOf(first.sale.id).map((i) => (i as { state: string }).state)).toEqual(['approved', 'declined', 'approved']);
  });

  it('the second card declined: a supervisor approves that part in cash, within what the drawer holds', async () => {
    const sale = await twoCardSale(6000);
    await asSupervisor();
    card.script({}).script({ outcome: 'decline', declineReason: 'declined' });
    const open = await reg.must('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() });
    expect(open.sale.status).toBe('open');
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    const input = { correctionId: open.sale.id, paymentId: sale.payments[1]!.id };
    expect(await reg.call('refund.partInCash', { ...input, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'refund.needs_supervisor' },
    });
    const before = card.batch().length;
    const done = await reg.must('refund.partInCash', {
      ...input,
      approval: { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN },
      idempotencyKey: key(),
    });
    expect(done.sale.status).toBe('completed');
    expect(done.sale.payments.map((p) => [p.method, p.amountMinor, p.originalPaymentId])).toEqual([
      ['card', 5000, sale.payments[0]?.id],
      ['cash', 1000, sale.payments[1]?.id],
    ]);
    // The terminal heard nothing more: the part went back in cash.
    expect(card.batch().length).toBe(before);
    const parts = await reg.must('refund.parts', { correctionId: open.sale.id });
    expect(parts.parts.map((p) => p.state)).toEqual(['back', 'cash']);
    // Who gave that part in cash, and who allowed it, is in the journal (the void names the supervisor who voided).
    await asSupervisor();
    const inCash = await reg.must('journal.list', { kinds: ['refund.part_in_cash'] });
    expect(inCash.entries.map((e) => e.data)).toEqual([
      {
        documentId: open.sale.id,
        kind: 'void',
        originalPaymentId: sale.payments[1]?.id,
        method: 'card',
        amountMinor: 1000,
        operatorId: staff.cashierId,
        approverId: staff.supervisorId,
      },
    ]);
  });

  it('more cash than the drawer holds is refused for a part, and nothing changes', async () => {
    const saleId = await saleOf(reg, 160_000);
    await reg.must('card.pay', { saleId, amountMinor: 5000, idempotencyKey: key() });
    const sale = (await reg.must('card.pay', { saleId, idempotencyKey: key() })).sale;
    await asSupervisor();
    card.script({}).script({ outcome: 'decline', declineReason: 'declined' });
    const open = await reg.must('void.sale', { saleId, reason: 'cashier_error', idempotencyKey: key() });
    const r = await reg.call('refund.partInCash', { correctionId: open.sale.id, paymentId: sale.payments[1]!.id, idempotencyKey: key() });
    expect(r).toMatchObject({ ok: false, error: { code: 'refund.cash_over_drawer' } });
    expect((await reg.must('refund.parts', { correctionId: open.sale.id })).parts.map((p) => p.state)).toEqual(['back', 'refused']);
    // Settled on the card after all, so the next case starts clean.
    await reg.must('refund.retryPart', { correctionId: open.sale.id, paymentId: sale.payments[1]!.id, idempotencyKey: key() });
  });

  it('a retried request (same key) gives back nothing twice, whether the first finished or stopped at a refused part', async () => {
    const sale = await twoCardSale();
    await asSupervisor();
    const requestKey = key();
    const input = { saleId: sale.id, reason: 'cashier_error' as const, idempotencyKey: requestKey };
    card.script({}).script({ outcome: 'decline', declineReason: 'declined' });
    const first = await reg.must('void.sale', input);
    expect(first.sale.status).toBe('open');
    // The stored answer is gone (as after a crash before it was kept): the correction's own key still holds.
    reg.db.prepare('DELETE FROM idempotency WHERE key = ?').run(requestKey);
    const batch = card.batch().length;
    const again = await reg.must('void.sale', input);
    expect(again.sale).toMatchObject({ id: first.sale.id, status: 'open' });
    expect(card.batch().length).toBe(batch);
    const retryKey = key();
    const retry = { correctionId: first.sale.id, paymentId: sale.payments[1]!.id, idempotencyKey: retryKey };
    const done = await reg.must('refund.retryPart', retry);
    expect(done.sale.status).toBe('completed');
    expect(await reg.must('refund.retryPart', retry)).toMatchObject({ sale: { id: first.sale.id } });
    reg.db.prepare('DELETE FROM idempotency WHERE key = ?').run(retryKey);
    expect(await reg.call('refund.retryPart', retry)).toMatchObject({ ok: false, error: { code: 'refund.part_not_refused' } });
    expect(givenBackOnTerminal(sale.payments.map((p) => p.card?.terminalReceiptNo))).toEqual([1, 1]);
    expect(reg.db.prepare("SELECT COUNT(*) AS n FROM documents WHERE original_document_id = ? AND kind = 'void'").get(sale.id)).toEqual({ n: 1 });
  });
});
