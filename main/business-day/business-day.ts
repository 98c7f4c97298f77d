// The business day a document belongs to. A shop's day is not the calendar day: a bar's sales
// after midnight belong to the evening they started in, so the day rolls over at a store setting
// (`businessDayStartsAt`, e.g. "04:00") in the store's own time zone (`timeZone`), not the
// machine's. Pure: the day close, reports and backups all ask this one function.
import type { StoreSettings } from '../../preload/contract/views';

export interface BusinessDayRule {
  /** IANA zone the store's clock runs in. */
  timeZone: string;
  /** Minutes after local midnight at which a new business day begins (0 = midnight). */
  startsAtMinutes: number;
}

/** "HH:MM" → minutes after midnight; the contract has already checked the form. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function businessDayRule(settings: Pick<StoreSettings, 'timeZone' | 'businessDayStartsAt'>): BusinessDayRule {
  return { timeZone: settings.timeZone, startsAtMinutes: minutesOf(settings.businessDayStartsAt) };
}

// Building an Intl.DateTimeFormat costs far more than using one; a till uses one zone.
const formats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA formats a date as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * YYYY-MM-DD of the business day that `at` (epoch ms) falls in: the instant moved back by the
 * rollover, read as a local date. On the one night a year the clocks change between midnight and
 * the rollover, the rollover moves by the change for that night (China keeps no DST).
 */
export function businessDayOf(at: number, rule: BusinessDayRule): string {
  // Every sale asks, and formatting a date in a zone is the dear part. The rollover is whole
  // minutes and so is every zone's offset since 1972, so within one minute the answer cannot change.
  const minute = Math.floor((at - rule.startsAtMinutes * 60_000) / 60_000);
  if (last.minute === minute && last.timeZone === rule.timeZone && last.startsAtMinutes === rule.startsAtMinutes) return last.day;
  const day = dayFormat(rule.timeZone).format(new Date(at - rule.startsAtMinutes * 60_000));
  last = { minute, timeZone: rule.timeZone, startsAtMinutes: rule.startsAtMinutes, day };
  return day;
}

let last = { minute: Number.NaN, timeZone: '', startsAtMinutes: 0, day: '' };

/** The zone the machine runs in, the default for a store that has not set its own. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The calendar day after `day` (YYYY-MM-DD), by date arithmetic, not by adding 24 hours. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
}

/**
 * The business day a document completed at `at` belongs to: the one its moment falls in, unless
 * that day has already been closed by a Z (`lastClosedDay`). Then the register moves on to the day
 * after the last closed one instead of refusing to sell: a Z is final, nothing joins its day.
 * Nor does a new document go back behind the latest day already booked (`latestDay`, the latest
 * document's or shift's): a clock set back at a restart (a flat CMOS battery, a wrong time server)
 * would otherwise book today's sales to a day that is over, after the ones that came before them,
 * and its Z would come before theirs. The self-check says the clock is wrong; selling goes on.
 * The one function that says which day a new document belongs to.
 */
export function businessDayOfNewDocument(at: number, rule: BusinessDayRule, lastClosedDay: string | null, latestDay: string | null = null): string {
  const ofMoment = businessDayOf(at, rule);
  const day = latestDay !== null && ofMoment < latestDay ? latestDay : ofMoment;
  return lastClosedDay !== null && day <= lastClosedDay ? nextDay(lastClosedDay) : day;
}

// A zone's offset changes only on a quarter hour of UTC (whole, half and three-quarter hour
// zones alike), so the local hour of every instant in one UTC quarter hour is the same: one Intl
// call per quarter hour instead of one per document.
const QUARTER_HOUR = 15 * 60_000;
const hourCaches = new Map<string, Map<number, number>>();
const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The store-local hour (0-23) of `at`: the hour a sale counts in on the X and Z. */
export function localHourOf(at: number, timeZone: string): number {
  let cache = hourCaches.get(timeZone);
  if (!cache) {
    cache = new Map();
    hourCaches.set(timeZone, cache);
  }
  const bucket = Math.floor(at / QUARTER_HOUR);
  let hour = cache.get(bucket);
  if (hour === undefined) {
    let format = hourFormats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
      hourFormats.set(timeZone, format);
    }
    hour = Number(format.format(new Date(bucket * QUARTER_HOUR))) % 24;
    if (cache.size > 20_000) cache.clear();
    cache.set(bucket, hour);
  }
  return hour;
}
