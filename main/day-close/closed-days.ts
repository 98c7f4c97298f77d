// The last business day a Z has closed on a register: the document core asks it which day a new
// document belongs to, the shift which day it opens in.
import type { StoreSettings } from '../../preload/contract/views';
import { businessDayOfNewDocument, businessDayRule } from '../business-day/business-day';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';

export function lastClosedDay(db: Db, registerId: string): string | null {
  // CAST(? AS TEXT), the same value and plan as a bare ?: with a bare one SQLite compiled this
  // statement again on every run (it marks the parameter as one whose value may change the plan),
  // and every completed document runs it.
  const row = sql(db, 'SELECT MAX(business_day) AS day FROM z_reports WHERE register_id = CAST(? AS TEXT)').get(registerId) as { day: string | null };
  return row.day;
}

/** "Today" for the register: the business day a document completed now would belong to. */
export function openBusinessDay(db: Db, settings: Pick<StoreSettings, 'registerId' | 'timeZone' | 'businessDayStartsAt'>, now: number): string {
  return businessDayOfNewDocument(now, businessDayRule(settings), lastClosedDay(db, settings.registerId));
}
