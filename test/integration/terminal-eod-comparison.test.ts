// The terminal's end of day beside the register's own card figures for the same batch, with the
// terminal simulator on a real socat pty: the batch's sales per card type (BMP 60) and net total
// (BMP 04), against the register's card sales, refunds and net, compared by the day close's
// reconciliation; a terminal that booked another amount is said to differ, and by how much.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalBatchView } from '../../preload/contract';
import { type CardRig, cardSaleOfTwoLines, key, settled, startCardRig } from '../support/card-register';
import { CASHIER_PIN, SUPERVISOR_PIN } from '../support/register-fixture';

let rig: CardRig;

beforeAll(async () => {
  rig = await startCardRig();
});
afterAll(() => rig.stop());

async function endOfDay(): Promise<{ batch: TerminalBatchView; past: TerminalBatchView[] }> {
  const { reg, staff } = rig;
  await settled(reg);
  await reg.must('session.logout', {});
  await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
  const batch = await reg.must('terminal.endOfDay', {});
  const past = await reg.must('terminal.batches', {});
  await reg.must('session.logout', {});
  await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
  return { batch, past };
}

describe("the terminal's end of day beside the register's card figures", () => {
  it('a card sale and a refund of part of it: the terminal lists the sale and the net, the register its sale, refund and net; they match', async () => {
    const { reg } = rig;
    const sale = await cardSaleOfTwoLines(reg); // 12.00 + 8.00 by VISA
    const soap = sale.lines[1];
    await reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: soap?.id ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });

    const { batch, past } = await endOfDay();
    // What ZVT's end of day carries: the sales per card slot and the net the bank pays; no refund line.
    expect(batch.brands).toEqual([{ brand: 'VISA', count: 1, amountMinor: 2000 }]);
    expect(batch.totalMinor).toBe(1200);
    expect(batch.comparison).toMatchObject({
      status: 'matched',
      terminalTotalMinor: 1200,
      registerTotalMinor: 1200,
      registerRefundsMinor: 800,
      brands: [{ brand: 'VISA', terminalCount: 1, terminalMinor: 2000, registerCount: 1, registerMinor: 2000 }],
      differences: [],
    });
    // The past batches carry the same comparison.
    expect(past.find((b) => b.id === batch.id)?.comparison).toEqual(batch.comparison);
  });

  it('a terminal that booked another amount than the register: the batch says it differs, by how much', async () => {
    const { reg, sim } = rig;
    const sale = await cardSaleOfTwoLines(reg);
    const terminalNo = Number(sale.payments[0]?.card?.terminalReceiptNo);
    sim.editBatch((entries) => entries.map((e) => (e.receiptNo === terminalNo ? { ...e, amountMinor: 1900 } : e)));

    const { batch, past } = await endOfDay();
    expect(batch.totalMinor).toBe(1900);
    expect(batch.comparison).toMatchObject({ status: 'differences', terminalTotalMinor: 1900, registerTotalMinor: 2000, registerRefundsMinor: 0 });
    expect(batch.comparison.differences).toEqual([expect.objectContaining({ kind: 'amount_differs', brand: 'VISA', differenceMinor: -100 })]);
    // Only this batch's period: the first batch still matches.
    expect(past.map((b) => b.comparison.status)).toEqual(['differences', 'matched']);
  });
});
