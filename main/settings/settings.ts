import type { z } from 'zod';
import type { settingsPatch } from '../../preload/contract/settings';
import type { StoreSettings } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { machineTimeZone } from '../business-day/business-day';
import { checkSettings, logoRef } from './settings-checks';

// The store's zone defaults to the machine's, which is what business days used before it was a setting.
export const defaultSettings: StoreSettings = {
  storeName: 'Ringup',
  storeAddress: '',
  storeTaxId: '',
  storeLocale: 'zh-CN',
  receiptLocale: null,
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
  cashDenominationsMinor: [],
  badgeOnlyForCashiers: false,
  storePhone: '',
  receiptHeader: '',
  receiptLogoPng: '',
  supervisorDiscountLimitBp: 10_000,
  theme: 'light',
  fontSize: 'normal',
  screenBrightness: 100,
  soundOnScan: true,
  soundOnError: true,
  updateFeedUrl: '',
  // A ledger from before the wizard has been set up already; a new owner starts it (first-run.ts).
  setupWizardDone: true,
  // A common 13-digit counter-scale layout: prefix + item (5) + value (5) + check digit, price in
  // fen under 20 and weight in grams under 21. A code the catalog knows is never read as a label.
  scaleLabelLayouts: [
    { prefix: '20', kind: 'price', valueDigits: 5, valueCheckDigit: false },
    { prefix: '21', kind: 'weight', valueDigits: 5, valueCheckDigit: false },
  ],
  // Cancelling a whole cart is no more than removing its lines one by one, which a cashier may do
  // (journalled): a store that wants a supervisor for it says so.
  cancelSaleNeedsSupervisor: false,
};

function readSettings(db: Db): StoreSettings {
  const rows = sql(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value);
  const merged: Record<string, unknown> = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings)) if (key in stored) merged[key] = stored[key];
  return Object.freeze(merged) as unknown as StoreSettings;
}

// The router hands every call the store settings; reading and parsing them per call was a
// measurable share of a cart edit. The cache holds what was committed: it is filled only outside
// a transaction (one that rolls back must not leave its values behind), dropped whenever
// updateSettings runs, and checked against PRAGMA data_version, which moves when another
// connection commits to the file.
const cache = new WeakMap<Db, { settings: StoreSettings; dataVersion: unknown }>();

/** The store settings (frozen: a caller that wants to change them goes through updateSettings). */
export function getSettings(db: Db): StoreSettings {
  if (db.inTransaction) return readSettings(db);
  const dataVersion = sql(db, 'PRAGMA data_version').pluck().get();
  const hit = cache.get(db);
  if (hit && hit.dataVersion === dataVersion) return hit.settings;
  const settings = readSettings(db);
  cache.set(db, { settings, dataVersion });
  return settings;
}

/** Writes the changed keys and journals old → new in the same transaction. Values the schema cannot judge are checked here. */
export function updateSettings(db: Db, patch: z.output<typeof settingsPatch>, operatorId: number | null): StoreSettings {
  checkSettings(patch);
  cache.delete(db);
  try {
    return writeSettings(db, patch, operatorId);
  } finally {
    cache.delete(db);
  }
}

function writeSettings(db: Db, patch: z.output<typeof settingsPatch>, operatorId: number | null): StoreSettings {
  return db.transaction(() => {
    const before = getSettings(db);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const upsert = sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const old = (before as unknown as Record<string, unknown>)[key];
      if (JSON.stringify(old) === JSON.stringify(value)) continue;
      upsert.run(key, JSON.stringify(value));
      // The logo is journalled by its hash: a 48 KB image in every audit entry would drown the journal.
      changes[key] = key === 'receiptLogoPng' ? { from: logoRef(old), to: logoRef(value) } : { from: old, to: value };
    }
    if (Object.keys(changes).length > 0) appendJournal(db, 'settings.changed', { operatorId, changes });
    return getSettings(db);
  })();
}
