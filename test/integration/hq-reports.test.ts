// HQ's figures: per shop and per register, day and month figures are sums of the registers' Zs,
// and the consistency check recomputes each Z from the uploaded documents and names differences.
// The registers close their days with the real day close; the faulty Z of the last test is
// journalled by hand, as a register with a bug in its Z would chain it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SumFigure, ZDifference } from '../../hq/reports/reports';
import { CASHIER_PIN, makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { startHqRig, type HqRig } from '../support/hq-rig';
import { faultyZ } from '../support/faulty-z';

let rig: HqRig;
const registers: TestRegister[] = [];
const owners = new Map<TestRegister, number>();
beforeAll(async () => {
  rig = await startHqRig();
}, 60_000);
afterAll(async () => {
  for (const r of registers) r.cleanup();
  await rig?.close();
});

async function enrolled(id: string, shopId: string, localId: string): Promise<TestRegister> {
  const reg = makeRegister({ sync: { auto: false } });
  registers.push(reg);
  const staff = await withStaff(reg, { registerId: localId });
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  await rig.enrol(reg, id, shopId);
  owners.set(reg, staff.ownerId);
  await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
  return reg;
}

async function sell(reg: TestRegister, codes: string[]): Promise<void> {
  for (const code of codes) {
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code });
    const view = await reg.must('sale.get', { saleId: sale.id });
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: view.totals.totalMinor, idempotencyKey: randomUUID().replaceAll('-', '') });
  }
}

/** The day close, by the owner: the cashier's live shift force-closed with a reason, then the Z. */
async function closeDay(reg: TestRegister): Promise<void> {
  await reg.must('session.login', { operatorId: owners.get(reg) ?? 0, pin: OWNER_PIN });
  const status = await reg.must('dayClose.status', {});
  await reg.must('dayClose.close', {
    businessDay: status.businessDay,
    forceClose: status.liveShifts.map((s) => ({ shiftId: s.shiftId, reason: 'end of the test day' })),
    idempotencyKey: randomUUID().replaceAll('-', ''),
  });
}

describe('HQ figures', () => {
  it('day and month figures per shop are the sums of the registers’ Zs, and every Z recomputes from its documents', async () => {
    const a = await enrolled('F1-R1', 'F1', 'T1');
    const b = await enrolled('F1-R2', 'F1', 'T2');
    const c = await enrolled('F2-R1', 'F2', 'T1');
    await sell(a, ['6901234567892', '6905678901236', '6907890123458']);
    await sell(b, ['6904567890125', '6904567890125']);
    await sell(c, ['6908901234569']);
    for (const r of [a, b, c]) {
      await closeDay(r);
      await r.sync.runOnce();
      expect(await r.must('sync.status', {})).toMatchObject({ pendingEntries: 0 });
    }
    const day = (a.db.prepare("SELECT business_day AS d FROM documents WHERE status = 'completed' LIMIT 1").get() as { d: string }).d;
    const net = (r: TestRegister) => (r.db.prepare("SELECT SUM(total_minor) AS s FROM documents WHERE status = 'completed'").get() as { s: number }).s;

    const days = await rig.admin<SumFigure[]>('GET', `/api/admin/reports/days?from=${day}&to=${day}`);
    expect(days.body).toEqual({
      ok: true,
      value: [
        { shopId: 'F1', period: day, registers: 2, zCount: 2, documentCount: 5, netMinor: net(a) + net(b), handoverMinor: 0, handoverUnrecorded: 0 },
        { shopId: 'F2', period: day, registers: 1, zCount: 1, documentCount: 1, netMinor: net(c), handoverMinor: 0, handoverUnrecorded: 0 },
      ],
    });
    const months = await rig.admin<SumFigure[]>('GET', `/api/admin/reports/months?from=${day.slice(0, 8)}01&to=${day.slice(0, 8)}31&shop=F1`);
    expect(months.body).toEqual({
      ok: true,
      value: [
        {
          shopId: 'F1',
          period: day.slice(0, 7),
          registers: 2,
          zCount: 2,
          documentCount: 5,
          netMinor: net(a) + net(b),
          handoverMinor: 0,
          handoverUnrecorded: 0,
        },
      ],
    });
    const zs = await rig.admin<{ registerId: string; netMinor: number }[]>('GET', `/api/admin/reports/zs?from=${day}&to=${day}&shop=F1`);
    expect(zs.body.ok && zs.body.value.map((z) => [z.registerId, z.netMinor])).toEqual([
      ['F1-R1', net(a)],
      ['F1-R2', net(b)],
    ]);
    const check = await rig.admin<{ zChecked: number; differences: ZDifference[] }>('GET', '/api/admin/consistency');
    expect(check.body).toEqual({ ok: true, value: { zChecked: 3, differences: [], uncovered: [] } });
    // The owner's overview checks the month it shows: a range holds only its own days' Zs.
    const ofDay = await rig.admin<{ zChecked: number }>('GET', `/api/admin/consistency?from=${day}&to=${day}`);
    expect(ofDay.body).toEqual({ ok: true, value: { zChecked: 3, differences: [], uncovered: [] } });
    const before = await rig.admin<{ zChecked: number }>('GET', '/api/admin/consistency?from=2000-01-01&to=2000-01-31');
    expect(before.body).toEqual({ ok: true, value: { zChecked: 0, differences: [], uncovered: [] } });
  });

  it('flags a Z that its uploaded documents do not add up to', async () => {
    const d = await enrolled('F3-R1', 'F3', 'T1');
    await sell(d, ['6901234567892', '6905678901236']);
    faultyZ(d, 100);
    await d.sync.runOnce();
    const check = await rig.admin<{ zChecked: number; differences: ZDifference[] }>('GET', '/api/admin/consistency');
    const net = (d.db.prepare("SELECT SUM(total_minor) AS s FROM documents WHERE status = 'completed'").get() as { s: number }).s;
    expect(check.body.ok && check.body.value.differences).toEqual([
      { registerId: 'F3-R1', zNo: 1, businessDay: expect.any(String) as string, field: 'netMinor', z: net + 100, documents: net },
    ]);
  });
});
