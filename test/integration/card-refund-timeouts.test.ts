// Card refunds and reversals that time out on the terminal (the simulator goes silent mid-flow,
// as a hung terminal does), through the register on a real pty: the correction is not completed,
// nothing goes back to the card twice or at all, the sale stays refundable, and the cashier is
// told why in words.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallError } from '../../preload/contract';
import { verifyJournal } from '../../main/ledger/journal';
import { type CardRig, cardSaleOfTwoLines, key, settled, startCardRig } from '../support/card-register';
import { CASHIER_PIN, SUPERVISOR_PIN } from '../support/register-fixture';
import { uiI18n } from '../support/errors-i18n';
import { errorMessage } from '../../renderer/src/i18n/error-message';

let rig: CardRig;
beforeAll(async () => {
  rig = await startCardRig();
});
afterEach(async () => {
  await settled(rig.reg);
  await rig.reg.must('session.login', { operatorId: rig.staff.cashierId, pin: CASHIER_PIN });
});
afterAll(() => rig.stop());

const LOCALES = resolve(__dirname, '../../assets/locales');
const errorsIn = (language: string) => JSON.parse(readFileSync(join(LOCALES, language, 'errors.json'), 'utf8')) as Record<string, string>;

/** What the cashier reads: the refusal and its reason both have words in every language. */
function expectWords(error: CallError): void {
  for (const language of ['en', 'zh-CN']) {
    const words = errorsIn(language);
    expect(words[error.code], `${language} ${error.code}`).toBeTruthy();
    const reason = error.params.reason;
    if (typeof reason === 'string') expect(words[`reason.${reason}`], `${language} reason.${reason}`).toBeTruthy();
  }
}

/** A card sale of two lines (12.00 and 8.00). */
const cardSale = () => cardSaleOfTwoLines(rig.reg);

function corrections(saleId: string): { kind: string; status: string }[] {
  return rig.reg.db.prepare('SELECT kind, status FROM documents WHERE original_document_id = ? ORDER BY opened_at').all(saleId) as {
    kind: string;
    status: string;
  }[];
}

describe('card refunds that time out on the terminal', () => {
  it('a refund (06 31) the terminal never answers leaves no refund completed, the sale refundable, and says why', async () => {
    const { reg, sim } = rig;
    const sale = await cardSale();
    const batch = sim.batch().length;
    sim.script({ silentAfter: 'card' });
    const r = await reg.call('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: sale.lines[1]!.id, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'terminal.declined', params: { reason: 'terminal.result.not_booked' } });
    expectWords(r.error);
    expect(corrections(sale.id)).toEqual([{ kind: 'refund', status: 'cancelled' }]);
    expect(sim.batch().length).toBe(batch);
    const found = await reg.must('refund.find', { code: String(sale.receiptNo) });
    expect(found.lines.map((l) => l.refundableMinor)).toEqual([1200, 800]);
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('a reversal (06 30) of the whole payment that times out reverses nothing, and a retry then goes through once', async () => {
    const { reg, sim } = rig;
    const sale = await cardSale();
    const lines = sale.lines.map((l) => ({ lineId: l.id, qtyMilli: l.qtyMilli, restock: true }));
    // A reversal asks for no card: the terminal goes silent once it has taken the command.
    sim.script({ silentAfter: 'accept' });
    const r = await reg.call('refund.withReceipt', { saleId: sale.id, lines, reason: 'not_wanted', idempotencyKey: key() });
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.declined' } });
    if (!r.ok) expectWords(r.error);
    expect(corrections(sale.id)).toEqual([{ kind: 'refund', status: 'cancelled' }]);
    const original = () => sim.batch().find((e) => e.kind === 'payment' && e.receiptNo === Number(sale.payments[0]?.card?.terminalReceiptNo));
    expect(original()?.reversed).toBeFalsy();

    const again = await reg.must('refund.withReceipt', { saleId: sale.id, lines, reason: 'not_wanted', idempotencyKey: key() });
    expect(again.sale).toMatchObject({ kind: 'refund', status: 'completed' });
    expect(original()?.reversed).toBe(true);
    expect(corrections(sale.id)).toEqual([
      { kind: 'refund', status: 'cancelled' },
      { kind: 'refund', status: 'completed' },
    ]);
  });

  it('a void whose reversal times out voids nothing and says why', async () => {
    const { reg, sim, staff } = rig;
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const sale = await cardSale();
    // A reversal asks for no card: the terminal goes silent once it has taken the command.
    sim.script({ silentAfter: 'accept' });
    const r = await reg.call('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() });
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.declined' } });
    if (!r.ok) expectWords(r.error);
    expect(corrections(sale.id).filter((c) => c.status !== 'cancelled')).toEqual([]);
    expect((await reg.must('refund.find', { code: String(sale.receiptNo) })).voidable).toBe(true);
    expect((await reg.must('sale.get', { saleId: sale.id })).status).toBe('completed');
  });

  it('a reversal booked but never reported is found by recovery: the refund completes, reversed once', async () => {
    const { reg, sim } = rig;
    const sale = await cardSale();
    const lines = sale.lines.map((l) => ({ lineId: l.id, qtyMilli: l.qtyMilli, restock: true }));
    sim.script({ silentAfter: 'decision' });
    const r = await reg.must('refund.withReceipt', { saleId: sale.id, lines, reason: 'not_wanted', idempotencyKey: key() });
    expect(r.sale).toMatchObject({ kind: 'refund', status: 'completed', payments: [expect.objectContaining({ method: 'card', amountMinor: 2000 })] });
    const receiptNo = Number(sale.payments[0]?.card?.terminalReceiptNo);
    expect(sim.batch().filter((e) => e.kind === 'reversal' && e.reversesReceiptNo === receiptNo)).toHaveLength(1);
    expect(corrections(sale.id)).toEqual([{ kind: 'refund', status: 'completed' }]);
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('a refund whose outcome the terminal cannot say asks whether the money went back, not whether the card was charged', async () => {
    const { reg, sim, staff } = rig;
    const sale = await cardSale();
    // Recovery cannot prove "not booked" without the terminal receipt before ours: the outcome stays unknown.
    reg.db.prepare('UPDATE card_intents SET receipt_no = NULL WHERE receipt_no = ?').run(Number(sale.payments[0]?.card?.terminalReceiptNo));
    sim.script({ silentAfter: 'accept' });
    const r = await reg.call('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: sale.lines[1]!.id, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.outcome_unknown', params: { scope: 'refund' } } });
    if (r.ok) return;
    const words = uiI18n();
    await words.changeLanguage('zh-CN');
    expect(errorMessage(r.error, words.t, 'zh-CN', 'CNY')).toBe('终端未告知是否已退款。请勿再次操作：由主管核对终端。');
    await words.changeLanguage('en');
    expect(errorMessage(r.error, words.t, 'en', 'CNY')).toBe(
      'The terminal did not say whether the money went back to the card. Do not try again: a supervisor checks the terminal.',
    );
    // A supervisor checks the terminal and settles it, as the message says.
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const open = await reg.must('card.unresolved', {});
    expect(open).toHaveLength(1);
    await reg.must('card.resolve', { intentId: open[0]?.id ?? 0, outcome: 'declined', idempotencyKey: key() });
  });
});
