// The handover rule against journal streams at the edge of its amount: the float counted at an open
// against the last close's count, judged from the journal alone (the recomputation the live watch
// is compared with). One fen short of the amount stays quiet; at it, short or over, one alert naming
// who closed (the shift.closed entry) and who opened (the handover entry).
import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAUD_THRESHOLDS } from '../../main/fraud/fraud-defaults';
import type { JournalKind, JournalPayloads } from '../../main/ledger/journal-payloads';
import type { ExpectedCashView } from '../../preload/contract/shift-views';
import { MIN, Stream, T0 } from '../support/journal-stream';

function add<K extends JournalKind>(s: Stream, kind: K, data: JournalPayloads[K], at: number): number {
  const seq = s.entries.length + 1;
  s.entries.push({ seq, at, kind, data });
  return seq;
}

const EXPECTED: ExpectedCashView = {
  floatMinor: 51_000,
  cashTakenMinor: 0,
  changeGivenMinor: 0,
  paidInMinor: 0,
  floatTopUpMinor: 0,
  paidOutMinor: 0,
  safeDropMinor: 0,
  cashRefundsMinor: 0,
  cashVoidsMinor: 0,
  expectedMinor: 51_000,
};

/** Shift `shiftId - 1` closed by `closer` counting ¥510.00; shift `shiftId` opened by `opener` counting ¥510.00 + `differenceMinor`. */
function handover(s: Stream, at: number, shiftId: number, differenceMinor: number, closer = 3, opener = 4): number {
  const closed = { shiftId: shiftId - 1, registerId: 'R1', operatorId: closer, countedMinor: 51_000, differenceMinor: 0, forced: false, reason: null };
  add(s, 'shift.closed', { ...closed, expected: EXPECTED }, at);
  const floatMinor = 51_000 + differenceMinor;
  return add(
    s,
    'shift.handover_differed',
    { shiftId, registerId: 'R1', operatorId: opener, previousShiftId: shiftId - 1, previousCountedMinor: 51_000, floatMinor, differenceMinor },
    at + MIN,
  );
}

describe('a handover difference (¥20.00 and more by default)', () => {
  it('stays quiet one fen short of the amount, and raises at it, short or over, naming who closed and who opened', () => {
    const s = new Stream();
    handover(s, T0, 2, -1_999);
    handover(s, T0 + 10 * MIN, 3, 1_999);
    expect(s.alerts()).toEqual([]);
    const short = handover(s, T0 + 20 * MIN, 4, -2_000, 5, 6);
    const over = handover(s, T0 + 30 * MIN, 5, 2_000);
    const alerts = s.alerts();
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toEqual({
      rule: 'handover_difference',
      scope: { kind: 'register', registerId: 'R1' },
      registerId: 'R1',
      operatorId: 6,
      businessDay: '2026-11-29',
      at: T0 + 21 * MIN,
      triggerSeq: short,
      documentIds: [],
      seqs: [short],
      params: {
        shiftId: 4,
        previousShiftId: 3,
        previousCountedMinor: 51_000,
        floatMinor: 49_000,
        differenceMinor: -2_000,
        minMinor: 2_000,
        openedByOperatorId: 6,
        closedByOperatorId: 5,
      },
    });
    expect(alerts[1]).toMatchObject({ triggerSeq: over, params: { differenceMinor: 2_000, closedByOperatorId: 3, openedByOperatorId: 4 } });
  });

  it('follows the owner’s amount as the journal set it, and is silent switched off', () => {
    const s = new Stream();
    s.settings({ ...DEFAULT_FRAUD_THRESHOLDS, handover_difference: { enabled: true, minMinor: 10 } }, T0);
    handover(s, T0, 2, -10);
    s.settings({ ...DEFAULT_FRAUD_THRESHOLDS, handover_difference: { enabled: false, minMinor: 10 } }, T0 + 5 * MIN);
    handover(s, T0 + 10 * MIN, 3, -50_000);
    expect(s.alerts().map((a) => a.params.differenceMinor)).toEqual([-10]);
  });
});
