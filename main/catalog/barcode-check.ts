// The check digit of a product barcode typed into the catalog. An EAN-8, UPC-A or EAN-13 (8, 12
// or 13 digits) ends in GS1's mod-10 check digit; a code whose last digit is wrong was mistyped
// (or misprinted) and would never match what a scanner reads off the pack. Codes of other
// lengths, or with letters, are the store's own and are not judged. Pure.
import { gs1CheckDigit } from './weighed-barcode';

/** The check digit a UPC-E code (8 digits, number system 0 or 1) should end in: that of its UPC-A expansion. */
function upcECheckDigit(code: string): number {
  const [ns, a, b, c, d, e, f] = [...code.slice(0, 7)];
  const last = Number(f);
  const expanded =
    last <= 2
      ? `${ns}${a}${b}${f}0000${c}${d}${e}`
      : last === 3
        ? `${ns}${a}${b}${c}00000${d}${e}`
        : last === 4
          ? `${ns}${a}${b}${c}${d}00000${e}`
          : `${ns}${a}${b}${c}${d}${e}0000${f}`;
  return gs1CheckDigit(expanded);
}

/**
 * The digit `code` should end in when it is an EAN-8, UPC-A or EAN-13 with a wrong check digit;
 * null when it is right, or when the code is not of those shapes. An 8-digit code starting with
 * 0 or 1 may also be a UPC-E (whose check digit is its UPC-A expansion's) and is accepted as either.
 */
export function wrongCheckDigit(code: string): number | null {
  if (!/^(\d{8}|\d{12}|\d{13})$/.test(code)) return null;
  const expected = gs1CheckDigit(code.slice(0, -1));
  const given = Number(code.at(-1));
  if (given === expected) return null;
  if (code.length === 8 && (code[0] === '0' || code[0] === '1') && upcECheckDigit(code) === given) return null;
  return expected;
}
