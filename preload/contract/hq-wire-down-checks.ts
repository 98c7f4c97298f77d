// What a register can and cannot apply of a version HQ sends down, checked by the same rules at
// both ends: HQ refuses such a version at publish time, naming the item and its field, and a
// register that still gets one (from an older HQ) applies the rest and says what it skipped.
import type { z } from 'zod';
import type { catalogBody } from './hq-wire-down';
import { settingsPatch } from './settings';

/** One thing of a version a register would not apply: where it is in the body and why. */
export interface DownSkip {
  /** The body's path, e.g. `body.products.16.taxRateBp` or `body.settings.timeZone`. */
  field: string;
  /** The product's SKU or the setting's key. */
  item: string;
  why: 'unknown_tax_rate' | 'no_name' | 'invalid_setting';
}

/** Products a register would skip: a tax rate it does not know (HQ: not in the version's taxRates) or no name at all. */
export function catalogSkips(body: z.output<typeof catalogBody>, knownRates: ReadonlySet<number>): DownSkip[] {
  const skips: DownSkip[] = [];
  body.products.forEach((p, i) => {
    if (!knownRates.has(p.taxRateBp)) skips.push({ field: `body.products.${i}.taxRateBp`, item: p.sku, why: 'unknown_tax_rate' });
    else if (p.nameZh === null && p.nameEn === null) skips.push({ field: `body.products.${i}.nameZh`, item: p.sku, why: 'no_name' });
  });
  return skips;
}

/** Settings a register's own checks refuse (an unknown time zone, …): each key on its own. */
export function settingsSkips(settings: Record<string, unknown>): DownSkip[] {
  return Object.entries(settings)
    .filter(([key, value]) => !settingsPatch.safeParse({ [key]: value }).success)
    .map(([key]) => ({ field: `body.settings.${key}`, item: key, why: 'invalid_setting' as const }));
}
