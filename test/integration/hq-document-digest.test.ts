// HQ recomputes each document's digest from the columns an upload carries and checks the fields it
// stores against them, against a real PostgreSQL (throwaway cluster) and a real register: a
// document changed anywhere on the way, even in a column HQ does not store, is refused and flagged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hqPaths, type WireDigestDocument, type WireDocument } from '../../preload/contract/hq-wire';
import { DIGEST_DOCUMENT_COLUMNS, DIGEST_LINE_COLUMNS } from '../../main/journal-chain/document-digest-rows';
import type { JournalEntry } from '../../main/ledger/journal';
import { namedRecordsFor, recordsFor } from '../../main/sync/upload-records';
import type { TestRegister } from '../support/register-fixture';
import { documentsShop } from '../support/hq-documents-shop';
import { startHqRig, type HqRig } from '../support/hq-rig';

let rig: HqRig;
let reg: TestRegister;
beforeAll(async () => {
  rig = await startHqRig();
  // Sales, then a refund and a void: their reason, approver and original document are digested too.
  reg = await documentsShop(rig, 'D1-R1', 'D1', [['6901234567892', '6905678901236'], ['6904567890125']], 'digest');
}, 60_000);
afterAll(async () => {
  reg?.cleanup();
  await rig?.close();
});

describe('HQ and the document digest', () => {
  it('refuses a document whose digested columns or stored fields were changed on the way, in either form, and takes the register’s own', async () => {
    const entries = reg.db.prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain ORDER BY seq').all() as JournalEntry[];
    const as = { registerId: 'D1-R1', secret: await rig.secretOf('D1-R1') };
    // Whole, as registers sent a document before HQ read it from its columns: named fields beside the columns.
    const whole: [string, (d: WireDocument) => void][] = [
      // A column HQ does not store (the sale's note), changed in the digested rows.
      ['digest', (d) => void (d.digestRows && (d.digestRows.document[11] = 'changed'))],
      // A line's name is not in the entry: only the digest binds it.
      ['digest.lines.0.name', (d) => void (d.lines[0] && (d.lines[0].name = 'Something else'))],
      ['digest.payments.0.tenderedMinor', (d) => void (d.payments[0] && (d.payments[0].tenderedMinor += 100))],
      ['digest', (d) => void delete d.digestRows],
    ];
    // As registers send it now: the digested columns alone, HQ reading the fields it stores from them.
    const doc = (c: (typeof DIGEST_DOCUMENT_COLUMNS)[number]) => DIGEST_DOCUMENT_COLUMNS.indexOf(c);
    const short: [string, (d: WireDigestDocument) => void][] = [
      ['digest', (d) => void (d.digestRows.document[doc('note')] = 'changed')],
      ['digest', (d) => void (d.digestRows.lines[0] && (d.digestRows.lines[0][DIGEST_LINE_COLUMNS.indexOf('name')] = 'Something else'))],
      // A column cut off: the columns no longer make a document.
      ['digest', (d) => void d.digestRows.payments[0]?.pop()],
      // A figure read from the columns: the entry chains only the digest, which no longer holds.
      ['digest', (d) => void (d.digestRows.document[doc('total_minor')] = Number(d.digestRows.document[doc('total_minor')]) + 1)],
    ];
    const refusedAs = async (field: string, records: unknown, seq: number) => {
      const answer = await rig.signed(hqPaths.upload, { registerId: 'D1-R1', entries, records }, as);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'hq.record_mismatch', params: { seq, field } } });
    };
    for (const [field, edit] of whole) {
      const records = namedRecordsFor(reg.db, entries);
      const first = records.documents[0];
      if (!first) throw new Error('no document');
      edit(first);
      await refusedAs(field, records, first.seq);
    }
    for (const [field, edit] of short) {
      const records = recordsFor(reg.db, entries);
      const first = records.documents[0];
      if (!first || 'id' in first) throw new Error('the first document does not travel as its columns');
      edit(first);
      await refusedAs(field, records, first.seq);
    }
    const raised = await rig.hq.pool.query<{ kind: string; params: { field: string } }>('SELECT kind, params FROM alerts WHERE register_id = $1 ORDER BY id', [
      'D1-R1',
    ]);
    expect(raised.rows.map((r) => [r.kind, r.params.field])).toEqual([...whole, ...short].map(([f]) => ['upload_tampered', f]));
    expect((await rig.hq.pool.query('SELECT COUNT(*)::int AS n FROM journal_entries WHERE register_id = $1', ['D1-R1'])).rows[0]).toEqual({ n: 0 });

    // An older register's upload, whole, up to the first sale; the register's own uploader sends the rest as columns.
    const cut = entries.findIndex((e) => e.kind === 'sale.completed') + 1;
    const older = await rig.signed(
      hqPaths.upload,
      { registerId: 'D1-R1', entries: entries.slice(0, cut), records: namedRecordsFor(reg.db, entries.slice(0, cut)) },
      as,
    );
    expect(older.body).toMatchObject({ ok: true, value: { added: cut } });
    await reg.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ pendingEntries: 0, state: 'idle', lastError: null });
    const held = await rig.hq.pool.query('SELECT id, kind, total_minor FROM documents WHERE register_id = $1 ORDER BY receipt_no', ['D1-R1']);
    const mine = reg.db.prepare("SELECT id, kind, total_minor FROM documents WHERE status = 'completed' ORDER BY receipt_no").all();
    expect(held.rows).toEqual(mine);
    expect(held.rows.map((r: { kind: string }) => r.kind)).toEqual(['sale', 'sale', 'refund', 'void']);
    // Lines and payments as the ledger holds them, whichever form their document travelled in.
    const heldLines = await rig.hq.pool.query(
      'SELECT document_id, sku, name, qty_milli, unit_price_minor, tax_rate_bp, total_minor, tax_minor FROM document_lines WHERE register_id = $1 ORDER BY document_id, position',
      ['D1-R1'],
    );
    const myLines = reg.db
      .prepare(
        "SELECT d.id AS document_id, l.sku, l.name, l.qty_milli, l.unit_price_minor, l.tax_rate_bp, l.total_minor, l.tax_minor FROM document_lines l JOIN documents d ON d.pk = l.document_pk WHERE d.status = 'completed' ORDER BY d.id, l.position, l.id",
      )
      .all();
    expect(heldLines.rows).toEqual(myLines);
    const heldPayments = await rig.hq.pool.query(
      'SELECT document_id, method, amount_minor, tendered_minor, change_minor, created_at FROM document_payments WHERE register_id = $1 ORDER BY document_id, position',
      ['D1-R1'],
    );
    const myPayments = reg.db
      .prepare(
        "SELECT d.id AS document_id, p.method, p.amount_minor, p.tendered_minor, p.change_minor, p.created_at FROM payments p JOIN documents d ON d.pk = p.document_pk WHERE d.status = 'completed' ORDER BY d.id, p.id",
      )
      .all();
    expect(heldPayments.rows).toEqual(myPayments);
  });
});
