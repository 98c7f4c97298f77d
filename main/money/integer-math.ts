// Integer money arithmetic. Amounts are minor units, quantities thousandths, rates basis
// points; every division rounds half-up (away from zero for the non-negative values used here).
// BigInt inside keeps a*b exact even where it passes 2^53.

/** round_half_up(a * b / c) for non-negative integers. */
export function mulDivHalfUp(a: number, b: number, c: number): number {
  assertInt(a);
  assertInt(b);
  assertInt(c);
  if (c <= 0) throw new RangeError('divisor must be positive');
  if (a < 0 || b < 0) throw new RangeError('mulDivHalfUp takes non-negative values');
  const product = BigInt(a) * BigInt(b);
  const divisor = BigInt(c);
  const result = (product * 2n + divisor) / (divisor * 2n);
  return toSafe(result);
}

/** Rounds an amount to the nearest multiple of step, halves up (cash rounding, e.g. step 10 = 0.10). */
export function roundToStep(amount: number, step: number): number {
  assertInt(amount);
  if (step <= 1) return amount;
  const r = amount % step;
  return r * 2 >= step ? amount - r + step : amount - r;
}

/**
 * Splits `total` over `weights` in proportion, largest remainder first, so the parts are
 * integers that add up to exactly `total` (an order discount spread over the lines).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertInt(total);
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const parts = exact.map((e) => toSafe(e / BigInt(sum)));
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, i) => ({ i, rem: e % BigInt(sum) })).sort((x, y) => (x.rem === y.rem ? x.i - y.i : x.rem > y.rem ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

function assertInt(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
}

function toSafe(n: bigint): number {
  const v = Number(n);
  if (!Number.isSafeInteger(v)) throw new RangeError('amount out of range');
  return v;
}
