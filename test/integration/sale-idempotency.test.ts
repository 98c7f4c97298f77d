// Money calls repeated with the same key: one payment and one receipt, the first answer again,
// after a restart too; the records behind it and when they are pruned.
import { describe, expect, it } from 'vitest';
import { CASHIER_PIN, journalKinds, OWNER_PIN, withStaff } from '../support/register-fixture';
import { MILK, open, register, WATER } from '../support/tracked-registers';

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
    expect(
      (reg.db.prepare('SELECT COUNT(*) AS n FROM payments WHERE document_pk = (SELECT pk FROM documents WHERE id = ?)').get(early) as { n: number }).n,
    ).toBe(1);
  });
});
