import type { z } from 'zod';
import type { settingsPatch } from '../../preload/contract/settings';
import type { StoreSettings } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { machineTimeZone } from '../business-day/business-day';

// The store's zone defaults to the machine's, which is what business days used before it was a setting.
export const defaultSettings: StoreSettings = {
  storeName: 'Ringup',
  storeAddress: '',
  storeTaxId: '',
  storeLocale: 'zh-CN',
  currency: 'CNY',
  pricesIncludeTax: true,
  cashRoundingStepMinor: 0,
  cashierDiscountLimitBp: 1000,
  receiptFooter: '',
  registerId: 'R1',
  drawerOnCash: true,
  timeZone: machineTimeZone(),
  businessDayStartsAt: '00:00',
  noReceiptRefundDayLimitMinor: 100_000,
  noReceiptRefundOperatorLimitMinor: 50_000,
  badgeOnlyForCashiers: false,
};

export function getSettings(db: Db): StoreSettings {
  const rows = sql(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value);
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings)) if (key in stored) merged[key] = stored[key];
  return merged as unknown as StoreSettings;
}

/** Writes the changed keys and journals old → new in the same transaction. */
export function updateSettings(db: Db, patch: z.output<typeof settingsPatch>, operatorId: number | null): StoreSettings {
  return db.transaction(() => {
    const before = getSettings(db);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const upsert = sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const old = (before as unknown as Record<string, unknown>)[key];
      if (JSON.stringify(old) === JSON.stringify(value)) continue;
      upsert.run(key, JSON.stringify(value));
      changes[key] = { from: old, to: value };
    }
    if (Object.keys(changes).length > 0) appendJournal(db, 'settings.changed', { operatorId, changes });
    return getSettings(db);
  })();
}
