// The readers of `<kind>.completed` entries on ledgers that hold all three shapes registers have
// written (main/documents/document-journal.ts): the slim entry of today, the totals copied beside
// the digest, the lines copied before the digest. Each reads the same figures whatever the shape:
// the fraud recomputation, the document verification, the audit trail's filters.
import { describe, expect, it } from 'vitest';
import { storedDrafts } from '../../main/fraud/fraud-alerts';
import { verifyDocuments } from '../../main/documents/verify-documents';
import type { JournalEvent } from '../../main/ledger/journal-payloads';
import { reshapeCompletedEntries, type EntryShape } from '../support/entry-shapes';
import { entriesOf, MIN, recomputed, ringUpCorrections, shop } from '../support/fraud-shop';
import type { Shop } from '../support/day-close-shop';

/** The corrections of ringUpCorrections, then a burst of small sales: four alerts. */
async function corrections(s: Shop): Promise<{ sold: string; other: string }> {
  const ids = await ringUpCorrections(s);
  for (const price of [100, 200, 300, 400, 450]) {
    await s.cashSale([price]);
    s.clock.now += MIN;
  }
  return ids;
}

const modes: [string, (id: string, i: number) => EntryShape][] = [
  ['slim', () => 'slim'],
  ['totals copied', () => 'totals'],
  ['lines copied', () => 'legacy'],
  ['all three mixed', (_id, i) => (['slim', 'totals', 'legacy'] as const)[i % 3] ?? 'slim'],
];

describe('a ledger with completed entries of every shape', () => {
  for (const [mode, shapeOf] of modes) {
    it(`recomputes the fraud watch's alerts, verifies the documents and filters the audit trail: ${mode}`, async () => {
      const s = await shop();
      const { sold, other } = await corrections(s);
      const live = storedDrafts(s.reg.db);
      expect(live.map((a) => `${a.rule}/${a.scope.kind}`)).toEqual([
        'same_operator_refund/document',
        'refund_without_receipt/document',
        'void_after_payment/document',
        'small_sales_burst/register',
        'small_sales_burst/operator',
      ]);

      const shapes = reshapeCompletedEntries(s.reg.db, shapeOf);
      const wanted = [...shapes.values()];
      expect(new Set(wanted).size).toBe(mode === 'all three mixed' ? 3 : 1);
      expect(recomputed(s)).toEqual(live);

      // Every entry with a digest is checked against its document; the oldest shape has none.
      await s.as('owner');
      expect(await s.reg.must('journal.verify', {})).toMatchObject({ ok: true, reason: null });
      expect(verifyDocuments(s.reg.db)).toEqual({ ok: true, checked: wanted.filter((x) => x !== 'legacy').length, firstBadSeq: null });

      // The audit trail finds each completed entry by its operator, its register and its document, whatever its shape.
      const completed = (await s.reg.must('journal.list', { kinds: ['sale.completed', 'refund.completed', 'void.completed'], limit: 5000 })).entries;
      expect(completed).toHaveLength(shapes.size);
      const rows = s.reg.db.prepare("SELECT id, operator_id, approver_id, register_id FROM documents WHERE status = 'completed'").all() as {
        id: string;
        operator_id: number;
        approver_id: number | null;
        register_id: string;
      }[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const e of completed) {
        const row = byId.get(e.documentId ?? '');
        expect([e.operatorId, e.approverId, e.registerId]).toEqual([row?.operator_id, row?.approver_id, row?.register_id]);
      }
      const byCashier = await s.reg.must('journal.list', { operatorId: s.staff.cashierId, kinds: ['sale.completed', 'refund.completed', 'void.completed'] });
      expect(byCashier.entries.map((e) => e.documentId).sort()).toEqual(
        rows
          .filter((r) => r.operator_id === s.staff.cashierId)
          .map((r) => r.id)
          .sort(),
      );
      // A document's trail: its own entry and the entries of what corrects it.
      for (const [id, kinds] of [
        [sold, ['sale.completed', 'refund.completed']],
        [other, ['sale.completed', 'void.completed']],
      ] as const) {
        const trail = await s.reg.must('journal.list', { documentId: id, kinds: ['sale.completed', 'refund.completed', 'void.completed'] });
        expect(trail.entries.map((e) => e.kind)).toEqual(kinds);
      }
    });
  }

  it('names the entry of a document changed after it completed, whatever the shape of the entries before it', async () => {
    const s = await shop();
    await corrections(s);
    reshapeCompletedEntries(s.reg.db, (_id, i) => (['legacy', 'totals', 'slim'] as const)[i % 3] ?? 'slim');
    const entries = entriesOf(s, 'sale.completed') as JournalEvent<'sale.completed'>[];
    const slim = entries.find((e) => !('totalMinor' in e.data));
    const totals = entries.find((e) => 'taxes' in e.data);
    if (!slim || !totals) throw new Error('the ledger lacks a shape');
    for (const t of ['documents_immutable_update', 'lines_immutable_update']) s.reg.db.exec(`DROP TRIGGER ${t}`);
    for (const target of [slim, totals]) {
      s.reg.db.exec('SAVEPOINT t');
      s.reg.db
        .prepare('UPDATE document_lines SET unit_price_minor = unit_price_minor + 1 WHERE document_pk = (SELECT pk FROM documents WHERE id = ?)')
        .run(target.data.saleId);
      expect(verifyDocuments(s.reg.db)).toMatchObject({ ok: false, firstBadSeq: target.seq });
      s.reg.db.exec('ROLLBACK TO t; RELEASE t');
    }
    expect(verifyDocuments(s.reg.db)).toMatchObject({ ok: true });
  });
});
