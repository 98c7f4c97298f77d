// Money arrives as integer minor units and leaves as text. The decimal string is built from
// integers and handed to Intl as a string, so no float ever touches an amount.

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency (2 for CNY, 0 for JPY), as Intl knows them. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** `1234` with 2 digits → `"12.34"`; exact for any safe integer. */
export function minorToDecimal(minor: number, digits: number): `${number}` {
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, text.length - digits);
  const fraction = digits === 0 ? '' : `.${text.slice(text.length - digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}` as `${number}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * narrowSymbol: an English screen of a Chinese store says "¥12.50", as its receipts do, not
 * "CN¥12.50" (the cashier and the customer both know which yuan).
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    moneyFormats.set(key, format);
  }
  return format.format(minorToDecimal(minor, currencyDigits(currency)));
}

/** The sign an amount field is labelled with, as the amounts beside it are written: "¥", never "CNY". */
export function currencySymbol(currency: string, locale: string): string {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}

/** Quantities are thousandths: 1500 → "1.5". */
export function formatQty(qtyMilli: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(minorToDecimal(qtyMilli, 3));
}

/** A weight in grams (a weighed line's thousandths of a kilogram), to the gram: 452 → "0.452 kg". */
export function formatWeight(grams: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilogram', minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(
    minorToDecimal(grams, 3),
  );
}

/** Basis points as a percentage: 1300 → "13%". */
export function formatRate(rateBp: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(minorToDecimal(rateBp, 4));
}
