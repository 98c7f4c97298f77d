// Where the day close stands and whether a Z may be taken now: the day the next Z closes, the
// shifts still open, card payments not resolved, a sale half paid. Read by the status screen,
// and checked again inside the Z's transaction.
import type { DayCloseStatusView } from '../../preload/contract/day-close-views';
import type { StoreSettings } from '../../preload/contract/views';
import { businessDayOf, businessDayRule } from '../business-day/business-day';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { openDocumentWithMoney } from '../documents/open-with-money';
import { openIntents } from '../card/card-intents';
import { liveShift } from '../shift/shift-rows';
import { lastClosedDay, openBusinessDay } from './closed-days';
import { shiftCash } from './report-query';
import { lastZ } from './z-store';

export interface DayCloseContext {
  db: Db;
  now: number;
  settings: StoreSettings;
  actor: { id: number };
}

/** The journal's last seq: what a report covers up to. */
export function maxSeq(db: Db): number {
  return (sql(db, 'SELECT COALESCE(MAX(seq), 0) AS seq FROM journal').get() as { seq: number }).seq;
}

/**
 * The business day the next Z closes: the earliest one after the last Z that has documents or
 * shifts; with none, today (unless today is closed already: then there is nothing to close).
 */
export function dayToClose(db: Db, settings: StoreSettings, now: number): string | null {
  const registerId = settings.registerId;
  const closed = lastClosedDay(db, registerId) ?? '';
  const doc = sql(
    db,
    // Without the index named, SQLite walks every document of the register (by register_id) to find the first day.
    "SELECT MIN(business_day) AS day FROM documents INDEXED BY documents_day WHERE register_id = ? AND status = 'completed' AND training = 0 AND business_day > ?",
  ).get(registerId, closed) as { day: string | null };
  const shift = sql(
    db,
    'SELECT MIN(business_day) AS day FROM shifts WHERE register_id = ? AND business_day > ? AND id NOT IN (SELECT shift_id FROM z_shifts)',
  ).get(registerId, closed) as { day: string | null };
  const candidates = [doc.day, shift.day].filter((d): d is string => d !== null).sort();
  if (candidates[0]) return candidates[0];
  const today = businessDayOf(now, businessDayRule(settings));
  return today > closed ? today : null;
}

function unresolvedCardPayments(db: Db): number {
  return openIntents(db).length;
}

export function dayCloseStatus(ctx: DayCloseContext, terminalConfigured: boolean): DayCloseStatusView {
  const { db, settings, now } = ctx;
  const registerId = settings.registerId;
  const toClose = dayToClose(db, settings, now);
  const day = toClose ?? openBusinessDay(db, settings, now);
  const prev = lastZ(db, registerId);
  const live = liveShift(db, registerId);
  const paying = openDocumentWithMoney(db, registerId);
  const documents = sql(db, "SELECT COUNT(*) AS n FROM documents WHERE register_id = ? AND business_day = ? AND status = 'completed' AND training = 0").get(
    registerId,
    day,
  ) as {
    n: number;
  };
  return {
    registerId,
    businessDay: day,
    nextZNo: (prev?.z_no ?? 0) + 1,
    lastZ: prev ? { zNo: prev.z_no, businessDay: prev.business_day, closedAt: prev.closed_at } : null,
    documentCount: documents.n,
    liveShifts:
      live && live.business_day <= day
        ? [
            {
              shiftId: live.id,
              operatorName: shiftCash(db, live).operatorName,
              openedAt: live.opened_at,
              state: live.state === 'counting' ? 'counting' : 'open',
            },
          ]
        : [],
    terminalConfigured,
    unresolvedCardPayments: unresolvedCardPayments(db),
    saleInProgress: paying?.kind === 'sale',
    correctionInProgress: paying !== null && paying.kind !== 'sale',
    closable: toClose !== null,
  };
}

/** The checks of the Z, made before the terminal is asked and again inside the Z's transaction. */
export function checkCanClose(ctx: DayCloseContext, businessDay: string, forceClose: readonly { shiftId: number; reason: string }[]): void {
  const { db, settings, now } = ctx;
  const closed = lastClosedDay(db, settings.registerId);
  if (closed !== null && businessDay <= closed) throw new ServiceError('dayClose.already_closed', { businessDay });
  const day = dayToClose(db, settings, now);
  // Named by the day closed last: "today" is wrong once the business days ran ahead of the calendar.
  if (day === null) throw new ServiceError('dayClose.nothing_to_close', { businessDay: closed ?? '' });
  if (day !== businessDay) throw new ServiceError('dayClose.wrong_day', { businessDay: day });
  const unresolved = unresolvedCardPayments(db);
  if (unresolved > 0) throw new ServiceError('dayClose.card_unresolved', { count: unresolved });
  const paying = openDocumentWithMoney(db, settings.registerId);
  if (paying?.kind === 'sale') throw new ServiceError('dayClose.sale_in_progress');
  if (paying) throw new ServiceError('dayClose.correction_in_progress', { correctionId: paying.id });
  const live = liveShift(db, settings.registerId);
  if (live && live.business_day <= businessDay && !forceClose.some((f) => f.shiftId === live.id))
    throw new ServiceError('dayClose.shift_open', { shiftId: live.id });
}
