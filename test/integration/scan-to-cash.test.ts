// Money paid with a payment code (WeChat Pay / Alipay) leaves the drawer as cash only with a
// supervisor, as card money does: 改退现金 on a return, and an exchange for cheaper goods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerSnapshot } from '../support/ledger-snapshot';
import { SUPERVISOR_PIN } from '../support/register-fixture';
import { key, saleOf, scanRig, wechatCode } from '../support/scan-rig';

let rig: Awaited<ReturnType<typeof scanRig>>;
beforeAll(async () => {
  rig = await scanRig();
});
afterAll(() => rig.stop());

async function scanSale(amountMinor: number) {
  const saleId = await saleOf(rig.reg, amountMinor);
  await rig.reg.must('scanpay.pay', { saleId, code: wechatCode(), idempotencyKey: key() });
  const sale = await rig.reg.must('sale.get', { saleId });
  expect(sale.payments.map((p) => p.method)).toEqual(['scan']);
  return sale;
}

async function newGoods(priceMinor: number): Promise<string> {
  const { id } = await rig.reg.must('sale.current', {});
  await rig.reg.must('sale.addCustomLine', { saleId: id, name: '农夫山泉 550ml', qtyMilli: 1000, unitPriceMinor: priceMinor });
  return id;
}

const whole = (sale: { lines: { id: number }[] }) => [{ lineId: sale.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }];
const approval = () => ({ operatorId: rig.staff.supervisorId, pin: SUPERVISOR_PIN });

describe('a scan-to-pay sale given back in cash', () => {
  it('改退现金 on a return asks a supervisor, naming the payment code; without one nothing changes', async () => {
    const sale = await scanSale(5000);
    // To the wallet it needs nobody; in cash it does.
    expect(await rig.reg.must('refund.preview', { saleId: sale.id, lines: whole(sale) })).toMatchObject({ approvalReasons: [] });
    expect(await rig.reg.must('refund.preview', { saleId: sale.id, lines: whole(sale), toCash: true })).toMatchObject({
      tenders: [{ method: 'cash', amountMinor: 5000 }],
      approvalReasons: ['refund.approval.scan_to_cash'],
    });
    const before = ledgerSnapshot(rig.reg.db);
    const refused = await rig.reg.call('refund.withReceipt', { saleId: sale.id, lines: whole(sale), reason: 'defective', toCash: true, idempotencyKey: key() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refund.needs_supervisor', params: { reason: 'refund.approval.scan_to_cash' } } });
    expect(ledgerSnapshot(rig.reg.db)).toEqual(before);
    const done = await rig.reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: whole(sale),
      reason: 'defective',
      toCash: true,
      approval: approval(),
      idempotencyKey: key(),
    });
    expect(done.sale).toMatchObject({ status: 'completed', approverId: rig.staff.supervisorId, payments: [{ method: 'cash', amountMinor: 5000 }] });
  });

  it('an exchange for cheaper goods asks a supervisor for the cash handed back; an even one does not', async () => {
    const sale = await scanSale(5000);
    const saleId = await newGoods(200);
    const input = { saleId, originalSaleId: sale.id, lines: whole(sale) };
    expect(await rig.reg.must('exchange.preview', input)).toMatchObject({ differenceMinor: -4800, approvalReasons: ['refund.approval.scan_to_cash'] });
    const before = ledgerSnapshot(rig.reg.db);
    const refused = await rig.reg.call('exchange.complete', { ...input, reason: 'wrong_item', idempotencyKey: key() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refund.needs_supervisor', params: { reason: 'refund.approval.scan_to_cash' } } });
    expect(ledgerSnapshot(rig.reg.db)).toEqual(before);
    const done = await rig.reg.must('exchange.complete', { ...input, reason: 'wrong_item', approval: approval(), idempotencyKey: key() });
    expect(done).toMatchObject({ differenceMinor: -4800, refund: { approverId: rig.staff.supervisorId } });
    // The ¥2.00 water, paid with that credit, is payment-code money too.
    expect(await rig.reg.must('refund.preview', { saleId, lines: whole(done.sale) })).toMatchObject({ approvalReasons: ['refund.approval.scan_to_cash'] });

    const other = await scanSale(3000);
    const even = await newGoods(3000);
    expect(await rig.reg.must('exchange.preview', { saleId: even, originalSaleId: other.id, lines: whole(other) })).toMatchObject({
      differenceMinor: 0,
      approvalReasons: [],
    });
  });
});
