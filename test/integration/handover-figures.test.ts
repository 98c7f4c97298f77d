// The day's handover difference (cash missing or found between a close and the next open) leaves
// the day with its Z: in the day.closed entry, the Z list, the month and year summaries and the
// sales report. A Z taken before handovers were compared recorded none: those read it as unknown,
// never as an even 0.
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../main/ledger/journal-payloads';
import { key, openShop, shanghai, type Shop } from '../support/day-close-shop';
import { FIXTURE_FLOAT } from '../support/register-fixture';

const shops: Shop[] = [];
afterEach(() => {
  for (const s of shops.splice(0)) s.reg.cleanup();
});

/** The fixture float with one more ¥10 note and `jiao` 1-jiao coins: ¥520.00 + jiao × ¥0.10. */
const floatWith = (jiao: number) => [
  { denominationMinor: 10000, count: 2 },
  { denominationMinor: 5000, count: 4 },
  { denominationMinor: 1000, count: 11 },
  { denominationMinor: 100, count: 10 },
  { denominationMinor: 10, count: jiao },
];

/** A day whose second shift opens ¥0.10 short of the first's close; closed with its Z. */
async function dayWithShortHandover(s: Shop): Promise<number> {
  await s.cashSale([1010]);
  await s.closeShift(floatWith(1));
  await s.reg.must('shift.open', { float: { kind: 'counted', counts: floatWith(0) }, idempotencyKey: key() });
  await s.closeShift(floatWith(0));
  await s.as('owner');
  return (await s.z()).zNo;
}

/** As a ledger written before handovers were compared holds it: the Z's handover rollup is not there. */
function withoutHandoverRollup(s: Shop, zNo: number): void {
  const db = s.reg.db;
  db.exec('DROP TRIGGER day_rollups_no_delete');
  db.prepare("DELETE FROM day_rollups WHERE dimension = 'cash' AND key = 'handover' AND z_id = (SELECT id FROM z_reports WHERE z_no = ?)").run(zNo);
  db.exec("CREATE TRIGGER day_rollups_no_delete BEFORE DELETE ON day_rollups BEGIN SELECT RAISE(ABORT, 'rollups are immutable'); END;");
}

function dayClosedEntries(s: Shop): JournalEvent<'day.closed'>['data'][] {
  return (s.reg.db.prepare("SELECT payload FROM journal WHERE kind = 'day.closed' ORDER BY seq").all() as { payload: string }[]).map(
    (r) => (JSON.parse(r.payload) as JournalEvent<'day.closed'>).data,
  );
}

describe('the handover difference beyond the day', () => {
  it('is chained in day.closed, listed per Z and summed by month and year; a Z from before handovers says unknown', async () => {
    const s = await openShop(shanghai('2026-03-10'));
    shops.push(s);
    const first = await dayWithShortHandover(s);
    expect(dayClosedEntries(s).map((d) => [d.zNo, d.overShortMinor, d.handoverMinor])).toEqual([[first, 0, -10]]);

    // The next day: one shift, nothing to compare; then its Z is made to look like one from before handovers.
    s.clock.now = shanghai('2026-03-11');
    await s.as('cashier');
    await s.openShift();
    await s.cashSale([500]);
    await s.closeShift([...FIXTURE_FLOAT, { denominationMinor: 500, count: 1 }]);
    await s.as('owner');
    const second = (await s.z()).zNo;
    expect(dayClosedEntries(s).map((d) => d.handoverMinor)).toEqual([-10, 0]);
    withoutHandoverRollup(s, second);

    // The Z list: the first day's ¥0.10 short, the second day unknown (not even).
    const list = await s.reg.must('zReport.list', {});
    expect(list.map((z) => [z.zNo, z.overShortMinor, z.handoverMinor])).toEqual([
      [second, 0, null],
      [first, 0, -10],
    ]);

    // The month and the year: the known day's handover, and how many days recorded none.
    for (const [from, to] of [
      ['2026-03-01', '2026-03-31'],
      ['2026-01-01', '2026-12-31'],
    ] as const) {
      expect(await s.reg.must('report.summary', { from, to })).toMatchObject({ days: 2, overShortMinor: 0, handoverMinor: -10, handoverUnrecordedDays: 1 });
    }
    // A range whose only day recorded none: unknown, not 0.
    expect(await s.reg.must('report.summary', { from: '2026-03-11', to: '2026-03-11' })).toMatchObject({
      days: 1,
      handoverMinor: null,
      handoverUnrecordedDays: 1,
    });

    // The sales report (报表), by month and by day.
    const byMonth = await s.reg.must('report.sales', { from: '2026-03-01', to: '2026-03-31', groupBy: 'month' });
    expect(byMonth).toMatchObject({ closedDays: 2, overShortMinor: 0, handoverMinor: -10, handoverUnrecordedDays: 1 });
    expect(byMonth.periods.map((p) => [p.key, p.handoverMinor])).toEqual([['2026-03', -10]]);
    const byDay = await s.reg.must('report.sales', { from: '2026-03-01', to: '2026-03-31', groupBy: 'day' });
    expect(byDay.periods.map((p) => [p.key, p.handoverMinor])).toEqual([
      ['2026-03-10', -10],
      ['2026-03-11', null],
    ]);
  });
});
