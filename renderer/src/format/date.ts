// Every moment the screens show is written on the store's clock (settings' timeZone), the one its
// receipts, hour rollups and business days use, never the browser's or the machine's: a register
// in a UTC data centre, or a laptop on travel time, still says 16:13 when the paper says 16:13.
// So every function here takes the zone; `useFormat()` binds it to the session's.

// Building an Intl.DateTimeFormat costs far more than using one; a screen uses a handful.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

export function formatTime(epochMs: number, locale: string, timeZone: string): string {
  return formatOf(locale, timeZone, { hour: '2-digit', minute: '2-digit' }).format(epochMs);
}

export function formatDateTime(epochMs: number, locale: string, timeZone: string): string {
  return formatOf(locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/** A moment main sends as ISO text (the build date), as the UI writes moments; text it cannot read, as it came. */
export function formatIsoDateTime(iso: string, locale: string, timeZone: string): string {
  const epochMs = Date.parse(iso);
  return Number.isNaN(epochMs) ? iso : formatDateTime(epochMs, locale, timeZone);
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The store's wall clock at an instant: its date and time as a clock on the shop's wall shows them. */
function wallOf(epochMs: number, timeZone: string): Wall {
  const parts = formatOf('en-US', timeZone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of the store's calendar day at an instant (what "today" means in a date field). */
export function storeDay(epochMs: number, timeZone: string): string {
  const w = wallOf(epochMs, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** The store's calendar day `daysBack` days before the one at `epochMs`, by date arithmetic. */
export function storeDayBefore(epochMs: number, timeZone: string, daysBack: number): string {
  const w = wallOf(epochMs, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day - daysBack)).toISOString().slice(0, 10);
}

/**
 * The instant a store-clock `YYYY-MM-DDTHH:MM` (a date-and-time field's value) names, or null for
 * text that is not one. The zone's offset is read at the guess and once more at the answer, which
 * settles every zone and the days the clocks change (a wall time the change skips lands after it).
 */
export function storeWallToEpoch(wall: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(wall);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  const offsetAt = (epochMs: number) => {
    const w = wallOf(epochMs, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(epochMs / 60_000) * 60_000;
  };
  const first = asUtc - offsetAt(asUtc);
  return asUtc - offsetAt(first);
}

/** The store-clock `YYYY-MM-DDTHH:MM` of an instant: what a date-and-time field shows for it. */
export function epochToStoreWall(epochMs: number, timeZone: string): string {
  const w = wallOf(epochMs, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * A document's business day and when it was completed: the time alone when that was on the same
 * calendar day, which is nearly always (2026-11-30 and 02:56 rather than the date twice); the
 * calendar date before the time when it was not (a sale after midnight, before the day was
 * closed). In parts, so a narrow list can set each on a line of its own and never break one.
 */
export function dayAndMoment(businessDay: string, epochMs: number, locale: string, timeZone: string): { day: string; date: string | null; time: string } {
  const date = storeDay(epochMs, timeZone) === businessDay ? null : formatOf(locale, timeZone, { dateStyle: 'medium' }).format(epochMs);
  return { day: businessDay, date, time: formatTime(epochMs, locale, timeZone) };
}

/** The machine's zone: the clock to use only until the register has said which zone its store keeps. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * A moment as ISO 8601 on the store's clock with its UTC offset (2026-12-01T09:30:00.000+08:00):
 * what every screen shows, yet unambiguous for a tool reading a file (the journal CSV), even on the
 * day the clocks change, when one wall time happens twice.
 */
export function storeIso(epochMs: number, timeZone: string): string {
  const { year, month, day, hour, minute, second } = wallOf(epochMs, timeZone);
  const ms = ((epochMs % 1000) + 1000) % 1000;
  // The offset is the wall clock less the instant, both to the second (zones offset by whole minutes).
  const offsetMin = Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - (epochMs - ms)) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}.${String(ms).padStart(3, '0')}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
