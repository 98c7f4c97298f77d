import { z } from 'zod';
import { call } from './define';
import { amountMinor, locale, rateBp, timeOfDay, timeZone } from './primitives';
import type { JournalVerification, StoreSettings } from './views';
import { cashRoundingStepMinor } from './cash-rounding';
import { scaleLabelLayouts } from './scale-label';
import { plainText } from './text';
import { isStorePhone, isStoreTaxId, MAX_STORE_PHONE, MAX_STORE_TAX_ID, REGISTER_ID_PATTERN } from './store-details';

/** A receipt logo of at most 48 KB of PNG, as base64. */
export const MAX_LOGO_BYTES = 48 * 1024;
export const MAX_LOGO_BASE64 = Math.ceil(MAX_LOGO_BYTES / 3) * 4;
/** The widest logo an 80 mm printer prints (576 dots). */
export const MAX_LOGO_WIDTH = 576;

export const settingsPatch = z
  .object({
    storeName: plainText(z.string().trim().min(1).max(80)),
    storeAddress: plainText(z.string().trim().max(200)),
    storeTaxId: z.string().trim().max(MAX_STORE_TAX_ID).refine(isStoreTaxId),
    storeLocale: locale,
    receiptLocale: locale.nullable(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    pricesIncludeTax: z.boolean(),
    cashRoundingStepMinor,
    cashierDiscountLimitBp: rateBp,
    receiptFooter: plainText(z.string().max(200), { multiline: true }),
    registerId: z.string().regex(REGISTER_ID_PATTERN),
    drawerOnCash: z.boolean(),
    timeZone,
    businessDayStartsAt: timeOfDay,
    noReceiptRefundDayLimitMinor: amountMinor,
    noReceiptRefundOperatorLimitMinor: amountMinor,
    // Up to ¥10,000 a piece: keeps every count of 100,000 pieces an exact integer.
    cashDenominationsMinor: z.array(z.number().int().min(1).max(1_000_000)).max(30),
    badgeOnlyForCashiers: z.boolean(),
    storePhone: z.string().trim().max(MAX_STORE_PHONE).refine(isStorePhone),
    receiptHeader: plainText(z.string().max(200), { multiline: true }),
    // A PNG in base64; main checks that it is one and small enough for the paper (settings.logo_invalid).
    receiptLogoPng: z.string().max(MAX_LOGO_BASE64),
    supervisorDiscountLimitBp: rateBp,
    theme: z.enum(['light', 'dark', 'high-contrast']),
    fontSize: z.enum(['normal', 'large', 'x-large']),
    screenBrightness: z.number().int().min(30).max(100),
    soundOnScan: z.boolean(),
    soundOnError: z.boolean(),
    updateFeedUrl: z.string().trim().max(300),
    setupWizardDone: z.boolean(),
    scaleLabelLayouts,
    cancelSaleNeedsSupervisor: z.boolean(),
  })
  .strict()
  .partial();

export const settingsCalls = {
  'settings.get': call<StoreSettings>()(z.object({}).strict()),
  'settings.update': call<StoreSettings>()(settingsPatch),
  'journal.verify': call<JournalVerification>()(z.object({}).strict()),
};

/** Settings refusals. Each needs its translation in assets/locales (errors.json). */
export const settingsErrors = [
  'settings.invalid',
  'settings.logo_invalid',
  'settings.logo_too_wide',
  'settings.feed_url_invalid',
  'settings.register_id_shift_open',
  'settings.register_id_sale_open',
] as const;
