// What the cashier keyed in a number field, checked as it stands: the field never rewrites it, so
// "-5" or "abc" is refused with a reason instead of being quietly read as 5 or as nothing.
import { parseDecimal, toAsciiNumber } from './parse-amount';

/** Why a keyed number cannot be used; each has its sentence in ui.json under `input.*`. */
export type AmountProblem = 'notNumber' | 'negative' | 'tooManyDecimals' | 'notWhole' | 'tooLarge';

/** What a field holds, so that "too many decimals" can say which rule it broke. */
export type AmountKind = 'price' | 'qty' | 'amount' | 'count';

export type AmountReading = { ok: true; value: number } | { ok: false; problem: AmountProblem | 'empty' };

const DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/**
 * The problem of text that is no plain non-negative decimal, whatever its decimals; null for
 * one (or for an empty field).
 */
function shapeProblem(plain: string): AmountProblem | 'empty' | null {
  if (plain === '') return 'empty';
  const m = DECIMAL.exec(plain);
  if (m && (m[1] !== '' || (m[2] ?? '') !== '')) return null;
  return /^-\s*(?:\d+\.?\d*|\.\d+)$/.test(plain) ? 'negative' : 'notNumber';
}

/**
 * Reads keyed text as a non-negative integer with `digits` decimals (a price with the currency's
 * digits, a quantity with three, a count of pieces with none).
 */
export function readAmount(text: string, digits: number): AmountReading {
  const plain = toAsciiNumber(text).trim();
  const shape = shapeProblem(plain);
  if (shape) return { ok: false, problem: shape };
  const fraction = DECIMAL.exec(plain)?.[2] ?? '';
  if (fraction.length > digits) return { ok: false, problem: digits === 0 ? 'notWhole' : 'tooManyDecimals' };
  const value = parseDecimal(plain, digits);
  return value === null ? { ok: false, problem: 'tooLarge' } : { ok: true, value };
}

/**
 * What to say about keyed text while it is being typed: nothing for an empty field or a valid
 * number (nor for a lone "." on the way to one), otherwise the problem. With `digits` null only
 * the sign and the characters are checked (the field's form knows its decimals).
 */
export function typedProblem(text: string, digits: number | null): AmountProblem | null {
  const plain = toAsciiNumber(text).trim();
  if (plain === '.') return null;
  if (plain === '-') return 'negative';
  const shape = shapeProblem(plain);
  if (shape === 'empty') return null;
  if (shape || digits === null) return shape;
  const reading = readAmount(plain, digits);
  return reading.ok || reading.problem === 'empty' ? null : reading.problem;
}

/** The ui.json key of a problem's sentence for a field of this kind. */
export function amountProblemKey(problem: AmountProblem, kind: AmountKind, digits: number | null): string {
  if (problem === 'tooManyDecimals' || problem === 'notWhole') {
    if (kind === 'count' || digits === 0) return 'input.wholeNumber';
    return kind === 'qty' ? 'input.qtyDecimals' : kind === 'price' ? 'input.priceDecimals' : 'input.amountDecimals';
  }
  return problem === 'negative' ? 'input.negative' : problem === 'tooLarge' ? 'input.tooLarge' : 'input.notNumber';
}

/**
 * The ui.json key saying why a price as typed cannot be used: what to fix ("价格最多两位小数。")
 * where there is something to say, the general "enter a valid price" for an empty field.
 */
export function priceRefusalKey(text: string, digits: number): string {
  const reading = readAmount(text, digits);
  if (reading.ok || reading.problem === 'empty') return 'dialog.invalidPrice';
  return amountProblemKey(reading.problem, 'price', digits);
}
