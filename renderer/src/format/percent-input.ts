// A percentage as keyed in a field that already shows "%": "10", "12.5", and "150%" too (the sign
// typed out of habit is not a mistake). Basis points allow two decimals: "13.333" is refused for its
// decimals, not as "outside 0 to 100", which it is not.
import { readAmount } from './amount-input';
import { toAsciiNumber } from './parse-amount';

export type PercentProblem = 'notNumber' | 'negative' | 'tooManyDecimals' | 'overHundred';

export type PercentReading = { ok: true; rateBp: number } | { ok: false; problem: PercentProblem | 'empty' };

/** The text without one trailing percent sign (half- or full-width), as the field's suffix says. */
export function withoutPercentSign(text: string): string {
  return toAsciiNumber(text)
    .trim()
    .replace(/\s*[%％]$/, '');
}

/** Reads a percentage of 0 to 100 with at most two decimals as basis points. */
export function readPercent(text: string): PercentReading {
  const reading = readAmount(withoutPercentSign(text), 2);
  if (!reading.ok) {
    if (reading.problem === 'empty') return { ok: false, problem: 'empty' };
    if (reading.problem === 'tooManyDecimals' || reading.problem === 'negative') return { ok: false, problem: reading.problem };
    // Too large for a safe integer is over 100 as well.
    return { ok: false, problem: reading.problem === 'tooLarge' ? 'overHundred' : 'notNumber' };
  }
  return reading.value > 10_000 ? { ok: false, problem: 'overHundred' } : { ok: true, rateBp: reading.value };
}

/** What to say while a percentage is being typed: nothing for an empty field, a lone "." or a valid one. */
export function typedPercentProblem(text: string): PercentProblem | null {
  const plain = withoutPercentSign(text);
  if (plain === '.' || plain === '') return null;
  if (plain === '-') return 'negative';
  const reading = readPercent(plain);
  return reading.ok || reading.problem === 'empty' ? null : reading.problem;
}

/** The ui.json key of a percentage problem's sentence. */
export function percentProblemKey(problem: PercentProblem): string {
  return {
    notNumber: 'input.notNumber',
    negative: 'input.negative',
    tooManyDecimals: 'input.percentDecimals',
    overHundred: 'input.percentOverHundred',
  }[problem];
}
