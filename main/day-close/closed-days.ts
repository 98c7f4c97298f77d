// The last business day a Z has closed on a register: the document core asks it which day a new
// document belongs to, the shift which day it opens in.
import type { StoreSettings } from '../../preload/contract/views';
import { businessDayOfNewDocument, businessDayRule, type BusinessDayRule } from '../business-day/business-day';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';

export function lastClosedDay(db: Db, registerId: string): string | null {
  // CAST(? AS TEXT), the same value and plan as a bare ?: with a bare one SQLite compiled this
  // statement again on every run (it marks the parameter as one whose value may change the plan),
  // and every completed document runs it.
  const row = sql(db, 'SELECT MAX(business_day) AS day FROM z_reports WHERE register_id = CAST(? AS TEXT)').get(registerId) as { day: string | null };
  return row.day;
}

/**
 * The latest business day already booked on a register: its latest completed document's or
 * shift's. A new document never goes back behind it, whatever the clock says.
 */
export function latestBookedDay(db: Db, registerId: string): string | null {
  // Read backwards down the index on business_day: one row on a register's own ledger. Without
  // the index named, SQLite walks every document of the register (by register_id) and sorts them.
  const document = sql(
    db,
    'SELECT business_day FROM documents INDEXED BY documents_day WHERE register_id = CAST(? AS TEXT) AND business_day IS NOT NULL ORDER BY business_day DESC LIMIT 1',
  )
    .pluck()
    .get(registerId) as string | undefined;
  const shift = sql(db, 'SELECT MAX(business_day) FROM shifts WHERE register_id = CAST(? AS TEXT)').pluck().get(registerId) as string | null;
  const days = [document ?? null, shift].filter((d): d is string => d !== null).sort();
  return days.at(-1) ?? null;
}

/** The business day a document completed (or a shift opened) at `now` belongs to on this register. */
export function newDocumentDay(db: Db, registerId: string, rule: BusinessDayRule, now: number): string {
  return businessDayOfNewDocument(now, rule, lastClosedDay(db, registerId), latestBookedDay(db, registerId));
}

/** "Today" for the register: the business day a document completed now would belong to. */
export function openBusinessDay(db: Db, settings: Pick<StoreSettings, 'registerId' | 'timeZone' | 'businessDayStartsAt'>, now: number): string {
  return newDocumentDay(db, settings.registerId, businessDayRule(settings), now);
}
