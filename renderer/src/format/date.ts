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
