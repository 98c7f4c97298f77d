export function formatTime(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(epochMs));
}

export function formatDateTime(epochMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(epochMs));
}

/** A moment main sends as ISO text (the build date), as the UI writes moments; text it cannot read, as it came. */
export function formatIsoDateTime(iso: string, locale: string): string {
  const epochMs = Date.parse(iso);
  return Number.isNaN(epochMs) ? iso : formatDateTime(epochMs, locale);
}

/**
 * A document's business day and when it was completed: the time alone when that was on the same
 * calendar day, which is nearly always (2026-11-30 and 02:56 rather than the date twice); the
 * calendar date before the time when it was not (a sale after midnight, before the day was
 * closed). In parts, so a narrow list can set each on a line of its own and never break one.
 */
export function dayAndMoment(businessDay: string, epochMs: number, locale: string): { day: string; date: string | null; time: string } {
  const at = new Date(epochMs);
  const calendarDay = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  const date = calendarDay === businessDay ? null : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at);
  return { day: businessDay, date, time: formatTime(epochMs, locale) };
}
