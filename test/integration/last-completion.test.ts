// The register's last completion, as a window reloaded or opened after it (or a register restarted
// since) asks for it: a cash sale with its change, an exchange with the cash given back, a return;
// and nothing once the cashier moved on to the next customer or the completion is too old.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPLETION_RECALL_MS } from '../../main/sale/last-completion';
import { recordCardPayment } from '../../main/sale/tender';
import { CASHIER_PIN, makeRegister, withStaff, type TestRegister } from '../support/register-fixture';

const registers: TestRegister[] = [];
afterEach(() => {
  for (const r of registers.splice(0)) r.cleanup();
});
const key = () => randomUUID().replaceAll('-', '');

let now = Date.UTC(2026, 2, 10, 2, 0);
const clock = () => now;

let cashierId = 0;

async function register(): Promise<TestRegister> {
  now = Date.UTC(2026, 2, 10, 2, 0);
  const reg = makeRegister({ clock });
  registers.push(reg);
  ({ cashierId } = await withStaff(reg));
  return reg;
}

/** A cash sale of one custom line at `priceMinor`, `tenderedMinor` handed over. */
async function cashSale(reg: TestRegister, priceMinor: number, tenderedMinor: number) {
  now += 5000;
  const { id } = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: id, name: '礼品卡套', qtyMilli: 1000, unitPriceMinor: priceMinor });
  return reg.must('sale.tenderCash', { saleId: id, tenderedMinor, idempotencyKey: key() });
}

describe('sale.lastCompletion', () => {
  it('gives the cash sale just completed with its receipt number and change, also after a restart, until 下一单', async () => {
    const reg = await register();
    expect(await reg.must('sale.lastCompletion', {})).toBeNull();
    const done = await cashSale(reg, 1230, 5000);
    // The window that completed it asks for the next sale (an empty cart): still the same completion.
    await reg.must('sale.current', {});
    now += 30_000;
    const last = await reg.must('sale.lastCompletion', {});
    expect(last).toMatchObject({ receiptNo: 1, changeMinor: 3770, sale: { id: done.sale.id, status: 'completed' } });
    expect(last?.sale.payments.map((p) => [p.method, p.amountMinor, p.tenderedMinor])).toEqual([['cash', 1230, 5000]]);

    // kill -9 and restart: the ledger alone says it, to whoever logs in.
    const again = reg.reopen();
    registers.push(again);
    await again.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    expect(await again.must('sale.lastCompletion', {})).toMatchObject({ receiptNo: 1, changeMinor: 3770, sale: { id: done.sale.id } });

    // 下一单 in any window: every window hears it, and no window is offered it again.
    const heard: unknown[] = [];
    again.events.subscribe((event, payload) => {
      if (event === 'sale.completionDismissed') heard.push(payload);
    });
    await again.must('sale.dismissCompletion', { documentId: done.sale.id });
    expect(heard).toEqual([{ documentId: done.sale.id }]);
    expect(await again.must('sale.lastCompletion', {})).toBeNull();
  });

  it('is not shown once the next sale is started, held or cancelled, after a logout, nor after ten minutes', async () => {
    const reg = await register();
    await cashSale(reg, 200, 1000);
    const next = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: next.id, name: '矿泉水', qtyMilli: 1000, unitPriceMinor: 200 });
    expect(await reg.must('sale.lastCompletion', {})).toBeNull();
    // Held: the cart is empty again, but the cashier went on to another customer.
    await reg.must('sale.hold', { saleId: next.id });
    expect(await reg.must('sale.lastCompletion', {})).toBeNull();

    await cashSale(reg, 300, 500);
    expect(await reg.must('sale.lastCompletion', {})).toMatchObject({ receiptNo: 2, changeMinor: 200 });
    const third = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: third.id, name: '纸巾', qtyMilli: 1000, unitPriceMinor: 100 });
    await reg.must('sale.cancel', { saleId: third.id, idempotencyKey: key() });
    expect(await reg.must('sale.lastCompletion', {})).toBeNull();

    // Logged out: the cashier left the counter, and whoever logs in next starts afresh.
    await cashSale(reg, 250, 300);
    expect(await reg.must('sale.lastCompletion', {})).toMatchObject({ receiptNo: 3, changeMinor: 50 });
    await reg.must('session.logout', {});
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    expect(await reg.must('sale.lastCompletion', {})).toBeNull();

    await cashSale(reg, 400, 1000);
    now += COMPLETION_RECALL_MS - 1000;
    expect(await reg.must('sale.lastCompletion', {})).toMatchObject({ receiptNo: 4, changeMinor: 600 });
    now += 2000;
    expect(await reg.must('sale.lastCompletion', {})).toBeNull();
  });

  it("gives an exchange's new sale with the cash handed back, and a return's completion", async () => {
    const reg = await register();
    const original = await cashSale(reg, 5000, 5000);
    const { id: saleId } = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId, name: 'T恤 L', qtyMilli: 1000, unitPriceMinor: 3000 });
    const exchanged = await reg.must('exchange.complete', {
      saleId,
      originalSaleId: original.sale.id,
      lines: [{ lineId: original.sale.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'wrong_item',
      idempotencyKey: key(),
    });
    // The customer gets ¥20.00 back: what the completion screen said after the exchange.
    expect(await reg.must('sale.lastCompletion', {})).toMatchObject({
      receiptNo: exchanged.sale.receiptNo,
      changeMinor: 2000,
      sale: { id: saleId, kind: 'sale' },
    });

    const sold = await cashSale(reg, 800, 1000);
    const refund = await reg.must('refund.withReceipt', {
      saleId: sold.sale.id,
      lines: [{ lineId: sold.sale.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'not_wanted',
      idempotencyKey: key(),
    });
    expect(await reg.must('sale.lastCompletion', {})).toMatchObject({
      receiptNo: refund.sale.receiptNo,
      sale: { id: refund.sale.id, kind: 'refund', status: 'completed', totals: { totalMinor: 800 } },
    });
    // An exchange whose difference was paid by card: its return is journalled after its sale, and the
    // completion is still the new sale's (both documents shown, as after the payment).
    const shirt = await cashSale(reg, 5000, 5000);
    now += 5000;
    const { id: dearer } = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: dearer, name: 'T恤 L 加厚', qtyMilli: 1000, unitPriceMinor: 8000 });
    await reg.must('exchange.begin', {
      saleId: dearer,
      originalSaleId: shirt.sale.id,
      lines: [{ lineId: shirt.sale.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'wrong_item',
      idempotencyKey: key(),
    });
    const settings = await reg.must('settings.get', {});
    const card = { maskedPan: '6222 02** **** 0001', brand: 'UnionPay', authCode: 'A1', trace: '1', terminalReceiptNo: '1', terminalId: 'T1' };
    recordCardPayment(
      { db: reg.db, now, settings, actor: { id: cashierId, role: 'cashier' } },
      { saleId: dearer, amountMinor: 3000, card: { ...card, entryMode: 'chip', signatureRequired: false } },
    );
    expect(await reg.must('sale.lastCompletion', {})).toMatchObject({ changeMinor: 0, sale: { id: dearer, kind: 'sale', status: 'completed' } });

    // Looking up another receipt starts the next return: the last one is left.
    now += 5000;
    await reg.must('refund.find', { code: String(original.sale.receiptNo) });
    expect(await reg.must('sale.lastCompletion', {})).toBeNull();
  });
});
