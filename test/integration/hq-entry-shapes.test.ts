// HQ checks each uploaded document against its `<kind>.completed` entry in any of the three shapes
// registers have written (main/documents/document-journal.ts), against a real PostgreSQL
// (throwaway cluster) and a real register: the slim entry by the digest it chains alone, the
// totals-copied entry by its digest and figures, the oldest by the lines it copied. A document
// changed on the way is refused whatever the shape; the register's own upload goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hqPaths, type WireDigestDocument, type WireDocument } from '../../preload/contract/hq-wire';
import { DIGEST_LINE_COLUMNS } from '../../main/journal-chain/document-digest-rows';
import type { JournalEntry } from '../../main/ledger/journal';
import { namedRecordsFor, recordsFor } from '../../main/sync/upload-records';
import type { TestRegister } from '../support/register-fixture';
import { documentsShop } from '../support/hq-documents-shop';
import { reshapeCompletedEntries, type EntryShape } from '../support/entry-shapes';
import { startHqRig, type HqRig } from '../support/hq-rig';

const REGISTER = 'E1-R1';
let rig: HqRig;
let reg: TestRegister;
let shapes: Map<string, EntryShape>;
beforeAll(async () => {
  rig = await startHqRig();
  // Sales, then a refund and a void: their reason, approver and original document are digested too.
  reg = await documentsShop(rig, REGISTER, 'E1', [['6901234567892', '6905678901236'], ['6904567890125'], ['6901234567892']], 'shapes');
  // Sales: lines, totals, slim; the refund lines copied, the void totals copied.
  shapes = reshapeCompletedEntries(reg.db, (_id, i) => (['legacy', 'totals', 'slim'] as const)[i % 3] ?? 'slim');
}, 60_000);
afterAll(async () => {
  reg?.cleanup();
  await rig?.close();
});

describe('HQ and the three shapes of a completed entry', () => {
  it('refuses a document changed on the way whatever its entry’s shape, then takes the register’s own', async () => {
    const entries = reg.db.prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain ORDER BY seq').all() as JournalEntry[];
    const as = { registerId: REGISTER, secret: await rig.secretOf(REGISTER) };
    const seqOf = new Map(
      entries.filter((e) => e.kind.endsWith('.completed')).map((e) => [(JSON.parse(e.payload) as { data: { saleId: string } }).data.saleId, e.seq]),
    );
    const seqOfShape = (shape: EntryShape) => seqOf.get([...shapes].find(([, s]) => s === shape)?.[0] ?? '') ?? 0;
    expect(new Set(shapes.values())).toEqual(new Set(['legacy', 'totals', 'slim']));

    const refusedAs = async (field: string, records: unknown, seq: number) => {
      const answer = await rig.signed(hqPaths.upload, { registerId: REGISTER, entries, records }, as);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'hq.record_mismatch', params: { seq, field } } });
    };
    const price = DIGEST_LINE_COLUMNS.indexOf('unit_price_minor');
    // A line's price raised in the columns the register sends: the oldest entry names the line
    // that disagrees with its copy, the others hold the digest the columns no longer make.
    const short: [EntryShape, string, (d: WireDigestDocument) => void][] = [
      ['legacy', 'lines.0.unitPriceMinor', (d) => void (d.digestRows.lines[0] && (d.digestRows.lines[0][price] = Number(d.digestRows.lines[0][price]) + 1))],
      ['totals', 'digest', (d) => void (d.digestRows.lines[0] && (d.digestRows.lines[0][price] = Number(d.digestRows.lines[0][price]) + 1))],
      ['slim', 'digest', (d) => void (d.digestRows.lines[0] && (d.digestRows.lines[0][price] = Number(d.digestRows.lines[0][price]) + 1))],
      // A real sale passed off as practice: the training mark the slim entry chains says otherwise.
      ['slim', 'training', (d) => void (d.digestRows.training = 1)],
    ];
    for (const [shape, field, edit] of short) {
      const seq = seqOfShape(shape);
      const records = recordsFor(reg.db, entries);
      const doc = records.documents.find((d) => d.seq === seq);
      if (!doc || 'id' in doc) throw new Error(`no ${shape} document travels as its columns`);
      edit(doc);
      await refusedAs(field, records, seq);
    }
    // Whole, as older registers send a document: its named line price no longer agrees.
    const whole: [EntryShape, string][] = [
      ['legacy', 'lines.0.unitPriceMinor'],
      ['totals', 'digest.lines.0.unitPriceMinor'],
      ['slim', 'digest.lines.0.unitPriceMinor'],
    ];
    for (const [shape, field] of whole) {
      const seq = seqOfShape(shape);
      const records = namedRecordsFor(reg.db, entries);
      const doc: WireDocument | undefined = records.documents.find((d) => d.seq === seq);
      if (!doc?.lines[0]) throw new Error(`no ${shape} document`);
      doc.lines[0].unitPriceMinor += 1;
      await refusedAs(field, records, seq);
    }
    expect((await rig.hq.pool.query('SELECT COUNT(*)::int AS n FROM journal_entries WHERE register_id = $1', [REGISTER])).rows[0]).toEqual({ n: 0 });

    await reg.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ pendingEntries: 0, state: 'idle', lastError: null });
    const held = await rig.hq.pool.query(
      'SELECT id, kind, receipt_no, total_minor, tax_minor, grand_total_minor FROM documents WHERE register_id = $1 ORDER BY seq',
      [REGISTER],
    );
    const mine = reg.db
      .prepare(
        "SELECT id, kind, receipt_no, total_minor, tax_minor, grand_total_minor FROM documents WHERE status = 'completed' ORDER BY completed_at, receipt_no",
      )
      .all();
    expect(held.rows).toEqual(mine);
    expect(held.rows).toHaveLength(5);
  });
});
