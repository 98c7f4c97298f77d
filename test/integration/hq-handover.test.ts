// The day's handover difference at HQ, against a real PostgreSQL (throwaway cluster) and real
// registers on real SQLite files: the Z's day.closed entry chains it, HQ stores it from the entry
// (a record that disagrees is refused), and HQ's day and month figures and the owner's overview
// sum it. A Z whose entry chains none (written before it did) is unknown at HQ, never 0, even
// when its unchained record carries a figure.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hqPaths, type OwnerOverview, type WireRecords } from '../../preload/contract/hq-wire';
import type { JournalEntry } from '../../main/ledger/journal';
import { recordsFor } from '../../main/sync/upload-records';
import type { SumFigure } from '../../hq/reports/reports';
import { CASHIER_PIN, makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { startHqRig, type HqRig } from '../support/hq-rig';
import { faultyZ } from '../support/faulty-z';

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

/** The fixture float with one more ¥10 note and `jiao` 1-jiao coins: ¥520.00 + jiao × ¥0.10. */
const floatWith = (jiao: number) => [
  { denominationMinor: 10000, count: 2 },
  { denominationMinor: 5000, count: 4 },
  { denominationMinor: 1000, count: 11 },
  { denominationMinor: 100, count: 10 },
  { denominationMinor: 10, count: jiao },
];

async function enrolled(id: string, shopId: string): Promise<{ reg: TestRegister; staff: Awaited<ReturnType<typeof withStaff>> }> {
  const reg = makeRegister({ sync: { auto: false } });
  registers.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  await rig.enrol(reg, id, shopId);
  await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
  return { reg, staff };
}

async function cashSale(reg: TestRegister, priceMinor: number): Promise<void> {
  const sale = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: sale.id, name: '商品 Item', qtyMilli: 1000, unitPriceMinor: priceMinor });
  await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: priceMinor, idempotencyKey: key() });
}

function journal(reg: TestRegister): JournalEntry[] {
  return reg.db.prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain ORDER BY seq').all() as JournalEntry[];
}

const businessDay = (reg: TestRegister) => (reg.db.prepare('SELECT business_day AS d FROM z_reports ORDER BY z_no LIMIT 1').get() as { d: string }).d;

describe('the handover difference at HQ', () => {
  it('is stored from the chained Z, refused when its record disagrees, summed per day and month; an older Z is unknown', async () => {
    // H1-R1: the next shift opens ¥0.10 short of the last close.
    const { reg, staff } = await enrolled('H1-R1', 'H1');
    await cashSale(reg, 1010);
    const shift = (await reg.must('shift.current', {})).shift?.id ?? 0;
    await reg.must('shift.count', { shiftId: shift, counts: floatWith(1), idempotencyKey: key() });
    await reg.must('shift.close', { shiftId: shift, idempotencyKey: key() });
    await reg.must('shift.open', { float: { kind: 'counted', counts: floatWith(0) }, idempotencyKey: key() });
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const status = await reg.must('dayClose.status', {});
    await reg.must('dayClose.close', {
      businessDay: status.businessDay,
      forceClose: status.liveShifts.map((s) => ({ shiftId: s.shiftId, reason: 'closing time' })),
      idempotencyKey: key(),
    });

    // A Z record claiming another handover than its entry chains is refused.
    const entries = journal(reg);
    const records: WireRecords = recordsFor(reg.db, entries);
    const z = records.zReports[0];
    if (z) (z.figures as { handoverMinor: number }).handoverMinor = 0;
    const refused = await rig.signed(hqPaths.upload, { registerId: 'H1-R1', entries, records }, { registerId: 'H1-R1', secret: await rig.secretOf('H1-R1') });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'hq.record_mismatch', params: { field: 'zReport.figures.handoverMinor' } } });

    await reg.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ pendingEntries: 0 });

    // H1-R2: a Z chained the old way (no handover), whose record carries a figure all the same.
    const old = await enrolled('H1-R2', 'H1');
    await cashSale(old.reg, 2000);
    faultyZ(old.reg, 0);
    const oldEntries = journal(old.reg);
    const oldRecords = recordsFor(old.reg.db, oldEntries);
    const oldZ = oldRecords.zReports[0];
    if (oldZ) (oldZ.figures as { handoverMinor: number }).handoverMinor = 500;
    const taken = await rig.signed(
      hqPaths.upload,
      { registerId: 'H1-R2', entries: oldEntries, records: oldRecords },
      { registerId: 'H1-R2', secret: await rig.secretOf('H1-R2') },
    );
    expect(taken.status).toBe(200);

    const stored = await rig.hq.pool.query<{ register_id: string; handover_minor: number | null }>(
      "SELECT register_id, handover_minor FROM z_reports WHERE register_id LIKE 'H1-%' ORDER BY register_id",
    );
    expect(stored.rows).toEqual([
      { register_id: 'H1-R1', handover_minor: -10 },
      { register_id: 'H1-R2', handover_minor: null },
    ]);

    const day = businessDay(reg);
    expect(businessDay(old.reg)).toBe(day);
    const days = await rig.admin<SumFigure[]>('GET', `/api/admin/reports/days?from=${day}&to=${day}&shop=H1`);
    expect(days.body).toMatchObject({ ok: true, value: [{ shopId: 'H1', zCount: 2, handoverMinor: -10, handoverUnrecorded: 1 }] });
    const zs = await rig.admin<{ registerId: string; handoverMinor: number | null }[]>('GET', `/api/admin/reports/zs?from=${day}&to=${day}&shop=H1`);
    expect(zs.body.ok && zs.body.value.map((r) => [r.registerId, r.handoverMinor])).toEqual([
      ['H1-R1', -10],
      ['H1-R2', null],
    ]);

    // The owner's overview through the register: per shop and per register, day and month.
    const view: OwnerOverview = await reg.must('sync.hqOverview', { day });
    const shop = view.shops.find((s) => s.shopId === 'H1');
    expect([shop?.day, shop?.month].map((f) => [f?.handoverMinor, f?.handoverUnrecorded])).toEqual([
      [-10, 1],
      [-10, 1],
    ]);
    expect(shop?.registers.map((r) => [r.registerId, r.day.handoverMinor, r.day.handoverUnrecorded, r.month.handoverMinor])).toEqual([
      ['H1-R1', -10, 0, -10],
      ['H1-R2', null, 1, null],
    ]);
  });
});
