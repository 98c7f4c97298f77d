import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { renderReceiptText } from '../../main/hardware/printer';
import { getPrinterConfig } from '../../main/printing/printer-config';
import { receiptDocuments } from '../../main/printing/receipt-output';
import { CASHIER_PIN, makeRegister, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';

// The counter's own calls (issue 13): hold and recall (挂单 / 取单), cancelling a whole sale
// (整单取消), a logout that leaves a cart behind, and receipts found by what is printed on them.
const WATER = '6901234567892'; // 2.00
const MILK = '6904567890125'; // 3.80

const key = () => randomUUID();
const open: TestRegister[] = [];
function register(options: Parameters<typeof makeRegister>[0] = {}): TestRegister {
  const r = makeRegister(options);
  open.push(r);
  return r;
}
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
});

function journal(reg: TestRegister, kind: string): unknown[] {
  return (reg.db.prepare('SELECT payload FROM journal WHERE kind = ? ORDER BY seq').all(kind) as { payload: string }[]).map(
    (r) => (JSON.parse(r.payload) as { data: unknown }).data,
  );
}

describe('hold and recall', () => {
  it('parks a sale, serves the next customer, and recalls it after a restart', async () => {
    let reg = register();
    const { cashierId } = await withStaff(reg);
    const first = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: first.id, code: WATER });
    await reg.must('sale.addProduct', { saleId: first.id, code: MILK });

    const next = await reg.must('sale.hold', { saleId: first.id });
    expect(next.id).not.toBe(first.id);
    expect(next.lines).toEqual([]);
    expect((await reg.must('sale.current', {})).id).toBe(next.id);
    // A parked sale takes no edits and no money until it is recalled.
    expect(await reg.call('sale.addProduct', { saleId: first.id, code: WATER })).toMatchObject({ ok: false, error: { code: 'sale.held' } });
    expect(await reg.call('sale.tenderCash', { saleId: first.id, tenderedMinor: 1000, idempotencyKey: 'held-cash-1' })).toMatchObject({
      ok: false,
      error: { code: 'sale.held' },
    });

    // The next customer is served and paid.
    await reg.must('sale.addProduct', { saleId: next.id, code: WATER });
    await reg.must('sale.tenderCash', { saleId: next.id, tenderedMinor: 200, idempotencyKey: 'next-cash-1' });

    reg = reg.reopen();
    open.push(reg);
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    const held = await reg.must('sale.heldList', {});
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ saleId: first.id, lineCount: 2, totalMinor: 580, heldByName: 'Cai 小蔡', stale: false });
    expect(held[0]?.preview.map((l) => l.name)).toEqual(['农夫山泉 550ml', '蒙牛纯牛奶 250ml']);

    const empty = await reg.must('sale.current', {});
    const recalled = await reg.must('sale.recall', { saleId: first.id });
    expect(recalled.id).toBe(first.id);
    expect(recalled.heldAt).toBeNull();
    expect((await reg.must('sale.current', {})).id).toBe(first.id);
    // The empty cart it replaced is gone, not left open beside it.
    expect(reg.db.prepare('SELECT COUNT(*) AS n FROM documents WHERE id = ?').get(empty.id)).toEqual({ n: 0 });
    expect(await reg.must('sale.heldList', {})).toEqual([]);
    const done = await reg.must('sale.tenderCash', { saleId: first.id, tenderedMinor: 1000, idempotencyKey: 'recalled-cash-1' });
    expect(done.receiptNo).toBe(2);

    expect(journal(reg, 'sale.held')).toEqual([{ saleId: first.id, operatorId: cashierId, lineCount: 2, totalMinor: 580 }]);
    expect(journal(reg, 'sale.recalled')).toMatchObject([{ saleId: first.id, operatorId: cashierId, heldBy: cashierId }]);
  });

  it('recalling with a cart on the counter parks that cart in its place', async () => {
    const reg = register();
    await withStaff(reg);
    const a = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: a.id, code: WATER });
    const b = await reg.must('sale.hold', { saleId: a.id });
    await reg.must('sale.addProduct', { saleId: b.id, code: MILK });
    const back = await reg.must('sale.recall', { saleId: a.id });
    expect(back.lines.map((l) => l.name)).toEqual(['农夫山泉 550ml']);
    expect((await reg.must('sale.heldList', {})).map((h) => h.saleId)).toEqual([b.id]);
  });

  it('an empty cart, a paid part or a sale not on hold cannot be parked or recalled', async () => {
    const reg = register();
    await withStaff(reg);
    const sale = await reg.must('sale.current', {});
    expect(await reg.call('sale.hold', { saleId: sale.id })).toMatchObject({ ok: false, error: { code: 'sale.empty' } });
    expect(await reg.call('sale.recall', { saleId: sale.id })).toMatchObject({ ok: false, error: { code: 'sale.not_held' } });
    await reg.must('sale.addProduct', { saleId: sale.id, code: MILK });
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 100, partial: true, idempotencyKey: 'part-cash-1' });
    expect(await reg.call('sale.hold', { saleId: sale.id })).toMatchObject({ ok: false, error: { code: 'sale.hold_paid' } });
  });

  it('a sale parked on an earlier business day is listed as stale', async () => {
    let now = Date.UTC(2026, 4, 10, 4, 0);
    const reg = register({ clock: () => now });
    const { ownerId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { timeZone: 'Asia/Shanghai' });
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: WATER });
    await reg.must('sale.hold', { saleId: sale.id });
    expect((await reg.must('sale.heldList', {}))[0]?.stale).toBe(false);
    now += 24 * 3600_000;
    expect((await reg.must('sale.heldList', {}))[0]?.stale).toBe(true);
  });
});

describe('cancelling a whole sale (整单取消)', () => {
  it('keeps the cancelled cart, journals its lines and opens the next sale', async () => {
    const reg = register();
    const { cashierId } = await withStaff(reg);
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: WATER });
    await reg.must('sale.addProduct', { saleId: sale.id, code: MILK });
    const next = await reg.must('sale.cancel', { saleId: sale.id, idempotencyKey: key() });
    expect(next.id).not.toBe(sale.id);
    expect(next.lines).toEqual([]);
    const cancelled = await reg.must('sale.get', { saleId: sale.id });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.lines).toHaveLength(2);
    expect(journal(reg, 'sale.cancelled')).toEqual([
      {
        saleId: sale.id,
        operatorId: cashierId,
        approverId: null,
        totalMinor: 580,
        lines: [
          { name: '农夫山泉 550ml', sku: expect.any(String) as string, qtyMilli: 1000, unitPriceMinor: 200, totalMinor: 200 },
          { name: '蒙牛纯牛奶 250ml', sku: expect.any(String) as string, qtyMilli: 1000, unitPriceMinor: 380, totalMinor: 380 },
        ],
      },
    ]);
    // Closed for good: the triggers refuse any change to a cancelled document.
    expect(() => reg.db.prepare("UPDATE documents SET note = 'x' WHERE id = ?").run(sale.id)).toThrow(/immutable/);
    expect(await reg.call('sale.cancel', { saleId: sale.id, idempotencyKey: key() })).toMatchObject({ ok: false, error: { code: 'sale.not_open' } });
  });

  it('needs a supervisor for a cashier where the store says so, for a sale with cash taken too', async () => {
    const reg = register();
    const { supervisorId, ownerId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { cancelSaleNeedsSupervisor: true });
    const staff = reg.db.prepare("SELECT id FROM operators WHERE role = 'cashier'").get() as { id: number };
    await reg.must('session.login', { operatorId: staff.id, pin: CASHIER_PIN });
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: WATER });
    expect(await reg.call('sale.cancel', { saleId: sale.id, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'sale.cancel_needs_supervisor' },
    });
    expect(await reg.call('sale.cancel', { saleId: sale.id, idempotencyKey: key(), approval: { operatorId: supervisorId, pin: '0000' } })).toMatchObject({
      ok: false,
    });
    await reg.must('sale.cancel', { saleId: sale.id, idempotencyKey: key(), approval: { operatorId: supervisorId, pin: SUPERVISOR_PIN } });
    expect(journal(reg, 'sale.cancelled')).toMatchObject([{ saleId: sale.id, operatorId: staff.id, approverId: supervisorId }]);

    const paid = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: paid.id, code: MILK });
    await reg.must('sale.tenderCash', { saleId: paid.id, tenderedMinor: 100, partial: true, idempotencyKey: 'part-cash-2' });
    // Cash taken goes back to the customer; the approval the store asks for is asked for all the same.
    expect(await reg.call('sale.cancel', { saleId: paid.id, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'sale.cancel_needs_supervisor' },
    });
    await reg.must('sale.cancel', { saleId: paid.id, idempotencyKey: key(), approval: { operatorId: supervisorId, pin: SUPERVISOR_PIN } });
    expect(journal(reg, 'sale.cash_returned')).toMatchObject([{ saleId: paid.id, amountMinor: 100, operatorId: staff.id, approverId: supervisorId }]);
  });

  it('cancels a held sale from the recall list with the same approval and journal, leaving the cart on the counter as it was', async () => {
    const reg = register();
    const { supervisorId, ownerId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { cancelSaleNeedsSupervisor: true });
    const staff = reg.db.prepare("SELECT id FROM operators WHERE role = 'cashier'").get() as { id: number };
    await reg.must('session.login', { operatorId: staff.id, pin: CASHIER_PIN });
    const parked = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: parked.id, code: WATER });
    await reg.must('sale.addProduct', { saleId: parked.id, code: MILK });
    const counter = await reg.must('sale.hold', { saleId: parked.id });
    await reg.must('sale.addProduct', { saleId: counter.id, code: WATER });

    expect(await reg.call('sale.cancel', { saleId: parked.id, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'sale.cancel_needs_supervisor' },
    });
    const next = await reg.must('sale.cancel', { saleId: parked.id, idempotencyKey: key(), approval: { operatorId: supervisorId, pin: SUPERVISOR_PIN } });
    // The answer is the register's current sale: the cart on the counter, untouched.
    expect(next.id).toBe(counter.id);
    expect(next.lines.map((l) => l.name)).toEqual(['农夫山泉 550ml']);
    expect(await reg.must('sale.heldList', {})).toEqual([]);
    expect((await reg.must('sale.get', { saleId: parked.id })).status).toBe('cancelled');
    const [entry] = journal(reg, 'sale.cancelled') as { lines: unknown[]; totalMinor: number }[];
    expect(entry).toMatchObject({ saleId: parked.id, operatorId: staff.id, approverId: supervisorId, totalMinor: 580 });
    expect(entry?.lines).toHaveLength(2);
    // Gone from the list, it cannot be recalled any more.
    expect(await reg.call('sale.recall', { saleId: parked.id })).toMatchObject({ ok: false, error: { code: 'sale.not_held' } });
  });
});

describe('logging out with a cart on the counter', () => {
  it('journals that the next operator inherits it, in the logout', async () => {
    const reg = register();
    const { cashierId } = await withStaff(reg);
    const sale = await reg.must('sale.current', {});
    await reg.must('session.logout', {});
    expect(journal(reg, 'sale.left_open')).toEqual([]);
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    await reg.must('sale.addProduct', { saleId: sale.id, code: WATER });
    await reg.must('session.logout', {});
    expect(journal(reg, 'sale.left_open')).toEqual([{ saleId: sale.id, operatorId: cashierId, lineCount: 1, totalMinor: 200 }]);
    const kinds = (reg.db.prepare('SELECT kind FROM journal ORDER BY seq DESC LIMIT 2').all() as { kind: string }[]).map((r) => r.kind);
    expect(kinds).toEqual(['sale.left_open', 'session.logout']);
  });
});

describe('receipts by what is printed on them', () => {
  it('sale.byReceipt and receipt.preview take the printed number, the bare number and the QR code', async () => {
    const reg = register();
    await withStaff(reg);
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: WATER });
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 200, idempotencyKey: 'receipt-cash-1' });
    for (const code of ['R1-000001', '1', ` ${sale.id} `, sale.id.toUpperCase()]) {
      expect((await reg.must('sale.byReceipt', { code })).id, code).toBe(sale.id);
      expect((await reg.must('receipt.preview', { code })).saleId, code).toBe(sale.id);
    }
    for (const code of ['R1-000002', 'R9-000001', '0', 'hello', '00000000-0000-4000-8000-000000000000']) {
      expect(await reg.call('receipt.preview', { code }), code).toMatchObject({ ok: false, error: { code: 'receipt.not_found' } });
    }
    // The open sale's id is no receipt yet.
    const openSale = await reg.must('sale.current', {});
    expect(await reg.call('sale.byReceipt', { code: openSale.id })).toMatchObject({ ok: false, error: { code: 'receipt.not_found' } });
  });
});

describe('what the receipt prints', () => {
  /** A zone the machine is not in, so the test tells the store's zone from the machine's wherever it runs. */
  const storeZone = Intl.DateTimeFormat().resolvedOptions().timeZone === 'Asia/Shanghai' ? 'Europe/Berlin' : 'Asia/Shanghai';

  it("prints the sale's note, and dates the receipt in the store's time zone when the printer names none", async () => {
    const at = Date.UTC(2026, 4, 10, 20, 30, 0);
    const reg = register({ clock: () => at });
    const { ownerId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { timeZone: storeZone });
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: WATER });
    await reg.must('sale.setNote', { saleId: sale.id, note: '送货上门，下午五点后' });
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 200, idempotencyKey: 'note-cash-1' });

    const config = getPrinterConfig(reg.db);
    expect(config.timeZone).toBeUndefined();
    const text = receiptDocuments(reg.db, sale.id, 0, config)
      .map((d) => renderReceiptText(d, config.profile))
      .join('');
    expect(text).toContain('备注：送货上门，下午五点后');
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: storeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(at));
    const part = (type: string) => local.find((p) => p.type === type)?.value ?? '';
    expect(text).toContain(`${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`);
  });
});
