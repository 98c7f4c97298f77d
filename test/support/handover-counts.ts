// Shift handovers for the fraud suites: a close counting one amount, the next open counting another.
import type { DenominationCountView } from '../../preload/contract/shift-views';
import { key, type Shop } from './day-close-shop';

/** A count of `minor` (at least ¥10.00, in whole fen of ten) in the fixture's notes and coins: ¥10.00 notes, ¥1.00 and ¥0.10 coins. */
export function countOf(minor: number): DenominationCountView[] {
  const notes = Math.floor((minor - 1_000) / 1_000);
  const rest = minor - 1_000 - notes * 1_000;
  return [
    { denominationMinor: 1000, count: notes },
    { denominationMinor: 100, count: 10 + Math.floor(rest / 100) },
    { denominationMinor: 10, count: (rest % 100) / 10 },
  ];
}

/** `closer` counts `closing` and closes the live shift; `opener` opens the next counting `opening`. Returns the new shift's id. */
export async function handOver(s: Shop, closer: 'cashier' | 'supervisor', closing: number, opener: 'cashier' | 'supervisor', opening: number): Promise<number> {
  await s.as(closer);
  await s.closeShift(countOf(closing));
  await s.as(opener);
  return (await s.reg.must('shift.open', { float: { kind: 'counted', counts: countOf(opening) }, idempotencyKey: key() })).id;
}
