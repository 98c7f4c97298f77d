// Shifts, cash counts, cash movements and Zs travel to HQ as records beside the journal entries
// that reference them, against a real PostgreSQL (throwaway cluster) and real registers on real
// SQLite files: HQ's rows equal the register's, a record that disagrees with its chained entry is
// refused and raised as an alert, and uploading the same batch again changes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hqPaths, type UploadResponse, type WireRecords } from '../../preload/contract/hq-wire';
import type { JournalEntry } from '../../main/ledger/journal';
import { recordsFor } from '../../main/sync/upload-records';
import { CASHIER_PIN, FIXTURE_FLOAT, makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { startHqRig, type HqRig } from '../support/hq-rig';

let rig: HqRig;
const registers: TestRegister[] = [];
beforeAll(async () => {
  rig = await startHqRig();
}, 60_000);
afterAll(async () => {
  for (const r of registers) r.cleanup();
  await rig?.close();
});

const key = () => randomUUID().replaceAll('-', '');

/** A register whose cashier sells, moves cash, counts, recounts and closes a shift, opens another, and whose owner closes the day. */
async function aDayOfCash(id: string): Promise<TestRegister> {
  const reg = makeRegister({ sync: { auto: false } });
  registers.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  await rig.enrol(reg, id, 'C1');
  await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
  for (const code of ['6901234567892', '6905678901236']) {
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code });
    const view = await reg.must('sale.get', { saleId: sale.id });
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: view.totals.totalMinor + 1000, idempotencyKey: key() });
  }
  await reg.must('cash.move', { kind: 'paid_in', amountMinor: 2000, reason: 'change from the bank', idempotencyKey: key() });
  await reg.must('cash.move', { kind: 'safe_drop', amountMinor: 10000, reason: 'to the safe', idempotencyKey: key() });
  const shift = (await reg.must('shift.current', {})).shift;
  if (!shift) throw new Error('no live shift');
  await reg.must('shift.count', { shiftId: shift.id, counts: FIXTURE_FLOAT, idempotencyKey: key() });
  await reg.must('shift.count', { shiftId: shift.id, counts: [{ denominationMinor: 10000, count: 3 }], idempotencyKey: key() });
  await reg.must('shift.close', { shiftId: shift.id, idempotencyKey: key() });
  await reg.must('shift.open', { float: { kind: 'carried' }, idempotencyKey: key() });
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  const status = await reg.must('dayClose.status', {});
  await reg.must('dayClose.close', {
    businessDay: status.businessDay,
    forceClose: status.liveShifts.map((s) => ({ shiftId: s.shiftId, reason: 'closing time' })),
    idempotencyKey: key(),
  });
  return reg;
}

function journal(reg: TestRegister): JournalEntry[] {
  return reg.db.prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain ORDER BY seq').all() as JournalEntry[];
}

const json = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

type Rows = Record<'shifts' | 'closes' | 'counts' | 'movements' | 'zs', Record<string, unknown>[]>;

/** The register's rows, in HQ's column names, so the two sides compare as they are. */
function localRows(reg: TestRegister): Rows {
  const all = (q: string) => reg.db.prepare(q).all() as Record<string, unknown>[];
  return {
    shifts: all(
      'SELECT id, register_id AS local_register_id, business_day, operator_id, opened_at, float_minor, float_source, carried_from_shift_id FROM shifts ORDER BY id',
    ),
    closes: all(
      "SELECT id AS shift_id, closed_at, closed_by, expected_minor, expected, counted_minor, difference_minor, force_reason FROM shifts WHERE state = 'closed' ORDER BY id",
    ).map((r) => ({ ...r, expected: json(r.expected as string) })),
    counts: all('SELECT id, shift_id, purpose, counts, total_minor, operator_id, counted_at FROM cash_counts ORDER BY id').map((r) => ({
      ...r,
      counts: json(r.counts as string),
    })),
    movements: all(
      'SELECT id, shift_id, register_id AS local_register_id, kind, amount_minor, reason, operator_id, approver_id, at FROM cash_movements ORDER BY id',
    ),
    zs: all(
      `SELECT id AS z_id, z_no, register_id AS local_register_id, business_day, closed_at, operator_id, first_receipt_no, last_receipt_no,
              grand_total_before_minor, grand_total_after_minor, last_journal_seq, figures,
              (SELECT json_group_array(shift_id) FROM (SELECT shift_id FROM z_shifts WHERE z_id = z.id ORDER BY shift_id)) AS shift_ids
         FROM z_reports z ORDER BY z_no`,
    ).map((r) => ({ ...r, figures: json(r.figures as string), shift_ids: json(r.shift_ids as string) })),
  };
}

async function hqRows(registerId: string): Promise<Rows> {
  const all = async (q: string) => (await rig.hq.pool.query<Record<string, unknown>>(q, [registerId])).rows;
  return {
    shifts: await all(
      'SELECT id, local_register_id, business_day, operator_id, opened_at, float_minor, float_source, carried_from_shift_id FROM shifts WHERE register_id = $1 ORDER BY id',
    ),
    closes: await all(
      'SELECT shift_id, closed_at, closed_by, expected_minor, expected, counted_minor, difference_minor, force_reason FROM shift_closes WHERE register_id = $1 ORDER BY shift_id',
    ),
    counts: await all('SELECT id, shift_id, purpose, counts, total_minor, operator_id, counted_at FROM cash_counts WHERE register_id = $1 ORDER BY id'),
    movements: await all(
      'SELECT id, shift_id, local_register_id, kind, amount_minor, reason, operator_id, approver_id, at FROM cash_movements WHERE register_id = $1 ORDER BY id',
    ),
    zs: await all(
      `SELECT z_id, z_no, local_register_id, business_day, closed_at, operator_id, first_receipt_no, last_receipt_no, grand_total_before_minor,
              grand_total_after_minor, last_journal_seq, figures, shift_ids FROM z_reports WHERE register_id = $1 ORDER BY z_no`,
    ),
  };
}

async function alerts(registerId: string) {
  return (await rig.hq.pool.query('SELECT kind, params, evidence FROM alerts WHERE register_id = $1 ORDER BY id', [registerId])).rows as {
    kind: string;
    params: Record<string, unknown>;
    evidence: unknown;
  }[];
}

describe('HQ cash records', () => {
  it('uploads shifts, closes, cash counts, cash movements and the Z equal to the register’s; the same batch again changes nothing', async () => {
    const reg = await aDayOfCash('C1-R1');
    await reg.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ pendingEntries: 0, state: 'idle', lastError: null });
    const local = localRows(reg);
    expect(local.shifts).toHaveLength(2);
    expect(local.closes).toHaveLength(2);
    expect(local.counts.map((c) => c.purpose)).toEqual(['opening', 'closing', 'recount', 'opening']);
    expect(local.movements).toHaveLength(2);
    expect(local.zs).toHaveLength(1);
    const held = await hqRows('C1-R1');
    expect(held).toEqual(local);

    const entries = journal(reg);
    const again = await rig.signed<UploadResponse>(
      hqPaths.upload,
      { registerId: 'C1-R1', entries, records: recordsFor(reg.db, entries) },
      { registerId: 'C1-R1', secret: await rig.secretOf('C1-R1') },
    );
    expect(again.body).toEqual({ ok: true, value: { head: { seq: entries.length, hash: entries.at(-1)?.hash }, added: 0 } });
    expect(await hqRows('C1-R1')).toEqual(held);
    expect(await alerts('C1-R1')).toEqual([]);
  });

  it('refuses a shift, count, movement or Z record that differs from its chained entry, or is missing, and raises each as an alert', async () => {
    const reg = await aDayOfCash('C1-R2');
    const entries = journal(reg);
    const secret = await rig.secretOf('C1-R2');
    const edits: [string, (r: WireRecords) => void][] = [
      ['cashMovement.amountMinor', (r) => void (r.cashMovements[0] && (r.cashMovements[0].amountMinor += 1))],
      ['shift.floatMinor', (r) => void (r.shifts[0] && (r.shifts[0].floatMinor -= 100))],
      ['cashCount.counts', (r) => void (r.cashCounts[1]?.counts[0] && (r.cashCounts[1].counts[0].count += 1))],
      ['shiftClose.differenceMinor', (r) => void (r.shiftCloses[0] && (r.shiftCloses[0].differenceMinor = 0))],
      ['zReport.figures.netMinor', (r) => void (r.zReports[0] && ((r.zReports[0].figures.figures as { netMinor: number }).netMinor += 100))],
    ];
    for (const [field, edit] of edits) {
      const records = recordsFor(reg.db, entries);
      edit(records);
      const answer = await rig.signed(hqPaths.upload, { registerId: 'C1-R2', entries, records }, { registerId: 'C1-R2', secret });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'hq.record_mismatch', params: { field } } });
    }
    const withoutMovements = { ...recordsFor(reg.db, entries), cashMovements: [] };
    const missing = await rig.signed(hqPaths.upload, { registerId: 'C1-R2', entries, records: withoutMovements }, { registerId: 'C1-R2', secret });
    const firstMove = entries.find((e) => e.kind === 'cash.moved')?.seq;
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'hq.record_missing', params: { seq: firstMove, field: 'cashMovement' } } });

    const raised = await alerts('C1-R2');
    expect(raised.map((a) => [a.kind, a.params.field])).toEqual([...edits.map(([f]) => ['upload_tampered', f]), ['upload_tampered', 'cashMovement']]);
    expect(raised[0]?.evidence).toMatchObject({ kind: 'paid_in', amountMinor: 2001 });
    expect(await hqRows('C1-R2')).toEqual({ shifts: [], closes: [], counts: [], movements: [], zs: [] });

    // The register's own upload, untouched, is taken whole.
    await reg.sync.runOnce();
    expect(await hqRows('C1-R2')).toEqual(localRows(reg));
  });
});
