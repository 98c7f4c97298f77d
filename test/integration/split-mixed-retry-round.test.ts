// A void of a sale paid by two WeChat Pay codes (¥30.00 from one customer's phone, ¥50.00 from
// another's) whose refunds the provider leaves processing, through the register on a real ledger file and the
// provider simulator over real HTTP. The provider refunds re-check both on their own; WeChat Pay
// closes the first refund, a round hears so, and the cashier presses Retry on that part while the
// round is still asking about the second. The retry is not lost in the running round: the part goes back
// right after it, without waiting for the next timed round (a minute away here), under one new
// refund number, and no refund number reaches the provider twice.
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import type { DocumentView } from '../../preload/contract/views';
import { journalOf, useMixedRig, type MixedRig } from '../support/mixed-correction-rig';
import { key, saleOf, until, wechatCode } from '../support/scan-rig';

let rig: MixedRig;
// Each refund is asked 3 times a round, 0.7 s apart, so a round asking two lasts seconds; timed rounds 2 s after each other.
useMixedRig((started) => (rig = started), { providerRefunds: { attempts: 3, retryMs: 700, sweepMs: 2000 } });

async function twoCodeSale(): Promise<DocumentView> {
  const saleId = await saleOf(rig.reg, 8000);
  await rig.reg.must('scanpay.pay', { saleId, code: wechatCode(), amountMinor: 3000, idempotencyKey: key() });
  const done = await rig.reg.must('scanpay.pay', { saleId, code: wechatCode(), idempotencyKey: key() });
  expect(done.sale.payments.map((p) => [p.method, p.amountMinor, p.scan?.provider])).toEqual([
    ['scan', 3000, 'wechat'],
    ['scan', 5000, 'wechat'],
  ]);
  return done.sale;
}

interface RefundRow {
  id: number;
  original_payment_id: number;
  out_refund_no: string;
  state: string;
}

const refundRows = (documentId: string) => rig.reg.db.prepare('SELECT * FROM scan_refunds WHERE document_id = ? ORDER BY id').all(documentId) as RefundRow[];

/** The provider's books for each wallet's payment of the sale: what it gave back, under which refund numbers. */
function books(saleId: string) {
  const nos = rig.reg.db.prepare('SELECT out_trade_no FROM scan_attempts WHERE sale_id = ? ORDER BY id').all(saleId) as { out_trade_no: string }[];
  return nos.map((n) => {
    const entry = rig.provider.entries().find((e) => e.outTradeNo === n.out_trade_no);
    return { refundedMinor: entry?.refundedMinor, refundNos: entry?.refundNos };
  });
}

const statusOf = (id: string) => (rig.reg.db.prepare('SELECT status FROM documents WHERE id = ?').get(id) as { status: string }).status;

describe('a wallet part retried while the provider refunds are re-checking the correction', () => {
  it('goes back right after the running round, not at the next timed one, and nothing is refunded twice', async () => {
    const sale = await twoCodeSale();
    const [first, second] = sale.payments;
    rig.provider.scriptRefunds('pending', 'pending');
    await rig.asSupervisor();
    const voided = await rig.reg.must('void.sale', { saleId: sale.id, reason: 'cashier_error', idempotencyKey: key() });
    const id = voided.sale.id;
    expect(voided.sale.status).toBe('open');
    // The round that starts with the void sends both refunds in turn, and the provider is processing each.
    const pending = (paymentId: number) => () => refundRows(id).find((r) => r.original_payment_id === paymentId && r.state === 'pending');
    const firstRow = await until('the first refund processing', pending(first!.id));
    const secondRow = await until('the second refund processing', pending(second!.id), 15_000);

    // WeChat Pay closes the first refund: the next timed round, re-checking both, hears so first, then goes on asking about the second.
    rig.provider.settleRefunds('closed', [firstRow.out_refund_no]);
    const parts = async () => (await rig.reg.must('refund.parts', { correctionId: id })).parts.map((p) => [p.amountMinor, p.state]);
    await until('the first part refused', async () => (await parts())[0]?.[1] === 'refused', 15_000);
    expect(await parts()).toEqual([
      [3000, 'refused'],
      [5000, 'running'],
    ]);

    // The cashier presses Retry on the first part while that round is still asking about the second.
    await rig.asCashier();
    const retried = await rig.reg.must('refund.retryPart', { correctionId: id, paymentId: first!.id, idempotencyKey: key() });
    expect(retried.sale.payments.map((p) => [p.method, p.amountMinor, p.originalPaymentId])).toEqual([['scan', 3000, first!.id]]);
    expect(await parts()).toEqual([
      [3000, 'back'],
      [5000, 'running'],
    ]);
    expect(retried.sale.status).toBe('open');
    // The first payment got ¥30.00 back once, under a new refund number; the second's refund is still the one being processed.
    const rows = refundRows(id);
    expect(rows.map((r) => [r.original_payment_id, r.state])).toEqual([
      [first!.id, 'failed'],
      [second!.id, 'pending'],
      [first!.id, 'done'],
    ]);
    expect(books(sale.id)).toEqual([
      { refundedMinor: 3000, refundNos: [rows[2]!.out_refund_no] },
      { refundedMinor: 5000, refundNos: [secondRow.out_refund_no] },
    ]);
    // Each refund number was sent once (a round never sends one another round has on its way).
    const sent = journalOf(rig.reg, id, ['scanpay.refund_moved']).filter((e) => e.data.to === 'sent');
    expect(sent.map((e) => e.data.outRefundNo)).toEqual(rows.map((r) => r.out_refund_no));

    // The second refund settles: the timed rounds complete the void, and still nothing went back twice.
    rig.provider.settleRefunds();
    await until('the void to complete', () => statusOf(id) === 'completed', 15_000);
    expect(books(sale.id)).toEqual([
      { refundedMinor: 3000, refundNos: [rows[2]!.out_refund_no] },
      { refundedMinor: 5000, refundNos: [secondRow.out_refund_no] },
    ]);
    expect(journalOf(rig.reg, id, ['scanpay.refund_moved']).filter((e) => e.data.to === 'sent')).toHaveLength(3);
    expect(journalOf(rig.reg, id, ['void.completed'])).toHaveLength(1);
    expect(verifyJournal(rig.reg.db).ok).toBe(true);
  });
});
