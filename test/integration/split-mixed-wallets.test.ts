// Voids of a sale paid by two payment codes (¥30.00 by WeChat Pay, the rest, ¥50.00, by Alipay),
// through the register on a real ledger file and the provider simulator over real HTTP: the
// wallets get their parts back in turn, as cards do. The first refused gives nothing back (the
// other wallet is never asked, the void is cancelled and the sale can be voided again); the
// second refused after the first went back leaves the void open listing both parts, and that part
// can be given in cash with a supervisor.
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import type { DocumentView } from '../../preload/contract/views';
import { SUPERVISOR_PIN } from '../support/register-fixture';
import { journalOf, minus, useMixedRig, xFigures, type MixedRig } from '../support/mixed-correction-rig';
import { alipayCode, key, saleOf, until, wechatCode } from '../support/scan-rig';

let rig: MixedRig;
useMixedRig((started) => (rig = started));

async function twoWalletSale(): Promise<DocumentView> {
  const saleId = await saleOf(rig.reg, 8000);
  await rig.reg.must('scanpay.pay', { saleId, code: wechatCode(), amountMinor: 3000, idempotencyKey: key() });
  const done = await rig.reg.must('scanpay.pay', { saleId, code: alipayCode(), idempotencyKey: key() });
  expect(done.sale.payments.map((p) => [p.method, p.amountMinor, p.scan?.provider])).toEqual([
    ['scan', 3000, 'wechat'],
    ['scan', 5000, 'alipay'],
  ]);
  return done.sale;
}

/** What each wallet's provider gave back of the sale's payment, in the order they were paid. */
function refunded(saleId: string): (number | undefined)[] {
  const nos = rig.reg.db.prepare('SELECT out_trade_no FROM scan_attempts WHERE sale_id = ? ORDER BY id').all(saleId) as { out_trade_no: string }[];
  return nos.map((n) => rig.provider.entries().find((e) => e.outTradeNo === n.out_trade_no)?.refundedMinor);
}

const statusOf = (id: string) => (rig.reg.db.prepare('SELECT status FROM documents WHERE id = ?').get(id) as { status: string }).status;

describe('a void of a sale paid by two payment codes', () => {
  it('the first wallet refuses: nothing goes back, the other wallet is never asked, and the sale can be voided again', async () => {
    const sale = await twoWalletSale();
    const before = await xFigures(rig);
    rig.provider.scriptRefunds('refuse');
    const voided = await rig.reg.must('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() });
    await until('the void to be cancelled', () => statusOf(voided.sale.id) === 'cancelled');
    expect(refunded(sale.id)).toEqual([0, 0]);
    expect(journalOf(rig.reg, voided.sale.id, ['scanpay.refund_moved']).map((e) => [e.data.to, e.data.amountMinor])).toEqual([
      ['sent', 3000],
      ['failed', 3000],
    ]);
    // The void's end is on record as a card's is: cancelled, with the refused refund and the provider's reason.
    const refusedRefund = journalOf(rig.reg, voided.sale.id, ['scanpay.refund_moved'])[1]?.data.refundId;
    expect(journalOf(rig.reg, voided.sale.id, ['refund.cancelled']).map((e) => e.data)).toEqual([
      {
        documentId: voided.sale.id,
        kind: 'void',
        originalDocumentId: sale.id,
        intentId: null,
        scanRefundId: refusedRefund,
        reason: 'USER_ACCOUNT_ABNORMAL',
      },
    ]);
    expect((await rig.reg.must('refund.find', { code: String(sale.receiptNo) })).corrections).toEqual([]);
    expect(minus(await xFigures(rig), before)).toEqual({ voids: 0, voidedMinor: 0, cardOut: 0, scanOut: 0, cashOut: 0, expectedCash: 0 });

    const again = await rig.reg.must('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() });
    await until('the second void to complete', () => statusOf(again.sale.id) === 'completed');
    expect(refunded(sale.id)).toEqual([3000, 5000]);
  });

  it('the second wallet refuses after the first went back: open, listing both, and that part given in cash completes it', async () => {
    const sale = await twoWalletSale();
    const before = await xFigures(rig);
    rig.provider.scriptRefunds('success', 'refuse');
    const voided = await rig.reg.must('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() });
    const id = voided.sale.id;
    const states = async () => (await rig.reg.must('refund.parts', { correctionId: id })).parts.map((p) => [p.scanProvider, p.state, p.amountMinor]);
    await until('the Alipay part refused', async () => (await states())[1]?.[1] === 'refused');
    expect(await states()).toEqual([
      ['wechat', 'back', 3000],
      ['alipay', 'refused', 5000],
    ]);
    expect(statusOf(id)).toBe('open');
    expect(refunded(sale.id)).toEqual([3000, 0]);
    expect(minus(await xFigures(rig), before)).toMatchObject({ voids: 0, scanOut: 0, expectedCash: 0 });

    await rig.asCashier();
    const done = await rig.reg.must('refund.partInCash', {
      correctionId: id,
      paymentId: sale.payments[1]!.id,
      approval: { operatorId: rig.staff.supervisorId, pin: SUPERVISOR_PIN },
      idempotencyKey: key(),
    });
    expect(done.sale).toMatchObject({ id, status: 'completed' });
    expect(done.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([
      ['scan', 3000],
      ['cash', 5000],
    ]);
    expect(refunded(sale.id)).toEqual([3000, 0]);
    expect(journalOf(rig.reg, id, ['refund.part_in_cash', 'void.completed']).map((e) => e.kind)).toEqual(['refund.part_in_cash', 'void.completed']);
    expect(minus(await xFigures(rig), before)).toEqual({ voids: 1, voidedMinor: 8000, cardOut: 0, scanOut: 3000, cashOut: 5000, expectedCash: -5000 });
    expect(verifyJournal(rig.reg.db).ok).toBe(true);
  });
});
