// Voids of a sale paid ¥50.00 on the card and ¥30.00 by WeChat Pay, where the provider accepts
// the payment-code refund but answers it as still processing: through the register on a real
// ledger file, the ZVT terminal simulator on a real socat pty and the provider simulator over real
// HTTP. The void waits, open, with the card part back and the wallet part running; when the
// provider settles the refund, the register's own asking completes the void by itself, exactly
// once (one refund with the provider, one payment, one completion in the journal), also when the
// register was restarted while the refund was processing.
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import type { DocumentView } from '../../preload/contract/views';
import { SUPERVISOR_PIN, type TestRegister } from '../support/register-fixture';
import { cardAndCodeSale, cardGivenBack, journalOf, minus, useMixedRig, walletBooks, xFigures, type MixedRig } from '../support/mixed-correction-rig';
import { key, until } from '../support/scan-rig';

let rig: MixedRig;
useMixedRig((started) => (rig = started));

const statusOf = (reg: TestRegister, id: string) => (reg.db.prepare('SELECT status FROM documents WHERE id = ?').get(id) as { status: string }).status;

/** Voids the sale with the provider scripted to leave the refund processing; the void comes back open. */
async function voidPending(saleId: string, requestKey = key()): Promise<DocumentView> {
  rig.provider.scriptRefunds('pending');
  await rig.asSupervisor();
  const voided = await rig.reg.must('void.sale', { saleId, reason: 'not_wanted', idempotencyKey: requestKey });
  expect(voided.sale).toMatchObject({ kind: 'void', status: 'open', receiptNo: null });
  const listed = await rig.reg.must('refund.parts', { correctionId: voided.sale.id });
  expect(listed.parts.map((p) => [p.method, p.state, p.amountMinor])).toEqual([
    ['card', 'back', 5000],
    ['scan', 'running', 3000],
  ]);
  return voided.sale;
}

/**
 * Waits until the void completed by itself. Nothing is left for a later round of the provider
 * refunds to ask again: they look only at open corrections (ProviderRefunds.recover), and every
 * refund of this one has its ending.
 */
async function completedAlone(reg: TestRegister, id: string): Promise<void> {
  await until('the void to complete', () => statusOf(reg, id) === 'completed', 10_000);
  const open = reg.db.prepare("SELECT COUNT(*) AS n FROM correction_plans p JOIN documents d ON d.id = p.document_id WHERE d.status = 'open'").get();
  expect(open).toEqual({ n: 0 });
  const states = reg.db.prepare('SELECT state FROM scan_refunds WHERE document_id = ?').all(id);
  expect(states).toEqual([{ state: 'done' }]);
}

/** What the cashier and the owner see of a void that completed by itself: each part back once. */
async function backOnce(reg: TestRegister, sale: DocumentView, id: string): Promise<void> {
  const view = await reg.must('refund.parts', { correctionId: id });
  expect(view.correction).toMatchObject({ status: 'completed' });
  expect(view.correction.receiptNo).not.toBeNull();
  expect(view.correction.payments.map((p) => [p.method, p.amountMinor, p.originalPaymentId])).toEqual([
    ['card', 5000, sale.payments[0]?.id],
    ['scan', 3000, sale.payments[1]?.id],
  ]);
  expect(view.parts.map((p) => p.state)).toEqual(['back', 'back']);
  expect(walletBooks(rig, sale.id)).toEqual({ netMinor: 0, refundedMinor: 3000, refundNos: 1 });
  expect(cardGivenBack(rig, sale)).toBe(1);
  expect(
    journalOf(reg, id, ['scanpay.refund_created', 'scanpay.refund_moved', 'void.completed', 'refund.cancelled']).map((e) => [e.kind, e.data.to ?? null]),
  ).toEqual([
    ['scanpay.refund_created', null],
    ['scanpay.refund_moved', 'sent'],
    ['scanpay.refund_moved', 'pending'],
    ['scanpay.refund_moved', 'done'],
    ['void.completed', null],
  ]);
  expect(verifyJournal(reg.db).ok).toBe(true);
}

describe('a void of card + WeChat Pay whose wallet refund the provider is still processing', () => {
  it('waits open, cannot be retried or paid in cash meanwhile, and completes by itself once the provider settles', async () => {
    const sale = await cardAndCodeSale(rig.reg);
    const before = await xFigures(rig);
    const requestKey = key();
    const open = await voidPending(sale.id, requestKey);
    const changed: DocumentView[] = [];
    rig.reg.events.subscribe((event, payload) => {
      if (event === 'sale.changed' && (payload as DocumentView).id === open.id) changed.push(payload as DocumentView);
    });
    // Still with the provider: not a part to send again, nor to give in cash (it would go back twice).
    const part = { correctionId: open.id, paymentId: sale.payments[1]!.id };
    expect(await rig.reg.call('refund.retryPart', { ...part, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'refund.part_not_refused', params: { state: 'running' } },
    });
    expect(
      await rig.reg.call('refund.partInCash', { ...part, approval: { operatorId: rig.staff.supervisorId, pin: SUPERVISOR_PIN }, idempotencyKey: key() }),
    ).toMatchObject({ ok: false, error: { code: 'refund.part_not_refused', params: { state: 'running' } } });
    // The cashier's request repeated (same key) finds the void waiting and refunds nothing more.
    expect(await rig.reg.must('void.sale', { saleId: sale.id, reason: 'not_wanted', idempotencyKey: requestKey })).toMatchObject({
      sale: { id: open.id, status: 'open' },
    });
    expect(statusOf(rig.reg, open.id)).toBe('open');
    // Nothing of the void in the figures yet, and no cash leaves the drawer for it.
    expect(minus(await xFigures(rig), before)).toEqual({ voids: 0, voidedMinor: 0, cardOut: 0, scanOut: 0, cashOut: 0, expectedCash: 0 });

    rig.provider.settleRefunds();
    await completedAlone(rig.reg, open.id);
    await backOnce(rig.reg, sale, open.id);
    // The windows heard of it completing, and the X report has it: ¥50.00 back on the card, ¥30.00 to the wallet.
    expect(changed.map((v) => v.status)).toContain('completed');
    expect(minus(await xFigures(rig), before)).toEqual({ voids: 1, voidedMinor: 8000, cardOut: 5000, scanOut: 3000, cashOut: 0, expectedCash: 0 });
  });

  it('processing, then closed by the provider: the return screen hears the wallet part refused, and it is given in cash', async () => {
    const sale = await cardAndCodeSale(rig.reg);
    const open = await voidPending(sale.id);
    const heard: string[][] = [];
    // The return screen lists the parts again whenever main announces the correction changed.
    rig.reg.events.subscribe((event, payload) => {
      if (event !== 'sale.changed' || (payload as DocumentView).id !== open.id) return;
      void rig.reg.call('refund.parts', { correctionId: open.id }).then((r) => r.ok && heard.push(r.value.parts.map((p) => p.state)));
    });
    rig.provider.settleRefunds('closed');
    await until('the wallet part refused on the screen', () => heard.some((states) => states[1] === 'refused'));
    const listed = await rig.reg.must('refund.parts', { correctionId: open.id });
    expect(listed.parts.map((p) => [p.state, p.reason])).toEqual([
      ['back', null],
      ['refused', 'REFUNDCLOSE'],
    ]);
    expect(listed.correction.status).toBe('open');
    expect(walletBooks(rig, sale.id)).toEqual({ netMinor: 3000, refundedMinor: 0, refundNos: 0 });

    const done = await rig.reg.must('refund.partInCash', {
      correctionId: open.id,
      paymentId: sale.payments[1]!.id,
      approval: { operatorId: rig.staff.supervisorId, pin: SUPERVISOR_PIN },
      idempotencyKey: key(),
    });
    expect(done.sale.status).toBe('completed');
    expect(done.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([
      ['card', 5000],
      ['cash', 3000],
    ]);
    expect(journalOf(rig.reg, open.id, ['scanpay.refund_moved', 'refund.part_in_cash', 'void.completed']).map((e) => [e.kind, e.data.to ?? null])).toEqual([
      ['scanpay.refund_moved', 'sent'],
      ['scanpay.refund_moved', 'pending'],
      ['scanpay.refund_moved', 'failed'],
      ['refund.part_in_cash', null],
      ['void.completed', null],
    ]);
  });

  it('restarted while the refund is processing: the restarted register keeps asking, and completes the void once when the provider settles', async () => {
    const sale = await cardAndCodeSale(rig.reg);
    const open = await voidPending(sale.id);
    let reg = await rig.restart();
    await rig.asSupervisor();
    const listed = await reg.must('refund.parts', { correctionId: open.id });
    expect(listed.parts.map((p) => p.state)).toEqual(['back', 'running']);
    // Its recovery at start-up asked the provider again under the same refund number, and it is still processing.
    await until('the provider asked again', () => rig.provider.calls.filter((c) => c.method === '/pay/refundquery').length >= 2);
    expect(statusOf(reg, open.id)).toBe('open');

    // Closed again, and the refund settles while the register is off: the next start finds it done.
    await rig.close();
    rig.provider.settleRefunds();
    reg = await rig.open();
    await completedAlone(reg, open.id);
    await rig.asSupervisor();
    await backOnce(reg, sale, open.id);
  });
});
