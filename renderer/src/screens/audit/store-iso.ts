// A moment as ISO 8601 on the store's clock with its UTC offset (2026-12-01T09:30:00.000+08:00):
// what every screen shows (the store's time zone), yet unambiguous for a tool reading a file,
// even on the day the clocks change, when one wall time happens twice.

const formats = new Map<string, Intl.DateTimeFormat>();

function wallFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function storeIso(epochMs: number, timeZone: string): string {
  const parts = wallFormat(timeZone).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const [year, month, day, hour, minute, second] = [get('year'), get('month'), get('day'), get('hour') % 24, get('minute'), get('second')];
  const ms = ((epochMs % 1000) + 1000) % 1000;
  // The offset is the wall clock less the instant, both to the second (zones offset by whole minutes).
  const offsetMin = Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - (epochMs - ms)) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}.${pad(ms, 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
