// Part of a sale by card, the rest by another tender ("¥30 on the card, the rest in cash"), through
// the register against the terminal simulator on a real socat pty: the terminal is asked for the
// part only, the sale stays open until the rest is paid, cash rounding touches the cash part only,
// the receipt and the slip show each tender, and a refused amount never reaches the terminal.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { buildReceiptDocuments } from '../../main/hardware/printer/receipt-model';
import { encodeReceipt } from '../../main/hardware/printer/encoder';
import { defaultPrinterProfile } from '../../main/hardware/printer/printer-profile';
import type { DocumentView } from '../../preload/contract/views';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { tokenizeEscPos } from '../support/escpos-tokenizer';
import { errorsI18n } from '../support/errors-i18n';
import { timeZone } from '../support/printer-fixtures';
import { storeZh } from '../support/store-profiles';
import { key, saleOf, settled, startCardRig, type CardRig } from '../support/card-register';
import { OWNER_PIN, SUPERVISOR_PIN } from '../support/register-fixture';

let rig: CardRig;

beforeAll(async () => {
  rig = await startCardRig();
});
afterEach(async () => {
  await settled(rig.reg);
  // A sale a test left open is paid off in cash, so the next one starts with a new sale.
  const sale = await rig.reg.must('sale.current', {});
  if (sale.lines.length > 0 && sale.remainingMinor > 0)
    await rig.reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: sale.cashDueMinor, idempotencyKey: key() });
});
afterAll(() => rig.stop());

const i18n = errorsI18n();

function cardJournal(): string[] {
  return (rig.reg.db.prepare("SELECT kind FROM journal WHERE kind LIKE 'card.%' ORDER BY seq").all() as { kind: string }[]).map((k) => k.kind);
}

function intentsOf(saleId: string): { amount_minor: number; state: string }[] {
  return rig.reg.db.prepare('SELECT amount_minor, state FROM card_intents WHERE sale_id = ? ORDER BY id').all(saleId) as never;
}

/** The customer's receipt and any merchant copy, as the lines on 80 mm paper. */
function paper(sale: DocumentView): string[][] {
  return buildReceiptDocuments(sale, storeZh, { timeZone }).map((d) => tokenizeEscPos(encodeReceipt(d, defaultPrinterProfile)).lines);
}

/** The value printed flush right after a label, for every row that starts with it (the paper's yuan sign is full width). */
function rows(lines: string[], label: string): string[] {
  return lines.filter((l) => l.trimStart().startsWith(`${label} `)).map((l) => l.trimStart().slice(label.length).trim());
}

describe('a card pays part of a sale', () => {
  it('¥30.00 of ¥50.00 by card: the terminal is asked for ¥30.00, the sale waits for ¥20.00, cash completes it', async () => {
    const { reg, sim } = rig;
    const saleId = await saleOf(reg, 5000);
    const before = cardJournal().length;
    const part = await reg.must('card.pay', { saleId, amountMinor: 3000, idempotencyKey: key() });
    expect(part.receiptNo).toBeNull();
    expect(part.sale).toMatchObject({ status: 'open', paidMinor: 3000, remainingMinor: 2000, cashDueMinor: 2000 });
    expect(part.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([['card', 3000]]);
    expect(sim.batch().at(-1)?.amountMinor).toBe(3000);
    expect(intentsOf(saleId)).toEqual([{ amount_minor: 3000, state: 'approved' }]);
    // Journalled as a whole card payment is: intent, sent, steps, approval.
    expect(cardJournal().slice(before)).toEqual(['card.intent_created', 'card.sent', 'card.in_progress', 'card.approved']);

    const done = await reg.must('sale.tenderCash', { saleId, tenderedMinor: 10_000, idempotencyKey: key() });
    expect(done.receiptNo).not.toBeNull();
    expect(done.changeMinor).toBe(8000);
    expect(done.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([
      ['card', 3000],
      ['cash', 2000],
    ]);

    // The receipt lists each tender; the card block under the card says the card's part.
    const [receipt] = paper(done.sale);
    expect(rows(receipt!, '银行卡')).toEqual(['￥30.00']);
    expect(rows(receipt!, '现金')).toEqual(['￥100.00']);
    expect(rows(receipt!, '找零')).toEqual(['￥80.00']);
    expect(rows(receipt!, '金额')).toEqual(['￥30.00']);
    expect(verifyJournal(reg.db).ok).toBe(true);
  });

  it('two card parts (¥10.00, then the rest): each authorized for its own amount, each on the receipt', async () => {
    const { reg, sim } = rig;
    const saleId = await saleOf(reg, 2500);
    const first = await reg.must('card.pay', { saleId, amountMinor: 1000, idempotencyKey: key() });
    expect(first.sale.remainingMinor).toBe(1500);
    const rest = await reg.must('card.pay', { saleId, idempotencyKey: key() });
    expect(rest.receiptNo).not.toBeNull();
    expect(
      sim
        .batch()
        .slice(-2)
        .map((b) => b.amountMinor),
    ).toEqual([1000, 1500]);
    expect(rows(paper(rest.sale)[0]!, '银行卡')).toEqual(['￥10.00', '￥15.00']);
  });

  it('the slip the customer signs for a card part says the part', async () => {
    const { reg, sim } = rig;
    const saleId = await saleOf(reg, 4000);
    sim.script({ signatureRequired: true });
    const part = await reg.must('card.pay', { saleId, amountMinor: 1500, idempotencyKey: key() });
    await reg.must('card.confirmSignature', { saleId });
    const done = await reg.must('sale.tenderCash', { saleId, tenderedMinor: 2500, idempotencyKey: key() });
    expect(part.sale.payments[0]?.card?.signatureRequired).toBe(true);
    const [receipt, merchant] = paper(done.sale);
    expect(rows(receipt!, '银行卡')).toEqual(['￥15.00']);
    expect(rows(receipt!, '现金')).toEqual(['￥25.00']);
    expect(merchant?.join('\n')).toContain('银行卡签购单');
    expect(rows(merchant!, '银行卡')).toEqual(['￥15.00']);
    expect(rows(merchant!, '金额')).toEqual(['￥15.00']);
  });

  it('cash rounding applies to the cash part only: the card pays its exact amount', async () => {
    const { reg, staff } = rig;
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { cashRoundingStepMinor: 10 });
    try {
      const saleId = await saleOf(reg, 5047);
      const part = await reg.must('card.pay', { saleId, amountMinor: 3001, idempotencyKey: key() });
      // ¥20.46 still owed; the cash for it is rounded to ¥20.50.
      expect(part.sale).toMatchObject({ remainingMinor: 2046, cashDueMinor: 2050 });
      const done = await reg.must('sale.tenderCash', { saleId, tenderedMinor: 2050, idempotencyKey: key() });
      expect(done.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([
        ['card', 3001],
        ['cash', 2050],
      ]);
      expect(done.sale).toMatchObject({ status: 'completed', roundingMinor: 4, changeMinor: 0 });
    } finally {
      await reg.must('settings.update', { cashRoundingStepMinor: 0 });
    }
  });

  it('what the card leaves rounds to no coin (¥0.04 at a ¥0.10 step): Enter on nothing completes the sale, no cash row', async () => {
    const { reg, staff } = rig;
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { cashRoundingStepMinor: 10 });
    try {
      const saleId = await saleOf(reg, 5047);
      // Cash of nothing towards a sale that still needs a coin is refused, part or not, and takes nothing.
      for (const partial of [false, true]) {
        const refused = await reg.call('sale.tenderCash', { saleId, tenderedMinor: 0, partial, idempotencyKey: key() });
        expect(refused.ok ? null : refused.error.code).toBe('sale.tender_insufficient');
      }
      expect((await reg.must('sale.current', {})).payments).toEqual([]);
      const part = await reg.must('card.pay', { saleId, amountMinor: 5043, idempotencyKey: key() });
      expect(part.sale).toMatchObject({ status: 'open', remainingMinor: 4, cashDueMinor: 0 });

      const done = await reg.must('sale.tenderCash', { saleId, tenderedMinor: 0, idempotencyKey: key() });
      expect(done.receiptNo).not.toBeNull();
      expect(done.sale).toMatchObject({ status: 'completed', roundingMinor: -4, changeMinor: 0, remainingMinor: 0 });
      expect(done.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([['card', 5043]]);
      const [receipt] = paper(done.sale);
      expect(rows(receipt!, '现金舍入')).toEqual(['-￥0.04']);
      expect(verifyJournal(reg.db).ok).toBe(true);
    } finally {
      await reg.must('settings.update', { cashRoundingStepMinor: 0 });
    }
  });
});

describe('an amount the card cannot take', () => {
  it('more than is still owed, zero or less: refused with a clear reason, and the terminal hears nothing', async () => {
    const { reg, sim } = rig;
    const saleId = await saleOf(reg, 2000);
    await reg.must('sale.tenderCash', { saleId, tenderedMinor: 500, partial: true, idempotencyKey: key() });
    const batch = sim.batch().length;
    const journal = cardJournal().length;

    const over = await reg.call('card.pay', { saleId, amountMinor: 1501, idempotencyKey: key() });
    expect(over).toEqual({ ok: false, error: { code: 'terminal.amount_exceeds_due', params: { dueMinor: 1500 } } });
    if (over.ok) return;
    expect(errorMessage(over.error, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toBe('刷卡金额超过了还需支付的 ¥15.00。');
    expect(errorMessage(over.error, i18n.getFixedT('en'), 'en', 'CNY')).toBe('The card amount is more than the ¥15.00 still due.');

    for (const amountMinor of [0, -100]) {
      const refused = await reg.call('card.pay', { saleId, amountMinor, idempotencyKey: key() });
      expect(refused).toMatchObject({ ok: false, error: { code: 'request.invalid_input', params: { field: 'amountMinor' } } });
      if (!refused.ok) expect(errorMessage(refused.error, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toBe('金额最小为 ¥0.01。');
    }

    expect(sim.batch()).toHaveLength(batch);
    expect(cardJournal()).toHaveLength(journal);
    expect(intentsOf(saleId)).toEqual([]);
    expect(await reg.must('sale.get', { saleId })).toMatchObject({ status: 'open', paidMinor: 500, remainingMinor: 1500 });
  });

  it('a repeated request is the same payment: one authorization; the same key for another amount is refused', async () => {
    const { reg, sim } = rig;
    const saleId = await saleOf(reg, 3000);
    const requestKey = key();
    const first = await reg.must('card.pay', { saleId, amountMinor: 1000, idempotencyKey: requestKey });
    const batch = sim.batch().length;
    const again = await reg.must('card.pay', { saleId, amountMinor: 1000, idempotencyKey: requestKey });
    expect(again.sale.payments.map((p) => p.id)).toEqual(first.sale.payments.map((p) => p.id));
    expect(sim.batch()).toHaveLength(batch);
    expect(await reg.call('card.pay', { saleId, amountMinor: 1200, idempotencyKey: requestKey })).toMatchObject({
      ok: false,
      error: { code: 'request.idempotency_key_reused' },
    });
    expect(intentsOf(saleId)).toEqual([{ amount_minor: 1000, state: 'approved' }]);
    expect((await reg.must('sale.get', { saleId })).paidMinor).toBe(1000);
  });
});

describe('cancel and void with a card part paid', () => {
  it('整单取消 is refused as today; paid in full, the void reverses the card part and gives the cash back', async () => {
    const { reg, staff } = rig;
    const saleId = await saleOf(reg, 4200);
    await reg.must('card.pay', { saleId, amountMinor: 2000, idempotencyKey: key() });
    expect(await reg.call('sale.cancel', { saleId, idempotencyKey: key() })).toEqual({
      ok: false,
      error: { code: 'sale.cancel_card_paid', params: { saleId } },
    });
    expect(await reg.must('sale.get', { saleId })).toMatchObject({ status: 'open', paidMinor: 2000, remainingMinor: 2200 });

    const done = await reg.must('sale.tenderCash', { saleId, tenderedMinor: 2200, idempotencyKey: key() });
    expect(done.sale.status).toBe('completed');
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const voided = await reg.must('void.sale', { saleId, reason: 'cashier_error', idempotencyKey: key() });
    expect(voided.sale).toMatchObject({ kind: 'void', status: 'completed', originalDocumentId: saleId });
    expect(voided.sale.payments.map((p) => [p.method, p.amountMinor]).sort()).toEqual([
      ['card', 2000],
      ['cash', 2200],
    ]);
    const reversal = reg.db.prepare('SELECT kind, state, amount_minor FROM card_intents WHERE sale_id = ?').all(voided.sale.id);
    expect(reversal).toEqual([{ kind: 'reversal', state: 'approved', amount_minor: 2000 }]);
    expect(verifyJournal(reg.db).ok).toBe(true);
  });
});
