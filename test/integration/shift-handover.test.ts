// The handover between two shifts on a real ledger: the float the next cashier counts is set
// against what the last close counted that business day. A difference is journalled, answered to
// whoever opened, and shown on the X and the Z (screen and paper); it is never folded into either
// shift's own over/short. The Z list keeps "not counted" apart from "even".
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPrinterProfile, profileColumns, renderReceiptText } from '../../main/hardware/printer';
import { zReportPaper } from '../../main/day-close/report-paper';
import { getSettings } from '../../main/settings/settings';
import { key, openShop, SHANGHAI, shanghai, type Shop } from '../support/day-close-shop';
import { FIXTURE_FLOAT, FIXTURE_FLOAT_MINOR } from '../support/register-fixture';
import { printedColumns } from '../support/printer-columns';

const shops: Shop[] = [];
afterEach(() => {
  for (const s of shops.splice(0)) s.reg.cleanup();
});

async function shop(): Promise<Shop> {
  const s = await openShop(shanghai('2026-03-10'));
  shops.push(s);
  return s;
}

/** The fixture float with one more ¥10 note and `jiao` 1-jiao coins: ¥520.00 + jiao × ¥0.10. */
const floatWith = (jiao: number) => [
  { denominationMinor: 10000, count: 2 },
  { denominationMinor: 5000, count: 4 },
  { denominationMinor: 1000, count: 11 },
  { denominationMinor: 100, count: 10 },
  { denominationMinor: 10, count: jiao },
];

function handoverEntries(s: Shop): unknown[] {
  return (s.reg.db.prepare("SELECT payload FROM journal WHERE kind = 'shift.handover_differed' ORDER BY seq").all() as { payload: string }[]).map(
    (r) => (JSON.parse(r.payload) as { data: unknown }).data,
  );
}

describe('the handover between two shifts', () => {
  it('journals a float counted short of the last close, tells whoever opened, and puts it on the X and the Z', async () => {
    const s = await shop();
    const first = (await s.reg.must('shift.current', {})).shift?.id ?? 0;
    await s.cashSale([1010]);
    // Counted even: ¥510.00 + ¥10.10.
    await s.closeShift(floatWith(1));
    expect((await s.reg.must('shift.current', {})).carryOver).toEqual({ shiftId: first, amountMinor: 52_010 });

    // The next cashier counts ¥520.00: ¥0.10 went between the close and the open.
    const next = await s.reg.must('shift.open', { float: { kind: 'counted', counts: floatWith(0) }, idempotencyKey: key() });
    const handover = { previousShiftId: first, previousCountedMinor: 52_010, floatMinor: 52_000, differenceMinor: -10 };
    expect(next.handover).toEqual(handover);
    expect((await s.reg.must('shift.current', {})).shift?.handover).toEqual(handover);
    expect(handoverEntries(s)).toEqual([{ shiftId: next.id, registerId: 'R1', operatorId: s.staff.cashierId, ...handover }]);

    // The second shift's own count is even: the ¥0.10 is not its over/short, and not lost either.
    await s.as('supervisor');
    const x = await s.reg.must('report.x', { scope: 'day' });
    expect(x.shifts.map((c) => c.handover ?? null)).toEqual([null, handover]);
    await s.as('cashier');
    await s.closeShift(floatWith(0));
    await s.as('owner');
    const z = await s.z();
    expect(z.shifts.map((c) => [c.differenceMinor, c.handover?.differenceMinor ?? null])).toEqual([
      [0, null],
      [0, -10],
    ]);
    expect(z).toMatchObject({ overShortMinor: 0, handoverMinor: -10 });
    expect(await s.reg.must('zReport.get', { zNo: z.zNo })).toMatchObject({ handoverMinor: -10, shifts: [{ handover: null }, { handover }] });

    for (const paper of ['58mm', '80mm'] as const) {
      const lines = renderReceiptText(zReportPaper(z, getSettings(s.reg.db), SHANGHAI, null), { ...defaultPrinterProfile, paper }).split('\n');
      expect(lines.find((l) => l.includes(`交接差额（对班次 #${first}）`))).toContain('-￥0.10');
      expect(lines.find((l) => l.includes('班次交接差额合计'))).toContain('-￥0.10');
      expect(lines.find((l) => l.includes('现金长短款合计'))).toContain('￥0.00');
      for (const line of lines) expect(printedColumns(line), line).toBeLessThanOrEqual(profileColumns({ ...defaultPrinterProfile, paper }));
    }
  });

  it('finds nothing to report when the float is carried over or counted equal', async () => {
    const s = await shop();
    await s.closeShift();
    const carried = await s.reg.must('shift.open', { float: { kind: 'carried' }, idempotencyKey: key() });
    expect(carried.handover).toMatchObject({ floatMinor: FIXTURE_FLOAT_MINOR, differenceMinor: 0 });
    await s.closeShift();
    const counted = await s.reg.must('shift.open', { float: { kind: 'counted', counts: FIXTURE_FLOAT }, idempotencyKey: key() });
    expect(counted.handover).toMatchObject({ differenceMinor: 0 });
    expect(handoverEntries(s)).toEqual([]);
    await s.closeShift();
    await s.as('owner');
    const z = await s.z();
    expect(z.handoverMinor).toBe(0);
    const lines = renderReceiptText(zReportPaper(z, getSettings(s.reg.db), SHANGHAI, null), { ...defaultPrinterProfile, paper: '80mm' });
    expect(lines).not.toContain('交接差额');
  });

  it('does not compare across a Z (the takings are banked with no shift to book it) nor with a close never counted', async () => {
    const s = await shop();
    await s.closeShift();
    await s.as('owner');
    await s.z();
    s.clock.now = shanghai('2026-03-11');
    const nextDay = await s.reg.must('shift.open', { float: { kind: 'counted', counts: floatWith(3) }, idempotencyKey: key() });
    expect(nextDay.handover).toBeNull();
    // Force-closed by the Z without a count: there is no count to hand over.
    await s.as('owner');
    await s.z({ forceClose: [{ shiftId: nextDay.id, reason: '收银员已下班' }] });
    s.clock.now = shanghai('2026-03-12');
    await s.as('cashier');
    const after = await s.reg.must('shift.open', { float: { kind: 'counted', counts: floatWith(0) }, idempotencyKey: key() });
    expect(after.handover).toBeNull();
    expect(handoverEntries(s)).toEqual([]);
  });
});

describe('the Z list', () => {
  it('says not counted for a day whose cash nobody counted, and the over/short of a counted one, even or not', async () => {
    const s = await shop();
    await s.cashSale([2000]);
    const shiftId = (await s.reg.must('shift.current', {})).shift?.id ?? 0;
    await s.as('owner');
    await s.z({ forceClose: [{ shiftId, reason: '收银员已下班' }] });
    s.clock.now = shanghai('2026-03-11');
    await s.as('cashier');
    await s.openShift();
    await s.closeShift();
    await s.as('owner');
    await s.z();
    s.clock.now = shanghai('2026-03-12');
    await s.as('cashier');
    await s.openShift();
    await s.closeShift(floatWith(0));
    await s.as('owner');
    await s.z();
    const list = await s.reg.must('zReport.list', {});
    expect(list.map((z) => [z.zNo, z.overShortMinor])).toEqual([
      [3, 1000],
      [2, 0],
      [1, null],
    ]);
  });
});
