import { z } from 'zod';
import { call } from './define';
import { amountMinor, locale, rateBp, timeOfDay, timeZone } from './primitives';
import type { JournalVerification, StoreSettings } from './views';

export const settingsPatch = z
  .object({
    storeName: z.string().trim().min(1).max(80),
    storeAddress: z.string().trim().max(200),
    storeTaxId: z.string().trim().max(40),
    storeLocale: locale,
    currency: z.string().regex(/^[A-Z]{3}$/),
    pricesIncludeTax: z.boolean(),
    cashRoundingStepMinor: z.number().int().min(0).max(100),
    cashierDiscountLimitBp: rateBp,
    receiptFooter: z.string().max(200),
    registerId: z.string().regex(/^[A-Za-z0-9-]{1,16}$/),
    drawerOnCash: z.boolean(),
    timeZone,
    businessDayStartsAt: timeOfDay,
    noReceiptRefundDayLimitMinor: amountMinor,
    noReceiptRefundOperatorLimitMinor: amountMinor,
    badgeOnlyForCashiers: z.boolean(),
  })
  .strict()
  .partial();

export const settingsCalls = {
  'settings.get': call<StoreSettings>()(z.object({}).strict()),
  'settings.update': call<StoreSettings>()(settingsPatch),
  'journal.verify': call<JournalVerification>()(z.object({}).strict()),
};

/** Settings refusals. Each needs its translation in assets/locales (errors.json). */
export const settingsErrors = ['settings.invalid'] as const;
