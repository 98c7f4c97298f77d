/** Percentile of a list of durations (ms), nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function fmt(n: number, digits = 3): string {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}

/** A figure for the JSON result: finite, rounded to a sensible precision. */
export function figure(n: number, digits = 3): number {
  if (!Number.isFinite(n)) throw new Error(`bench figure is not a number: ${n}`);
  const scale = 10 ** digits;
  return Math.round(n * scale) / scale;
}
