// HQ ingest against a real PostgreSQL (throwaway cluster) and real registers on real SQLite files:
// upload in order and idempotently, gaps asked for again, forks and tampered or forged uploads
// refused and raised as alerts, replayed and unsigned requests refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hqPaths, type UploadResponse } from '../../preload/contract/hq-wire';
import { entryHash, verifyChain, type ChainEntry } from '../../main/journal-chain/chain';
import { DIGEST_DOCUMENT_COLUMNS } from '../../main/journal-chain/document-digest-rows';
import { namedRecordsFor, recordsFor } from '../../main/sync/upload-records';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { startHqRig, type HqRig } from '../support/hq-rig';
import { journal, rehashed, sell, signedHeaders, uploadShop } from '../support/hq-upload-shop';

let rig: HqRig;
const registers: TestRegister[] = [];

beforeAll(async () => {
  rig = await startHqRig();
}, 60_000);
afterAll(async () => {
  for (const r of registers) r.cleanup();
  await rig?.close();
});
const { shopRegister, hqCounts, alerts } = uploadShop(() => rig, registers);

describe('HQ ingest', () => {
  it('enrols a register once with its one-time code; a used code is refused', async () => {
    const reg = await shopRegister('S1-R1');
    const status = await reg.must('sync.status', {});
    expect(status).toMatchObject({ enrolled: true, registerId: 'S1-R1', shopId: 'S1', state: 'idle' });
    const other = makeRegister();
    registers.push(other);
    const staff = await withStaff(other);
    await other.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const code = await rig.newRegister('S1-R9', 'S1');
    await other.must('sync.enrol', { hqUrl: rig.hq.url, code });
    const third = makeRegister();
    registers.push(third);
    const staff3 = await withStaff(third);
    await third.must('session.login', { operatorId: staff3.ownerId, pin: OWNER_PIN });
    const reuse = await third.call('sync.enrol', { hqUrl: rig.hq.url, code });
    expect(reuse).toMatchObject({ ok: false, error: { code: 'hq.enrol_code_invalid' } });
    // The enrolment is journalled without the key.
    const entry = journal(reg).find((e) => e.kind === 'sync.enrolled');
    expect(entry?.payload).toContain('S1-R1');
    expect(entry?.payload).not.toMatch(/secret/i);
  });

  it('uploads the journal and its documents in order; HQ holds the chain exactly and it verifies', async () => {
    const reg = await shopRegister('S1-R2');
    await sell(reg, 6);
    await reg.sync.runOnce();
    const local = journal(reg);
    const status = await reg.must('sync.status', {});
    expect(status).toMatchObject({ ackedSeq: local.length, pendingEntries: 0, state: 'idle', lastError: null });
    const held = (
      await rig.hq.pool.query<ChainEntry>('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_entries WHERE register_id = $1 ORDER BY seq', ['S1-R2'])
    ).rows;
    expect(held).toEqual(local);
    expect(verifyChain(held)).toMatchObject({ ok: true, entries: local.length });
    const docs = (
      await rig.hq.pool.query<{ id: string; total_minor: number }>('SELECT id, total_minor FROM documents WHERE register_id = $1 ORDER BY receipt_no', [
        'S1-R2',
      ])
    ).rows;
    const mine = reg.db.prepare("SELECT id, total_minor FROM documents WHERE status = 'completed' ORDER BY receipt_no").all();
    expect(docs).toEqual(mine);
    const lines = await rig.hq.pool.query('SELECT COUNT(*)::int AS n FROM document_lines WHERE register_id = $1', ['S1-R2']);
    expect(lines.rows[0]).toEqual({ n: 12 });
  });

  it('uploads training sales in the journal but keeps them out of the documents HQ adds up', async () => {
    const reg = await shopRegister('S1-T1');
    await sell(reg, 1);
    await reg.must('training.set', { target: 'register', on: true });
    await sell(reg, 2);
    await reg.must('training.set', { target: 'register', on: false });
    await sell(reg, 1);
    await reg.sync.runOnce();
    const local = journal(reg);
    expect(await reg.must('sync.status', {})).toMatchObject({ ackedSeq: local.length, pendingEntries: 0, lastError: null });
    expect(await alerts('S1-T1')).toEqual([]);
    const held = await rig.hq.pool.query<{ n: number }>(
      "SELECT COUNT(*)::int AS n FROM journal_entries WHERE register_id = $1 AND kind = 'sale.completed' AND payload LIKE '%\"training\":true%'",
      ['S1-T1'],
    );
    expect(held.rows[0]).toEqual({ n: 2 });
    const docs = (await rig.hq.pool.query<{ receipt_no: number }>('SELECT receipt_no FROM documents WHERE register_id = $1 ORDER BY receipt_no', ['S1-T1']))
      .rows;
    expect(docs.map((d) => d.receipt_no)).toEqual([1, 2]);
  });

  it('changes nothing when the same batch arrives twice, and asks again for a gap', async () => {
    const reg = await shopRegister('S1-R3');
    await sell(reg, 3);
    const entries = journal(reg);
    const secret = await rig.secretOf('S1-R3');
    const body = { registerId: 'S1-R3', entries, records: recordsFor(reg.db, entries) };
    const first = await rig.signed<UploadResponse>(hqPaths.upload, body, { registerId: 'S1-R3', secret });
    expect(first.body).toMatchObject({ ok: true, value: { added: entries.length, head: { seq: entries.length } } });
    const before = await hqCounts('S1-R3');
    const again = await rig.signed<UploadResponse>(hqPaths.upload, body, { registerId: 'S1-R3', secret });
    expect(again.body).toMatchObject({ ok: true, value: { added: 0, head: { seq: entries.length } } });
    expect(await hqCounts('S1-R3')).toEqual(before);

    await sell(reg, 2);
    const later = journal(reg, entries.length + 2);
    const gap = await rig.signed(hqPaths.upload, { registerId: 'S1-R3', entries: later, records: recordsFor(reg.db, later) }, { registerId: 'S1-R3', secret });
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ ok: false, error: { code: 'hq.gap', params: { expectedSeq: entries.length + 1, headSeq: entries.length } } });
    expect(await hqCounts('S1-R3')).toEqual(before);
    // The register's own uploader fills it.
    await reg.sync.runOnce();
    expect((await hqCounts('S1-R3')).head).toBe(journal(reg).length);
    expect(await alerts('S1-R3')).toEqual([]);
  });

  it('refuses a fork (the same seq with another hash), keeps it as evidence and alerts the owner', async () => {
    const reg = await shopRegister('S1-R4');
    await sell(reg, 2);
    await reg.sync.runOnce();
    const before = await hqCounts('S1-R4');
    const entries = journal(reg);
    const completed = entries.find((e) => e.kind === 'sale.completed');
    if (!completed) throw new Error('no sale');
    const forged = rehashed(completed, (d) => (d.totalMinor = 1));
    const secret = await rig.secretOf('S1-R4');
    const r = await rig.signed(hqPaths.upload, { registerId: 'S1-R4', entries: [forged], records: { documents: [] } }, { registerId: 'S1-R4', secret });
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'hq.fork', params: { seq: completed.seq } } });
    expect(await hqCounts('S1-R4')).toEqual(before);
    const raised = await alerts('S1-R4');
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ kind: 'fork', params: { seq: completed.seq, storedHash: completed.hash, offeredHash: forged.hash }, evidence: forged });

    // A register whose history was rewritten after upload forks at its next entry, and stops.
    const rewound = journal(reg).length;
    await sell(reg, 1);
    const next = journal(reg, rewound + 1);
    const first = next[0];
    if (!first) throw new Error('no entry');
    const diverged = { ...first, prev_hash: 'f'.repeat(64) };
    const divergedHashed = { ...diverged, hash: entryHash(diverged.prev_hash, diverged.payload) };
    const f2 = await rig.signed(
      hqPaths.upload,
      { registerId: 'S1-R4', entries: [divergedHashed], records: recordsFor(reg.db, [first]) },
      { registerId: 'S1-R4', secret },
    );
    expect(f2.body).toMatchObject({ ok: false, error: { code: 'hq.fork' } });
  });

  it('refuses tampered uploads: a changed amount, a document that disagrees with its entry, reordered entries', async () => {
    const reg = await shopRegister('S1-R5');
    await sell(reg, 3);
    const entries = journal(reg);
    const secret = await rig.secretOf('S1-R5');
    const as = { registerId: 'S1-R5', secret };
    const records = recordsFor(reg.db, entries);
    const i = entries.findIndex((e) => e.kind === 'sale.completed');

    // A receipt number changed in the journal without re-hashing: the hash no longer holds.
    const changed = entries.map((e, k) =>
      k === i ? { ...e, payload: e.payload.replace(/"receiptNo":(\d+)/, (_m, n: string) => `"receiptNo":${Number(n) + 100}`) } : e,
    );
    expect(changed[i]?.payload).not.toBe(entries[i]?.payload);
    const a = await rig.signed(hqPaths.upload, { registerId: 'S1-R5', entries: changed, records }, as);
    expect(a.body).toMatchObject({ ok: false, error: { code: 'hq.tampered', params: { seq: entries[i]?.seq, reason: 'hash_mismatch' } } });

    // An amount changed in the document record only: it no longer agrees with the digest the
    // hashed entry chains, whether the document travels as its digested columns or whole, as
    // older registers send it (then the named field disagrees with the digested column).
    const totalColumn = DIGEST_DOCUMENT_COLUMNS.indexOf('total_minor');
    const docs = records.documents.map((d, k) =>
      k === 0 && !('id' in d)
        ? { ...d, digestRows: { ...d.digestRows, document: d.digestRows.document.map((v, c) => (c === totalColumn ? Number(v) - 100 : v)) } }
        : d,
    );
    const b = await rig.signed(hqPaths.upload, { registerId: 'S1-R5', entries, records: { documents: docs } }, as);
    expect(b.body).toMatchObject({ ok: false, error: { code: 'hq.record_mismatch', params: { field: 'digest' } } });
    const whole = namedRecordsFor(reg.db, entries).documents.map((d, k) => (k === 0 ? { ...d, totalMinor: d.totalMinor - 100 } : d));
    const b2 = await rig.signed(hqPaths.upload, { registerId: 'S1-R5', entries, records: { documents: whole } }, as);
    expect(b2.body).toMatchObject({ ok: false, error: { code: 'hq.record_mismatch', params: { field: 'digest.totalMinor' } } });
    const c = await rig.signed(hqPaths.upload, { registerId: 'S1-R5', entries, records: { documents: records.documents.slice(1) } }, as);
    expect(c.body).toMatchObject({ ok: false, error: { code: 'hq.record_missing' } });

    // Entries in another order.
    const swapped = [entries[1], entries[0], ...entries.slice(2)];
    const d = await rig.signed(hqPaths.upload, { registerId: 'S1-R5', entries: swapped, records }, as);
    expect(d.body).toMatchObject({ ok: false, error: { code: 'hq.tampered', params: { reason: 'not_consecutive' } } });

    expect(await hqCounts('S1-R5')).toEqual({ entries: 0, documents: 0, head: 0 });
    const raised = await alerts('S1-R5');
    expect(raised.map((x) => [x.kind, x.params.reason])).toEqual([
      ['upload_tampered', 'hash_mismatch'],
      ['upload_tampered', 'hq.record_mismatch'],
      ['upload_tampered', 'hq.record_mismatch'],
      ['upload_tampered', 'hq.record_missing'],
      ['upload_tampered', 'not_consecutive'],
    ]);
    // The real upload still goes through afterwards.
    await reg.sync.runOnce();
    expect((await hqCounts('S1-R5')).head).toBe(entries.length);
  });

  it('refuses a forged register, unsigned, badly signed, replayed and stale requests', async () => {
    const a = await shopRegister('S2-RA', 'S2');
    const b = await shopRegister('S2-RB', 'S2');
    await b.sync.runOnce();
    const bBefore = await hqCounts('S2-RB');
    await sell(a, 1);
    const entries = journal(a);
    const body = { registerId: 'S2-RB', entries, records: recordsFor(a.db, entries) };
    const secretA = await rig.secretOf('S2-RA');
    // A's key speaking for B.
    const forged = await rig.signed(hqPaths.upload, body, { registerId: 'S2-RA', secret: secretA });
    expect(forged.body).toMatchObject({ ok: false, error: { code: 'hq.forbidden' } });
    expect((await alerts('S2-RA')).map((x) => x.kind)).toEqual(['forged_register']);
    // A's key under B's name.
    const wrongKey = await rig.signed(hqPaths.upload, body, { registerId: 'S2-RB', secret: secretA });
    expect(wrongKey.body).toMatchObject({ ok: false, error: { code: 'hq.bad_signature' } });
    // A register HQ never enrolled.
    const stranger = await rig.signed(hqPaths.upload, { ...body, registerId: 'S2-RX' }, { registerId: 'S2-RX', secret: secretA });
    expect(stranger.body).toMatchObject({ ok: false, error: { code: 'hq.unknown_register' } });
    // No signature at all.
    const unsigned = await fetch(`${rig.hq.url}${hqPaths.upload}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ ok: false, error: { code: 'hq.unsigned' } });
    // The same signed request twice.
    const own = { registerId: 'S2-RA', entries, records: recordsFor(a.db, entries) };
    const nonce = 'ab'.repeat(16);
    const time = Date.now();
    const once = await rig.signed(hqPaths.upload, own, { registerId: 'S2-RA', secret: secretA, nonce, time });
    expect(once.body.ok).toBe(true);
    const replay = await rig.signed(hqPaths.upload, own, { registerId: 'S2-RA', secret: secretA, nonce, time });
    expect(replay.body).toMatchObject({ ok: false, error: { code: 'hq.replayed' } });
    // Signed an hour ago.
    const stale = await rig.signed(hqPaths.upload, own, { registerId: 'S2-RA', secret: secretA, time: Date.now() - 3_600_000 });
    expect(stale.body).toMatchObject({ ok: false, error: { code: 'hq.clock_skew' } });
    // A body changed after signing.
    const text = JSON.stringify(own);
    const tamperedBody = await fetch(`${rig.hq.url}${hqPaths.upload}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await signedHeaders(secretA, 'S2-RA', text)),
      },
      body: text.replace('"S2-RA"', '"S2-RB"'),
    });
    expect(await tamperedBody.json()).toMatchObject({ ok: false, error: { code: 'hq.bad_signature' } });
    expect(await hqCounts('S2-RB')).toEqual(bBefore);
    expect(bBefore.documents).toBe(0);
    // B is untouched and uploads its own.
    await sell(b, 1);
    await b.sync.runOnce();
    expect((await hqCounts('S2-RB')).head).toBe(journal(b).length);
  });

  it('a register whose clock is off corrects by HQ time and uploads', async () => {
    const reg = makeRegister({ clock: () => Date.now() - 2 * 3_600_000, sync: { auto: false } });
    registers.push(reg);
    const staff = await withStaff(reg);
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await rig.enrol(reg, 'S1-RC', 'S1');
    // Enrolment learnt the offset; forget it to see the refusal corrected.
    reg.db.prepare('UPDATE sync_link SET clock_offset_ms = 0').run();
    await sell(reg, 1);
    await reg.sync.runOnce();
    expect((await hqCounts('S1-RC')).head).toBe(journal(reg).length);
  });
});
