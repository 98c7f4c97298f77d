// The X report: the Z's figures so far, of the open business day or of the live shift, read-only.
import type { XReportView } from '../../preload/contract/day-close-views';
import { ServiceError } from '../common/service-error';
import { sql } from '../ledger/statements';
import { liveShift, type ShiftRow } from '../shift/shift-rows';
import { openBusinessDay } from './closed-days';
import { correctionsInProgress } from './corrections-in-progress';
import { dayToClose, maxSeq, type DayCloseContext } from './day-close-status';
import { readFigures, shiftCash } from './report-query';
import { lastZ } from './z-store';

/** The X report: the same figures as a Z, of the open business day or of the live shift, changing nothing. */
export function xReport(ctx: DayCloseContext, scope: 'shift' | 'day'): XReportView {
  const { db, settings, now } = ctx;
  const registerId = settings.registerId;
  const prev = lastZ(db, registerId);
  const grand = sql(db, 'SELECT grand_total_minor AS g FROM register_counters WHERE register_id = ?').get(registerId) as { g: number } | undefined;
  if (scope === 'shift') {
    const live = liveShift(db, registerId);
    if (!live) throw new ServiceError('shift.not_open', { state: 'none' });
    const figures = readFigures(db, { kind: 'shift', shiftId: live.id }, { fromAt: live.opened_at, toAt: null }, [live.id], settings.timeZone);
    return {
      scope,
      registerId,
      businessDay: live.business_day,
      shiftId: live.id,
      at: now,
      figures,
      shifts: [shiftCash(db, live)],
      grandTotalMinor: grand?.g ?? 0,
      correctionsInProgress: correctionsInProgress(db, registerId),
    };
  }
  const day = dayToClose(db, settings, now) ?? openBusinessDay(db, settings, now);
  const shifts = sql(
    db,
    'SELECT * FROM shifts WHERE register_id = ? AND business_day > ? AND business_day <= ? AND id NOT IN (SELECT shift_id FROM z_shifts) ORDER BY id',
  ).all(registerId, prev?.business_day ?? '', day) as ShiftRow[];
  const figures = readFigures(
    db,
    { kind: 'day', registerId, businessDay: day },
    { afterSeq: prev?.last_journal_seq ?? 0, uptoSeq: maxSeq(db) },
    shifts.map((s) => s.id),
    settings.timeZone,
  );
  return {
    scope,
    registerId,
    businessDay: day,
    shiftId: null,
    at: now,
    figures,
    shifts: shifts.map((s) => shiftCash(db, s)),
    grandTotalMinor: grand?.g ?? 0,
    correctionsInProgress: correctionsInProgress(db, registerId),
  };
}
