// Refunds, returns and voids through the router, against a real ledger file: each correction is a
// new document pointing at its sale; nothing can be refunded twice; the original never changes.
import { describe, expect, it } from 'vitest';
import { documentDigest } from '../../main/documents/document-digest';
import { verifyJournal } from '../../main/ledger/journal';
import { CASHIER_PIN, SUPERVISOR_PIN, withStaff } from '../support/register-fixture';
import { ledgerSnapshot } from '../support/ledger-snapshot';
import { MILK, register } from '../support/tracked-registers';
import { as, cashSale, key } from '../support/refund-sale';

describe('returns with a receipt', () => {
  it('finds the sale by the printed number, the bare number and the QR code, with what is returnable', async () => {
    const reg = register();
    await withStaff(reg);
    const sale = await cashSale(reg);
    for (const code of ['R1-000001', '1', ` ${sale.id.toUpperCase()} `]) {
      const found = await reg.must('refund.find', { code });
      expect(found.sale.id).toBe(sale.id);
      expect(found.lines.map((l) => l.returnableQtyMilli)).toEqual([3000, 1000]);
      expect(found.voidable).toBe(true);
    }
    expect(await reg.call('refund.find', { code: 'R1-000099' })).toEqual({
      ok: false,
      error: { code: 'receipt.not_found', params: { receiptNo: 'R1-000099' } },
    });
    expect(await reg.call('refund.find', { code: 'hello' })).toMatchObject({ ok: false, error: { code: 'refund.code_not_understood' } });
  });

  it('returns two of three items pro rata with the discounts, to cash, and the rest later returns exactly what was paid', async () => {
    const reg = register();
    await withStaff(reg);
    const sale = await cashSale(reg);
    const [water, milk] = sale.lines;
    expect(water?.totalMinor).toBe(540); // 6.00 less its share of the 10 %
    expect(sale.totals.totalMinor).toBe(882);

    const plan = await reg.must('refund.preview', { saleId: sale.id, lines: [{ lineId: water?.id ?? 0, qtyMilli: 2000, restock: true }] });
    expect(plan).toMatchObject({ totalMinor: 360, tenders: [{ method: 'cash', amountMinor: 360 }], approvalReasons: [] });

    const first = await reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: water?.id ?? 0, qtyMilli: 2000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(first.sale).toMatchObject({ kind: 'refund', status: 'completed', receiptNo: 2, originalDocumentId: sale.id, reason: 'defective' });
    expect(first.sale.totals.totalMinor).toBe(360);
    expect(first.sale.payments).toEqual([expect.objectContaining({ method: 'cash', amountMinor: 360, originalPaymentId: sale.payments[0]?.id })]);
    expect(first.sale.grandTotalMinor).toBe(882 - 360);

    const after = await reg.must('refund.find', { code: '1' });
    expect(after.lines.map((l) => [l.returnableQtyMilli, l.refundableMinor])).toEqual([
      [1000, 180],
      [1000, 342],
    ]);
    expect(after.voidable).toBe(false);

    const rest = await reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: [
        { lineId: water?.id ?? 0, qtyMilli: 1000, restock: false },
        { lineId: milk?.id ?? 0, qtyMilli: 1000, restock: true },
      ],
      reason: 'not_wanted',
      idempotencyKey: key(),
    });
    const given = first.sale.payments[0]!.amountMinor + rest.sale.payments.reduce((s, p) => s + p.amountMinor, 0);
    expect(given).toBe(sale.payments[0]?.amountMinor);
    expect(rest.sale.lines.map((l) => l.restock)).toEqual([false, true]);
    expect((await reg.must('refund.find', { code: '1' })).lines.every((l) => l.returnableQtyMilli === 0 && l.refundableMinor === 0)).toBe(true);
    expect(rest.sale.grandTotalMinor).toBe(0);
    expect(verifyJournal(reg.db).ok).toBe(true);
    const kinds = (reg.db.prepare('SELECT kind FROM journal ORDER BY seq').all() as { kind: string }[]).map((r) => r.kind);
    expect(kinds.filter((k) => k.endsWith('.completed'))).toEqual(['sale.completed', 'refund.completed', 'refund.completed']);
  });

  it('refuses more than was sold, changes nothing, and leaves the original untouched (the ledger forbids it)', async () => {
    const reg = register();
    await withStaff(reg);
    const sale = await cashSale(reg);
    const water = sale.lines[0]!;
    const before = ledgerSnapshot(reg.db);
    const tooMany = await reg.call('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: water.id, qtyMilli: 3001, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(tooMany).toEqual({ ok: false, error: { code: 'refund.exceeds_original', params: { lineId: water.id, maxQtyMilli: 3000, maxMinor: 540 } } });
    const twice = await reg.call('refund.withReceipt', {
      saleId: sale.id,
      lines: [
        { lineId: water.id, qtyMilli: 2000, restock: true },
        { lineId: water.id, qtyMilli: 2000, restock: true },
      ],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'refund.exceeds_original' } });
    const foreign = await reg.call('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: 999, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'refund.line_not_in_sale' } });
    expect(ledgerSnapshot(reg.db)).toBe(before);
    expect(() => reg.db.prepare('UPDATE document_lines SET qty_milli = 1 WHERE id = ?').run(water.id)).toThrow(/immutable/);
    expect(() => reg.db.prepare('UPDATE documents SET total_minor = 0 WHERE id = ?').run(sale.id)).toThrow(/immutable/);
  });

  it('refuses a refund of a refund and a void of a void', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    const sale = await cashSale(reg);
    const refund = await reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: sale.lines[1]!.id, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(await reg.call('refund.find', { code: String(refund.receiptNo) })).toEqual({
      ok: false,
      error: { code: 'refund.not_a_sale', params: { kind: 'refund' } },
    });
    const other = await cashSale(reg);
    await as(reg, staff.supervisorId, SUPERVISOR_PIN);
    const voided = await reg.must('void.sale', { saleId: other.id, reason: 'cashier_error', idempotencyKey: key() });
    expect(await reg.call('void.sale', { saleId: voided.sale.id, reason: 'cashier_error', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'refund.not_a_sale' },
    });
    expect(await reg.call('void.sale', { saleId: other.id, reason: 'cashier_error', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'void.has_corrections' },
    });
  });

  it('two windows refunding the same line at once: one wins, the other is told and nothing else changes', async () => {
    const first = register();
    await withStaff(first);
    const sale = await cashSale(first);
    // A second register process on the same ledger file (its own connection), logged in as the cashier.
    const second = register({ dir: first.dir });
    const cashier = first.db.prepare("SELECT id FROM operators WHERE role = 'cashier'").get() as { id: number };
    await second.must('session.login', { operatorId: cashier.id, pin: CASHIER_PIN });
    const lines = [{ lineId: sale.lines[0]!.id, qtyMilli: 2000, restock: true }];
    const [a, b] = await Promise.all([
      first.call('refund.withReceipt', { saleId: sale.id, lines, reason: 'defective', idempotencyKey: key() }),
      second.call('refund.withReceipt', { saleId: sale.id, lines, reason: 'defective', idempotencyKey: key() }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const loser = a.ok ? b : a;
    expect(loser).toMatchObject({ ok: false, error: { code: 'refund.exceeds_original' } });
    expect(first.db.prepare("SELECT COUNT(*) AS n FROM documents WHERE kind = 'refund'").get()).toEqual({ n: 1 });
  });

  it('a card sale refunded to cash needs a supervisor', async () => {
    const reg = register();
    const staff = await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: MILK });
    // A card payment booked as the terminal would (the card path is tested with the simulator elsewhere).
    const { recordCardPayment } = await import('../../main/sale/tender');
    const settings = await reg.must('settings.get', {});
    recordCardPayment(
      { db: reg.db, now: Date.now(), settings, actor: { id: staff.cashierId, role: 'cashier' } },
      {
        saleId: id,
        amountMinor: 380,
        card: {
          maskedPan: '4111 11** **** 1111',
          brand: 'VISA',
          authCode: 'A1',
          trace: '1',
          terminalReceiptNo: '1',
          terminalId: 'T1',
          entryMode: 'chip',
          signatureRequired: false,
        },
      },
    );
    const lines = [{ lineId: (await reg.must('sale.get', { saleId: id })).lines[0]!.id, qtyMilli: 1000, restock: true }];
    expect(await reg.must('refund.preview', { saleId: id, lines, toCash: true })).toMatchObject({ approvalReasons: ['refund.approval.card_to_cash'] });
    expect(await reg.call('refund.withReceipt', { saleId: id, lines, reason: 'defective', toCash: true, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'refund.needs_supervisor', params: { reason: 'refund.approval.card_to_cash' } },
    });
    const approved = await reg.must('refund.withReceipt', {
      saleId: id,
      lines,
      reason: 'defective',
      toCash: true,
      approval: { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN },
      idempotencyKey: key(),
    });
    expect(approved.sale).toMatchObject({ approverId: staff.supervisorId, payments: [expect.objectContaining({ method: 'cash', amountMinor: 380 })] });
    // What it corrects, why and who approved it are the refund's row, which its entry's digest binds.
    const entry = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'refund.completed'").get() as { payload: string };
    const refund = (JSON.parse(entry.payload) as { data: { saleId: string; documentSha256: string } }).data;
    expect(refund.documentSha256).toBe(documentDigest(reg.db, refund.saleId));
    expect(
      reg.db.prepare('SELECT original_document_id AS originalDocumentId, reason, approver_id AS approverId FROM documents WHERE id = ?').get(refund.saleId),
    ).toEqual({
      originalDocumentId: id,
      reason: 'defective',
      approverId: staff.supervisorId,
    });
    // And it cannot be refunded again to the card.
    expect(await reg.call('refund.withReceipt', { saleId: id, lines, reason: 'defective', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'refund.exceeds_original' },
    });
  });
});
