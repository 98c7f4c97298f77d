// Notes and coins the drawer is counted in, and what a count adds up to. Pure.
import type { DenominationCountView } from '../../preload/contract/shift-views';
import type { StoreSettings } from '../../preload/contract/views';
import { MAX_AMOUNT_MINOR } from '../../preload/contract/primitives';
import { ServiceError } from '../common/service-error';

// Minor units, largest first. CNY: 100, 50, 20, 10, 5, 1 yuan; 5 and 1 jiao.
const BY_CURRENCY: Record<string, readonly number[]> = {
  CNY: [10000, 5000, 2000, 1000, 500, 100, 50, 10],
  HKD: [100000, 50000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10],
  TWD: [100000, 50000, 20000, 10000, 5000, 1000, 500, 100],
  EUR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  USD: [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5, 1],
  GBP: [5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  JPY: [10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 1],
};

/** The store's own list when it set one, else its currency's usual notes and coins, largest first. */
export function denominationsFor(currency: string, configured: readonly number[]): number[] {
  const list = configured.length > 0 ? configured : (BY_CURRENCY[currency] ?? BY_CURRENCY.CNY ?? []);
  return [...new Set(list)].sort((a, b) => b - a);
}

/**
 * Checks a count against the store's denominations and adds it up. A denomination counted twice
 * is refused rather than summed: it is a slip of the hand, not two piles.
 */
export function countTotal(counts: readonly DenominationCountView[], allowed: readonly number[]): { counts: DenominationCountView[]; totalMinor: number } {
  const seen = new Set<number>();
  let total = 0;
  for (const c of counts) {
    if (!allowed.includes(c.denominationMinor) || seen.has(c.denominationMinor))
      throw new ServiceError('shift.unknown_denomination', { denominationMinor: c.denominationMinor });
    seen.add(c.denominationMinor);
    total += c.denominationMinor * c.count;
  }
  if (total > MAX_AMOUNT_MINOR) throw new ServiceError('shift.amount_too_large', { maxMinor: MAX_AMOUNT_MINOR });
  const sorted = [...counts].sort((a, b) => b.denominationMinor - a.denominationMinor).map((c) => ({ denominationMinor: c.denominationMinor, count: c.count }));
  return { counts: sorted, totalMinor: total };
}

/** The notes and coins this store counts its drawer in. */
export function storeDenominations(settings: StoreSettings): number[] {
  return denominationsFor(settings.currency, settings.cashDenominationsMinor);
}
