// Integers back into the decimal text that files carry (the inverse of parse-decimal.ts), without floats.

/** 1250 → "12.50"; two decimals always, as a price list shows them. */
export function formatMinorDecimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 1300 → "13", 650 → "6.5", 625 → "6.25": a rate as a percentage, without trailing zeros. */
export function formatPercentBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = bp % 100;
  if (frac === 0) return String(whole);
  return `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}
