// A handover alert travels to HQ the way every fraud alert does: as the register's own journal
// entries (shift.handover_differed, then fraud.alert_raised), uploaded in order and held byte for
// byte, against a real PostgreSQL (throwaway cluster) and a real register on a real SQLite file.
// HQ raises no alert of its own for them: its alerts are about the upload's integrity.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASHIER_PIN, makeRegister, FIXTURE_FLOAT, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { startHqRig, type HqRig } from '../support/hq-rig';
import { countOf } from '../support/handover-counts';

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

describe('a handover alert at HQ', () => {
  it('is uploaded with the handover entry it names, equal to the register’s, and HQ raises no alert of its own', async () => {
    const reg = makeRegister({ sync: { auto: false } });
    registers.push(reg);
    const staff = await withStaff(reg);
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await rig.enrol(reg, 'H1-R1', 'H1');
    // The cashier's shift closes counting ¥510.00; the owner opens counting ¥480.00.
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    const first = (await reg.must('shift.current', {})).shift?.id ?? 0;
    await reg.must('shift.count', { shiftId: first, counts: FIXTURE_FLOAT, idempotencyKey: key() });
    await reg.must('shift.close', { shiftId: first, idempotencyKey: key() });
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await reg.must('shift.open', { float: { kind: 'counted', counts: countOf(48_000) }, idempotencyKey: key() });
    await reg.sync.runOnce();

    const local = reg.db
      .prepare("SELECT seq, kind, payload FROM journal WHERE kind IN ('shift.handover_differed', 'fraud.alert_raised') ORDER BY seq")
      .all() as {
      seq: number;
      kind: string;
      payload: string;
    }[];
    expect(local.map((e) => e.kind)).toEqual(['shift.handover_differed', 'fraud.alert_raised']);
    const alert = JSON.parse(local[1]?.payload ?? '{}') as { data: { rule: string; seqs: number[]; params: Record<string, number> } };
    expect(alert.data).toMatchObject({
      rule: 'handover_difference',
      seqs: [local[0]?.seq],
      params: { differenceMinor: -3_000, closedByOperatorId: staff.cashierId, openedByOperatorId: staff.ownerId },
    });
    const held = await rig.hq.pool.query<{ seq: string; kind: string; payload: string }>(
      "SELECT seq, kind, payload FROM journal_entries WHERE register_id = $1 AND kind IN ('shift.handover_differed', 'fraud.alert_raised') ORDER BY seq",
      ['H1-R1'],
    );
    expect(held.rows.map((r) => ({ ...r, seq: Number(r.seq) }))).toEqual(local);
    expect(await reg.must('sync.status', {})).toMatchObject({ pendingEntries: 0, lastError: null });
    expect((await rig.hq.pool.query('SELECT kind FROM alerts WHERE register_id = $1', ['H1-R1'])).rows).toEqual([]);
  });
});
