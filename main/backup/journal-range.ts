// Which journal entries belong to a range of business days. An entry's day is the business day of
// its time, by the store's rule; the range is contiguous in seq (fromSeq..toSeq), from the first
// entry of the first day to the last entry of the last day, so a chain check over it is one walk.
import type { Db } from '../ledger/db';
import { businessDayOf, type BusinessDayRule } from '../business-day/business-day';

export interface SeqRange {
  fromSeq: number;
  /** fromSeq - 1 when the days have no entry. */
  toSeq: number;
}

// The day only changes on a whole minute (today's zone offsets are whole quarter hours and the
// rollover is HH:MM), so one formatting per minute serves every entry in it.
const MINUTE = 60_000;

export function dayFinder(rule: BusinessDayRule): (at: number) => string {
  const cache = new Map<number, string>();
  return (at) => {
    const key = Math.floor(at / MINUTE);
    let day = cache.get(key);
    if (day === undefined) {
      day = businessDayOf(key * MINUTE, rule);
      cache.set(key, day);
    }
    return day;
  };
}

export function journalRange(db: Db, from: string, to: string, rule: BusinessDayRule): SeqRange {
  const dayOf = dayFinder(rule);
  let first: number | null = null;
  let last: number | null = null;
  let before = 0;
  for (const row of db.prepare('SELECT seq, at FROM journal ORDER BY seq').raw().iterate() as IterableIterator<[number, number]>) {
    const [seq, at] = row;
    const day = dayOf(at);
    if (day < from) before = seq;
    else if (day <= to) {
      first ??= seq;
      last = seq;
    }
  }
  if (first === null || last === null) return { fromSeq: before + 1, toSeq: before };
  return { fromSeq: first, toSeq: last };
}

/** The business day of entry `seq`, or null if there is none. */
export function dayOfEntry(db: Db, seq: number, rule: BusinessDayRule): string | null {
  const row = db.prepare('SELECT at FROM journal WHERE seq = ?').get(seq) as { at: number } | undefined;
  return row ? businessDayOf(row.at, rule) : null;
}
