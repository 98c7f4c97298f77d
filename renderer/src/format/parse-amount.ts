// What the cashier keys ("12.5", "100") becomes integer units without passing through a float.

/**
 * Full-width digits, point and minus (what a Chinese IME types in full-width mode) as their
 * ASCII forms: "１２．５" is the same number as "12.5" and is read as one.
 */
export function toAsciiNumber(text: string): string {
  return text.replace(/[０-９．－−]/g, (c) => (c === '．' ? '.' : c === '－' || c === '−' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * Parses a plain decimal ("12", "12.5", ".5") into an integer with `digits` decimals, or null
 * when the text is not a number, has more decimals than allowed, or is beyond safe integers.
 */
export function parseDecimal(text: string, digits: number): number | null {
  const match = /^(\d*)(?:\.(\d*))?$/.exec(toAsciiNumber(text).trim());
  if (!match) return null;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (whole === '' && fraction === '') return null;
  if (fraction.length > digits) return null;
  const value = Number(`${whole || '0'}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(value) ? value : null;
}

export const parseMinor = (text: string, digits: number): number | null => parseDecimal(text, digits);
export const parseQtyMilli = (text: string): number | null => parseDecimal(text, 3);
