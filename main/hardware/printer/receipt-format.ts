// Number and date formatting for paper. Amounts stay integers until the last step: the
// decimal string handed to Intl is built from integer digits, so no float ever rounds a fen.
import type { Locale } from '../../../preload/contract/primitives';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: Locale, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    // narrowSymbol: an English receipt of a Chinese store says "¥12.50", not "CN¥12.50".
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    moneyFormats.set(key, f);
  }
  return f;
}

/** Minor units → decimal string with the currency's digits, e.g. (-1250, 2) → "-12.50". */
export function minorToDecimal(amountMinor: number, digits: number): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`amountMinor must be a safe integer: ${amountMinor}`);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + abs;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

export function formatMoney(amountMinor: number, currency: string, locale: Locale): string {
  const f = moneyFormat(locale, currency);
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  // Intl.NumberFormat.format accepts a decimal string and formats it exactly.
  return f.format(minorToDecimal(amountMinor, digits) as unknown as number);
}

/** Thousandths → shortest exact decimal: 1000 → "1", 1500 → "1.5", 250 → "0.25". */
export function formatQty(qtyMilli: number): string {
  return minorToDecimal(qtyMilli, 3).replace(/\.?0+$/, '');
}

/** Basis points → percent: 1300 → "13%", 650 → "6.5%". */
export function formatRateBp(rateBp: number): string {
  return `${minorToDecimal(rateBp, 2).replace(/\.?0+$/, '')}%`;
}

/**
 * "YYYY-MM-DD HH:mm:ss" in the given time zone. Built from parts rather than a locale
 * pattern so receipts (and golden files) do not change with the ICU version, and the same
 * unambiguous form reads right in both receipt languages.
 */
export function formatDateTime(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}
