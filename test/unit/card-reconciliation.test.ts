import { describe, expect, it } from 'vitest';
import { brandSlot, reconcileCards, type ReconBatch, type ReconPayment } from '../../main/day-close/card-reconciliation';

const batch = (brands: ReconBatch['brands'], totalMinor: number, receiptFrom: number | null, receiptTo: number | null, id = 1): ReconBatch => ({
  id,
  closedAt: 0,
  terminalId: '52500001',
  totalMinor,
  brands,
  receiptFrom,
  receiptTo,
});
const pay = (
  documentReceiptNo: number,
  brand: string | null,
  amountMinor: number,
  terminalReceiptNo: number | null,
  documentKind: ReconPayment['documentKind'] = 'sale',
): ReconPayment => ({
  paymentId: documentReceiptNo,
  documentKind,
  documentReceiptNo,
  brand,
  amountMinor,
  terminalReceiptNo,
  originalPaymentId: null,
  byReversal: false,
});

describe('card reconciliation', () => {
  it('puts each card brand in the terminal slot it settles in', () => {
    expect(
      ['VISA', 'visa', 'Mastercard', 'MasterCard', 'Eurocard', 'AMEX', 'American Express', 'Maestro', 'girocard', 'UnionPay', null].map(brandSlot),
    ).toEqual(['VISA', 'VISA', 'Mastercard', 'Mastercard', 'Mastercard', 'American Express', 'American Express', 'girocard', 'girocard', 'other', 'other']);
  });

  it('matches when every slot and the total agree; refunds count in the total only', () => {
    const r = reconcileCards(
      [
        batch(
          [
            { brand: 'VISA', count: 2, amountMinor: 3000 },
            { brand: 'other', count: 1, amountMinor: 800 },
          ],
          3300,
          7,
          10,
        ),
      ],
      [pay(1, 'VISA', 1000, 7), pay(2, 'UnionPay', 800, 8), pay(3, 'visa', 2000, 9), pay(4, 'VISA', 500, 10, 'refund')],
    );
    expect(r).toMatchObject({
      status: 'matched',
      terminalTotalMinor: 3300,
      registerTotalMinor: 3300,
      registerRefundsMinor: 500,
      receiptFrom: 7,
      receiptTo: 10,
      differences: [],
    });
    expect(r.brands.map((b) => b.brand)).toEqual(['VISA', 'other']);
  });

  it('names a payment the batch cannot hold, and counts the rest slot by slot', () => {
    const r = reconcileCards(
      [
        batch(
          [
            { brand: 'VISA', count: 2, amountMinor: 2100 },
            { brand: 'JCB', count: 1, amountMinor: 700 },
          ],
          2800,
          20,
          23,
        ),
      ],
      [
        pay(1, 'VISA', 1000, 20),
        pay(2, 'VISA', 1200, 21), // terminal says 1,100 for it
        pay(3, 'Mastercard', 900, 19), // before this batch: not in it
        pay(4, 'VISA', 400, null), // no terminal number at all (settled by a supervisor)
      ],
    );
    expect(r.differences).toEqual([
      expect.objectContaining({ kind: 'missing_on_terminal', brand: 'Mastercard', documentReceiptNo: 3, terminalReceiptNo: 19, differenceMinor: -900 }),
      expect.objectContaining({ kind: 'missing_on_terminal', brand: 'VISA', documentReceiptNo: 4, terminalReceiptNo: null, differenceMinor: -400 }),
      // JCB: the terminal has a payment the register never booked; numbers 22 and 23 are unaccounted for.
      // The register has no JCB payment at all: the slot's ¥7.00 is exactly what it lacks.
      expect.objectContaining({
        kind: 'missing_on_register',
        brand: 'JCB',
        count: 1,
        terminalMinor: 700,
        registerMinor: 0,
        terminalReceiptNos: [22, 23],
        exact: true,
      }),
      // Two VISA payments on each side: only their totals can be compared, not one receipt.
      expect.objectContaining({
        kind: 'amount_differs',
        brand: 'VISA',
        count: 2,
        terminalMinor: 2100,
        registerMinor: 2200,
        differenceMinor: -100,
        documentReceiptNo: null,
        exact: false,
      }),
    ]);
    expect(r.differences.slice(0, 2).every((d) => d.exact)).toBe(true);
    // Slot lines explain the whole total: no separate total line.
    expect(r.differences.some((d) => d.kind === 'total_differs')).toBe(false);
  });

  it('does not pin a slot total difference on a foreign receipt when an under-booking is in the same slot', () => {
    // Register: VISA ¥20.00 (terminal receipt 1) and ¥7.00 (2). Terminal: receipt 1 booked at ¥19.00,
    // and a foreign ¥15.00 payment (3): VISA 3 · ¥41.00. Neither ¥14.00 nor any single amount is a payment.
    const r = reconcileCards([batch([{ brand: 'VISA', count: 3, amountMinor: 4100 }], 4100, 1, 3)], [pay(1, 'VISA', 2000, 1), pay(2, 'VISA', 700, 2)]);
    expect(r.status).toBe('differences');
    expect(r.differences).toEqual([
      {
        kind: 'missing_on_register',
        brand: 'VISA',
        count: 1,
        terminalMinor: 4100,
        registerMinor: 2700,
        differenceMinor: 1400,
        documentReceiptNo: null,
        terminalReceiptNo: null,
        terminalReceiptNos: [3],
        exact: false,
      },
    ]);
  });

  it('names the one payment of a slot whose single amounts differ, and a slot the terminal lacks entirely', () => {
    const r = reconcileCards([batch([{ brand: 'VISA', count: 1, amountMinor: 1900 }], 1900, 1, 2)], [pay(5, 'VISA', 2000, 1), pay(6, 'Mastercard', 300, 2)]);
    expect(r.differences).toEqual([
      expect.objectContaining({
        kind: 'missing_on_terminal',
        brand: 'Mastercard',
        count: 1,
        differenceMinor: -300,
        documentReceiptNo: 6,
        terminalReceiptNo: 2,
        exact: true,
      }),
      expect.objectContaining({
        kind: 'amount_differs',
        brand: 'VISA',
        count: 1,
        differenceMinor: -100,
        documentReceiptNo: 5,
        terminalReceiptNo: 1,
        exact: true,
      }),
    ]);
  });

  it('reports a settlement total the slots do not explain (a refund the terminal never made)', () => {
    const r = reconcileCards(
      [batch([{ brand: 'VISA', count: 1, amountMinor: 1000 }], 1000, 5, 5)],
      [pay(1, 'VISA', 1000, 5), pay(2, 'VISA', 300, 6, 'refund')],
    );
    expect(r.differences).toEqual([
      expect.objectContaining({ kind: 'total_differs', brand: null, terminalMinor: 1000, registerMinor: 700, differenceMinor: 300 }),
    ]);
  });

  it('leaves a payment reversed on the terminal (06 30) out of the slots, and its reversal out of the refunds', () => {
    const r = reconcileCards(
      [batch([{ brand: 'VISA', count: 1, amountMinor: 700 }], 700 - 200, 30, 33)],
      [
        pay(1, 'VISA', 900, 30),
        pay(2, 'VISA', 700, 31),
        { ...pay(3, 'VISA', 900, 32, 'void'), originalPaymentId: 1, byReversal: true },
        { ...pay(4, 'VISA', 200, 33, 'refund'), originalPaymentId: 2 },
      ],
    );
    expect(r).toMatchObject({ status: 'matched', registerTotalMinor: 500, registerRefundsMinor: 200, differences: [] });
  });

  it('reads several batches (an end of day run earlier, then the Z) as one', () => {
    const r = reconcileCards(
      [batch([{ brand: 'VISA', count: 1, amountMinor: 1000 }], 1000, 1, 1, 1), batch([{ brand: 'VISA', count: 1, amountMinor: 500 }], 500, 2, 2, 2)],
      [pay(1, 'VISA', 1000, 1), pay(2, 'VISA', 500, 2)],
    );
    expect(r).toMatchObject({ status: 'matched', batchIds: [1, 2], receiptFrom: 1, receiptTo: 2, terminalTotalMinor: 1500 });
  });
});
