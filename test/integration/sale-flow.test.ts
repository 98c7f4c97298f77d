import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../preload/contract';
import { CASHIER_PIN, makeRegister, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';

const WATER = '6901234567892'; // 2.00, 13 %
const MILK = '6904567890127'; // 3.80, 9 %

const open: TestRegister[] = [];
function register(options: Parameters<typeof makeRegister>[0] = {}): TestRegister {
  const r = makeRegister(options);
  open.push(r);
  return r;
}
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
});

function journalKinds(reg: TestRegister): string[] {
  return (reg.db.prepare('SELECT kind FROM journal ORDER BY seq').all() as { kind: string }[]).map((r) => r.kind);
}

describe('a cash sale', () => {
  it('rings up scanned, ad-hoc and discounted items and completes with change and a receipt number', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: WATER });
    await reg.must('sale.addProduct', { saleId: id, code: WATER }); // scanned twice: one line, qty 2
    await reg.must('sale.addProduct', { saleId: id, code: MILK });
    const custom = await reg.must('sale.addCustomLine', { saleId: id, name: '手工水饺', qtyMilli: 500, unitPriceMinor: 3000 });
    expect(custom.lines.map((l) => [l.name, l.qtyMilli, l.totalMinor])).toEqual([
      ['农夫山泉 550ml', 2000, 400],
      ['蒙牛纯牛奶 250ml', 1000, 380],
      ['手工水饺', 500, 1500],
    ]);
    const discounted = await reg.must('sale.setLineDiscount', { saleId: id, lineId: custom.lines[2]?.id ?? 0, discount: { kind: 'amount', amountMinor: 100 } });
    expect(discounted.totals.totalMinor).toBe(2180);
    await reg.must('sale.setNote', { saleId: id, note: '  送货上门  ' });

    const short = await reg.call('sale.tenderCash', { saleId: id, tenderedMinor: 2000, idempotencyKey: 'short-0001' });
    expect(short).toEqual({ ok: false, error: { code: 'sale.tender_insufficient', params: { dueMinor: 2180 } } });

    const done = await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 5000, idempotencyKey: 'cash-0001' });
    expect(done.receiptNo).toBe(1);
    expect(done.changeMinor).toBe(2820);
    expect(done.sale).toMatchObject({ status: 'completed', note: '送货上门', grandTotalMinor: 2180, operatorName: 'Cai 小蔡' });
    expect(done.sale.totals.taxBreakdown.map((b) => b.rateBp)).toEqual([900, 1300]);
    expect(journalKinds(reg)).toContain('sale.completed');

    // The next sale is a new one with the next number.
    const next = await reg.must('sale.current', {});
    expect(next.id).not.toBe(id);
    await reg.must('sale.addProduct', { saleId: next.id, code: MILK });
    const second = await reg.must('sale.tenderCash', { saleId: next.id, tenderedMinor: 380, idempotencyKey: 'cash-0002' });
    expect(second.receiptNo).toBe(2);
    expect(second.sale.grandTotalMinor).toBe(2560);
  });

  it('refuses to change, complete or pay a completed sale, and the ledger refuses direct edits', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    const line = (await reg.must('sale.addProduct', { saleId: id, code: WATER })).lines[0];
    await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 200, idempotencyKey: 'cash-imm-1' });
    expect(await reg.call('sale.addProduct', { saleId: id, code: WATER })).toMatchObject({ error: { code: 'sale.not_open' } });
    expect(await reg.call('sale.tenderCash', { saleId: id, tenderedMinor: 200, idempotencyKey: 'cash-imm-2' })).toMatchObject({
      error: { code: 'sale.already_paid' },
    });
    expect(() => reg.db.prepare('UPDATE documents SET total_minor = 1 WHERE id = ?').run(id)).toThrow(/immutable/);
    expect(() => reg.db.prepare('DELETE FROM documents WHERE id = ?').run(id)).toThrow(/immutable/);
    expect(() => reg.db.prepare('UPDATE document_lines SET qty_milli = 9 WHERE id = ?').run(line?.id)).toThrow(/immutable/);
    expect(() => reg.db.prepare('UPDATE payments SET amount_minor = 1').run()).toThrow(/immutable/);
  });

  it('rounds cash to the store step when the setting asks for it', async () => {
    const reg = register();
    const { ownerId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { cashRoundingStepMinor: 10 });
    const { id } = await reg.must('sale.current', {});
    const view = await reg.must('sale.addCustomLine', { saleId: id, name: 'x', qtyMilli: 1000, unitPriceMinor: 1234 });
    expect(view).toMatchObject({ remainingMinor: 1234, cashDueMinor: 1230 });
    const done = await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 1230, idempotencyKey: 'round-001' });
    expect(done.sale).toMatchObject({ status: 'completed', roundingMinor: -4, changeMinor: 0 });
    expect(journalKinds(reg)).toContain('settings.changed');
  });
});

describe('idempotent money calls', () => {
  it('returns the first result for a repeated key and records one payment and one receipt', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: WATER });
    const input = { saleId: id, tenderedMinor: 1000, idempotencyKey: 'double-click-1' };
    // A double click: both requests in flight at once, then a late retry.
    const [a, b] = await Promise.all([reg.call('sale.tenderCash', input), reg.call('sale.tenderCash', input)]);
    const c = await reg.call('sale.tenderCash', input);
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(a).toMatchObject({ ok: true, value: { receiptNo: 1, changeMinor: 800 } });
    expect((reg.db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number }).n).toBe(1);
    expect(journalKinds(reg).filter((k) => k === 'sale.completed')).toHaveLength(1);
    // The same key for another request is refused, not silently answered with the old result.
    expect(await reg.call('sale.tenderCash', { ...input, tenderedMinor: 2000 })).toMatchObject({
      ok: false,
      error: { code: 'request.idempotency_key_reused' },
    });
  });

  it('lets a corrected retry with the same key through after a refusal', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: WATER });
    expect(await reg.call('sale.tenderCash', { saleId: id, tenderedMinor: 50, idempotencyKey: 'retry-key-1' })).toMatchObject({
      error: { code: 'sale.tender_insufficient' },
    });
    expect(await reg.call('sale.tenderCash', { saleId: id, tenderedMinor: 500, idempotencyKey: 'retry-key-1' })).toMatchObject({
      ok: true,
      value: { receiptNo: 1, changeMinor: 300 },
    });
  });

  it('completes only when split cash payments cover the total', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: WATER });
    expect(await reg.call('sale.complete', { saleId: id, idempotencyKey: 'complete-1' })).toMatchObject({ ok: false, error: { code: 'sale.not_fully_paid' } });
    await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 100, partial: true, idempotencyKey: 'partial-1' });
    expect(await reg.call('sale.addProduct', { saleId: id, code: WATER })).toMatchObject({ error: { code: 'sale.has_payments' } });
    await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 100, partial: true, idempotencyKey: 'partial-2' });
    const sale = await reg.must('sale.get', { saleId: id });
    expect(sale.status).toBe('completed');
    expect(sale.payments.map((p) => p.amountMinor)).toEqual([100, 100]);
  });
});

describe('idempotency records', () => {
  it('keep a reference to a completed sale and rebuild the same answer for a repeat, after a restart too', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: WATER });
    await reg.must('sale.addProduct', { saleId: id, code: MILK });
    const input = { saleId: id, tenderedMinor: 1000, idempotencyKey: 'rebuild-0001' };
    const first = await reg.call('sale.tenderCash', input);
    expect(first).toMatchObject({ ok: true, value: { receiptNo: 1 } });
    const row = reg.db.prepare('SELECT result, rebuild FROM idempotency WHERE key = ?').get(input.idempotencyKey) as { result: string; rebuild: number };
    expect(row.rebuild).toBe(1);
    expect(JSON.parse(row.result)).toEqual({ saleId: id, changeMinor: 420 });

    const again = reg.reopen();
    open.push(again);
    await again.must('session.login', { operatorId: 3, pin: CASHIER_PIN });
    expect(await again.call('sale.tenderCash', input)).toEqual(first);
    expect((again.db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number }).n).toBe(1);
  });

  it('keep a part payment whole: a repeat answers with the sale as it was then, not as it is now', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: MILK });
    const part = { saleId: id, tenderedMinor: 100, partial: true, idempotencyKey: 'part-keep-1' };
    const first = await reg.call('sale.tenderCash', part);
    expect(first).toMatchObject({ ok: true, value: { receiptNo: null, sale: { status: 'open', paidMinor: 100 } } });
    await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 280, idempotencyKey: 'part-keep-2' });
    expect(await reg.call('sale.tenderCash', part)).toEqual(first);
  });

  it('are pruned at the first money call of a new business day, once they are a day old; a late repeat is refused by the sale, not paid again', async () => {
    let now = Date.parse('2026-11-26T10:00:00Z');
    const reg = register({ clock: () => now });
    const { ownerId, cashierId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { timeZone: 'UTC', businessDayStartsAt: '00:00' });
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    const pay = async (key: string) => {
      const { id } = await reg.must('sale.current', {});
      await reg.must('sale.addProduct', { saleId: id, code: WATER });
      await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 200, idempotencyKey: key });
      return id;
    };
    const keys = () => (reg.db.prepare("SELECT key FROM idempotency WHERE key LIKE 'prune-key-%'").pluck().all() as string[]).sort();
    const hours = (h: number) => (now = Date.parse('2026-11-26T10:00:00Z') + h * 3_600_000);
    const early = await pay('prune-key-a'); // the 26th, 10:00
    hours(12);
    await pay('prune-key-b'); // the 26th, 22:00
    hours(20);
    await pay('prune-key-c'); // the 27th, 06:00: a new day, but no key is a day old yet
    expect(keys()).toEqual(['prune-key-a', 'prune-key-b', 'prune-key-c']);
    hours(30);
    await pay('prune-key-d'); // the 27th, 16:00: the same day, so no pruning although prune-a is now older than a day
    expect(keys()).toEqual(['prune-key-a', 'prune-key-b', 'prune-key-c', 'prune-key-d']);
    hours(45);
    await pay('prune-key-e'); // the 28th, 07:00: every key older than the 27th, 07:00 goes
    expect(keys()).toEqual(['prune-key-d', 'prune-key-e']);
    // A repeat of a pruned key runs again, and the completed sale refuses it: one payment, one receipt.
    expect(await reg.call('sale.tenderCash', { saleId: early, tenderedMinor: 200, idempotencyKey: 'prune-key-a' })).toMatchObject({
      ok: false,
      error: { code: 'sale.already_paid' },
    });
    expect((reg.db.prepare('SELECT COUNT(*) AS n FROM payments WHERE document_id = ?').get(early) as { n: number }).n).toBe(1);
  });
});

describe('the open sale lives in the register', () => {
  it('survives a restart with its lines, discounts and note', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: WATER });
    await reg.must('sale.addCustomLine', { saleId: id, name: '包子', qtyMilli: 3000, unitPriceMinor: 150 });
    await reg.must('sale.setOrderDiscount', { saleId: id, discount: { kind: 'percent', rateBp: 500 } });
    const before = await reg.must('sale.setNote', { saleId: id, note: '稍后取' });
    const again = reg.reopen();
    open.push(again);
    expect(await again.call('sale.current', {})).toMatchObject({ ok: false, error: { code: 'session.not_logged_in' } });
    await again.must('session.login', { operatorId: 3, pin: CASHIER_PIN });
    const after: DocumentView = await again.must('sale.current', {});
    expect(after).toEqual(before);
  });

  it('tells every window about each change', async () => {
    const reg = register();
    await withStaff(reg);
    const seen: string[] = [];
    reg.events.subscribe((event, payload) => {
      if (event === 'sale.changed') seen.push(`${(payload as DocumentView).lines.length}`);
    });
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: WATER });
    await reg.must('sale.addProduct', { saleId: id, code: MILK });
    expect(seen).toEqual(['1', '2']);
  });

  it('journals a line removed before payment, with what it was', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    const sale = await reg.must('sale.addProduct', { saleId: id, code: MILK });
    const after = await reg.must('sale.removeLine', { saleId: id, lineId: sale.lines[0]?.id ?? 0 });
    expect(after.lines).toEqual([]);
    const entry = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sale.line_removed'").get() as { payload: string };
    expect(JSON.parse(entry.payload)).toMatchObject({ data: { saleId: id, line: { name: '蒙牛纯牛奶 250ml', totalMinor: 380 } } });
    expect(await reg.call('sale.tenderCash', { saleId: id, tenderedMinor: 100, idempotencyKey: 'empty-001' })).toMatchObject({ error: { code: 'sale.empty' } });
  });
});

describe('discount limits', () => {
  it('holds a cashier to the limit unless a supervisor approves with their PIN', async () => {
    const reg = register();
    const { supervisorId, cashierId } = await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    const sale = await reg.must('sale.addCustomLine', { saleId: id, name: 'TV', qtyMilli: 1000, unitPriceMinor: 100_000 });
    const lineId = sale.lines[0]?.id ?? 0;
    expect(await reg.call('sale.setLineDiscount', { saleId: id, lineId, discount: { kind: 'percent', rateBp: 1000 } })).toMatchObject({ ok: true });
    expect(await reg.call('sale.setLineDiscount', { saleId: id, lineId, discount: { kind: 'percent', rateBp: 2000 } })).toMatchObject({
      error: { code: 'sale.discount_needs_supervisor', params: { limitBp: 1000 } },
    });
    expect(await reg.call('sale.setOrderDiscount', { saleId: id, discount: { kind: 'amount', amountMinor: 20_000 } })).toMatchObject({
      error: { code: 'sale.discount_needs_supervisor' },
    });
    expect(
      await reg.call('sale.setLineDiscount', {
        saleId: id,
        lineId,
        discount: { kind: 'percent', rateBp: 2000 },
        approval: { operatorId: supervisorId, pin: '0000' },
      }),
    ).toMatchObject({
      error: { code: 'sale.approver_invalid' },
    });
    // A cashier cannot approve their own discount.
    expect(
      await reg.call('sale.setLineDiscount', {
        saleId: id,
        lineId,
        discount: { kind: 'percent', rateBp: 2000 },
        approval: { operatorId: cashierId, pin: CASHIER_PIN },
      }),
    ).toMatchObject({
      error: { code: 'sale.approver_invalid' },
    });
    const approved = await reg.must('sale.setLineDiscount', {
      saleId: id,
      lineId,
      discount: { kind: 'percent', rateBp: 2000 },
      approval: { operatorId: supervisorId, pin: SUPERVISOR_PIN },
    });
    expect(approved.totals.totalMinor).toBe(80_000);
    expect(await reg.call('sale.setLineDiscount', { saleId: id, lineId, discount: { kind: 'amount', amountMinor: 100_001 } })).toMatchObject({
      error: { code: 'sale.discount_exceeds_amount' },
    });
  });
});

describe('operators and lockout', () => {
  it('has no operator and no default PIN before the first-run setup, which happens once', async () => {
    const reg = register();
    expect(await reg.must('session.current', {})).toMatchObject({ needsSetup: true, operator: null });
    expect(await reg.must('session.operators', {})).toEqual([]);
    expect(await reg.call('setup.createOwner', { name: 'Boss', pin: '1111' })).toMatchObject({ error: { code: 'operator.pin_too_weak' } });
    await reg.must('setup.createOwner', { name: 'Boss', pin: '4826', storeName: '小店' });
    expect(await reg.call('setup.createOwner', { name: 'Boss 2', pin: '4826' })).toMatchObject({ error: { code: 'setup.already_done' } });
    expect(await reg.must('session.current', {})).toMatchObject({ needsSetup: false, operator: { name: 'Boss', role: 'owner' }, storeName: '小店' });
    const row = reg.db.prepare('SELECT pin_hash, pin_salt FROM operators').get() as { pin_hash: Buffer; pin_salt: Buffer };
    expect(row.pin_hash.toString('hex')).not.toContain(Buffer.from('4826').toString('hex'));
    expect(row.pin_salt.length).toBe(16);
  });

  it('locks after 5 wrong PINs, journals it, keeps the lock across a restart, and a supervisor unlocks', async () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    const reg = register({ clock: () => now });
    const { cashierId, supervisorId } = await withStaff(reg);
    for (let i = 1; i <= 4; i++) {
      expect(await reg.call('session.login', { operatorId: cashierId, pin: '9999' })).toEqual({
        ok: false,
        error: { code: 'session.wrong_pin', params: { attemptsLeft: 5 - i } },
      });
    }
    expect(await reg.call('session.login', { operatorId: cashierId, pin: '9999' })).toMatchObject({ error: { code: 'session.locked' } });
    expect(await reg.call('session.login', { operatorId: cashierId, pin: CASHIER_PIN })).toMatchObject({ error: { code: 'session.locked' } });
    const kinds = journalKinds(reg);
    expect(kinds.filter((k) => k === 'session.login_failed')).toHaveLength(5);
    expect(kinds).toContain('session.lockout');

    const again = reg.reopen();
    open.push(again);
    expect(await again.call('session.login', { operatorId: cashierId, pin: CASHIER_PIN })).toMatchObject({ error: { code: 'session.locked' } });
    expect(await again.must('session.operators', {})).toEqual(expect.arrayContaining([expect.objectContaining({ id: cashierId, locked: true })]));
    await again.must('session.login', { operatorId: supervisorId, pin: SUPERVISOR_PIN });
    await again.must('operator.unlock', { operatorId: cashierId });
    await again.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    void now;
  });

  it('lifts the lock by itself after 30 minutes', async () => {
    let now = Date.parse('2026-11-26T10:00:00Z');
    const reg = register({ clock: () => now });
    const { cashierId } = await withStaff(reg);
    for (let i = 0; i < 5; i++) await reg.call('session.login', { operatorId: cashierId, pin: '9999' });
    now += 29 * 60_000;
    expect(await reg.call('session.login', { operatorId: cashierId, pin: CASHIER_PIN })).toMatchObject({ error: { code: 'session.locked' } });
    now += 2 * 60_000;
    expect(await reg.call('session.login', { operatorId: cashierId, pin: CASHIER_PIN })).toMatchObject({ ok: true });
  });
});

describe('catalog import', () => {
  it('imports nothing when any row is bad, and reports each bad row', async () => {
    const reg = register({ demo: false });
    const { ownerId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    const csv = [
      'sku,barcode,name_zh,name_en,price,tax_rate',
      'A-1,111,苹果,Apple,1.50,13%',
      'A-2,111,梨,Pear,2.00,13%',
      'A-3,333,桃,,abc,13%',
      'A-4,444,,Plum,1.00,7%',
      'A-5,555,枣,,-1,9%',
    ].join('\n');
    const report = await reg.must('catalog.importCsv', { csv });
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'csv.duplicate_barcode'],
      [4, 'csv.bad_price'],
      [5, 'csv.unknown_tax_rate'],
      [6, 'csv.bad_price'],
    ]);
    expect((reg.db.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n).toBe(0);

    const good = await reg.must('catalog.importCsv', {
      csv: '\uFEFFsku,barcode,name_zh,name_en,price,tax_rate\nA-1,111,苹果,Apple,1.50,13%\nA-2,222,梨,Pear,2,9\n',
    });
    expect(good).toEqual({ imported: 2, errors: [] });
    expect(await reg.must('catalog.lookup', { code: '222' })).toMatchObject({ sku: 'A-2', nameZh: '梨', priceMinor: 200, taxRateBp: 900 });
    expect(await reg.must('catalog.search', { query: '苹' })).toHaveLength(1);
    expect(journalKinds(reg)).toContain('catalog.imported');
  });
});
