// HQ recomputes each document's digest from the columns an upload carries and checks the fields it
// stores against them, against a real PostgreSQL (throwaway cluster) and a real register: a
// document changed anywhere on the way, even in a column HQ does not store, is refused and flagged.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hqPaths, type WireDocument } from '../../preload/contract/hq-wire';
import type { JournalEntry } from '../../main/ledger/journal';
import { recordsFor } from '../../main/sync/upload-records';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { startHqRig, type HqRig } from '../support/hq-rig';

let rig: HqRig;
let reg: TestRegister;
beforeAll(async () => {
  rig = await startHqRig();
  reg = makeRegister({ sync: { auto: false } });
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  await rig.enrol(reg, 'D1-R1', 'D1');
  for (const codes of [['6901234567892', '6905678901232'], ['6904567890127']]) {
    const sale = await reg.must('sale.current', {});
    for (const code of codes) await reg.must('sale.addProduct', { saleId: sale.id, code });
    const view = await reg.must('sale.get', { saleId: sale.id });
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: view.totals.totalMinor + 300, idempotencyKey: randomUUID().replaceAll('-', '') });
  }
  // A refund and a void: their reason, approver and original document are digested too.
  const [sold, voided] = [await reg.must('sale.byReceipt', { receiptNo: 1 }), await reg.must('sale.byReceipt', { receiptNo: 2 })];
  await reg.must('refund.withReceipt', {
    saleId: sold.id,
    lines: [{ lineId: sold.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
    reason: 'defective',
    idempotencyKey: 'digest-refund-1',
  });
  await reg.must('void.sale', { saleId: voided.id, reason: 'cashier_error', idempotencyKey: 'digest-void-1' });
}, 60_000);
afterAll(async () => {
  reg?.cleanup();
  await rig?.close();
});

describe('HQ and the document digest', () => {
  it('refuses a document whose digested columns or stored fields were changed on the way, and takes the register’s own', async () => {
    const entries = reg.db.prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal ORDER BY seq').all() as JournalEntry[];
    const as = { registerId: 'D1-R1', secret: await rig.secretOf('D1-R1') };
    const edits: [string, (d: WireDocument) => void][] = [
      // A column HQ does not store (the sale's note), changed in the digested rows.
      ['digest', (d) => void (d.digestRows && (d.digestRows.document[11] = 'changed'))],
      // A line's name is not in the entry: only the digest binds it.
      ['digest.lines.0.name', (d) => void (d.lines[0] && (d.lines[0].name = 'Something else'))],
      ['digest.payments.0.tenderedMinor', (d) => void (d.payments[0] && (d.payments[0].tenderedMinor += 100))],
      ['digest', (d) => void delete d.digestRows],
    ];
    for (const [field, edit] of edits) {
      const records = recordsFor(reg.db, entries);
      const first = records.documents[0];
      if (!first) throw new Error('no document');
      edit(first);
      const answer = await rig.signed(hqPaths.upload, { registerId: 'D1-R1', entries, records }, as);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'hq.record_mismatch', params: { seq: first.seq, field } } });
    }
    const raised = await rig.hq.pool.query<{ kind: string; params: { field: string } }>('SELECT kind, params FROM alerts WHERE register_id = $1 ORDER BY id', [
      'D1-R1',
    ]);
    expect(raised.rows.map((r) => [r.kind, r.params.field])).toEqual(edits.map(([f]) => ['upload_tampered', f]));
    expect((await rig.hq.pool.query('SELECT COUNT(*)::int AS n FROM journal_entries WHERE register_id = $1', ['D1-R1'])).rows[0]).toEqual({ n: 0 });

    await reg.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ pendingEntries: 0, state: 'idle', lastError: null });
    const held = await rig.hq.pool.query('SELECT id, kind, total_minor FROM documents WHERE register_id = $1 ORDER BY receipt_no', ['D1-R1']);
    const mine = reg.db.prepare("SELECT id, kind, total_minor FROM documents WHERE status = 'completed' ORDER BY receipt_no").all();
    expect(held.rows).toEqual(mine);
    expect(held.rows.map((r: { kind: string }) => r.kind)).toEqual(['sale', 'sale', 'refund', 'void']);
  });
});
