// How big each bench section runs. `RINGUP_BENCH_SMOKE=1` runs every section at a toy size: the
// smoke test (test/integration/bench-smoke.test.ts) uses it to prove that each section still runs
// and still reports its keys, so a change to the register cannot break the bench unnoticed (three
// sections once failed for weeks after sales began to need an open shift). Smoke figures mean
// nothing and are never published.
export const SMOKE = process.env.RINGUP_BENCH_SMOKE === '1';

/** `full` in a real run, `smoke` in a smoke run. */
export function size(full: number, smoke: number): number {
  return SMOKE ? smoke : full;
}
