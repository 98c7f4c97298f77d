import { describe, expect, it } from 'vitest';
import { documentDigest } from '../../main/documents/document-digest';
import { FIXTURE_FLOAT_MINOR } from '../support/register-fixture';
import { key } from '../support/day-close-shop';
import { trainingShops } from '../support/training-shop';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLines, readBundle } from '../support/backup-fixture';

// A real shop with the card terminal simulator on TCP: training must never reach it.
const { shop, training, terminal, provider } = trainingShops();

describe('training mode', () => {
  it('numbers training sales in their own series and leaves them out of the receipt numbers, the grand total, the X, the Z and the shift cash', async () => {
    const s = await shop();
    expect(await s.cashSale([1500])).toMatchObject({ receiptNo: 1 });

    await training(s, true);
    expect((await s.reg.must('session.current', {})).training).toBe(true);
    const saleId = await s.sale([800, 450]);
    expect((await s.reg.must('sale.get', { saleId })).training).toBe(true);
    const practice = await s.reg.must('sale.tenderCash', { saleId, tenderedMinor: 2000, idempotencyKey: key() });
    expect(practice.sale).toMatchObject({ training: true, receiptNo: 1, grandTotalMinor: 1250, status: 'completed' });
    expect(practice.changeMinor).toBe(750);
    const second = await s.cashSale([100]);
    expect(second.receiptNo).toBe(2);
    const entry = s.reg.db
      .prepare("SELECT json_extract(payload, '$.data') AS data FROM journal WHERE kind = 'sale.completed' ORDER BY seq DESC LIMIT 1")
      .get() as { data: string };
    const data = JSON.parse(entry.data) as { saleId: string };
    expect(data).toMatchObject({ training: true, receiptNo: 2, documentSha256: documentDigest(s.reg.db, data.saleId) });
    expect(s.reg.db.prepare('SELECT total_minor, training FROM documents WHERE id = ?').get(data.saleId)).toEqual({ total_minor: 100, training: 1 });

    await training(s, false);
    expect((await s.reg.must('session.current', {})).training).toBe(false);
    const real = await s.reg.must('sale.tenderCash', { saleId: await s.sale([300]), tenderedMinor: 300, idempotencyKey: key() });
    expect(real.sale).toMatchObject({ training: false, receiptNo: 2, grandTotalMinor: 1800 });

    await s.as('supervisor');
    const x = await s.reg.must('report.x', { scope: 'day' });
    expect(x.grandTotalMinor).toBe(1800);
    expect(x.figures).toMatchObject({ documentCount: 2, firstReceiptNo: 1, lastReceiptNo: 2, netMinor: 1800 });
    const shiftX = await s.reg.must('report.x', { scope: 'shift' });
    expect(shiftX.shifts[0]?.expected.expectedMinor).toBe(FIXTURE_FLOAT_MINOR + 1800);
    expect(shiftX.figures).toEqual(x.figures);
    expect((await s.reg.must('dayClose.status', {})).documentCount).toBe(2);
    const z = await s.z({ forceClose: [{ shiftId: shiftX.shiftId ?? 0, reason: 'end of day' }] });
    expect(z.figures).toEqual(x.figures);
    expect(z).toMatchObject({ grandTotalBeforeMinor: 0, grandTotalAfterMinor: 1800 });

    // Journalled, chained and covered by the document digest like any other document.
    await s.as('owner');
    expect(await s.reg.must('journal.verify', {})).toMatchObject({ ok: true });
    s.reg.db.exec('DROP TRIGGER documents_immutable_update');
    s.reg.db.exec('SAVEPOINT t');
    s.reg.db.prepare('UPDATE documents SET training = 0 WHERE id = ?').run(saleId);
    expect(await s.reg.must('journal.verify', {})).toMatchObject({ ok: false, reason: 'document_differs' });
    s.reg.db.exec('ROLLBACK TO t; RELEASE t');
  });

  it('has the training simulator answer card and scan-to-pay payments: no terminal or provider is asked', async () => {
    const s = await shop();
    const asked = provider().calls.length;
    await training(s, true, 'register');
    // Part by payment code, the rest by card: both answered in the register.
    const saleId = await s.sale([2500, 1000]);
    const scanned = await s.reg.must('scanpay.pay', { saleId, code: '134567890123456789', amountMinor: 1000, idempotencyKey: key() });
    expect(scanned.receiptNo).toBeNull();
    const card = await s.reg.must('card.pay', { saleId, idempotencyKey: key() });
    expect(card.sale).toMatchObject({ status: 'completed', training: true, receiptNo: 1 });
    expect(card.sale.payments.map((p) => [p.method, p.amountMinor, p.card?.brand ?? p.scan?.provider])).toEqual([
      ['scan', 1000, 'wechat'],
      ['card', 2500, 'TRAINING'],
    ]);
    expect(terminal().batch()).toEqual([]);
    expect(provider().calls.slice(asked)).toEqual([]);
    expect(s.reg.db.prepare('SELECT COUNT(*) AS n FROM card_intents').get()).toEqual({ n: 0 });
    expect(s.reg.db.prepare('SELECT COUNT(*) AS n FROM scan_attempts').get()).toEqual({ n: 0 });
    expect(
      s.reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE (kind LIKE 'card.%' OR kind LIKE 'scanpay.%') AND kind <> 'scanpay.settings_changed'").get(),
    ).toEqual({ n: 0 });
    await s.as('supervisor');
    expect((await s.reg.must('report.x', { scope: 'day' })).figures).toMatchObject({ documentCount: 0, netMinor: 0 });

    // Training cannot end under a sale with items.
    await s.as('cashier');
    const open = await s.sale([700]);
    await s.as('owner');
    expect(await s.reg.call('training.set', { target: 'register', on: false })).toMatchObject({
      ok: false,
      error: { code: 'training.sale_in_progress', params: { saleId: open } },
    });
    // Put on hold it is out of the cart, and the refusal says where it went.
    await s.as('cashier');
    await s.reg.must('sale.hold', { saleId: open });
    await s.as('owner');
    expect(await s.reg.call('training.set', { target: 'register', on: false })).toMatchObject({
      ok: false,
      error: { code: 'training.sale_held', params: { saleId: open } },
    });
  });

  it('lets no operator in training take a real card payment on a real sale left open by a colleague', async () => {
    const s = await shop();
    const asked = provider().calls.length;
    await s.as('owner');
    const trainee = await s.reg.must('operator.create', { name: 'Tian 小田', pin: '4826', role: 'cashier' });
    // Switched on for the trainee alone: what the cashier rings up stays real.
    await s.reg.must('training.set', { target: 'operator', operatorId: trainee.id, on: true });
    await s.as('cashier');
    const saleId = await s.sale([2500]);
    await s.reg.must('session.login', { operatorId: trainee.id, pin: '4826' });
    expect(await s.reg.call('card.pay', { saleId, idempotencyKey: key() })).toEqual({ ok: false, error: { code: 'training.sale_is_real', params: {} } });
    expect(terminal().batch()).toEqual([]);
    expect(provider().calls.slice(asked)).toEqual([]);
    expect(s.reg.db.prepare('SELECT COUNT(*) AS n FROM card_intents').get()).toEqual({ n: 0 });
  });

  it('raises no fraud alert for practice: a burst of small training sales is not watched', async () => {
    const s = await shop();
    await training(s, true);
    // Five sales under ¥5.00 within ten minutes: a real burst, were they real.
    for (let i = 0; i < 5; i++) {
      await s.cashSale([300]);
      s.clock.now += 60_000;
    }
    await training(s, false);
    await s.as('owner');
    expect(await s.reg.must('fraud.alerts', {})).toEqual([]);
    expect(s.reg.db.prepare("SELECT COUNT(*) FROM journal WHERE kind = 'fraud.alert_raised'").pluck().get()).toBe(0);
  });

  it('journals every switch, by the owner only', async () => {
    const s = await shop();
    expect(await s.reg.call('training.set', { target: 'register', on: true })).toMatchObject({ ok: false, error: { code: 'session.forbidden' } });
    await training(s, true, 'register');
    await training(s, true, 'register');
    await training(s, false, 'register');
    const rows = s.reg.db.prepare("SELECT json_extract(payload, '$.data') AS data FROM journal WHERE kind = 'training.switched' ORDER BY seq").all() as {
      data: string;
    }[];
    expect(rows.map((r) => JSON.parse(r.data) as { on: boolean; target: string; by: number })).toEqual([
      expect.objectContaining({ target: 'register', on: true, by: s.staff.ownerId }),
      expect.objectContaining({ target: 'register', on: false, by: s.staff.ownerId }),
    ]);
  });

  it("goes into the backup as training: its rows marked, its figures apart from the day's, and the bundle verifies", async () => {
    const s = await shop();
    await s.cashSale([1500]);
    await training(s, true);
    const practice = await s.cashSale([800]);
    await s.as('owner');
    const target = mkdtempSync(join(tmpdir(), 'ringup-training-backup-'));
    try {
      await s.reg.must('backup.setConfig', { folder: target, keep: 5 });
      const { file } = await s.reg.must('backup.run', {});
      const { files, manifest } = await readBundle(file);
      const docs = JSON.parse((files.get('documents.json') ?? Buffer.alloc(0)).toString('utf8')) as { id: string; training: number; receipt_no: number }[];
      expect(docs.find((d) => d.id === practice.saleId)).toMatchObject({ training: 1, receipt_no: -1 });
      expect(csvLines(files.get('documents.csv') ?? Buffer.alloc(0))).toHaveLength(2);
      expect(manifest.totals['2026-03-10']).toMatchObject({
        documents: 2,
        kinds: { sale: { count: 1, totalMinor: 1500 }, 'sale.training': { count: 1, totalMinor: 800 } },
        payments: { cash: { count: 1, amountMinor: 1500 }, 'cash.training': { count: 1, amountMinor: 800 } },
      });
      expect(await s.reg.must('backup.verify', { file })).toMatchObject({ ok: true });
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });
});
