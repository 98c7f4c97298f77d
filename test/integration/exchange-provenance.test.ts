// Card money stays card money through an exchange: the credit that pays the new goods is booked as
// cash (the drawer counts only the difference), but a later return or void of those goods sees the
// card behind it, and cash for it needs the same supervisor as cash for the card sale itself. The
// fraud watch counts only cash that left the drawer, on the document where it left.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { storedDrafts } from '../../main/fraud/fraud-alerts';
import { recomputeLedgerAlerts } from '../../main/fraud/fraud-recompute';
import { businessDayRule } from '../../main/business-day/business-day';
import { refundState } from '../../main/refund/refundable';
import { recordCardPayment } from '../../main/sale/tender';
import { getSettings } from '../../main/settings/settings';
import { ledgerSnapshot } from '../support/ledger-snapshot';
import { makeRegister, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';

const registers: TestRegister[] = [];
afterEach(() => {
  for (const r of registers.splice(0)) r.cleanup();
});
const key = () => randomUUID().replaceAll('-', '');

async function setUp() {
  const reg = makeRegister();
  registers.push(reg);
  const staff = await withStaff(reg);
  const approval = { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN };
  /** A completed sale of one scarf, paid by card as the terminal would book it, or in cash. */
  const sold = async (priceMinor: number, method: 'card' | 'cash') => {
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: id, name: '围巾', qtyMilli: 1000, unitPriceMinor: priceMinor });
    if (method === 'cash') return (await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: priceMinor, idempotencyKey: key() })).sale;
    const settings = await reg.must('settings.get', {});
    const card = { maskedPan: '476173******0119', brand: 'VISA', authCode: 'A1', trace: '1', terminalReceiptNo: '1', terminalId: 'T1' };
    recordCardPayment(
      { db: reg.db, now: Date.now(), settings, actor: { id: staff.cashierId, role: 'cashier' } },
      { saleId: id, amountMinor: priceMinor, card: { ...card, entryMode: 'chip', signatureRequired: false } },
    );
    return reg.must('sale.get', { saleId: id });
  };
  /** The scarf exchanged for new goods at `priceMinor` (cheaper or equal: nothing to pay). */
  const exchanged = async (original: { id: string; lines: { id: number }[] }, priceMinor: number, withApproval = false) => {
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: id, name: '围巾(红)', qtyMilli: 1000, unitPriceMinor: priceMinor });
    return reg.must('exchange.complete', {
      saleId: id,
      originalSaleId: original.id,
      lines: [{ lineId: original.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'wrong_item',
      idempotencyKey: key(),
      ...(withApproval ? { approval } : {}),
    });
  };
  const lines = (sale: { lines: { id: number }[] }) => [{ lineId: sale.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }];
  const alerts = () => storedDrafts(reg.db).filter((a) => a.rule === 'cash_refund_of_card_sale');
  const recomputed = () => {
    const settings = getSettings(reg.db);
    return recomputeLedgerAlerts(reg.db, { registerId: settings.registerId, timeZone: settings.timeZone, businessDayRule: businessDayRule(settings) });
  };
  return { reg, staff, approval, sold, exchanged, lines, alerts, recomputed };
}

describe('an exchange credit made of card money', () => {
  it('returned after an even exchange: cash needs the card→cash approval, the alert names that return, none the exchange', async () => {
    const { reg, staff, approval, sold, exchanged, lines, alerts, recomputed } = await setUp();
    const card = await sold(3000, 'card');
    const even = await exchanged(card, 3000);
    // No money moved: no approval, no alert.
    expect(even).toMatchObject({ creditMinor: 3000, differenceMinor: 0, approvalReasons: [] });
    expect(alerts()).toEqual([]);
    // The new sale's only payment is the credit, booked as cash; behind it is the card.
    expect(even.sale.payments.map((p) => p.method)).toEqual(['cash']);
    expect(refundState(reg.db, even.sale.id, 'R1').payments.map((p) => p.provenance)).toEqual([{ card: 3000, scan: 0 }]);

    const preview = await reg.must('refund.preview', { saleId: even.sale.id, lines: lines(even.sale) });
    expect(preview).toMatchObject({ tenders: [{ method: 'cash', amountMinor: 3000 }], approvalReasons: ['refund.approval.card_to_cash'] });
    const before = ledgerSnapshot(reg.db);
    const refused = await reg.call('refund.withReceipt', { saleId: even.sale.id, lines: lines(even.sale), reason: 'defective', idempotencyKey: key() });
    expect(refused).toMatchObject({ ok: false, error: { code: 'refund.needs_supervisor', params: { reason: 'refund.approval.card_to_cash' } } });
    expect(ledgerSnapshot(reg.db)).toEqual(before);

    const back = await reg.must('refund.withReceipt', { saleId: even.sale.id, lines: lines(even.sale), reason: 'defective', approval, idempotencyKey: key() });
    expect(back.sale).toMatchObject({ status: 'completed', approverId: staff.supervisorId, payments: [{ method: 'cash', amountMinor: 3000 }] });
    // The alert sits on the return where the cash left, and the recomputation from the journal agrees.
    expect(alerts()).toMatchObject([{ documentIds: [even.sale.id, back.sale.id], params: { cashMinor: 3000 } }]);
    expect(storedDrafts(reg.db)).toEqual(recomputed());
    // The tenders still say what was handed over: the card took ¥30, the drawer gave ¥30.
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const x = await reg.must('report.x', { scope: 'shift' });
    expect(x.figures.tenders.find((t) => t.method === 'card')?.netMinor).toBe(3000);
    expect(x.figures.tenders.find((t) => t.method === 'cash')?.netMinor).toBe(-3000);
  });

  it('through two exchanges still asks; credit of a cash sale never does', async () => {
    const { reg, sold, exchanged, lines } = await setUp();
    const card = await sold(3000, 'card');
    const first = await exchanged(card, 3000);
    const second = await exchanged(first.sale, 2500, true);
    expect(second).toMatchObject({ differenceMinor: -500, approvalReasons: ['refund.approval.card_to_cash'] });
    expect(await reg.must('refund.preview', { saleId: second.sale.id, lines: lines(second.sale) })).toMatchObject({
      approvalReasons: ['refund.approval.card_to_cash'],
    });

    const cash = await sold(3000, 'cash');
    const ofCash = await exchanged(cash, 2000);
    expect(ofCash).toMatchObject({ differenceMinor: -1000, approvalReasons: [] });
    expect(await reg.must('refund.preview', { saleId: ofCash.sale.id, lines: lines(ofCash.sale) })).toMatchObject({ approvalReasons: [] });
  });

  it('voided: the card money goes back as cash only with a supervisor, and the alert names the void', async () => {
    const { reg, approval, sold, exchanged } = await setUp();
    const even = await exchanged(await sold(3000, 'card'), 3000);
    const before = ledgerSnapshot(reg.db);
    expect(await reg.call('void.sale', { saleId: even.sale.id, reason: 'cashier_error', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'refund.needs_supervisor', params: { reason: 'refund.approval.void' } },
    });
    expect(ledgerSnapshot(reg.db)).toEqual(before);
    const voided = await reg.must('void.sale', { saleId: even.sale.id, reason: 'cashier_error', approval, idempotencyKey: key() });
    expect(voided.sale.payments).toEqual([expect.objectContaining({ method: 'cash', amountMinor: 3000 })]);
    const [alert] = storedDrafts(reg.db).filter((a) => a.rule === 'cash_refund_of_card_sale');
    expect(alert).toMatchObject({ documentIds: [even.sale.id, voided.sale.id], params: { cashMinor: 3000 } });
  });

  it('for cheaper goods: the alert counts the cash handed back, not the credit that paid the new goods', async () => {
    const { sold, exchanged, alerts, recomputed, reg } = await setUp();
    const card = await sold(5000, 'card');
    const cheaper = await exchanged(card, 2000, true);
    expect(cheaper).toMatchObject({ differenceMinor: -3000 });
    expect(alerts()).toMatchObject([{ documentIds: [card.id, cheaper.refund.id], params: { cashMinor: 3000, totalMinor: 5000 } }]);
    expect(storedDrafts(reg.db)).toEqual(recomputed());
  });
});
