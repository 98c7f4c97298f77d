import { describe, expect, it } from 'vitest';
import { documentView, viewBuilds } from '../../main/documents/document-view';
import { journalFeed } from '../../main/ledger/journal-feed';
import { appendJournal } from '../../main/ledger/journal';
import { documentDigest } from '../../main/documents/document-digest';
import type { DocumentCompleted } from '../../main/documents/document-journal';
import { MAX_QTY_MILLI } from '../../preload/contract/primitives';
import { OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { MILK, register, WATER } from '../support/tracked-registers';

// The document core (main/documents/): completing a sale reads the sale once, freezes it, numbers
// it and journals it; a completed document is read from its frozen amounts; side effects follow
// the journal feed inside the completing transaction.

async function saleWithLines(reg: TestRegister): Promise<string> {
  const { id } = await reg.must('sale.current', {});
  await reg.must('sale.addProduct', { saleId: id, code: WATER });
  await reg.must('sale.addProduct', { saleId: id, code: MILK });
  await reg.must('sale.setOrderDiscount', { saleId: id, discount: { kind: 'percent', rateBp: 500 } });
  return id;
}

describe('completing a sale through the document core', () => {
  it('builds the document view once per tender call, and what it returns equals the ledger read afresh', async () => {
    const reg = register();
    await withStaff(reg);
    const id = await saleWithLines(reg);

    viewBuilds.count = 0;
    const part = await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 100, partial: true, idempotencyKey: 'part-0001' });
    expect(viewBuilds.count).toBe(1);
    expect(part.receiptNo).toBeNull();

    viewBuilds.count = 0;
    const done = await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 1000, idempotencyKey: 'rest-0001' });
    expect(viewBuilds.count).toBe(1);
    expect(done.receiptNo).toBe(1);

    expect(done.sale).toEqual(documentView(reg.db, id));
    expect(part.sale.payments).toHaveLength(1);
    expect(done.sale.payments.map((p) => p.amountMinor)).toEqual([100, done.sale.totals.totalMinor - 100]);
  });

  it('reads a completed document from its frozen amounts, never recomputing them', async () => {
    const reg = register();
    await withStaff(reg);
    const id = await saleWithLines(reg);
    const done = await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 1000, idempotencyKey: 'cash-0001' });
    const frozen = reg.db
      .prepare('SELECT total_minor, tax_minor FROM document_lines WHERE document_pk = (SELECT pk FROM documents WHERE id = ?) ORDER BY position')
      .all(id);
    expect(frozen).toEqual(done.sale.lines.map((l) => ({ total_minor: l.totalMinor, tax_minor: l.taxMinor })));

    // A document completed under other money rules (here: frozen by hand, as an older version of
    // Ringup would have) keeps its own amounts; the current rules would compute 200 for this line.
    const other = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: other.id, code: WATER });
    const line = (await reg.must('sale.get', { saleId: other.id })).lines[0];
    reg.db
      .prepare('UPDATE document_lines SET gross_minor = 200, line_discount_minor = 0, order_discount_minor = 1, total_minor = 199, tax_minor = 23 WHERE id = ?')
      .run(line?.id);
    reg.db
      .prepare(
        "UPDATE documents SET status = 'completed', receipt_no = 99, business_day = '2026-01-01', completed_at = 1, gross_minor = 200, discount_minor = 1, tax_minor = 23, total_minor = 199 WHERE id = ?",
      )
      .run(other.id);
    const view = documentView(reg.db, other.id);
    expect(view.lines[0]).toMatchObject({ totalMinor: 199, taxMinor: 23, orderDiscountMinor: 1 });
    expect(view.totals).toEqual({
      grossMinor: 200,
      discountMinor: 1,
      taxMinor: 23,
      totalMinor: 199,
      taxBreakdown: [{ rateBp: 1300, baseMinor: 199, taxMinor: 23 }],
    });
  });

  it('stamps the business day by the store rollover and time zone, not the calendar day of the machine', async () => {
    // 2026-03-10 01:30 in Shanghai (17:30 UTC the day before): with a 04:00 rollover, still the 9th.
    const at = Date.UTC(2026, 2, 9, 17, 30);
    const reg = register({ clock: () => at });
    await withStaff(reg);
    const owner = reg.db.prepare("SELECT id FROM operators WHERE role = 'owner'").get() as { id: number };
    await reg.must('session.logout', {});
    await reg.must('session.login', { operatorId: owner.id, pin: '2580' });
    await reg.must('settings.update', { timeZone: 'Asia/Shanghai', businessDayStartsAt: '04:00' });
    const id = await saleWithLines(reg);
    const done = await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 1000, idempotencyKey: 'late-0001' });
    expect(done.sale.businessDay).toBe('2026-03-09');

    await reg.must('settings.update', { businessDayStartsAt: '00:00' });
    const next = await saleWithLines(reg);
    const after = await reg.must('sale.tenderCash', { saleId: next, tenderedMinor: 1000, idempotencyKey: 'late-0002' });
    expect(after.sale.businessDay).toBe('2026-03-10');
  });

  it('refuses a bad rollover time or time zone with a coded error and changes nothing', async () => {
    const reg = register();
    await withStaff(reg);
    const owner = reg.db.prepare("SELECT id FROM operators WHERE role = 'owner'").get() as { id: number };
    await reg.must('session.logout', {});
    await reg.must('session.login', { operatorId: owner.id, pin: '2580' });
    const before = await reg.must('settings.get', {});
    for (const patch of [{ businessDayStartsAt: '24:00' }, { businessDayStartsAt: '4:00' }, { timeZone: 'Mars/Olympus' }]) {
      const r = await reg.call('settings.update', patch);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('request.invalid_input');
    }
    expect(await reg.must('settings.get', {})).toEqual(before);
  });

  it('answers every cart change with the sale exactly as the ledger then holds it', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    const fresh = () => documentView(reg.db, id);
    const steps: (() => Promise<unknown>)[] = [
      () => reg.must('sale.addProduct', { saleId: id, code: WATER }),
      () => reg.must('sale.addProduct', { saleId: id, code: MILK }),
      () => reg.must('sale.addProduct', { saleId: id, code: WATER }), // merges into the first line
      () => reg.must('sale.addCustomLine', { saleId: id, name: '散装花生', qtyMilli: 1250, unitPriceMinor: 1280 }),
      async () => reg.must('sale.setQty', { saleId: id, lineId: (await reg.must('sale.get', { saleId: id })).lines[1]?.id ?? 0, qtyMilli: 3000 }),
      async () =>
        reg.must('sale.setLineDiscount', {
          saleId: id,
          lineId: (await reg.must('sale.get', { saleId: id })).lines[1]?.id ?? 0,
          discount: { kind: 'percent', rateBp: 500 },
        }),
      () => reg.must('sale.addProduct', { saleId: id, code: MILK }), // not into the discounted line
      () => reg.must('sale.setOrderDiscount', { saleId: id, discount: { kind: 'amount', amountMinor: 100 } }),
      async () => reg.must('sale.removeLine', { saleId: id, lineId: (await reg.must('sale.get', { saleId: id })).lines[0]?.id ?? 0 }),
      () => reg.must('sale.addProduct', { saleId: id, code: WATER }),
    ];
    for (const step of steps) expect(await step()).toEqual(fresh());
    expect(fresh().lines.map((l) => [l.name, l.qtyMilli])).toEqual([
      ['蒙牛纯牛奶 250ml', 3000],
      ['散装花生', 1250],
      ['蒙牛纯牛奶 250ml', 1000],
      ['农夫山泉 550ml', 1000],
    ]);
  });

  it('caps the quantity of a line that scans merge into, as for a typed quantity', async () => {
    const reg = register();
    await withStaff(reg);
    const { id } = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: id, code: WATER, qtyMilli: MAX_QTY_MILLI });
    const r = await reg.call('sale.addProduct', { saleId: id, code: WATER, qtyMilli: 1000 });
    expect(r).toEqual({ ok: false, error: { code: 'sale.quantity_too_large', params: { maxMilli: MAX_QTY_MILLI } } });
    expect((await reg.must('sale.get', { saleId: id })).lines.map((l) => l.qtyMilli)).toEqual([MAX_QTY_MILLI]);
  });
});

describe('the completed entry in the journal', () => {
  async function completedSale(reg: TestRegister): Promise<{ id: string; seq: number; data: DocumentCompleted }> {
    const id = await saleWithLines(reg);
    await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 300, partial: true, idempotencyKey: 'entry-part' });
    await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 1000, idempotencyKey: 'entry-rest' });
    const row = reg.db.prepare("SELECT seq, payload FROM journal WHERE kind = 'sale.completed'").get() as { seq: number; payload: string };
    return { id, seq: row.seq, data: (JSON.parse(row.payload) as { data: DocumentCompleted }).data };
  }

  it('names the document and chains its digest, and copies none of its figures (they are in the rows the digest binds)', async () => {
    const reg = register();
    const { ownerId } = await withStaff(reg);
    const { id, data } = await completedSale(reg);
    expect(data).toEqual({ saleId: id, receiptNo: 1, documentSha256: documentDigest(reg.db, id) });
    const payload = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sale.completed'").pluck().get() as string;
    // The envelope (seq, at, kind) and the 64 hex digits are most of it; the copy was 534 characters.
    expect(payload.length).toBeLessThan(230);
    // The figures the older entries copied are the document's, by tax rate and by tender.
    const sale = await reg.must('sale.get', { saleId: id });
    expect(sale.totals.taxBreakdown.reduce((s, t) => s + t.taxMinor, 0)).toBe(sale.totals.taxMinor);
    expect(sale.payments.reduce((s, p) => s + p.amountMinor, 0)).toBe(sale.totals.totalMinor);
    expect(sale.totals.taxBreakdown.map((t) => t.rateBp)).toEqual([900, 1300]);

    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    expect(await reg.must('journal.verify', {})).toMatchObject({ ok: true, reason: null });
  });

  const edits: [string, string][] = [
    ['a line name', "UPDATE document_lines SET name = 'x' WHERE id = (SELECT MIN(id) FROM document_lines)"],
    ['a line price', 'UPDATE document_lines SET unit_price_minor = unit_price_minor - 1 WHERE id = (SELECT MIN(id) FROM document_lines)'],
    ['the training mark', 'UPDATE documents SET training = 1'],
    ['a line quantity', 'UPDATE document_lines SET qty_milli = qty_milli + 1000 WHERE id = (SELECT MAX(id) FROM document_lines)'],
    ['a frozen line total', 'UPDATE document_lines SET total_minor = total_minor - 1 WHERE id = (SELECT MIN(id) FROM document_lines)'],
    ['a payment amount', 'UPDATE payments SET amount_minor = amount_minor - 100 WHERE id = (SELECT MIN(id) FROM payments)'],
    ['the document total', 'UPDATE documents SET total_minor = total_minor - 1'],
    ['the document operator', 'UPDATE documents SET operator_id = 1'],
    ['a deleted line', 'DELETE FROM document_lines WHERE id = (SELECT MAX(id) FROM document_lines)'],
    ['an added payment', "INSERT INTO payments (document_pk, method, amount_minor, tendered_minor, created_at) SELECT pk, 'cash', 1, 1, 0 FROM documents"],
  ];

  for (const [what, edit] of edits) {
    it(`names the entry of a completed sale whose document was changed afterwards: ${what}`, async () => {
      const reg = register();
      const { ownerId } = await withStaff(reg);
      const { seq } = await completedSale(reg);
      await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
      // Someone with the file can drop the immutability triggers; the digest in the chain still gives them away.
      for (const t of [
        'documents_immutable_update',
        'lines_immutable_update',
        'lines_immutable_delete',
        'payments_immutable_update',
        'payments_immutable_insert',
      ])
        reg.db.exec(`DROP TRIGGER ${t}`);
      reg.db.exec('SAVEPOINT t');
      reg.db.exec(edit);
      expect(await reg.must('journal.verify', {})).toMatchObject({ ok: false, firstBadSeq: seq, reason: 'document_differs' });
      reg.db.exec('ROLLBACK TO t; RELEASE t');
      expect(await reg.must('journal.verify', {})).toMatchObject({ ok: true });
    });
  }
});

describe('the journal feed', () => {
  it('runs a subscriber inside the appending transaction: what it writes rolls back with the event', () => {
    const reg = register();
    reg.db.exec('CREATE TABLE seen (seq INTEGER, operator INTEGER)');
    const stop = journalFeed(reg.db).subscribe('session.login', (entry) => {
      reg.db.prepare('INSERT INTO seen VALUES (?, ?)').run(entry.seq, entry.data.operatorId);
    });
    appendJournal(reg.db, 'session.login', { operatorId: 7 }, 1);
    expect(() =>
      reg.db.transaction(() => {
        appendJournal(reg.db, 'session.login', { operatorId: 8 }, 2);
        throw new Error('the event itself failed');
      })(),
    ).toThrow('the event itself failed');
    expect(reg.db.prepare('SELECT operator FROM seen').all()).toEqual([{ operator: 7 }]);
    stop();
    appendJournal(reg.db, 'session.login', { operatorId: 9 }, 3);
    expect(reg.db.prepare('SELECT COUNT(*) AS n FROM seen').get()).toEqual({ n: 1 });
  });

  it('a subscriber that throws rolls the event back: a completed sale never exists without what must commit with it', async () => {
    const reg = register();
    await withStaff(reg);
    const id = await saleWithLines(reg);
    const stop = journalFeed(reg.db).subscribe('sale.completed', () => {
      throw new Error('rollup failed');
    });
    const r = await reg.call('sale.tenderCash', { saleId: id, tenderedMinor: 1000, idempotencyKey: 'fail-0001' });
    expect(r).toEqual({ ok: false, error: { code: 'internal', params: {} } });
    stop();
    expect((await reg.must('sale.get', { saleId: id })).status).toBe('open');
    expect(reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'sale.completed'").get()).toEqual({ n: 0 });
    expect(reg.db.prepare('SELECT COUNT(*) AS n FROM payments').get()).toEqual({ n: 0 });
  });
});
