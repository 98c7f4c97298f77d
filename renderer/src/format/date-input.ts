// A date (or a date and time) typed into a text field, read the same whatever the browser's own
// language: year-month-day, as the app writes days everywhere (2026-11-30). A Chinese keyboard's
// full-width digits and 年月日 are read too. Pure, so a unit test can pin every refusal.

export type DateProblem = 'empty' | 'format' | 'impossibleDate' | 'impossibleTime';
export type DateReading = { ok: true; value: string } | { ok: false; problem: DateProblem };

const DATE = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{4})(\d{2})(\d{2})`;
const TIME = String.raw`(?:\s*[T\s]\s*(\d{1,2})\s*[:时]\s*(\d{1,2})\s*分?)?`;

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `withTime`: the value is `YYYY-MM-DDTHH:MM` (what `new Date()` reads as local time), and a day
 * without a time means its start (00:00). Otherwise `YYYY-MM-DD`.
 */
export function readDate(text: string, withTime = false): DateReading {
  const typed = text.normalize('NFKC').trim();
  if (typed === '') return { ok: false, problem: 'empty' };
  const match = new RegExp(`^(?:${DATE})${withTime ? TIME : ''}$`).exec(typed);
  if (!match) return { ok: false, problem: 'format' };
  const [year, month, day] = (match[1] !== undefined ? [match[1], match[2], match[3]] : [match[4], match[5], match[6]]).map(Number) as [number, number, number];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return { ok: false, problem: 'impossibleDate' };
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!withTime) return { ok: true, value: date };
  const hour = Number(match[7] ?? 0);
  const minute = Number(match[8] ?? 0);
  if (hour > 23 || minute > 59) return { ok: false, problem: 'impossibleTime' };
  return { ok: true, value: `${date}T${pad(hour)}:${pad(minute)}` };
}

/** A time of day typed alone, on the 24-hour clock: `HH:MM` (9:5 and 9时5分 too). */
export function readTime(text: string): DateReading {
  const typed = text.normalize('NFKC').trim();
  if (typed === '') return { ok: false, problem: 'empty' };
  const match = /^(\d{1,2})\s*[:时]\s*(\d{1,2})\s*分?$/.exec(typed);
  if (!match) return { ok: false, problem: 'format' };
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return { ok: false, problem: 'impossibleTime' };
  return { ok: true, value: `${pad(hour)}:${pad(minute)}` };
}

/** A value as the field shows it: 2026-11-30, or 2026-11-30 09:30. */
export function dateText(value: string): string {
  return value.replace('T', ' ');
}
