// Scale labels: EAN-13 codes in GS1's in-store range (prefix 20–29) that carry an item code and
// a weight or a price instead of naming one product. Pure: the counter hands it the scanned text
// and the store's layouts, and looks the item up itself.
//
// The check digits are GS1's (General Specifications, 7.9.1 and 7.9.3): the EAN-13 check digit
// over the first twelve digits, and for layouts that have one, a check digit over the value
// alone, computed with the "2-", "3", "5+" and "5-" weighting factors so that a misprinted or
// misread price or weight is refused even when the EAN check digit happens to hold.
import type { ScaleLabelLayout } from '../../preload/contract/scale-label';

export type { ScaleLabelLayout };

export interface ScaleLabel {
  prefix: string;
  /** The item digits as printed (leading zeros kept). */
  itemCode: string;
  kind: 'weight' | 'price';
  /** Grams for a weight label, minor units for a price label. */
  value: number;
  /**
   * The label with its value (and value check digit) zeroed and the EAN check digit recomputed:
   * the code a product carries in the catalog to be found by its scale labels.
   */
  baseCode: string;
}

export type ScaleLabelResult =
  | { ok: true; label: ScaleLabel }
  | { ok: false; code: 'catalog.scale_label_check_digit' | 'catalog.scale_label_value_check_digit' }
  /** Not a scale label under these layouts: an ordinary code. */
  | null;

/** GS1 mod-10 check digit of a digit string: weights 3, 1, 3, ... from the right. */
export function gs1CheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

// The weighting factors' products, digit by digit (GS1 7.9.3): "2-" multiplies by 2 and takes
// the units digit minus the tens digit; "3" the units digit of ×3; "5+" and "5-" the units digit
// of ×5 plus or minus its tens digit.
const TWO_MINUS = [0, 2, 4, 6, 8, 9, 1, 3, 5, 7];
const THREE = [0, 3, 6, 9, 2, 5, 8, 1, 4, 7];
const FIVE_PLUS = [0, 5, 1, 6, 2, 7, 3, 8, 4, 9];
const FIVE_MINUS = [0, 5, 9, 4, 8, 3, 7, 2, 6, 1];

/** The check digit over a 4- or 5-digit price or weight field. */
export function valueCheckDigit(value: string): number {
  const d = [...value].map((c) => c.charCodeAt(0) - 48);
  if (d.length === 4) {
    const sum = TWO_MINUS[d[0]!]! + TWO_MINUS[d[1]!]! + THREE[d[2]!]! + FIVE_MINUS[d[3]!]!;
    return (sum * 3) % 10;
  }
  if (d.length === 5) {
    const sum = FIVE_PLUS[d[0]!]! + TWO_MINUS[d[1]!]! + FIVE_MINUS[d[2]!]! + FIVE_PLUS[d[3]!]! + TWO_MINUS[d[4]!]!;
    // The check digit is the digit whose "5-" product is 10 minus the sum's units digit.
    return FIVE_MINUS.indexOf((10 - (sum % 10)) % 10);
  }
  throw new Error(`a value check digit covers 4 or 5 digits, not ${value.length}`);
}

/** How many item digits a layout leaves: 13 minus prefix, value, its check digit and the EAN check digit. */
export function itemDigits(layout: ScaleLabelLayout): number {
  return 10 - layout.valueDigits - (layout.valueCheckDigit ? 1 : 0);
}

/** Reads `code` as a scale label if one of `layouts` claims its prefix. */
export function parseScaleLabel(code: string, layouts: readonly ScaleLabelLayout[]): ScaleLabelResult {
  if (!/^2\d{12}$/.test(code)) return null;
  const layout = layouts.find((l) => l.prefix === code.slice(0, 2));
  if (!layout) return null;
  if (gs1CheckDigit(code.slice(0, 12)) !== Number(code[12])) return { ok: false, code: 'catalog.scale_label_check_digit' };
  const itemEnd = 2 + itemDigits(layout);
  const valueStart = itemEnd + (layout.valueCheckDigit ? 1 : 0);
  const value = code.slice(valueStart, 12);
  if (layout.valueCheckDigit && valueCheckDigit(value) !== Number(code[itemEnd])) return { ok: false, code: 'catalog.scale_label_value_check_digit' };
  const base = code.slice(0, itemEnd) + '0'.repeat(12 - itemEnd);
  return {
    ok: true,
    label: { prefix: layout.prefix, itemCode: code.slice(2, itemEnd), kind: layout.kind, value: Number(value), baseCode: base + String(gs1CheckDigit(base)) },
  };
}

/** Prints a label as a scale would: for tests and for showing the owner what a layout reads. */
export function makeScaleLabel(layout: ScaleLabelLayout, itemCode: string, value: number): string {
  const item = itemCode.padStart(itemDigits(layout), '0');
  const digits = String(value).padStart(layout.valueDigits, '0');
  if (item.length !== itemDigits(layout) || digits.length !== layout.valueDigits) throw new Error('item code or value does not fit the layout');
  const body = layout.prefix + item + (layout.valueCheckDigit ? String(valueCheckDigit(digits)) : '') + digits;
  return body + String(gs1CheckDigit(body));
}
