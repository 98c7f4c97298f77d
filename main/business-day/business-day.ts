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
