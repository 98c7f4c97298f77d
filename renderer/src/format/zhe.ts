// 打折 the Chinese way: "9折" means the customer pays 90%, i.e. 10% off; "8.5折" pays 85%; "95折"
// (two digits, as price tags write it) pays 95%. The ledger keeps every percentage discount as
// the share taken off, in basis points; these turn one form into the other.
import { minorToDecimal } from './money';
import { parseDecimal } from './parse-amount';

/**
 * What a cashier keys before 折 → basis points off, or null when it is no discount. One digit
 * (with decimals: 8.5, 8.75) is tenths of the price; two whole digits (95, 88) are hundredths.
 * "10" is refused: read as 1折 it would take 90% off, and as "no discount" it is nothing to apply.
 */
export function zheToRateBp(text: string): number | null {
  const hundredths = parseDecimal(text, 2);
  if (hundredths === null || hundredths <= 0) return null;
  const twoDigits = /^\s*[1-9]\d\s*$/.test(text);
  let paysBp: number;
  if (hundredths < 1000) paysBp = hundredths * 10;
  else if (twoDigits && hundredths !== 1000) paysBp = hundredths;
  else return null;
  const offBp = 10_000 - paysBp;
  return offBp > 0 && offBp < 10_000 ? offBp : null;
}

/** Basis points off → the 折 figure the customer knows (1000 → "9", 1500 → "8.5", 500 → "9.5"); null outside 0–100%. */
export function rateBpToZhe(rateBp: number): string | null {
  if (!Number.isInteger(rateBp) || rateBp <= 0 || rateBp >= 10_000) return null;
  // Pays (10000 − rateBp) basis points; in 折 that is thousandths of the price: three decimals at most.
  return minorToDecimal(10_000 - rateBp, 3).replace(/\.?0+$/, '');
}
